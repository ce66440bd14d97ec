import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, makeClient, makeManager } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import type { ClientDetail } from '../../contract/clients';
import { listAudit } from '../audit/audit.service';
import { createMiner } from '../miners/miners.service';
import { createTask } from '../tasks/tasks.service';
import { createClientContact } from './clients.contacts';
import { uploadClientDocument } from './clients.documents';
import { mergeClients, previewMerge } from './clients.merge';
import { setClientPrice } from './clients.pricing';
import { archiveClient, getClientDetail } from './clients.service';
import { listStatusHistory } from './clients.status';

let t: TempDb;
let source: ClientDetail;
let survivor: ClientDetail;

const pdf = Buffer.from('%PDF-1.7\n%fake but well-formed header\n').toString('base64');
const price = (clientId: number, validFrom: string, rate: string) =>
  setClientPrice(t.db, contract['clients.pricing.set'].input.parse({ clientId, validFrom, energyRatePerKwh: rate }), actor);

beforeEach(() => {
  t = openTempDb();
  const managerId = makeManager(t.db).id;
  source = makeClient(t.db, { name: 'Acme (duplicate)', contactEmail: 'old@acme.com', managerId });
  survivor = makeClient(t.db, { name: 'Acme', contactEmail: 'ops@acme.com', managerId });
  for (const assetId of ['M-1', 'M-2', 'M-3']) createMiner(t.db, { assetId, make: 'Bitmain', model: 'S21', clientId: source.id }, actor);
  createMiner(t.db, { assetId: 'M-9', make: 'Bitmain', model: 'S21', clientId: survivor.id }, actor);
  createTask(t.db, { title: 'Swap PSU', type: 'swap', clientId: source.id }, actor);
  createClientContact(t.db, { clientId: source.id, name: 'Jo', email: null, phone: '', role: 'billing' }, actor);
  uploadClientDocument(t.db, { clientId: source.id, fileName: 'contract.pdf', base64: pdf }, actor);
  price(source.id, '2025-01-01', '0.06');
  price(source.id, '2025-03-01', '0.065');
  price(survivor.id, '2025-03-01', '0.07');
});
afterEach(() => t.close());

const snapshot = () =>
  Object.fromEntries(
    [
      'miners',
      'miner_client_assignments',
      'tasks',
      'client_contacts',
      'client_documents',
      'client_pricing',
      'clients',
      'client_status_history',
      'audit_log',
    ].map((table) => [table, t.db.$client.prepare(`SELECT * FROM ${table} ORDER BY id`).all()]),
  );

describe('previewMerge', () => {
  it('counts what moves and names the conflicts, changing nothing', () => {
    const before = snapshot();
    const preview = previewMerge(t.db, source.id, survivor.id);
    expect(preview).toEqual({
      source: { id: source.id, name: 'Acme (duplicate)' },
      survivor: { id: survivor.id, name: 'Acme' },
      moves: { miners: 3, contracts: 0, invoices: 0, payments: 0, contacts: 1, documents: 1, tasks: 1, pricingRows: 1 },
      conflicts: ["Both clients have prices valid from 2025-03-01: the survivor's prices are kept for those dates."],
    });
    expect(snapshot()).toEqual(before);
  });

  it('keeps every price row with the source when the two bill in different currencies', () => {
    const euro = makeClient(t.db, { managerId: survivor.managerId, currency: 'EUR' });
    expect(previewMerge(t.db, source.id, euro.id)).toMatchObject({
      moves: { pricingRows: 0 },
      conflicts: [expect.stringMatching(/bills in USD, the survivor in EUR/)],
    });
  });

  it('refuses a merge into itself, into an archived client, and of an already merged client', () => {
    expect(() => previewMerge(t.db, source.id, source.id)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', fields: { survivorId: 'must be another client' } }),
    );
    const gone = makeClient(t.db, { managerId: survivor.managerId });
    archiveClient(t.db, gone.id, actor);
    expect(() => previewMerge(t.db, source.id, gone.id)).toThrow(/is archived and cannot receive a merge/);
    mergeClients(t.db, source.id, survivor.id, actor);
    expect(() => mergeClients(t.db, source.id, survivor.id, actor)).toThrow(
      `Client #${source.id} "Acme (duplicate)" was already merged into client #${survivor.id}.`,
    );
  });
});

