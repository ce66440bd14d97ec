import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { activeWith, draft, openContractsDb, testNow, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { contract } from '../../contract';
import { listClients } from '../clients/clients.list';
import { mergeClients, previewMerge } from '../clients/clients.merge';
import { archiveClient, getClientDetail } from '../clients/clients.service';
import { assignEquipment } from './contracts.equipment';
import { contractTimeline } from './contracts.events';
import { activateContract, terminateContract } from './contracts.lifecycle';
import { getContractDetail } from './contracts.read';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
afterEach(() => w.t.close());

const clientsWithContracts = (hasContracts: boolean) => listClients(w.db, contract['clients.list'].input.parse({ hasContracts })).rows.map((row) => row.name);

describe("a client's contract figures", () => {
  it('count contracts in force and O&M sites on the detail page, filter the list, and refuse archiving', () => {
    draft(w.db, { clientId: w.acme.id, siteId: w.site.id }); // a draft is not in force
    expect(getClientDetail(w.db, w.acme.id).counts).toMatchObject({ activeContracts: 0, omSites: 0 });
    const hosted = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id }, [w.miners.acme1.id]);
    const om = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'om', fixedMonthlyFee: '900' });
    assignEquipment(w.db, { contractId: om.id, siteIds: [w.site.id, w.other.id] }, actor, testNow);
    activateContract(w.db, om.id, actor, testNow);
    expect(getClientDetail(w.db, w.acme.id).counts).toMatchObject({ activeContracts: 2, omSites: 2 });
    expect(clientsWithContracts(true)).toEqual(['Acme Hashing']);
    expect(clientsWithContracts(false)).toEqual(['Boreal']);
    expect(() => archiveClient(w.db, w.acme.id, actor)).toThrow(/it has 2 active contracts: end them first/);
    terminateContract(w.db, { id: hosted.id, endsAt: '2026-03-05', reason: 'Moved out' }, actor, testNow);
    expect(getClientDetail(w.db, w.acme.id).counts.activeContracts).toBe(1);
  });

  it('move with a merge to the survivor, each with a line on its timeline', () => {
    const c = activeWith(w.db, { clientId: w.boreal.id, siteId: w.site.id, type: 'lease', fixedMonthlyFee: '10' }, [w.miners.stock1.id]);
    const d = draft(w.db, { clientId: w.boreal.id, siteId: w.site.id });
    expect(previewMerge(w.db, w.boreal.id, w.acme.id).moves.contracts).toBe(2);
    const merged = mergeClients(w.db, w.boreal.id, w.acme.id, actor);
    expect(merged.moved.contracts).toBe(2);
    expect(getContractDetail(w.db, c.id, testNow).client).toEqual({ id: w.acme.id, name: 'Acme Hashing' });
    expect(getContractDetail(w.db, d.id, testNow).client.id).toBe(w.acme.id);
    expect(contractTimeline(w.db, c.id)[0]).toMatchObject({
      kind: 'moved_by_merge',
      message: `Moved from client #${w.boreal.id} "Boreal" to client #${w.acme.id} "Acme Hashing" by a merge.`,
    });
    expect(merged.survivor.counts.activeContracts).toBe(1);
  });
});
