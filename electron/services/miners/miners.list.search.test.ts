import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { updateClient } from '../clients/clients.service';
import { csvImport } from './import/import.test-helpers';
import { massEditMiners } from './miners.edit';
import { listMiners } from './miners.list';
import { updateMinerRecord } from './miners.records';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const found = (search: string) =>
  listMiners(t.db, contract['miners.list'].input.parse({ search, limit: 1000 }))
    .rows.map((r) => r.assetId)
    .sort();

describe('miners search', () => {
  // SN1, 127.60.0.11, mid-1, Antminer S21, Acme Hashing. A-003: AA:BB:CC:00:00:03, 127.60.1.5, Antminer S19j Pro, Boreal.
  it.each([
    ['asset ID', 'A-00', 'A-003', ['A-003']],
    ['IP', '127.60.1', '60.1.5', ['A-003']],
    ['MAC', 'aa:bb:cc', 'cc:00:00:03', ['A-003']],
    ['serial', 'SN1', 'n1', ['A-001']],
    ['model', 'Antminer S19', 'S19j', ['A-003']],
    ['client name', 'Acme', 'me Hash', ['A-001', 'A-002']],
  ])('finds a miner by the start or the middle of its %s', (_field, prefix, infix, expected) => {
    expect(found(prefix)).toEqual(expect.arrayContaining(expected));
    expect(found(infix)).toEqual(expected);
    expect(found(infix.toUpperCase())).toEqual(expected);
  });

  it('answers terms shorter than the index reads, in any case', () => {
    expect(found('S1')).toEqual(['A-003']); // S19j
    expect(found('n1')).toEqual(['A-001']); // SN1
    expect(found('d-')).toEqual(['A-001', 'A-002']); // mid-1, mid-2
    expect(found('Bo')).toEqual(['A-003', 'A-004']); // Boreal
    expect(found('9')).toEqual(['A-003']);
  });

  it('takes quotes, wildcards and FTS operators as the characters they are', () => {
    expect(found('A-0%')).toEqual([]);
    expect(found('a_0')).toEqual([]);
    expect(found('"A-001"')).toEqual([]);
    expect(found('S21 OR S19')).toEqual([]);
    expect(found('mid*')).toEqual([]);
    updateMinerRecord(t.db, contract['miners.update'].input.parse({ id: fleet.miners[3].id, hostname: 'rack "7" 100%_a' }), actor);
    expect(found('"7" 100%_')).toEqual(['A-004']);
    expect(found('%_')).toEqual(['A-004']);
  });

  it('follows an edited miner: the old value is gone and the new one found', () => {
    updateMinerRecord(t.db, contract['miners.update'].input.parse({ id: fleet.miners[0].id, ip: '127.61.2.3', serial: 'ZX-9901' }), actor);
    expect(found('127.60.0.11')).toEqual([]);
    expect(found('61.2.3')).toEqual(['A-001']);
    expect(found('ZX-99')).toEqual(['A-001']);
    expect(found('SN1')).toEqual([]);
  });

  it('finds imported miners and the clients an import creates', async () => {
    const csv = ['IP,Serial,Model,Client e-mail,Client', '127.60.5.1,IMP-7731,Antminer T21,new@zeta.io,Zeta Mining'].join('\n');
    const { created } = await csvImport(t.db).commit(csv, { newClients: [{ email: 'new@zeta.io', name: 'Zeta Mining', managerId: fleet.managerId }] });
    expect(created).toBe(1);
    expect(found('IMP-77')).toHaveLength(1);
    expect(found('antminer t21')).toEqual(found('IMP-7731'));
    expect(found('Zeta Min')).toEqual(found('IMP-7731'));
  });

  it('finds miners by their client’s new name after a rename, and by their new client after a mass assignment', () => {
    updateClient(
      t.db,
      contract['clients.update'].input.parse({ id: fleet.acme.id, name: 'Cobalt Ridge', contactEmail: 'ops@acme.com', managerId: fleet.managerId }),
      actor,
    );
    expect(found('Acme')).toEqual([]);
    expect(found('balt Ri')).toEqual(['A-001', 'A-002']);
    const spare = fleet.miners[4];
    massEditMiners(t.db, contract['miners.massEdit'].input.parse({ minerIds: [spare.id], changes: { clientId: fleet.boreal.id } }), actor, new Date());
    expect(found('Boreal')).toEqual(['A-003', 'A-004', 'SPARE-1']);
  });

  it('forgets a deleted miner', () => {
    const spare = fleet.miners[4];
    t.db.$client.prepare('DELETE FROM miners WHERE id = ?').run(spare.id);
    expect(t.db.$client.prepare('SELECT count(*) FROM miners_search WHERE rowid = ?').pluck().get(spare.id)).toBe(0);
    expect(found('SPARE')).toEqual([]);
  });
});
