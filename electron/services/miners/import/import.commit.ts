import { and, isNotNull } from 'drizzle-orm';
import { inIds } from '../../../../db/bulk';
import { inChunks } from '../../../../db/chunks';
import type { Db, DbOrTx } from '../../../../db/open-db';
import { miners, minerTags } from '../../../../db/schema';
import { AppError } from '../../../contract/errors';
import type { ImportResult } from '../../../contract/miners.import';
import { counted } from '../../../contract/words';
import { recordManyAuditRows, type AuditRecord } from '../../audit/record-audit';
import { recordManyIdentityChanges, type IdentityChange } from '../miners.identity';
import { writeMinerColumns, type MinerColumnChange } from '../miners.write-columns';
import { createMiners, reassignMiners, type MinerRow, type NewMiner } from '../miners.service';
import type { MinerColumns, PlannedRow } from './import.plan';
import type { ImportFile } from './import.file';
import { readImportFileOffThread } from './import.file-worker';
import { createImportedClients } from './import.new-clients';
import { planImport, type ImportChoices, type ImportInput } from './import.preview';
import { refuseContractedMinerChanges } from '../../contracts/contracts.miner-guard';

const identityOf = (values: Partial<MinerColumns>) => {
  const out: IdentityChange['after'] = {};
  for (const kind of ['ip', 'mac', 'serial', 'hostname'] as const) if (values[kind] !== undefined) out[kind] = values[kind];
  return out;
};

function refuseWithErrors(rows: readonly PlannedRow[]): never {
  const failing = rows.filter((row) => row.action === 'error');
  const first = failing.flatMap((row) => row.errors.map((error) => `Row ${row.row}: ${error}${/[.!?]$/.test(error) ? '' : '.'}`)).slice(0, 3);
  const more = failing.length > 3 ? ' The preview lists every error.' : '';
  throw new AppError(
    'INVALID_INPUT',
    `Nothing was imported: ${counted(failing.length, 'row')} ${failing.length === 1 ? 'has an error' : 'have errors'}. ${first.join(' ')}${more} Fix the file and import it again.`,
  );
}

/** Tags written as the file has them; a miner's old tags go first. */
function writeTags(tx: DbOrTx, tagged: { minerId: number; tags: string[] }[]): void {
  for (const chunk of inChunks(tagged))
    tx.delete(minerTags)
      .where(
        inIds(
          minerTags.minerId,
          chunk.map((one) => one.minerId),
        ),
      )
      .run();
  const rows = tagged.flatMap(({ minerId, tags }) => tags.map((tag) => ({ minerId, tag })));
  for (const chunk of inChunks(rows)) tx.insert(minerTags).values(chunk).run();
}

/**
 * Applies the file in one transaction after planning it again against the data as it is now: new
 * clients first (with the names and managers chosen in the preview), then new miners (identity history source "import"), then changed fields of matched
 * miners (client moves through the assignment history). Any row with an error refuses the whole file.
 */
export async function commitImport(db: Db, input: ImportInput, actor: string): Promise<ImportResult> {
  return applyImport(db, await readImportFileOffThread(input), input, actor);
}

/** The commit after the file was read: synchronous, so the whole of it is one SQLite transaction. */
export function applyImport(db: Db, file: ImportFile, choices: ImportChoices, actor: string): ImportResult {
  return db.transaction((tx) => {
    const plan = planImport(tx, file, choices, actor);
    if (plan.rows.some((row) => row.action === 'error')) refuseWithErrors(plan.rows);
    const at = new Date().toISOString();
    const createdClients = createImportedClients(tx, plan.ctx, plan.newClients, actor);
    const clientIdOf = new Map(createdClients.map((client) => [client.email, client.id]));
    const clientOf = (row: PlannedRow) => (row.newClientEmail ? (clientIdOf.get(row.newClientEmail) ?? null) : (row.after.clientId ?? null));

    const updates = plan.rows.filter((row) => row.action === 'update');
    const heldPositions = freePositionsOfMovingMiners(tx, updates);
    const creates = plan.rows.filter((row) => row.action === 'create');
    const created = createNewMiners(tx, creates, clientOf, actor);
    updateMiners(db, tx, updates, clientOf, actor, at, heldPositions);
    writeTags(tx, [
      ...creates.flatMap((row, i) => (row.tagsAfter ? [{ minerId: created[i].id, tags: row.tagsAfter }] : [])),
      ...updates.flatMap((row) => (row.tagsAfter && row.minerId !== null ? [{ minerId: row.minerId, tags: row.tagsAfter }] : [])),
    ]);
    return { created: creates.length, updated: updates.length, unchanged: plan.rows.length - creates.length - updates.length, createdClients };
  });
}

/**
 * Empties the rack position of every updated miner whose place changes, before any row is written: the
 * unique rack position would otherwise refuse a swap or rotation the preview allowed, whichever row came
 * first. Returns the positions it emptied, so a miner moving to another rack at the same number gets its number back.
 */
