import { and, count, eq, inArray, isNotNull, isNull, notInArray, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditLog, clients, contracts, invoices, miners, minerTags, tasks } from '../../../db/schema';
import { addUser, authWithClock, setUpAdministrator } from '../../../tests/helpers/auth-fixtures';
import { clientsWithIssuedInvoices, seedDemoFacility } from '../../../tests/helpers/demo-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type CallName, type Input } from '../../contract';
import { clientFormOf } from '../../contract/clients';
import { builtInRoles } from '../../contract/roles';
import { taskTypes } from '../../contract/tasks';
import { dispatch } from '../../transports/dispatch';
import { createRole } from '../auth/auth.roles';
import { signIn } from '../auth/auth.signin';
import { setLogin } from '../auth/auth.users';
import { createHandlers, type HandlerDeps } from '../handlers';
import { createStaff } from '../staff/staff.service';
import { fromTests } from '../../../tests/helpers/auth-fixtures';

/**
 * "Only the clients they manage" over the demo facility: Mo holds a custom role with the switch on and manages two
 * clients; Uma holds the built-in manager role and sees every client.
 */

let t: TempDb;
let clock: ReturnType<typeof authWithClock>;
let handlers: ReturnType<typeof createHandlers>;
let mo = { staffId: 0, token: '' };
let uma = { staffId: 0, token: '' };
let mine: number[] = [];
let otherClient = 0;
const log = { error: () => undefined, info: () => undefined };

async function call<K extends CallName>(token: string, name: K, input: Input<K>) {
  const caller = clock.caller(name, token);
  if (!caller.ok) throw new Error(caller.error.message);
  return dispatch(handlers, name, input, { ...caller.value, log });
}

async function value<K extends CallName>(token: string, name: K, input: Input<K>) {
  const outcome = await call(token, name, input);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.value as never;
}

beforeAll(async () => {
  t = openTempDb();
  seedDemoFacility(t.db);
  clock = authWithClock(t.db, new Date().toISOString());
  await setUpAdministrator(clock.auth);
  handlers = createHandlers(t.db, { version: 'test', auth: clock.auth } satisfies HandlerDeps);
  const role = createRole(
    t.db,
    contract['roles.create'].input.parse({
      name: 'Account manager',
      permissions: [...builtInRoles.manager.permissions, 'billing.edit', 'fleet.edit', 'devices.act', 'monitoring.edit', 'tasks.edit'],
      onlyManagedClients: true,
    }),
    { actor: 'Ada Admin', staffId: 1 },
  );
  const member = createStaff(t.db, { name: 'Mo Manager', email: null, phone: '', active: true }, 'Ada Admin');
  await setLogin(
    clock.auth,
    { staffId: member.id, login: 'mo', roleId: role.id, password: 'account pass phrase', mustChangePassword: false },
    {
      actor: 'Ada Admin',
      staffId: 1,
    },
  );
  mo = { staffId: member.id, token: (await signIn(clock.auth, { login: 'mo', password: 'account pass phrase' }, fromTests)).token };
  uma = await addUser(clock.auth, 'Uma Manager', 'uma', 'manager');
  // Mo manages the two clients with the most issued invoices; every other client stays with its demo manager.
  const withInvoices = clientsWithIssuedInvoices(t.db);
  mine = withInvoices.slice(0, 2);
  otherClient = withInvoices[2];
  t.db.update(clients).set({ managerId: mo.staffId }).where(inArray(clients.id, mine)).run();
}, 60_000);
afterAll(() => t.close());

const idsOf = (rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);

