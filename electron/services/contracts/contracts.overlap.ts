import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { clients, contractEquipment, contracts, miners, sites } from '../../../db/schema';
import { contractTypeLabels } from '../../contract/contracts.vocab';
import { AppError } from '../../contract/errors';
import { counted } from '../../contract/words';
import type { MinerRow } from '../miners/miners.service';
import { clientLabel } from '../clients/clients.guards';
import { contractLabel, type ContractRow } from './contracts.guards';
import { describeInstant } from './contracts.terms';

/** The end of an equipment period: its release, else the contract's end. */
const periodEnd = sql`coalesce(${contractEquipment.toAt}, ${contracts.endsAt})`;

/**
 * Refuses miners (or sites) already under another contract at any instant of [from, to): a miner is under at
 * most one contract at a time. Drafts do not hold equipment, so only contracts that were activated count.
 */
export function assertNoOverlap(
  db: DbOrTx,
  subject: 'miner' | 'site',
  ids: readonly number[],
  from: string,
  to: string,
  contractId: number,
  zone: string,
): void {
  const column = subject === 'miner' ? contractEquipment.minerId : contractEquipment.siteId;
  for (const chunk of inChunks(ids, 5_000)) {
    const clash = db
      .select({
        contract: contracts,
        name: subject === 'miner' ? miners.assetId : sites.name,
        fromAt: contractEquipment.fromAt,
        toAt: sql<string>`${periodEnd}`,
      })
      .from(contractEquipment)
      .innerJoin(contracts, eq(contracts.id, contractEquipment.contractId))
      .leftJoin(miners, eq(miners.id, contractEquipment.minerId))
      .leftJoin(sites, eq(sites.id, contractEquipment.siteId))
      .where(and(inIds(column, chunk), ne(contracts.status, 'draft'), ne(contracts.id, contractId), lt(contractEquipment.fromAt, to), gt(periodEnd, from)))
      .limit(1)
      .get();
    if (clash) {
      const what = subject === 'miner' ? `Miner ${clash.name}` : `Site "${clash.name}"`;
      throw new AppError(
        'CONFLICT',
        `${what} is already under ${contractLabel(clash.contract)} from ${describeInstant(clash.fromAt, zone)} to ${describeInstant(clash.toAt, zone)}: a ${subject} is under one contract at a time. Release it from ${clash.contract.number ?? clash.contract.draftReference} first, or choose dates that do not overlap.`,
      );
    }
  }
}

/** Refuses a period of the same contract that would overlap one it already had (released and taken again). */
export function assertNoSelfOverlap(db: DbOrTx, row: ContractRow, subject: 'miner' | 'site', ids: readonly number[], from: string, zone: string): void {
  const column = subject === 'miner' ? contractEquipment.minerId : contractEquipment.siteId;
  for (const chunk of inChunks(ids, 5_000)) {
    const clash = db
      .select({ toAt: contractEquipment.toAt })
      .from(contractEquipment)
      .where(and(eq(contractEquipment.contractId, row.id), inIds(column, chunk), gt(contractEquipment.toAt, from)))
      .get();
    if (clash) {
      throw new AppError(
        'CONFLICT',
        `One of these ${subject}s was under ${contractLabel(row)} until ${describeInstant(clash.toAt!, zone)}: put it back from that moment or later.`,
      );
    }
  }
}

/**
 * Miners a contract may take: never retired or away for repair; a Hosted contract covers the client's own
 * miners (or unassigned ones, which become the client's), a Lease the facility's stock (or miners already
 * with the client). Refuses naming up to five of them.
 */
export function assertMinersEligible(db: DbOrTx, row: ContractRow, minerRows: readonly MinerRow[]): void {
  const problems: string[] = [];
  let unusable = false;
  const ownerNames = new Map<number, string>();
  for (const miner of minerRows) {
    if (miner.state === 'retired' || miner.state === 'rma') {
      unusable = true;
      problems.push(`${miner.assetId} is ${miner.state === 'rma' ? 'away for repair (RMA)' : 'retired'}`);
    } else if (miner.clientId !== null && miner.clientId !== row.clientId) {
      if (!ownerNames.has(miner.clientId)) {
        const owner = db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, miner.clientId)).get();
        ownerNames.set(miner.clientId, owner ? clientLabel(owner) : `client #${miner.clientId}`);
      }
      problems.push(`${miner.assetId} belongs to ${ownerNames.get(miner.clientId)}`);
    }
  }
  if (!problems.length) return;
  const more = problems.length > 5 ? ` (and ${counted(problems.length - 5, 'more miner')})` : '';
  const why = unusable ? ' Retired or RMA miners cannot go under a contract.' : '';
  const rule =
    row.type === 'lease'
      ? "A Lease takes the facility's own stock (staged or unassigned miners)."
      : `A ${contractTypeLabels[row.type]} contract covers the client's own miners.`;
  throw new AppError('CONFLICT', `Miner ${problems.slice(0, 5).join('; ')}${more}.${why} ${rule}`);
}
