import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { contractEquipment, contractMeteringDevices, contracts } from '../../../db/schema';
import type { ContractDetail } from '../../contract/contracts';
import { AppError } from '../../contract/errors';
import { closeContract } from './contracts.close';
import { openPeriodsOf } from './contracts.equipment';
import { newDraftReference } from './contracts.drafts';
import { recordContractChange } from './contracts.events';
import { contractLabel, requireContract, requireInForce, siteZone, type ContractRow } from './contracts.guards';
import { takeContractNumber } from './contracts.numbering';
import { getContractDetail } from './contracts.read';
import { addLocalDays, describeInstant, localDaysBefore, localDaysBetween, renewalAnchor, termEnd } from './contracts.terms';

/** The next term of a contract: from its end, by whole terms from the chain's anchor (a custom term: the same number of local days). */
function nextTerm(row: ContractRow, zone: string) {
  if (row.term === 'custom') {
    const days = localDaysBetween(row.startsAt, row.endsAt, zone);
    return { termAnchorAt: row.endsAt, termsFromAnchor: 0, endsAt: addLocalDays(row.endsAt, days, zone) };
  }
  const anchor = renewalAnchor(row.term, row, zone);
  return { ...anchor, endsAt: termEnd(row.term, anchor.termAnchorAt, anchor.termsFromAnchor, zone)! };
}

/**
 * Renews a contract in force: it becomes Renewed, and a successor with the same terms, a new permanent
 * number and the same equipment starts at its end instant (the equipment periods close and reopen at that
 * instant, so billing sees no gap and no overlap; client assignments do not move). Returns the successor.
 */
function renewRow(tx: DbOrTx, row: ContractRow, actor: string, now: Date): ContractRow {
  const zone = siteZone(tx, row.siteId);
  const nowIso = now.toISOString();
  const term = nextTerm(row, zone);
  const { id: _id, draftReference: _draft, number: _number, ...terms } = row;
  const successor = tx
    .insert(contracts)
    .values({
      ...terms,
      draftReference: newDraftReference(tx),
      number: takeContractNumber(tx, nowIso),
      status: 'active',
      startsAt: row.endsAt,
      ...term,
      noticeBy: localDaysBefore(term.endsAt, row.noticeDays, zone),
      extensionCount: 0,
      activatedAt: nowIso,
      terminatedAt: null,
      terminationReason: null,
      closedAt: null,
      renewedFromId: row.id,
      createdAt: nowIso,
      updatedAt: nowIso,
    })
    .returning()
    .get();
  const devices = tx.select().from(contractMeteringDevices).where(eq(contractMeteringDevices.contractId, row.id)).all();
  if (devices.length)
    tx.insert(contractMeteringDevices)
      .values(devices.map((d) => ({ contractId: successor.id, deviceId: d.deviceId })))
      .run();
  const open = openPeriodsOf(tx, row.id);
  tx.update(contractEquipment)
    .set({ toAt: row.endsAt })
    .where(and(eq(contractEquipment.contractId, row.id), isNull(contractEquipment.toAt)))
    .run();
  for (const chunk of inChunks(open)) {
    tx.insert(contractEquipment)
      .values(chunk.map((p) => ({ contractId: successor.id, minerId: p.minerId, siteId: p.siteId, fromAt: row.endsAt })))
      .run();
  }
  const renewed = tx.update(contracts).set({ status: 'renewed', closedAt: nowIso, updatedAt: nowIso }).where(eq(contracts.id, row.id)).returning().get();
  const period = `${describeInstant(successor.startsAt, zone)} to ${describeInstant(successor.endsAt, zone)}`;
  recordContractChange(tx, {
    actor,
    kind: 'renewed',
    at: row.endsAt,
    contract: renewed,
    message: `Renewed as ${successor.number} for ${period}.`,
    details: { successorId: successor.id, successorNumber: successor.number },
    before: { status: row.status },
    after: { status: 'renewed', successorId: successor.id },
  });
  recordContractChange(tx, {
    actor,
    kind: 'renewal_started',
    at: successor.startsAt,
    contract: successor,
    message: `Renewal of ${row.number} for ${period}, with the same terms and equipment.`,
    details: { renewedFromId: row.id, renewedFromNumber: row.number },
    after: { number: successor.number, startsAt: successor.startsAt, endsAt: successor.endsAt },
  });
  return successor;
}

