import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invoices, miners, staff } from '../../../db/schema';
import { adminPassword, authWithClock, fromTests, setUpAdministrator } from '../../../tests/helpers/auth-fixtures';
import { clientsWithIssuedInvoices, seedDemoFacility } from '../../../tests/helpers/demo-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type CallName } from '../../contract';
import { clientViewerPermissions } from '../../contract/permissions';
import { dispatch } from '../../transports/dispatch';
import { signIn } from '../auth/auth.signin';
import { listUsers, setRole } from '../auth/auth.users';
import { createClientViewer, listClientViewers, setClientViewerEnabled } from '../clients/clients.viewers';
import { clientFormOf } from '../../contract/clients';
import { getClientDetail, updateClient } from '../clients/clients.service';
import { createHandlers } from '../handlers';
import { listInvoices } from '../invoices/invoices.read';
import { listStaff } from '../staff/staff.service';
import { portalInvoicePdf, portalInvoices, portalMiners, portalOverview } from './portal.service';

/**
 * The client view over the demo facility: a client's viewer sees its own client's miners, contracts and issued
 * invoices, nothing of another client's, and can call nothing of the facility's.
 */

let t: TempDb;
let clock: ReturnType<typeof authWithClock>;
const by = { actor: 'Ada Admin', staffId: 1 };
let ownId = 0;
let otherId = 0;
let viewerToken = '';

beforeAll(async () => {
  t = openTempDb();
  seedDemoFacility(t.db);
  clock = authWithClock(t.db, new Date().toISOString());
  await setUpAdministrator(clock.auth);
  // The two clients with the most issued invoices.
  [ownId, otherId] = clientsWithIssuedInvoices(t.db);
  const viewer = await createClientViewer(
    clock.auth,
    contract['clients.viewers.create'].input.parse({
      clientId: ownId,
      name: 'Zoë Client',
      login: 'zoe',
      password: 'client pass phrase',
      mustChangePassword: false,
    }),
    by,
  );
  expect(viewer).toMatchObject({ name: 'Zoë Client', login: 'zoe', enabled: true });
  viewerToken = (await signIn(clock.auth, { login: 'zoe', password: 'client pass phrase' }, fromTests)).token;
}, 60_000);
afterAll(() => t.close());