describe('mergeClients', () => {
  it('moves miners with their assignment history, tasks, contacts, documents and non-clashing prices; archives the source', () => {
    const result = mergeClients(t.db, source.id, survivor.id, actor);
    expect(result.moved).toMatchObject({ miners: 3, tasks: 1, contacts: 1, documents: 1, pricingRows: 1 });
    expect(result.survivor.counts).toMatchObject({ assignedMiners: 4, contacts: 1, documents: 1, openTasks: 1 });
    const q = (sql: string, ...args: unknown[]) => t.db.$client.prepare(sql).all(...args);
    expect(q('SELECT client_id, count(*) AS n FROM tasks GROUP BY client_id')).toEqual([{ client_id: survivor.id, n: 1 }]);
    expect(q('SELECT valid_from, client_id FROM client_pricing ORDER BY id')).toEqual([
      { valid_from: '2025-01-01', client_id: survivor.id },
      { valid_from: '2025-03-01', client_id: source.id },
      { valid_from: '2025-03-01', client_id: survivor.id },
    ]);
    const history = q(
      "SELECT a.client_id, a.to_at IS NULL AS open FROM miner_client_assignments a JOIN miners m ON m.id = a.miner_id WHERE m.asset_id = 'M-1' ORDER BY a.id",
    );
    expect(history).toEqual([
      { client_id: source.id, open: 0 },
      { client_id: survivor.id, open: 1 },
    ]);
    const archived = getClientDetail(t.db, source.id);
    expect(archived).toMatchObject({
      status: 'inactive',
      mergedIntoId: survivor.id,
      mergedInto: { id: survivor.id, name: 'Acme' },
      counts: { assignedMiners: 0 },
    });
    expect(archived.archivedAt).not.toBeNull();
  });

  it('writes status history and audit rows on both clients and one audit row per moved miner', () => {
    mergeClients(t.db, source.id, survivor.id, actor);
    expect(listStatusHistory(t.db, source.id)[0]).toMatchObject({
      fromStatus: 'active',
      toStatus: 'inactive',
      reason: `Merged into Client #${survivor.id} "Acme".`,
    });
    expect(listStatusHistory(t.db, survivor.id)[0].reason).toBe(`Client #${source.id} "Acme (duplicate)" was merged into this client.`);
    const sourceAudit = listAudit(t.db, { clientId: source.id, entity: 'client', limit: 1, offset: 0 }).rows[0];
    expect(sourceAudit).toMatchObject({ action: 'client.merged_away', after: { mergedIntoId: survivor.id, moved: { miners: 3 } } });
    const minerRows = listAudit(t.db, { clientId: survivor.id, entity: 'miner', limit: 10, offset: 0 }).rows.filter((r) => r.action === 'miner.client_changed');
    expect(minerRows).toHaveLength(3);
    expect(minerRows[0]).toMatchObject({ before: { clientId: source.id }, after: { clientId: survivor.id } });
    expect(listAudit(t.db, { clientId: survivor.id, entity: 'client', limit: 1, offset: 0 }).rows[0].action).toBe('client.merge_received');
  });

  it('lets the archived source free its contact e-mail for reuse', () => {
    mergeClients(t.db, source.id, survivor.id, actor);
    expect(makeClient(t.db, { contactEmail: 'old@acme.com', managerId: survivor.managerId }).contactEmail).toBe('old@acme.com');
  });

  it('changes nothing at all when a step fails half-way', () => {
    // The last step (archiving the source) fails after miners, tasks, contacts and documents were moved.
    t.db.$client.exec("CREATE TRIGGER fail_archive BEFORE UPDATE OF archived_at ON clients BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = snapshot();
    expect(() => mergeClients(t.db, source.id, survivor.id, actor)).toThrow(/disk full/);
    expect(snapshot()).toEqual(before);
  });
});