/**
 * Brings a contract in force up to `now`: past its end it is terminated (a scheduled termination), renewed
 * (auto-renew; again and again when the app was closed over several ends) or ended; before that it is
 * Expiring inside the notice window and Active outside it. Returns the contract that is current now.
 */
export function settleContract(tx: DbOrTx, start: ContractRow, actor: string, now: Date): ContractRow {
  const nowIso = now.toISOString();
  let row = start;
  for (;;) {
    if (row.status !== 'active' && row.status !== 'expiring') return row;
    if (row.endsAt <= nowIso) {
      if (row.terminatedAt !== null) return closeContract(tx, row, 'terminated', actor, now);
      if (!row.autoRenew) return closeContract(tx, row, 'ended', actor, now);
      row = renewRow(tx, row, actor, now);
      continue;
    }
    const zone = siteZone(tx, row.siteId);
    const noticeBy = localDaysBefore(row.endsAt, row.noticeDays, zone);
    const status = nowIso >= noticeBy ? 'expiring' : 'active';
    if (status === row.status) return row;
    const changed = tx.update(contracts).set({ status, updatedAt: nowIso }).where(eq(contracts.id, row.id)).returning().get();
    const end = describeInstant(row.endsAt, zone);
    recordContractChange(tx, {
      actor,
      kind: status === 'expiring' ? 'expiring' : 'updated',
      at: status === 'expiring' ? noticeBy : nowIso,
      contract: changed,
      message:
        status === 'expiring'
          ? `Inside the ${row.noticeDays}-day notice window: ${row.autoRenew ? `renews on ${end} unless notice is given` : `ends on ${end}`}.`
          : `Out of the notice window again: the end is ${end}.`,
      before: { status: row.status },
      after: { status },
    });
    return changed;
  }
}

/** Renews now, by hand: the successor starts at this contract's end. Returns the successor. */
export function renewContract(db: DbOrTx, id: number, actor: string, now = new Date()): ContractDetail {
  return db.transaction(
    (tx) => {
      const row = requireInForce(requireContract(tx, id), 'renewed');
      if (row.terminatedAt !== null) {
        throw new AppError(
          'CONFLICT',
          `${contractLabel(row)} is set to end early on ${describeInstant(row.terminatedAt, siteZone(tx, row.siteId))}: it cannot also be renewed.`,
        );
      }
      const successor = settleContract(tx, renewRow(tx, row, actor, now), actor, now);
      return getContractDetail(tx, successor.id, now);
    },
    { behavior: 'immediate' },
  );
}

export type DueOutcome = { renewed: number; ended: number; terminated: number; expiring: number };

/**
 * The renewal timer's work: every contract in force whose end has passed, or whose notice window may have
 * opened, is settled in its own transaction (a failure leaves the others done). Also the catch-up when the
 * app starts after being closed over an end date.
 */
export function settleDueContracts(db: DbOrTx, now: Date, actor = 'system'): DueOutcome {
  const nowIso = now.toISOString();
  const dueIds = db
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      or(
        and(inArray(contracts.status, ['active', 'expiring']), sql`${contracts.endsAt} <= ${nowIso}`),
        // A day's margin over the notice days: the exact window is counted on the site's calendar.
        and(
          eq(contracts.status, 'active'),
          sql`${contracts.endsAt} <= strftime('%Y-%m-%dT%H:%M:%fZ', ${nowIso}, '+' || (${contracts.noticeDays} + 1) || ' days')`,
        ),
      ),
    )
    .all()
    .map((r) => r.id);
  const outcome: DueOutcome = { renewed: 0, ended: 0, terminated: 0, expiring: 0 };
  for (const id of dueIds) {
    db.transaction(
      (tx) => {
        const before = requireContract(tx, id);
        const after = settleContract(tx, before, actor, now);
        if (after.id !== before.id) outcome.renewed += 1;
        else if (after.status === 'ended' || after.status === 'terminated') outcome[after.status] += 1;
        else if (after.status === 'expiring' && before.status !== 'expiring') outcome.expiring += 1;
      },
      { behavior: 'immediate' },
    );
  }
  return outcome;
}