describe('the client view', () => {
  it('shows the own client: name, balances, miners by status and contracts but drafts', () => {
    const overview = portalOverview(t.db, ownId);
    const client = getClientDetail(t.db, ownId);
    expect(overview.client).toEqual({ id: ownId, name: client.name, status: client.status, currency: client.effectiveCurrency });
    const own = t.db.select({ id: miners.id }).from(miners).where(eq(miners.clientId, ownId)).all();
    expect(overview.miners.total).toBe(own.length);
    expect(Object.values(overview.miners.byStatus).reduce((a, b) => a + (b ?? 0), 0)).toBe(own.length);
    expect(overview.contracts.length).toBeGreaterThan(0);
    expect(overview.contracts.every((c) => c.status !== 'draft' && !c.number.startsWith('DRAFT'))).toBe(true);
  });

  it("lists only the own client's miners, searchable, without the facility's notes", () => {
    const page = portalMiners(t.db, ownId, contract['portal.miners'].input.parse({ limit: 500 }));
    const ownIds = new Set(
      t.db
        .select({ id: miners.id })
        .from(miners)
        .where(eq(miners.clientId, ownId))
        .all()
        .map((m) => m.id),
    );
    expect(page.total).toBe(ownIds.size);
    expect(page.rows.every((m) => ownIds.has(m.id))).toBe(true);
    expect(Object.keys(page.rows[0]).sort()).not.toContain('notes');
    const one = page.rows[0];
    const found = portalMiners(t.db, ownId, contract['portal.miners'].input.parse({ search: one.assetId }));
    expect(found.rows.map((m) => m.id)).toContain(one.id);
  });

  it('lists only issued invoices of the own client, and prints only those', async () => {
    const listed = portalInvoices(t.db, ownId);
    const issued = listInvoices(t.db, { clientId: ownId }).invoices.filter((i) => i.number !== null);
    expect(listed.map((i) => i.id).sort()).toEqual(issued.map((i) => i.id).sort());
    expect(listed.length).toBeGreaterThan(0);
    const pdf = await portalInvoicePdf(t.db, ownId, listed[0].id);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const othersInvoice = t.db.select({ id: invoices.id }).from(invoices).where(eq(invoices.clientId, otherId)).get()!;
    await expect(portalInvoicePdf(t.db, ownId, othersInvoice.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const draft = t.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.clientId, ownId), isNull(invoices.number)))
      .get();
    if (draft) await expect(portalInvoicePdf(t.db, ownId, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("answers the viewer's calls for their client only, and refuses every facility procedure", async () => {
    const caller = clock.caller('portal.overview', viewerToken);
    if (!caller.ok) throw new Error(caller.error.message);
    expect([...caller.value.permissions].sort()).toEqual([...clientViewerPermissions].sort());
    const handlers = createHandlers(t.db, { version: 'test', auth: clock.auth });
    const ctx = { ...caller.value, log: { error: () => undefined, info: () => undefined } };
    const overview = await dispatch(handlers, 'portal.overview', {}, ctx);
    expect(overview).toMatchObject({ ok: true, value: { client: { id: ownId } } });
    for (const name of ['clients.list', 'settings.get', 'staff.list', 'miners.list', 'invoices.pdf', 'apiTokens.create'] satisfies CallName[])
      expect(await dispatch(handlers, name, {}, ctx), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Staff may not call the client view: it has no client to show them.
    const admin = clock.caller('portal.overview', (await signIn(clock.auth, { login: 'ada', password: adminPassword }, fromTests)).token);
    if (!admin.ok) throw new Error(admin.error.message);
    expect(await dispatch(handlers, 'portal.invoices', {}, { ...admin.value, log: ctx.log })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Your role does not allow “Own client view” (ownClient), which portal.invoices needs.' },
    });
  });

  it("keeps viewers out of the facility's staff: not listed, no role, not a manager", async () => {
    const viewerId = t.db.select({ id: staff.id }).from(staff).where(eq(staff.login, 'zoe')).get()!.id;
    expect(listUsers(clock.auth).map((u) => u.staffId)).not.toContain(viewerId);
    expect(listStaff(t.db, { includeInactive: true }).map((s) => s.id)).not.toContain(viewerId);
    expect(() => setRole(clock.auth, { staffId: viewerId, roleKey: 'administrator' }, by)).toThrow(/viewer of a client/);
    const form = { ...clientFormOf(getClientDetail(t.db, otherId)), managerId: viewerId };
    expect(() => updateClient(t.db, contract['clients.update'].input.parse({ id: otherId, ...form }), 'Ada Admin')).toThrow(/was not found/);
    expect(listClientViewers(t.db, ownId).map((v) => v.login)).toEqual(['zoe']);
  });

  it('refuses a login that is taken, and audits a new viewer in words', async () => {
    const taken = contract['clients.viewers.create'].input.parse({ clientId: otherId, name: 'Someone', login: 'ada', password: 'another pass phrase' });
    await expect(createClientViewer(clock.auth, taken, by)).rejects.toMatchObject({ code: 'CONFLICT', message: /belongs to Ada Admin/ });
    expect(listClientViewers(t.db, otherId)).toEqual([]);
    const row = t.db.select().from(auditLog).where(eq(auditLog.action, 'staff.viewer_created')).get();
    expect(row).toMatchObject({ actor: 'Ada Admin', entity: 'staff' });
    expect(JSON.stringify(row)).not.toMatch(/client pass phrase|scrypt/);
  });

  it('turned off, the viewer is signed out and cannot sign in; turned on, they can', async () => {
    const viewerId = t.db.select({ id: staff.id }).from(staff).where(eq(staff.login, 'zoe')).get()!.id;
    expect(setClientViewerEnabled(clock.auth, { staffId: viewerId, enabled: false }, by).enabled).toBe(false);
    expect(clock.caller('portal.overview', viewerToken)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    await expect(signIn(clock.auth, { login: 'zoe', password: 'client pass phrase' }, fromTests)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This login is disabled. Ask an administrator to enable it.',
    });
    expect(setClientViewerEnabled(clock.auth, { staffId: viewerId, enabled: true }, by).enabled).toBe(true);
    await expect(signIn(clock.auth, { login: 'zoe', password: 'client pass phrase' }, fromTests)).resolves.toMatchObject({
      status: { user: { client: { id: ownId } } },
    });
    const adminId = t.db
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.login, 'ada'), ne(staff.id, viewerId)))
      .get()!.id;
    expect(() => setClientViewerEnabled(clock.auth, { staffId: adminId, enabled: false }, by)).toThrow(/was not found/);
  });
});
