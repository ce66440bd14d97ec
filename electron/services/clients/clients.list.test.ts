import { isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clients } from '../../../db/schema';
import { actor, makeClient, makeManager, setOrganisation } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type Input } from '../../contract';
import type { ClientDetail } from '../../contract/clients';
import { createMiner } from '../miners/miners.service';
import { createTask } from '../tasks/tasks.service';
import { createClientGroup } from './clients.groups';
import { clientPageQuery, listClients } from './clients.list';
import { archiveClient } from './clients.service';
import { setClientStatus } from './clients.status';

let t: TempDb;
let acme: ClientDetail, borealis: ClientDetail, cobalt: ClientDetail, delta: ClientDetail;
let ana: number, ben: number, retail: number;

beforeEach(() => {
  t = openTempDb();
  ana = makeManager(t.db, 'Ana').id;
  ben = makeManager(t.db, 'Ben').id;
  retail = createClientGroup(t.db, { name: 'Retail', description: '' }, actor).id;
  acme = makeClient(t.db, {
    name: 'acme hashing',
    company: 'Acme 50% Ltd',
    contactEmail: 'ops@acme.com',
    phone: '+1 555 0100',
    country: 'US',
    managerId: ana,
    groupId: retail,
  });
  borealis = makeClient(t.db, {
    name: 'Borealis',
    company: '',
    contactEmail: 'it@borealis.no',
    billingEmail: 'ap@borealis.no',
    country: 'NO',
    managerId: ben,
    taxExempt: true,
  });
  cobalt = makeClient(t.db, { name: 'Cobalt', company: 'Cobalt Mining', contactEmail: 'hi@cobalt.ca', currency: 'CAD', managerId: ana });
  delta = makeClient(t.db, { name: 'Delta', contactEmail: 'd@delta.io', managerId: ben });
  setClientStatus(t.db, { id: cobalt.id, status: 'in_default', reason: 'Late' }, actor);
  const fleet: [number, 'online' | 'offline' | 'warning' | 'unknown', boolean][] = [
    [acme.id, 'online', true],
    [acme.id, 'online', false],
    [acme.id, 'offline', true],
    [acme.id, 'warning', true],
    [borealis.id, 'unknown', true],
  ];
  fleet.forEach(([clientId, liveStatus, paid], i) =>
    createMiner(t.db, { assetId: `A-${i}`, make: 'Bitmain', model: 'S21', clientId, liveStatus, paid }, actor),
  );
  createMiner(t.db, { assetId: 'SPARE', make: 'Bitmain', model: 'S21' }, actor);
  createTask(t.db, { title: 'Reboot', type: 'reboot', clientId: acme.id }, actor);
  createTask(t.db, { title: 'Swap fan', type: 'swap', status: 'waiting_parts', clientId: acme.id }, actor);
  createTask(t.db, { title: 'Inspect', type: 'inspection', status: 'done', clientId: acme.id }, actor);
});
afterEach(() => t.close());

const list = (raw: Partial<Input<'clients.list'>> = {}) => listClients(t.db, contract['clients.list'].input.parse(raw));
const ids = (raw: Partial<Input<'clients.list'>> = {}) => list(raw).rows.map((r) => r.id);

