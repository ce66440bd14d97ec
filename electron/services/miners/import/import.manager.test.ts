import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clients, miners } from '../../../../db/schema';
import { actor } from '../../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../../tests/helpers/temp-db';
import { contract } from '../../../contract';
import { createStaff, updateStaff } from '../../staff/staff.service';
import { csvImport } from './import.test-helpers';

let t: TempDb;
let fleet: Fleet;
let run: ReturnType<typeof csvImport>;
let ana: { id: number };
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db); // Maria Lopez, an active staff member
  run = csvImport(t.db);
  ana = createStaff(t.db, contract['staff.create'].input.parse({ name: 'Ana Silva', email: 'ana@nw.example' }), actor);
});
afterEach(() => t.close());

const csv = ['Serial,Model,Client e-mail,Client', 'NEW1,Antminer S21,new@zeta.io,Zeta Mining'].join('\n');

const zeta = (managerId: number, name = 'Zeta Mining') => ({ newClients: [{ email: 'new@zeta.io', name, managerId }] });

describe('import: the name and manager of the clients an import creates are chosen, not guessed', () => {
  it('suggests the importing person when the actor is an active staff member, by e-mail or name, and creates the client as chosen', async () => {
    const preview = await run.preview(csv, {}, 'ANA@nw.example');
    expect(preview).toMatchObject({ newClientsManager: 'Ana Silva', newClientsManagerId: ana.id });
    expect(preview.newClients).toEqual([{ email: 'new@zeta.io', name: 'Zeta Mining', managerId: null, rows: 1, ready: false }]);
    expect((await run.preview(csv, zeta(fleet.managerId, 'Zeta Hashing AS'), 'ana silva')).newClients).toEqual([
      { email: 'new@zeta.io', name: 'Zeta Hashing AS', managerId: fleet.managerId, rows: 1, ready: true },
    ]);
    await run.commit(csv, zeta(fleet.managerId, 'Zeta Hashing AS'), 'ana silva');
    expect(t.db.select({ name: clients.name, managerId: clients.managerId }).from(clients).where(eq(clients.contactEmail, 'new@zeta.io')).get()).toEqual({
      name: 'Zeta Hashing AS',
      managerId: fleet.managerId,
    });
  });

  it('suggests nobody when the actor is not an active staff member', async () => {
    expect(await run.preview(csv, {}, 'local operator')).toMatchObject({ newClientsManager: null, newClientsManagerId: null });
    updateStaff(t.db, { id: ana.id, name: 'Ana Silva', email: 'ana@nw.example', phone: '', active: false }, actor);
    expect(await run.preview(csv, {}, 'ana@nw.example')).toMatchObject({ newClientsManager: null, newClientsManagerId: null });
  });

  it('refuses a commit that leaves a new client without a name or a manager, or gives an inactive manager; nothing changes', async () => {
    const before = t.db.select().from(clients).all().length;
    const unnamed = ['Serial,Model,Client e-mail', 'NEW1,Antminer S21,newclient@zeta.io'].join('\n');
    expect((await run.preview(unnamed)).newClients).toEqual([{ email: 'newclient@zeta.io', name: '', managerId: null, rows: 1, ready: false }]);
    await expect(run.commit(unnamed)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'Nothing was imported: the file adds 1 new client (newclient@zeta.io), and each needs a name and a manager. Give them under "New clients" in the preview, then import again.',
    });
    await expect(run.commit(csv)).rejects.toMatchObject({
      message: expect.stringMatching(/^Nothing was imported: the file adds 1 new client \(new@zeta\.io\)/),
    });
    updateStaff(t.db, { id: ana.id, name: 'Ana Silva', email: 'ana@nw.example', phone: '', active: false }, actor);
    await expect(run.commit(csv, zeta(ana.id))).rejects.toMatchObject({
      message:
        'Nothing was imported: the manager chosen for new@zeta.io is not an active staff member. Choose another manager in the preview, then import again.',
    });
    expect(t.db.select().from(clients).all()).toHaveLength(before);
    expect(t.db.select().from(miners).where(eq(miners.serial, 'NEW1')).all()).toHaveLength(0);
  });

  it('names nobody when the file creates no client', async () => {
    expect((await run.preview(['Serial,Model', 'NEW1,Antminer S21'].join('\n'), {}, 'ana@nw.example')).newClientsManager).toBeNull();
  });
});