describe('a role that sees only the clients its holder manages', () => {
  it('tells the signed-in user whose clients they see', async () => {
    expect((await value(mo.token, 'auth.me', {})) as { user: { managedClientsOf: number | null } }).toMatchObject({ user: { managedClientsOf: mo.staffId } });
    expect((await value(uma.token, 'auth.me', {})) as { user: { managedClientsOf: number | null } }).toMatchObject({ user: { managedClientsOf: null } });
  });

  it('lists only their clients, contracts, invoices and payments; an unscoped manager sees every one', async () => {
    const theirs = (await value(mo.token, 'clients.list', { limit: 200 })) as { rows: { id: number }[]; total: number };
    expect(idsOf(theirs.rows)).toEqual([...mine].sort((a, b) => a - b));
    expect(theirs.total).toBe(2);
    const all = (await value(uma.token, 'clients.list', { limit: 200 })) as { total: number };
    expect(all.total).toBeGreaterThan(2);

    const contractRows = ((await value(mo.token, 'contracts.list', { limit: 500 })) as { rows: { client: { id: number } }[] }).rows;
    expect(contractRows.length).toBe(t.db.select().from(contracts).where(inArray(contracts.clientId, mine)).all().length);
    expect(contractRows.every((row) => mine.includes(row.client.id))).toBe(true);
    const allContracts = ((await value(uma.token, 'contracts.list', { limit: 500 })) as { total: number }).total;
    expect(allContracts).toBeGreaterThan(contractRows.length);

    const invoiceRows = ((await value(mo.token, 'invoices.list', {})) as { invoices: { clientId: number }[] }).invoices;
    expect(invoiceRows.length).toBe(t.db.select().from(invoices).where(inArray(invoices.clientId, mine)).all().length);
    expect(((await value(uma.token, 'invoices.list', {})) as { invoices: unknown[] }).invoices.length).toBeGreaterThan(invoiceRows.length);

    const payments = (await value(mo.token, 'payments.list', {})) as { clientId: number }[];
    expect(payments.every((row) => mine.includes(row.clientId))).toBe(true);
    expect(((await value(uma.token, 'payments.list', {})) as unknown[]).length).toBeGreaterThan(payments.length);

    const dashboard = (await value(mo.token, 'dashboard.summary', {})) as { clients: { top: { clientId: number }[]; others: { clients: number } } };
    expect(dashboard.clients.top.every((share) => mine.includes(share.clientId))).toBe(true);
    expect(dashboard.clients.others.clients).toBe(0);
  });

  it("answers NOT_FOUND for another manager's client, its contract or its invoice, by id, and changes nothing", async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('among the clients you manage') } };
    expect(await call(mo.token, 'clients.get', { id: otherClient })).toMatchObject(notFound);
    const other = (await value(uma.token, 'clients.get', { id: otherClient })) as Parameters<typeof clientFormOf>[0];
    const audits = t.db.select().from(auditLog).all().length;
    expect(await call(mo.token, 'clients.update', { id: otherClient, ...clientFormOf(other), name: 'Taken over' })).toMatchObject(notFound);
    expect(await call(mo.token, 'clients.documents.list', { clientId: otherClient })).toMatchObject(notFound);
    const otherContract = t.db.select().from(contracts).where(eq(contracts.clientId, otherClient)).get()!;
    expect(await call(mo.token, 'contracts.get', { id: otherContract.id })).toMatchObject(notFound);
    expect(await call(mo.token, 'contracts.create', { ...contractInputFrom(otherContract), clientId: otherClient })).toMatchObject(notFound);
    const otherInvoice = t.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.clientId, otherClient), isNotNull(invoices.number)))
      .get()!;
    expect(await call(mo.token, 'invoices.get', { id: otherInvoice.id })).toMatchObject(notFound);
    expect(await call(mo.token, 'invoices.pdf', { id: otherInvoice.id })).toMatchObject(notFound);
    expect(await call(mo.token, 'billing.preview', { clientId: otherClient, period: otherInvoice.period })).toMatchObject(notFound);
    expect(await call(mo.token, 'invoices.generateBatch', { period: otherInvoice.period, clientIds: [mine[0], otherClient] })).toMatchObject(notFound);
    expect(await call(mo.token, 'reports.exports', { kind: 'invoices', from: '2026-01-01', to: '2026-01-31', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(t.db.select().from(auditLog).all().length).toBe(audits);
    expect(t.db.select({ name: clients.name }).from(clients).where(eq(clients.id, otherClient)).get()!.name).toBe(other.name);
    // Their own client's invoice opens; the unscoped manager opens the other one.
    const own = t.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.clientId, mine[0]), isNotNull(invoices.number)))
      .get()!;
    expect(await call(mo.token, 'invoices.get', { id: own.id })).toMatchObject({ ok: true });
    expect(await call(uma.token, 'invoices.get', { id: otherInvoice.id })).toMatchObject({ ok: true });
  });

  it('scopes the records, ledgers, reports and moves of a client the same way', async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND' } };
    const period = t.db.select({ period: invoices.period }).from(invoices).where(eq(invoices.clientId, mine[0])).get()!.period;
    expect(await call(mo.token, 'clients.journal', { clientId: otherClient })).toMatchObject(notFound);
    expect(await call(mo.token, 'clients.journal', { clientId: mine[0] })).toMatchObject({ ok: true });
    expect(await call(mo.token, 'clients.statement', { clientId: otherClient, from: '2026-01-01', to: '2026-01-31' })).toMatchObject(notFound);
    expect(await call(mo.token, 'clients.merge.preview', { sourceId: mine[0], survivorId: otherClient })).toMatchObject(notFound);
    expect(await call(mo.token, 'audit.list', { clientId: otherClient })).toMatchObject(notFound);
    const changes = (await value(mo.token, 'audit.list', { limit: 500 })) as { rows: { clientId: number | null }[] };
    expect(changes.rows.length).toBeGreaterThan(0);
    expect(changes.rows.every((row) => row.clientId === null || mine.includes(row.clientId))).toBe(true);
    const everyChange = (await value(uma.token, 'audit.list', { limit: 500 })) as { rows: { clientId: number | null }[] };
    expect(everyChange.rows.some((row) => row.clientId !== null && !mine.includes(row.clientId))).toBe(true);
    expect(
      await call(mo.token, 'payments.record', { clientId: otherClient, method: 'cash', amount: '10', currency: 'USD', receivedAt: '2026-01-02' }),
    ).toMatchObject(notFound);
    // Tasks: the facility's own and their clients' are listed; another manager's client's task is not there.
    const taskRows = ((await value(mo.token, 'tasks.list', { limit: 200 })) as { rows: { client: { id: number } | null }[] }).rows;
    expect(taskRows.every((row) => row.client === null || mine.includes(row.client.id))).toBe(true);
    const othersTask = t.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(isNotNull(tasks.clientId), notInArray(tasks.clientId, mine)))
      .get()!;
    expect(await call(mo.token, 'tasks.get', { id: othersTask.id })).toMatchObject(notFound);
    const allTasks = ((await value(uma.token, 'tasks.list', { limit: 200 })) as { total: number }).total;
    expect(allTasks).toBeGreaterThan(((await value(mo.token, 'tasks.list', { limit: 200 })) as { total: number }).total);
    // The outbox: the facility's own messages and their clients'; an announcement goes only to miners of theirs.
    const outbox = (await value(mo.token, 'mail.outbox.list', { limit: 200 })) as { rows: { clientId: number | null }[]; total: number };
    expect(outbox.rows.every((row) => row.clientId === null || mine.includes(row.clientId))).toBe(true);
    expect(((await value(uma.token, 'mail.outbox.list', { limit: 200 })) as { total: number }).total).toBeGreaterThan(outbox.total);
    expect(await call(mo.token, 'announcements.send', { subject: 'Maintenance', body: 'Tonight.', audience: { kind: 'all' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // A report over every client is refused, the same report for one of theirs is made.
    expect(await call(mo.token, 'reports.monthlyConsumption', { period, format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('choose one of your clients') },
    });
    expect(await call(mo.token, 'reports.monthlyConsumption', { period, clientId: mine[0], format: 'csv' })).toMatchObject({ ok: true });
    // One of their contracts cannot be moved to another manager's client.
    const theirContract = t.db.select().from(contracts).where(eq(contracts.clientId, mine[0])).get()!;
    expect(await call(mo.token, 'contracts.update', { id: theirContract.id, clientId: otherClient })).toMatchObject(notFound);
    expect(t.db.select({ clientId: contracts.clientId }).from(contracts).where(eq(contracts.id, theirContract.id)).get()).toEqual({ clientId: mine[0] });
  });

  it('makes them the manager of a client they create, and refuses handing one of theirs to another manager', async () => {
    const form = { ...clientFormOf((await value(mo.token, 'clients.get', { id: mine[0] })) as never), name: 'Mo’s New Client', contactEmail: 'new@mo.example' };
    const created = (await value(mo.token, 'clients.create', { ...form, managerId: uma.staffId })) as { id: number; managerId: number };
    expect(created.managerId).toBe(mo.staffId);
    const audit = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'client.created'), eq(auditLog.entityId, String(created.id))))
      .get();
    expect(audit?.actor).toBe('Mo Manager');
    const handOver = await call(mo.token, 'clients.update', { ...form, id: created.id, managerId: uma.staffId });
    expect(handOver).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', fields: { managerId: 'must be you' } } });
    expect(t.db.select({ managerId: clients.managerId }).from(clients).where(eq(clients.id, created.id)).get()).toEqual({ managerId: mo.staffId });
  });
});

