import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { auditLog } from '../../../db/schema';
import type { AuditEntry, Page } from '../../contract/audit';
import type { ParsedInputOf } from '../../contract/define';
import type { Contract } from '../../contract';
import { type ClientScope, facilityOrInClientScope } from '../client-scope/client-scope';
import { describeAuditRows } from './audit.describe';

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** Newest first; a caller who sees only the clients they manage (`scope`) sees no row of another manager's client. */
export function listAudit(db: DbOrTx, input: ParsedInputOf<Contract['audit.list']>, scope: ClientScope = null): Page<AuditEntry> {
  const conditions: SQL[] = [];
  const inScope = facilityOrInClientScope(scope, auditLog.clientId);
  if (inScope) conditions.push(inScope);
  if (input.entity) conditions.push(eq(auditLog.entity, input.entity));
  if (input.entityId) conditions.push(eq(auditLog.entityId, input.entityId));
  if (input.clientId) conditions.push(eq(auditLog.clientId, input.clientId));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(input.limit).offset(input.offset).all();
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const facts = rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    clientId: row.clientId,
    before: parseJson(row.beforeJson),
    after: parseJson(row.afterJson),
  }));
  const words = describeAuditRows(db, facts);
  return { total, rows: facts.map((row, i) => ({ ...row, ...words[i] })) };
}

/** True while nothing was ever changed: every user-visible change writes an audit row. */
export function hasNoChanges(db: DbOrTx): boolean {
  return db.select({ id: auditLog.id }).from(auditLog).limit(1).get() === undefined;
}
