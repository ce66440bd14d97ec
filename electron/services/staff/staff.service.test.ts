import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, makeClient } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { listAudit } from '../audit/audit.service';
import { archiveClient } from '../clients/clients.service';
import { createStaff, listStaff, updateStaff } from './staff.service';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

const create = (raw: object) => createStaff(t.db, contract['staff.create'].input.parse(raw), actor);

describe('staff', () => {
  it('lists active people first, by name, with the open clients each manages', () => {
    const zoe = create({ name: 'Zoe' });
    const adam = create({ name: 'Adam', email: 'Adam@Northwind.example', active: false });
    const mia = create({ name: 'Mia' });
    makeClient(t.db, { managerId: zoe.id });
    archiveClient(t.db, makeClient(t.db, { managerId: zoe.id }).id, actor);
    expect(listStaff(t.db, { includeInactive: true }).map((s) => [s.name, s.active, s.clientCount])).toEqual([
      ['Mia', true, 0],
      ['Zoe', true, 1],
      ['Adam', false, 0],
    ]);
    expect(listStaff(t.db, { includeInactive: false }).map((s) => s.id)).toEqual([mia.id, zoe.id]);
    expect(adam.email).toBe('adam@northwind.example');
  });

  it('refuses an e-mail another staff member has, naming them', () => {
    const ana = create({ name: 'Ana', email: 'ana@nw.example' });
    expect(() => create({ name: 'Ana B', email: 'ana@nw.example' })).toThrow(`Ana (staff #${ana.id}) already uses ana@nw.example.`);
    const ben = create({ name: 'Ben', email: null });
    expect(create({ name: 'Cy', email: '' }).email).toBeNull();
    expect(() => updateStaff(t.db, { id: ben.id, name: 'Ben', email: 'ana@nw.example', phone: '', active: true }, actor)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('updates, deactivates and audits before and after', () => {
    const ana = create({ name: 'Ana' });
    updateStaff(t.db, { id: ana.id, name: 'Ana Silva', email: null, phone: '+47 22 00 00 00', active: false }, actor);
    const [row] = listAudit(t.db, { entity: 'staff', entityId: String(ana.id), limit: 1, offset: 0 }).rows;
    expect(row).toMatchObject({ action: 'staff.updated', before: { name: 'Ana', active: true }, after: { name: 'Ana Silva', active: false } });
    expect(() => updateStaff(t.db, { id: 999, name: 'X', email: null, phone: '', active: true }, actor)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('requires a name', () => {
    expect(contract['staff.create'].input.safeParse({ name: ' ' }).error?.issues[0]).toMatchObject({ path: ['name'], message: 'is required' });
  });
});