describe('the fleet of a role that sees only the clients its holder manages', () => {
  const inSight = () => or(isNull(miners.clientId), inArray(miners.clientId, mine));
  const minersInSight = () => t.db.select({ n: count() }).from(miners).where(inSight()).get()!.n;
  const othersMiner = () =>
    t.db
      .select({ id: miners.id })
      .from(miners)
      .where(and(isNotNull(miners.clientId), notInArray(miners.clientId, mine)))
      .get()!.id;
  const ownMiner = () => t.db.select({ id: miners.id }).from(miners).where(eq(miners.clientId, mine[0])).get()!.id;
  const notFound = { ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('among the clients you manage') } };

  it('lists their clients’ miners and the facility’s own, in the table, its counts and its export', async () => {
    const theirs = (await value(mo.token, 'miners.list', { limit: 500 })) as { rows: { client: { id: number } | null }[]; total: number };
    expect(theirs.total).toBe(minersInSight());
    expect(theirs.rows.length).toBeGreaterThan(0);
    expect(theirs.rows.every((row) => row.client === null || mine.includes(row.client.id))).toBe(true);
    expect(((await value(uma.token, 'miners.list', { limit: 1 })) as { total: number }).total).toBeGreaterThan(theirs.total);
    const unassigned = (await value(mo.token, 'miners.list', { clientIds: ['unassigned'], limit: 1 })) as { total: number };
    expect(unassigned.total).toBe(t.db.select({ n: count() }).from(miners).where(isNull(miners.clientId)).get()!.n);
    expect(await call(mo.token, 'miners.list', { clientIds: [otherClient] })).toMatchObject(notFound);
    const exported = (await value(mo.token, 'miners.export', { format: 'csv' })) as { rows: number };
    expect(exported.rows).toBe(minersInSight());
    expect(await call(mo.token, 'miners.export', { format: 'csv', ids: [ownMiner(), othersMiner()] })).toMatchObject(notFound);
  });

  it('opens only their miners, and changes only those, by id, by filter or by handing over', async () => {
    expect(await call(mo.token, 'miners.get', { id: othersMiner() })).toMatchObject(notFound);
    expect(await call(mo.token, 'miners.history', { id: othersMiner() })).toMatchObject(notFound);
    expect(await call(mo.token, 'miners.get', { id: ownMiner() })).toMatchObject({ ok: true });
    expect(
      await call(mo.token, 'telemetry.series', { minerId: othersMiner(), metric: 'hashrate', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }),
    ).toMatchObject(notFound);
    expect(await call(mo.token, 'power.outlets.ofMiner', { minerId: othersMiner() })).toMatchObject(notFound);
    const audits = t.db.select({ n: count() }).from(auditLog).get()!.n;
    expect(await call(mo.token, 'miners.massEdit', { minerIds: [ownMiner(), othersMiner()], changes: { addTags: ['Scope check'] } })).toMatchObject(notFound);
    expect(await call(mo.token, 'miners.massEdit', { minerIds: [ownMiner()], changes: { clientId: otherClient } })).toMatchObject(notFound);
    const otherEmail = t.db.select({ email: clients.contactEmail }).from(clients).where(eq(clients.id, otherClient)).get()!.email;
    expect(await call(mo.token, 'miners.massEdit', { minerIds: [ownMiner()], changes: { clientEmail: otherEmail } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call(mo.token, 'miners.update', { id: othersMiner(), notes: 'Mine now' })).toMatchObject(notFound);
    expect(await call(mo.token, 'miners.identity.reviews.resolve', { id: 1, minerId: othersMiner() })).toMatchObject(notFound);
    expect(await call(mo.token, 'miners.import.preview', { fileName: 'miners.csv', base64: Buffer.from('Asset ID\nA-1\n').toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('ask someone whose role sees every client') },
    });
    expect(t.db.select({ n: count() }).from(auditLog).get()!.n).toBe(audits);
    // "Select all matching" with no client named reaches the miners in their sight, not the whole fleet.
    const edited = (await value(mo.token, 'miners.massEdit', { filter: {}, changes: { addTags: ['Scope check'] } })) as { changed: number };
    expect(edited.changed).toBe(minersInSight());
    const tagged = t.db.select({ minerId: minerTags.minerId }).from(minerTags).where(eq(minerTags.tag, 'Scope check')).all().length;
    expect(tagged).toBe(minersInSight());
  });

  it('aims device actions and tasks at their miners only', async () => {
    const preview = (await value(mo.token, 'devices.actions.preview', { target: { filter: {} }, kind: 'reboot' })) as { total: number };
    expect(preview.total).toBe(minersInSight());
    expect(await call(mo.token, 'devices.actions.preview', { target: { clientId: otherClient }, kind: 'reboot' })).toMatchObject(notFound);
    expect(await call(mo.token, 'devices.actions.start', { target: { minerIds: [othersMiner()] }, action: { kind: 'reboot' } })).toMatchObject(notFound);
    expect(await call(mo.token, 'tasks.create', { title: 'Check fans', type: taskTypes[0], minerIds: [othersMiner()] })).toMatchObject(notFound);
    const theirContract = t.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.clientId, mine[0])).get()!;
    expect(await call(mo.token, 'contracts.equipmentCandidates', { contractId: theirContract.id, clientIds: [otherClient] })).toMatchObject(notFound);
    expect(await call(mo.token, 'contracts.equipmentCandidates', { contractId: theirContract.id })).toMatchObject({ ok: true });
  });

  it('shows their clients’ alerts and the facility’s own, and acknowledges only those', async () => {
    const firing = t.db.select({ id: alerts.id, clientId: alerts.clientId }).from(alerts).where(isNull(alerts.resolvedAt)).all();
    const seen = firing.filter((row) => row.clientId === null || mine.includes(row.clientId));
    const list = (await value(mo.token, 'alerts.list', { limit: 200 })) as { rows: { client: { id: number } | null }[]; total: number };
    expect(list.total).toBe(seen.length);
    expect(list.rows.every((row) => row.client === null || mine.includes(row.client.id))).toBe(true);
    const others = firing.find((row) => row.clientId !== null && !mine.includes(row.clientId));
    expect(others, 'the demo has an alert of another manager’s client').toBeDefined();
    expect(((await value(uma.token, 'alerts.list', { limit: 1 })) as { total: number }).total).toBe(firing.length);
    expect(await call(mo.token, 'alerts.acknowledge', { ids: [others!.id] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const feed = (await value(mo.token, 'alerts.feed', { afterId: 0 })) as { alerts: { client: { id: number } | null }[]; newCount: number };
    expect(feed.newCount).toBe(seen.length);
    expect(feed.alerts.every((row) => row.client === null || mine.includes(row.client.id))).toBe(true);
  });

  it('gives a dashboard of what they see: their miners, alerts, contracts and revenue', async () => {
    type Summary = {
      fleet: { miners: number };
      clients: { top: { clientId: number }[]; unassigned: number };
      alerts: { active: number };
      notice: { count: number };
      billing: { period: string; previousPeriod: string; revenue: { amountMinor: number }[]; previousRevenue: { amountMinor: number }[] };
    };
    const theirs = (await value(mo.token, 'dashboard.summary', {})) as Summary;
    const every = (await value(uma.token, 'dashboard.summary', {})) as Summary;
    expect(theirs.fleet.miners).toBe(minersInSight());
    expect(every.fleet.miners).toBeGreaterThan(theirs.fleet.miners);
    expect(theirs.clients.top.every((share) => mine.includes(share.clientId))).toBe(true);
    expect(theirs.clients.unassigned).toBe(every.clients.unassigned);
    const firing = t.db.select({ clientId: alerts.clientId }).from(alerts).where(isNull(alerts.resolvedAt)).all();
    expect(theirs.alerts.active).toBe(firing.filter((row) => row.clientId === null || mine.includes(row.clientId)).length);
    const notice = (await value(mo.token, 'contracts.list', { noticeDueWithinDays: 60, limit: 1 })) as { total: number };
    expect(theirs.notice.count).toBe(notice.total);
    const sum = (rows: { amountMinor: number }[]) => rows.reduce((total, row) => total + row.amountMinor, 0);
    const billed = (await value(mo.token, 'invoices.list', {})) as { invoices: { period: string; status: string; totalMinor: number; kind: string }[] };
    expect(sum(theirs.billing.previousRevenue)).toBeLessThanOrEqual(sum(every.billing.previousRevenue));
    expect(sum(theirs.billing.revenue) + sum(theirs.billing.previousRevenue)).toBeLessThan(sum(every.billing.revenue) + sum(every.billing.previousRevenue));
    expect(billed.invoices.length).toBeGreaterThan(0);
  });
});

/** A contract's fields as `contracts.create` takes them, from a stored row. */
function contractInputFrom(row: typeof contracts.$inferSelect): Input<'contracts.create'> {
  return { clientId: row.clientId, siteId: row.siteId, type: row.type, term: 'm2m' } as Input<'contracts.create'>;
}
