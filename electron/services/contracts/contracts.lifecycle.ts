import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { contractEquipment, contracts } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ContractDetail } from '../../contract/contracts';
import { contractEquipmentKinds, contractTypeLabels, maxLeaseExtensions } from '../../contract/contracts.vocab';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { requireOpenClient } from '../clients/clients.guards';
import { closeContract } from './contracts.close';
import { putMinersWithClient, readOptionalInstant, requireMiners } from './contracts.equipment';
import { recordContractChange } from './contracts.events';
import { contractLabel, requireContract, requireInForce, siteZone } from './contracts.guards';
import { takeContractNumber } from './contracts.numbering';
import { assertMinersEligible, assertNoOverlap } from './contracts.overlap';
import { getContractDetail } from './contracts.read';
import { settleContract } from './contracts.renewal';
import { describeInstant, localDaysBefore } from './contracts.terms';

/**
 * Activates a draft in one transaction: checks its equipment again (eligible, no overlap over the whole
 * term), puts Hosted and Lease miners with the client from the start, and gives the permanent number.
 * BEGIN IMMEDIATE takes the write lock first, so two activations on two connections queue instead of
 * reading the same last number: numbers stay gapless and unique.
 */
export function activateContract(db: DbOrTx, id: number, actor: string, now = new Date()): ContractDetail {
  return db.transaction(
    (tx) => {
      const row = requireContract(tx, id);
      if (row.status !== 'draft') throw new AppError('CONFLICT', `${contractLabel(row)} is already ${row.status}; only a draft can be activated.`);
      requireOpenClient(tx, row.clientId);
      const zone = siteZone(tx, row.siteId);
      const periods = tx.select().from(contractEquipment).where(eq(contractEquipment.contractId, id)).all();
      const kind = contractEquipmentKinds[row.type];
      if (kind !== null && !periods.length) {
        throw new AppError(
          'CONFLICT',
          `${contractLabel(row)} has no ${kind} yet: a ${contractTypeLabels[row.type]} contract covers ${kind}. Assign at least one before activating it.`,
        );
      }
      const minerIds = periods.map((p) => p.minerId).filter((m): m is number => m !== null);
      const siteIds = periods.map((p) => p.siteId).filter((s): s is number => s !== null);
      const minerRows = requireMiners(tx, minerIds);
      assertMinersEligible(tx, row, minerRows);
      assertNoOverlap(tx, 'miner', minerIds, row.startsAt, row.endsAt, id, zone);
      assertNoOverlap(tx, 'site', siteIds, row.startsAt, row.endsAt, id, zone);
      putMinersWithClient(tx, row, minerRows, row.startsAt, zone, actor);
      const at = now.toISOString();
      const activated = tx
        .update(contracts)
        .set({ number: takeContractNumber(tx, at), status: 'active', activatedAt: at, updatedAt: at })
        .where(eq(contracts.id, id))
        .returning()
        .get();
      recordContractChange(tx, {
        actor,
        kind: 'activated',
        at,
        contract: activated,
        message: `Activated as ${activated.number}, in force from ${describeInstant(row.startsAt, zone)} to ${describeInstant(row.endsAt, zone)}.`,
        details: { number: activated.number },
        before: { status: 'draft', reference: row.draftReference },
        after: { status: 'active', number: activated.number },
      });
      const current = settleContract(tx, activated, actor, now);
      return getContractDetail(tx, current.id, now);
    },
    { behavior: 'immediate' },
  );
}

