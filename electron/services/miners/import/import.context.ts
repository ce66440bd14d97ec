import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/open-db';
import { clients, minerModels, miners, racks, siteRooms, sites, staff } from '../../../../db/schema';

export type ModelRef = { id: number; make: string; model: string };
export type RackRef = { id: number; name: string; positions: number; roomName: string; siteId: number };
export type ClientRef = { id: number; name: string; email: string };

const lower = (text: string) => text.toLowerCase();

function groupInto<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/**
 * The staff who may manage the clients an import creates (the active members), and the one to suggest:
 * the importing person when they are an active member (the actor is their e-mail or their name, and only
 * one member has it). Nobody else is suggested: the person importing chooses each new client's manager.
 */
function managersOfNewClients(db: DbOrTx, actor: string) {
  const active = db.select({ id: staff.id, name: staff.name, email: staff.email }).from(staff).where(eq(staff.active, true)).orderBy(asc(staff.id)).all();
  const who = actor.trim().toLowerCase();
  const same = active.filter((member) => member.email === who || member.name.trim().toLowerCase() === who);
  return { activeIds: new Set(active.map((member) => member.id)), suggested: same.length === 1 ? { id: same[0].id, name: same[0].name } : null };
}

/**
 * Everything a row is checked against, read once per preview: the catalogue, places, open clients,
 * taken rack positions and asset IDs. Ten thousand rows then cost map look-ups, not queries.
 */
export function loadImportContext(db: DbOrTx, actor: string) {
  const models = db.select({ id: minerModels.id, make: minerModels.make, model: minerModels.model }).from(minerModels).all();
  const siteRows = db.select({ id: sites.id, name: sites.name }).from(sites).all();
  const rackRows: RackRef[] = db
    .select({ id: racks.id, name: racks.name, positions: racks.positions, roomName: siteRooms.name, siteId: siteRooms.siteId })
    .from(racks)
    .innerJoin(siteRooms, eq(siteRooms.id, racks.roomId))
    .all();
  const clientRows: ClientRef[] = db
    .select({ id: clients.id, name: clients.name, email: clients.contactEmail })
    .from(clients)
    .where(isNull(clients.archivedAt))
    .all();
  const managers = managersOfNewClients(db, actor);

  const modelsByPair = new Map(models.map((m) => [`${lower(m.make)}\0${lower(m.model)}`, m]));
  const modelsByName = groupInto(models, (m) => lower(m.model));
  const modelsByFullName = new Map(models.map((m) => [lower(`${m.make} ${m.model}`), m]));
  const sitesByName = new Map(siteRows.map((site) => [lower(site.name), site]));
  const racksBySiteName = groupInto(rackRows, (rack) => `${rack.siteId}\0${lower(rack.name)}`);
  const clientsByEmail = new Map(clientRows.map((client) => [client.email, client]));
  const clientsByName = groupInto(clientRows, (client) => lower(client.name));
  // The miners table is read only as far as the file needs: 100,000 asset IDs cost more to read than to check.
  const occupantsByRack = new Map<number, Map<number, number>>();
  const occupantsOf = (rackId: number) => {
    let byPosition = occupantsByRack.get(rackId);
    if (!byPosition) {
      const placed = db
        .select({ id: miners.id, position: miners.rackPosition })
        .from(miners)
        .where(and(eq(miners.rackId, rackId), isNotNull(miners.rackPosition)))
        .all();
      occupantsByRack.set(rackId, (byPosition = new Map(placed.map((row) => [row.position ?? 0, row.id]))));
    }
    return byPosition;
  };
  let assetIds: Map<string, number> | undefined; // lower-cased asset ID → miner, read when a row gives an asset ID
  const minerIdByAsset = () =>
    (assetIds ??= new Map(
      db
        .select({ id: miners.id, assetId: miners.assetId })
        .from(miners)
        .all()
        .map((row) => [lower(row.assetId), row.id]),
    ));
  const assetIdById = new Map<number, string | null>();
  const assetIdOf = (id: number) => {
    if (!assetIdById.has(id)) assetIdById.set(id, db.select({ assetId: miners.assetId }).from(miners).where(eq(miners.id, id)).get()?.assetId ?? null);
    return assetIdById.get(id) ?? `miner #${id}`;
  };
  const siteById = new Map(siteRows.map((site) => [site.id, site]));
  const rackById = new Map(rackRows.map((rack) => [rack.id, rack]));
  const clientById = new Map(clientRows.map((client) => [client.id, client]));

  return {
    /** Make and model, or the model alone when the catalogue has it once, or "make model" written in one cell. */
    findModel(make: string | undefined, model: string): ModelRef | 'ambiguous' | null {
      if (make) return modelsByPair.get(`${lower(make)}\0${lower(model)}`) ?? null;
      const byName = modelsByName.get(lower(model)) ?? [];
      if (byName.length > 1) return 'ambiguous';
      return byName[0] ?? modelsByFullName.get(lower(model)) ?? null;
    },
    findSite: (name: string) => sitesByName.get(lower(name)) ?? null,
    hasSite: (id: number) => siteById.has(id),
    siteName: (id: number | null) => (id === null ? '' : (siteById.get(id)?.name ?? `Site #${id}`)),
    racksNamed: (siteId: number, name: string) => racksBySiteName.get(`${siteId}\0${lower(name)}`) ?? [],
    rackById: (id: number | null) => (id === null ? null : (rackById.get(id) ?? null)),
    clientByEmail: (email: string) => clientsByEmail.get(email) ?? null,
    clientsNamed: (name: string) => clientsByName.get(lower(name)) ?? [],
    clientById: (id: number | null) => (id === null ? null : (clientById.get(id) ?? null)),
    occupant: (rackId: number, position: number) => occupantsOf(rackId).get(position) ?? null,
    minerIdByAsset: (assetId: string) => minerIdByAsset().get(lower(assetId)) ?? null,
    assetIdOf,
    hasActiveStaff: managers.activeIds.size > 0,
    isActiveStaff: (id: number) => managers.activeIds.has(id),
    suggestedManager: managers.suggested,
  };
}

export type ImportContext = ReturnType<typeof loadImportContext>;
