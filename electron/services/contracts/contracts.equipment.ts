import { and, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { clients, contractEquipment, miners, sites } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ContractDetail } from '../../contract/contracts';
import { contractEquipmentKinds, contractTypeLabels } from '../../contract/contracts.vocab';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { counted } from '../../contract/words';
import type { MinerRow } from '../miners/miners.service';
import { holdMinersForClient, returnMinersToStock } from './contracts.assignments';
import { recordContractChange } from './contracts.events';
import { contractLabel, requireContract, siteZone, type ContractRow } from './contracts.guards';
import { assertMinersEligible, assertNoOverlap, assertNoSelfOverlap } from './contracts.overlap';
import { getContractDetail } from './contracts.read';
import { describeInstant, readInstant } from './contracts.terms';

type EquipmentRow = typeof contractEquipment.$inferSelect;

const namesOf = (names: string[]) => (names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', '));

/** Reads an optional typed instant in the contract's zone; refuses with the field's name. */
export function readOptionalInstant(text: string | undefined, zone: string, field: string, fallback: string): string {
  if (text === undefined) return fallback;
  const read = readInstant(text, zone);
  if (!read.ok) throw new AppError('INVALID_INPUT', read.message, { [field]: read.message });
  return read.iso;
}

export function requireMiners(db: DbOrTx, ids: readonly number[]): MinerRow[] {
  const rows: MinerRow[] = [];
  for (const chunk of inChunks(ids, 5_000)) rows.push(...db.select().from(miners).where(inIds(miners.id, chunk)).all());
  const missing = ids.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) throw new AppError('NOT_FOUND', `Miner #${missing} was not found. Refresh the miners list and choose again.`);
  return rows;
}

/** Which of the ids the subject list names, and the ids asked for, by the contract's kind of equipment. */
function subjectIds(row: ContractRow, input: { minerIds?: number[]; siteIds?: number[] }): { subject: 'miner' | 'site'; ids: number[] } {
  const kind = contractEquipmentKinds[row.type];
  if (kind === null) throw new AppError('CONFLICT', `${contractLabel(row)} holds no equipment: an Infinity client buys TH/s, not machines.`);
  const [subject, ids, wrong] = kind === 'miners' ? (['miner', input.minerIds, input.siteIds] as const) : (['site', input.siteIds, input.minerIds] as const);
  if (wrong?.length) {
    throw new AppError('INVALID_INPUT', `${contractTypeLabels[row.type]} contracts take ${kind}, not ${subject === 'miner' ? 'sites' : 'miners'}.`, {
      [subject === 'miner' ? 'siteIds' : 'minerIds']: `is not used by ${contractTypeLabels[row.type]} contracts`,
    });
  }
  if (!ids?.length) throw new AppError('INVALID_INPUT', `Choose at least one ${subject}.`, { [`${subject}Ids`]: 'is empty' });
  return { subject, ids: [...new Set(ids)] };
}

const openPeriods = (db: DbOrTx, contractId: number, subject: 'miner' | 'site', ids: readonly number[]): EquipmentRow[] =>
  inChunks(ids, 5_000).flatMap((chunk) =>
    db
      .select()
      .from(contractEquipment)
      .where(
        and(
          eq(contractEquipment.contractId, contractId),
          inIds(subject === 'miner' ? contractEquipment.minerId : contractEquipment.siteId, chunk),
          isNull(contractEquipment.toAt),
        ),
      )
      .all(),
  );

/**
 * Hosted and Lease miners go with the client from `from` in the assignment history (drafts wait for their
 * activation). Checks eligibility and overlap on [from, end) first. Call inside the change's transaction.
 */
export function putMinersWithClient(tx: DbOrTx, row: ContractRow, minerRows: readonly MinerRow[], from: string, zone: string, actor: string): void {
  if (row.type !== 'hosted' && row.type !== 'lease') return;
  const client = tx.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, row.clientId)).get()!;
  holdMinersForClient(tx, minerRows, client, from, zone, { actor, why: `${contractLabel(row)} from ${describeInstant(from, zone)}` });
}

/** The contract whose equipment changes, what is asked, and its calendar; refused once the contract is closed. */
function equipmentChange(tx: DbOrTx, contractId: number, input: { minerIds?: number[]; siteIds?: number[] }, closedWhy: string) {
  const row = requireContract(tx, contractId);
  const asked = subjectIds(row, input);
  const draft = row.status === 'draft';
  if (!draft && row.status !== 'active' && row.status !== 'expiring') throw new AppError('CONFLICT', `${contractLabel(row)} is ${row.status}: ${closedWhy}.`);
  return { row, ...asked, zone: siteZone(tx, row.siteId), draft };
}

/** Open periods of a contract (not released yet). */
export const openPeriodsOf = (db: DbOrTx, contractId: number): EquipmentRow[] =>
  db
    .select()
    .from(contractEquipment)
    .where(and(eq(contractEquipment.contractId, contractId), isNull(contractEquipment.toAt)))
    .all();