function freePositionsOfMovingMiners(tx: DbOrTx, updates: readonly PlannedRow[]): Map<number, number> {
  const ids = updates.filter((row) => row.after.rackId !== undefined || row.after.rackPosition !== undefined).map((row) => row.minerId ?? 0);
  const held = new Map<number, number>();
  for (const chunk of inChunks(ids, 5_000)) {
    const placed = and(inIds(miners.id, chunk), isNotNull(miners.rackPosition));
    for (const row of tx.select({ id: miners.id, position: miners.rackPosition }).from(miners).where(placed).all()) held.set(row.id, row.position ?? 0);
    tx.update(miners).set({ rackPosition: null }).where(placed).run();
  }
  return held;
}

function createNewMiners(tx: DbOrTx, creates: PlannedRow[], clientOf: (row: PlannedRow) => number | null, actor: string): MinerRow[] {
  const inputs: NewMiner[] = creates.map((row) => ({
    assetId: row.assetId ?? '',
    clientId: clientOf(row),
    make: row.after.make ?? '',
    model: row.after.model ?? '',
    modelId: row.after.modelId ?? null,
    serial: row.after.serial ?? null,
    mac: row.after.mac ?? null,
    ip: row.after.ip ?? null,
    hostname: row.after.hostname ?? null,
    paid: row.after.paid ?? true,
    siteId: row.after.siteId ?? null,
    rackId: row.after.rackId ?? null,
    rackPosition: row.after.rackPosition ?? null,
    firmware: row.after.firmware ?? null,
    workerName: row.after.workerName ?? null,
    notes: row.after.notes ?? '',
    state: row.after.state,
  }));
  const rows = createMiners(tx, inputs, actor, 'import');
  return rows;
}

function updateMiners(
  db: Db,
  tx: DbOrTx,
  updates: PlannedRow[],
  clientOf: (row: PlannedRow) => number | null,
  actor: string,
  at: string,
  heldPositions: Map<number, number>,
): void {
  refuseContractedMinerChanges(
    tx,
    updates.map((row) => ({
      minerId: row.minerId ?? 0,
      toClientId: row.after.clientId !== undefined || row.newClientEmail ? clientOf(row) : undefined,
      retiring: row.after.state === 'retired',
    })),
    at,
  );
  const moving = updates.filter((row) => row.after.clientId !== undefined);
  const fullRows = new Map(
    inChunks(
      moving.map((row) => row.minerId ?? 0),
      5_000,
    )
      .flatMap((ids) => tx.select().from(miners).where(inIds(miners.id, ids)).all())
      .map((row) => [row.id, row]),
  );
  const byClient = new Map<number | null, MinerRow[]>();
  for (const row of moving) {
    const clientId = clientOf(row);
    const miner = fullRows.get(row.minerId ?? 0);
    if (miner) byClient.set(clientId, [...(byClient.get(clientId) ?? []), miner]);
  }
  for (const [clientId, group] of byClient) reassignMiners(tx, group, clientId, actor, 'import');

  const audits: AuditRecord[] = [];
  const identity: IdentityChange[] = [];
  const columnChanges: MinerColumnChange[] = [];
  for (const row of updates) {
    const minerId = row.minerId ?? 0;
    const { clientId: _clientAfter, ...after } = row.after;
    const { clientId: _clientBefore, ...before } = row.before;
    // reassignMiners sets assigned or unassigned; an RMA or retired machine keeps its state unless the file gives one.
    const keptState = row.after.clientId !== undefined && after.state === undefined ? { state: fullRows.get(minerId)?.state } : {};
    const held = heldPositions.get(minerId);
    const keptPosition = held !== undefined && after.rackPosition === undefined ? { rackPosition: held } : {};
    if (Object.keys(after).length > 0 || keptState.state) {
      columnChanges.push({ minerId, values: { ...after, ...keptState, ...keptPosition } });
    }
    identity.push({ minerId, before: identityOf(row.before), after: identityOf(row.after) });
    const tags = row.tagsAfter ? { before: { tags: row.tagsBefore }, after: { tags: row.tagsAfter } } : { before: {}, after: {} };
    if (Object.keys(after).length > 0 || row.tagsAfter) {
      // A miner leaving for no client stays in its last client's activity.
      const clientId = row.after.clientId === undefined ? row.clientIdNow : (clientOf(row) ?? row.clientIdNow);
      audits.push({
        actor,
        action: 'miner.updated',
        entity: 'miner',
        entityId: minerId,
        clientId,
        before: { ...before, ...tags.before },
        after: { ...after, ...tags.after, why: 'import' },
      });
    }
  }
  writeMinerColumns(db, columnChanges, at);
  recordManyIdentityChanges(tx, identity, 'import', at);
  recordManyAuditRows(db, audits);
}