describe('listClients', () => {
  it('returns rows with effective billing e-mail, currency, group, manager and both bars', () => {
    const { rows, total, statusCounts } = list();
    expect(total).toBe(4);
    expect(statusCounts).toEqual({ active: 3, inactive: 0, suspended: 0, in_default: 1, pool_redirected: 0 });
    const [a, b, c] = rows;
    expect(a).toMatchObject({
      id: acme.id,
      billingEmail: 'ops@acme.com',
      currency: 'USD',
      group: { id: retail, name: 'Retail' },
      manager: { id: ana, name: 'Ana' },
    });
    expect(a.minersBar).toEqual({ online: 2, offline: 1, warning: 1, unknown: 0, paid: 3, unpaid: 1, total: 4 });
    expect(a.tasksBar).toEqual({ open: 1, in_progress: 0, waiting_parts: 1, done: 1, cancelled: 0, total: 3 });
    expect(a).toMatchObject({ billsCount: 0, balances: [], archived: false });
    expect(b).toMatchObject({ billingEmail: 'ap@borealis.no', group: null, minersBar: { unknown: 1, total: 1 } });
    expect(c).toMatchObject({ currency: 'CAD', status: 'in_default', minersBar: { total: 0 }, tasksBar: { total: 0 } });
  });

  it('searches name, company, e-mails, phone and #id, treating % and _ literally', () => {
    expect(ids({ search: 'ACME' })).toEqual([acme.id]);
    expect(ids({ search: 'cobalt mining' })).toEqual([cobalt.id]);
    expect(ids({ search: 'ap@borealis' })).toEqual([borealis.id]);
    expect(ids({ search: '555 0100' })).toEqual([acme.id]);
    expect(ids({ search: `#${delta.id}` })).toEqual([delta.id]);
    expect(ids({ search: '50%' })).toEqual([acme.id]);
    expect(ids({ search: '%' })).toEqual([acme.id]);
    expect(ids({ search: 'nobody' })).toEqual([]);
  });

  it('filters by status (chips still count every status), group, manager, tax-exempt and miners', () => {
    const inDefault = list({ statuses: ['in_default'] });
    expect(inDefault.rows.map((r) => r.id)).toEqual([cobalt.id]);
    expect(inDefault.statusCounts.active).toBe(3);
    expect(ids({ groupIds: [retail] })).toEqual([acme.id]);
    expect(ids({ managerIds: [ben] })).toEqual([borealis.id, delta.id]);
    expect(ids({ taxExempt: true })).toEqual([borealis.id]);
    expect(ids({ taxExempt: false })).toEqual([acme.id, cobalt.id, delta.id]);
    expect(ids({ hasMiners: true })).toEqual([acme.id, borealis.id]);
    expect(ids({ hasMiners: false })).toEqual([cobalt.id, delta.id]);
  });

  it('with no contracts and no invoices, no client has a contract in force or owes money', () => {
    expect(ids({ hasContracts: true })).toEqual([]);
    expect(ids({ balanceOwed: true })).toEqual([]);
    expect(ids({ hasContracts: false, balanceOwed: false })).toHaveLength(4);
  });

  it('filters by creation date in the site calendar, both ends inclusive', () => {
    setOrganisation(t.db, 'USD', 'America/Chicago');
    expect(ids({ createdFrom: '2000-01-01', createdTo: '2000-12-31' })).toEqual([]);
    expect(list({ createdFrom: '2000-01-01' }).total).toBe(4);
    // 03:00 UTC on 1 June is still 31 May in Texas.
    t.db.$client.prepare('UPDATE clients SET created_at = ? WHERE id = ?').run('2024-06-01T03:00:00.000Z', delta.id);
    expect(ids({ createdFrom: '2024-05-31', createdTo: '2024-05-31' })).toEqual([delta.id]);
    expect(ids({ createdFrom: '2024-06-01', createdTo: '2024-06-01' })).toEqual([]);
  });

  it('hides archived clients unless asked', () => {
    archiveClient(t.db, delta.id, actor);
    expect(ids()).not.toContain(delta.id);
    const all = list({ includeArchived: true });
    expect(all.rows.find((r) => r.id === delta.id)?.archived).toBe(true);
  });

  it('sorts by each key, blanks last, ties by id', () => {
    expect(ids({ sort: 'name' })).toEqual([acme.id, borealis.id, cobalt.id, delta.id]);
    expect(ids({ sort: 'name', dir: 'desc' })).toEqual([delta.id, cobalt.id, borealis.id, acme.id]);
    expect(ids({ sort: 'company' })).toEqual([acme.id, cobalt.id, borealis.id, delta.id]);
    expect(ids({ sort: 'country' })).toEqual([borealis.id, acme.id, cobalt.id, delta.id]);
    expect(ids({ sort: 'group', dir: 'desc' })).toEqual([acme.id, delta.id, cobalt.id, borealis.id]);
    expect(ids({ sort: 'created', dir: 'desc' })).toEqual([delta.id, cobalt.id, borealis.id, acme.id]);
    expect(ids({ sort: 'balance' })).toEqual([acme.id, borealis.id, cobalt.id, delta.id]);
  });

  it('pages with offset and limit, total counting every page, and caps the page at 200', () => {
    const page = list({ sort: 'name', offset: 1, limit: 2 });
    expect(page.rows.map((r) => r.id)).toEqual([borealis.id, cobalt.id]);
    expect(page.total).toBe(4);
    expect(contract['clients.list'].input.safeParse({ limit: 201 }).success).toBe(false);
    expect(contract['clients.list'].input.safeParse({ colour: 'red' }).success).toBe(false);
  });
});

describe('clients list query plan', () => {
  it.each(['name', 'company', 'country', 'created', 'id'] as const)('reads a page sorted by %s from an index, without sorting every client', (sort) => {
    const input = contract['clients.list'].input.parse({ sort });
    const { sql: text, params } = clientPageQuery(t.db, input, isNull(clients.archivedAt)).toSQL();
    const plan = (t.db.$client.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
  });
});
