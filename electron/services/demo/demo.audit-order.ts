import type { Db } from '../../../db/open-db';

/**
 * The log reads newest first by id, and ids follow time everywhere else. The demo writes its story domain
 * by domain (every client, then every miner, then the power devices months back), so its rows are
 * renumbered in the order they happened; nothing refers to an audit row by id.
 */
export function orderAuditByTime(db: Db): void {
  db.$client.exec(`
    CREATE TEMP TABLE demo_audit AS
      SELECT at, actor, action, entity, entity_id, client_id, before_json, after_json FROM audit_log ORDER BY at, id;
    DELETE FROM audit_log;
    DELETE FROM sqlite_sequence WHERE name = 'audit_log';
    INSERT INTO audit_log (at, actor, action, entity, entity_id, client_id, before_json, after_json)
      SELECT at, actor, action, entity, entity_id, client_id, before_json, after_json FROM demo_audit ORDER BY rowid;
    DROP TABLE demo_audit;`);
}
