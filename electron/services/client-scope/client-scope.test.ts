import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, clients, contracts, invoices, tasks } from '../../../db/schema';
import { addUser, authWithClock, setUpAdministrator } from '../../../tests/helpers/auth-fixtures';
import { clientsWithIssuedInvoices, seedDemoFacility } from '../../../tests/helpers/demo-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type CallName, type Input } from '../../contract';
import { clientFormOf } from '../../contract/clients';
import { builtInRoles } from '../../contract/roles';
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
      permissions: [...builtInRoles.manager.permissions, 'billing.edit'],
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

/** A contract's fields as `contracts.create` takes them, from a stored row. */
function contractInputFrom(row: typeof contracts.$inferSelect): Input<'contracts.create'> {
  return { clientId: row.clientId, siteId: row.siteId, type: row.type, term: 'm2m' } as Input<'contracts.create'>;
}