/** Puts miners or sites under a contract: a draft's from its start, an active one's from `from` (default now). */
export function assignEquipment(db: DbOrTx, input: ParsedInputOf<Contract['contracts.assignEquipment']>, actor: string, now = new Date()): ContractDetail {
  return db.transaction((tx) => {
    const { row, subject, ids, zone, draft } = equipmentChange(tx, input.contractId, input, 'equipment can no longer be put under it');
    const from = draft ? row.startsAt : readOptionalInstant(input.from, zone, 'from', now.toISOString());
    if (from < row.startsAt || from >= row.endsAt) {
      throw new AppError(
        'INVALID_INPUT',
        `${describeInstant(from, zone)} is outside ${contractLabel(row)} (${describeInstant(row.startsAt, zone)} to ${describeInstant(row.endsAt, zone)}).`,
        { from: 'is outside the contract' },
      );
    }
    const already = new Set(openPeriods(tx, row.id, subject, ids).map((p) => (subject === 'miner' ? p.minerId : p.siteId)));
    const adding = ids.filter((id) => !already.has(id));
    let names: string[];
    let minerRows: MinerRow[] = [];
    if (subject === 'miner') {
      minerRows = requireMiners(tx, adding);
      assertMinersEligible(tx, row, minerRows);
      names = minerRows.map((m) => m.assetId);
    } else {
      const siteRows = inChunks(adding, 500).flatMap((chunk) => tx.select().from(sites).where(inArray(sites.id, chunk)).all());
      const missing = adding.find((id) => !siteRows.some((s) => s.id === id));
      if (missing !== undefined) throw new AppError('NOT_FOUND', `Site #${missing} was not found. Refresh the sites and choose again.`);
      names = siteRows.map((s) => `"${s.name}"`);
    }
    if (!draft) {
      assertNoOverlap(tx, subject, adding, from, row.endsAt, row.id, zone);
      assertNoSelfOverlap(tx, row, subject, adding, from, zone);
      putMinersWithClient(tx, row, minerRows, from, zone, actor);
    }
    for (const chunk of inChunks(adding)) {
      tx.insert(contractEquipment)
        .values(chunk.map((id) => ({ contractId: row.id, minerId: subject === 'miner' ? id : null, siteId: subject === 'site' ? id : null, fromAt: from })))
        .run();
    }
    if (adding.length) {
      recordContractChange(tx, {
        actor,
        kind: 'equipment_assigned',
        at: from,
        contract: row,
        message: `${counted(adding.length, subject)} put under the contract${draft ? '' : ` from ${describeInstant(from, zone)}`}: ${namesOf(names)}.`,
        details: { [`${subject}Ids`]: adding, fromAt: from },
      });
    }
    return getContractDetail(tx, row.id, now);
  });
}

/**
 * Ends equipment periods at `at` and, for a Lease, sends the miners back to unassigned stock at that instant.
 * A period that had not begun by then never took effect and goes. Call inside the change's transaction.
 */
export function closePeriods(tx: DbOrTx, row: ContractRow, periods: readonly EquipmentRow[], at: string, actor: string, why: string): void {
  const ending = periods.filter((p) => p.fromAt < at).map((p) => p.id);
  const neverBegun = periods.filter((p) => p.fromAt >= at).map((p) => p.id);
  for (const ids of inChunks(ending, 5_000)) tx.update(contractEquipment).set({ toAt: at }).where(inIds(contractEquipment.id, ids)).run();
  for (const ids of inChunks(neverBegun, 5_000)) tx.delete(contractEquipment).where(inIds(contractEquipment.id, ids)).run();
  if (row.type === 'lease' && row.status !== 'draft') {
    const minerIds = periods.map((p) => p.minerId).filter((id): id is number => id !== null);
    returnMinersToStock(tx, minerIds, row.clientId, at, { actor, why });
  }
}

/** Every period still open, and those released after `at`, end at `at`: the contract ends, renews or is terminated then. */
export function closeAllEquipment(tx: DbOrTx, row: ContractRow, at: string, actor: string, why: string): void {
  const open = openPeriodsOf(tx, row.id);
  tx.update(contractEquipment)
    .set({ toAt: at })
    .where(and(eq(contractEquipment.contractId, row.id), gt(contractEquipment.toAt, at)))
    .run();
  closePeriods(tx, row, open, at, actor, why);
}

/** Takes equipment off a contract: removed from a draft's plan, or released at `at` (now or past) from an active one. */
export function releaseEquipment(db: DbOrTx, input: ParsedInputOf<Contract['contracts.releaseEquipment']>, actor: string, now = new Date()): ContractDetail {
  return db.transaction((tx) => {
    const { row, subject, ids, zone, draft } = equipmentChange(tx, input.contractId, input, 'its equipment was released when it closed');
    const at = draft ? row.startsAt : readOptionalInstant(input.at, zone, 'at', now.toISOString());
    if (at > now.toISOString()) {
      throw new AppError('INVALID_INPUT', 'A release takes effect now or at a past moment. To end the whole contract later, terminate it with that date.', {
        at: 'must not be in the future',
      });
    }
    const periods = openPeriods(tx, row.id, subject, ids);
    if (periods.length < ids.length) {
      throw new AppError(
        'CONFLICT',
        `${counted(ids.length - periods.length, subject)} of those ${ids.length === 1 ? 'is' : 'are'} not under ${contractLabel(row)}.`,
      );
    }
    if (draft) {
      for (const chunk of inChunks(
        periods.map((p) => p.id),
        5_000,
      ))
        tx.delete(contractEquipment).where(inIds(contractEquipment.id, chunk)).run();
    } else closePeriods(tx, row, periods, at, actor, `released from ${contractLabel(row)}`);
    recordContractChange(tx, {
      actor,
      kind: 'equipment_released',
      at,
      contract: row,
      message: draft
        ? `${counted(ids.length, subject)} taken off the draft.`
        : `${counted(ids.length, subject)} released at ${describeInstant(at, zone)}${row.type === 'lease' ? ', back to unassigned stock' : ''}.`,
      details: { [`${subject}Ids`]: ids, at },
    });
    return getContractDetail(tx, row.id, now);
  });
}

/** How many miners or sites a contract holds in open periods. */
export const openPeriodCount = (db: DbOrTx, contractId: number): number =>
  db
    .select({ n: count() })
    .from(contractEquipment)
    .where(and(eq(contractEquipment.contractId, contractId), isNull(contractEquipment.toAt)))
    .get()?.n ?? 0;
