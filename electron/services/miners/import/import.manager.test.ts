import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clients } from '../../../../db/schema';
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
  fleet = makeFleet(t.db); // Maria Lopez, the first active staff member
  run = csvImport(t.db);
  ana = createStaff(t.db, contract['staff.create'].input.parse({ name: 'Ana Silva', email: 'ana@nw.example' }), actor);
});
afterEach(() => t.close());

const csv = ['Serial,Model,Client e-mail,Client', 'NEW1,Antminer S21,new@zeta.io,Zeta Mining'].join('\n');
const managerOfZeta = () => t.db.select({ managerId: clients.managerId }).from(clients).where(eq(clients.contactEmail, 'new@zeta.io')).get()?.managerId;

describe('import: who manages the clients an import creates', () => {
  it('is the importing person when the actor is an active staff member, by e-mail or name; the preview says so', async () => {
    expect((await run.preview(csv, {}, 'ANA@nw.example')).newClientsManager).toBe('Ana Silva');
    await run.commit(csv, {}, 'ana silva');
    expect(managerOfZeta()).toBe(ana.id);
  });

  it('is the first active staff member when the actor is nobody on the staff, or is inactive', async () => {
    expect((await run.preview(csv, {}, 'local operator')).newClientsManager).toBe('Maria Lopez');
    updateStaff(t.db, { id: ana.id, name: 'Ana Silva', email: 'ana@nw.example', phone: '', active: false }, actor);
    await run.commit(csv, {}, 'ana@nw.example');
    expect(managerOfZeta()).toBe(fleet.managerId);
  });

  it('names nobody when the file creates no client', async () => {
    expect((await run.preview(['Serial,Model', 'NEW1,Antminer S21'].join('\n'), {}, 'ana@nw.example')).newClientsManager).toBeNull();
  });
});
