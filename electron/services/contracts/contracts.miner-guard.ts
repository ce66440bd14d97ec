import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { contractEquipment, contracts, miners } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import { contractLabel, siteZone, type ContractRow } from './contracts.guards';
import { describeInstant } from './contracts.terms';

/** A change to a miner that a contract holding it forbids: going to another client (or none), or being retired. */
export type ContractedMinerChange = { minerId: number; toClientId?: number | null; retiring?: boolean };

const periodEnd = sql<string>`coalesce(${contractEquipment.toAt}, ${contracts.endsAt})`;

/**
 * Refuses moving a miner to another client, or retiring it, while a contract holds it (now or from a later
 * instant): the contract would go on billing a machine that is no longer its client's, or no longer there.
 * Repair (RMA) is allowed: the miner stays under its contract and billing sees it offline. Names the first
 * contract found and its miners; nothing is changed.
 */
export function refuseContractedMinerChanges(db: DbOrTx, changes: readonly ContractedMinerChange[], at: string): void {
  const byMiner = new Map(changes.filter((c) => c.retiring || c.toClientId !== undefined).map((c) => [c.minerId, c]));
  if (byMiner.size === 0) return;
  const blocked = new Map<number, { contract: ContractRow; end: string; names: string[]; retiring: boolean }>();
  for (const chunk of inChunks([...byMiner.keys()], 5_000)) {
    const rows = db
      .select({ minerId: contractEquipment.minerId, name: miners.assetId, contract: contracts, end: periodEnd })
      .from(contractEquipment)
      .innerJoin(contracts, eq(contracts.id, contractEquipment.contractId))
      .innerJoin(miners, eq(miners.id, contractEquipment.minerId))
      .where(and(inIds(contractEquipment.minerId, chunk), ne(contracts.status, 'draft'), gt(periodEnd, at)))
      .all();
    for (const row of rows) {
      const change = byMiner.get(row.minerId!)!;
      const leavesClient = change.toClientId !== undefined && change.toClientId !== row.contract.clientId;
      if (!change.retiring && !leavesClient) continue;
      const entry = blocked.get(row.contract.id) ?? { contract: row.contract, end: row.end, names: [], retiring: false };
      entry.names.push(row.name);
      entry.retiring ||= Boolean(change.retiring);
      blocked.set(row.contract.id, entry);
    }
  }
  const first = blocked.values().next().value;
  if (!first) return;
  const { contract, end, names, retiring } = first;
  const many = names.length > 1;
  const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  const reference = contract.number ?? contract.draftReference;
  const others = blocked.size > 1 ? ` Other miners of the change are under ${blocked.size - 1} more contract${blocked.size > 2 ? 's' : ''}.` : '';
  throw new AppError(
    'CONFLICT',
    `Miner${many ? 's' : ''} ${shown} ${many ? 'are' : 'is'} under ${contractLabel(contract)} until ${describeInstant(end, siteZone(db, contract.siteId))}: ` +
      `a miner under a contract cannot ${retiring ? 'be retired' : 'go to another client'}. Release ${many ? 'them' : 'it'} from ${reference} first ` +
      `(the contract's Equipment section), then try again.${others} Nothing was changed.`,
  );
}