/** Moves the end later; a Lease at most three times (the fourth is refused with the reason). */
export function extendContract(db: DbOrTx, input: ParsedInputOf<Contract['contracts.extend']>, actor: string, now = new Date()): ContractDetail {
  return db.transaction((tx) => {
    const row = requireInForce(requireContract(tx, input.id), 'extended');
    const zone = siteZone(tx, row.siteId);
    if (row.terminatedAt !== null) {
      throw new AppError('CONFLICT', `${contractLabel(row)} is set to end early on ${describeInstant(row.terminatedAt, zone)}: it cannot be extended.`);
    }
    if (row.type === 'lease' && row.extensionCount >= maxLeaseExtensions) {
      throw new AppError(
        'CONFLICT',
        `${contractLabel(row)} was already extended ${maxLeaseExtensions} times, the most a lease allows. Renew it or draw up a new lease instead.`,
      );
    }
    const endsAt = readOptionalInstant(input.endsAt, zone, 'endsAt', row.endsAt);
    if (endsAt <= row.endsAt) {
      throw new AppError('INVALID_INPUT', `An extension must end after the current end, ${describeInstant(row.endsAt, zone)}.`, {
        endsAt: 'must be after the current end',
      });
    }
    const count = row.extensionCount + 1;
    const extended = tx
      .update(contracts)
      .set({ endsAt, noticeBy: localDaysBefore(endsAt, row.noticeDays, zone), extensionCount: count, updatedAt: now.toISOString() })
      .where(eq(contracts.id, row.id))
      .returning()
      .get();
    const of = row.type === 'lease' ? ` of ${maxLeaseExtensions}` : '';
    recordContractChange(tx, {
      actor,
      kind: 'extended',
      at: now.toISOString(),
      contract: extended,
      message: `Extended from ${describeInstant(row.endsAt, zone)} to ${describeInstant(endsAt, zone)} (extension ${count}${of})${input.note ? `: ${input.note}` : ''}.`,
      details: { fromEndsAt: row.endsAt, endsAt, extension: count },
      before: { endsAt: row.endsAt, extensionCount: row.extensionCount },
      after: { endsAt, extensionCount: count },
    });
    return getContractDetail(tx, settleContract(tx, extended, actor, now).id, now);
  });
}

/**
 * Ends a contract early at `endsAt` for a reason. At a past or present instant it closes at once and its
 * equipment is released at that instant; at a future one it stays in force until then (auto-renew off) and
 * the renewal timer closes it.
 */
export function terminateContract(db: DbOrTx, input: ParsedInputOf<Contract['contracts.terminate']>, actor: string, now = new Date()): ContractDetail {
  return db.transaction((tx) => {
    const row = requireInForce(requireContract(tx, input.id), 'terminated');
    const zone = siteZone(tx, row.siteId);
    const at = readOptionalInstant(input.endsAt, zone, 'endsAt', row.endsAt);
    if (at <= row.startsAt) {
      throw new AppError('INVALID_INPUT', `A termination must come after the start, ${describeInstant(row.startsAt, zone)}.`, {
        endsAt: 'must be after the start',
      });
    }
    if (at > row.endsAt) {
      throw new AppError(
        'INVALID_INPUT',
        `${contractLabel(row)} ends on ${describeInstant(row.endsAt, zone)} anyway: choose an earlier date, or turn auto-renew off.`,
        {
          endsAt: 'must not be after the current end',
        },
      );
    }
    const terminating = tx
      .update(contracts)
      .set({
        endsAt: at,
        noticeBy: localDaysBefore(at, row.noticeDays, zone),
        terminatedAt: at,
        terminationReason: input.reason,
        autoRenew: false,
        updatedAt: now.toISOString(),
      })
      .where(eq(contracts.id, row.id))
      .returning()
      .get();
    if (at <= now.toISOString()) closeContract(tx, terminating, 'terminated', actor, now);
    else {
      recordContractChange(tx, {
        actor,
        kind: 'termination_scheduled',
        at: now.toISOString(),
        contract: terminating,
        message: `Will end early at ${describeInstant(at, zone)}: ${input.reason}.`,
        details: { endsAt: at, reason: input.reason },
        before: { endsAt: row.endsAt, autoRenew: row.autoRenew },
        after: { endsAt: at, autoRenew: false },
      });
      settleContract(tx, terminating, actor, now);
    }
    return getContractDetail(tx, row.id, now);
  });
}
