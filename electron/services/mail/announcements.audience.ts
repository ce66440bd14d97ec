import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { clientGroups, clients, miners, sites } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import type { AnnouncementAudience } from '../../contract/mail';
import { counted } from '../../contract/words';
import { requireById } from '../require-row';

export type AudienceClient = { id: number; name: string; company: string; email: string };

/** Clients that are still with the facility (not archived, not merged away). */
const current = and(isNull(clients.archivedAt), isNull(clients.mergedIntoId));
const clientColumns = { id: clients.id, name: clients.name, company: clients.company, email: clients.contactEmail };

function clientsWithMinersWhere(db: DbOrTx, minersWhere: ReturnType<typeof sql>): AudienceClient[] {
  return db
    .select(clientColumns)
    .from(clients)
    .where(and(current, sql`${clients.id} IN (SELECT ${miners.clientId} FROM ${miners} WHERE ${minersWhere})`))
    .orderBy(asc(clients.name))
    .all();
}

/** The miners given, refused as a whole when one does not exist. */
function minersClients(db: DbOrTx, minerIds: number[]): AudienceClient[] {
  const ids = [...new Set(minerIds)];
  let found = 0;
  for (const chunk of inChunks(ids))
    found += db
      .select({ n: sql<number>`count(*)` })
      .from(miners)
      .where(inIds(miners.id, chunk))
      .get()!.n;
  const gone = ids.length - found;
  if (gone)
    throw new AppError(
      'NOT_FOUND',
      `${counted(gone, 'selected miner')} no longer ${gone === 1 ? 'exists' : 'exist'}. Reload the miners list and select again.`,
    );
  const byId = new Map<number, AudienceClient>();
  for (const chunk of inChunks(ids)) for (const client of clientsWithMinersWhere(db, inIds(miners.id, chunk))) byId.set(client.id, client);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Who an announcement goes to, and the audience in words as it is now. */
export function resolveAudience(db: DbOrTx, audience: AnnouncementAudience): { recipients: AudienceClient[]; text: string } {
  switch (audience.kind) {
    case 'all':
      return { recipients: db.select(clientColumns).from(clients).where(current).orderBy(asc(clients.name)).all(), text: 'All clients' };
    case 'group': {
      const group = requireById(db, clientGroups, audience.groupId, 'Client group');
      const recipients = db
        .select(clientColumns)
        .from(clients)
        .where(and(current, eq(clients.groupId, group.id)))
        .orderBy(asc(clients.name))
        .all();
      return { recipients, text: `Clients of group ${group.name}` };
    }
    case 'site': {
      const site = requireById(db, sites, audience.siteId, 'Site');
      return { recipients: clientsWithMinersWhere(db, sql`${miners.siteId} = ${site.id}`), text: `Clients with miners at site ${site.name}` };
    }
    case 'miners':
      return { recipients: minersClients(db, audience.minerIds), text: `Clients of ${counted(new Set(audience.minerIds).size, 'selected miner')}` };
  }
}
