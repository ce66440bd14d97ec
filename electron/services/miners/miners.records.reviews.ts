import { and, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import type { DbOrTx } from '../../../db/open-db';
import { clients, minerIdentityReviews, miners, sites } from '../../../db/schema';
import type { Page } from '../../contract/audit';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { IdentitySource } from '../../contract/miners';
import type { IdentityReview, MinerFieldValues, ReviewCandidate, ReviewObserved } from '../../contract/miners.records';
import { recordAudit } from '../audit/record-audit';
import { normaliseHostname, normaliseIp, normaliseMac, normaliseSerial } from './miners.identity';
import { applyMinerChanges, insertMinerRecord } from './miners.records';
import { nextAssetId } from './miners.asset-ids';
import { requireMiner } from './miners.records.values';

type ReviewRow = typeof minerIdentityReviews.$inferSelect;

/** The stored observation, read defensively: a field the scan or file did not give is null. */
function parseObserved(json: string): Omit<ReviewObserved, 'siteName'> {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    serial: normaliseSerial(text(raw.serial)),
    mac: normaliseMac(text(raw.mac)),
    ip: normaliseIp(text(raw.ip)),
    hostname: normaliseHostname(text(raw.hostname)),
    siteId: typeof raw.siteId === 'number' ? raw.siteId : null,
    make: text(raw.make),
    model: text(raw.model),
    firmware: text(raw.firmware),
  };
}

const parseIds = (json: string) => (JSON.parse(json) as unknown[]).filter((id): id is number => Number.isSafeInteger(id));

/** Reviews as the list shows them: candidates, site names and the resolved miner read in three queries for the page. */
function toReviews(db: DbOrTx, rows: readonly ReviewRow[]): IdentityReview[] {
  const parsed = rows.map((row) => ({ row, observed: parseObserved(row.observedJson), candidateIds: parseIds(row.candidateIdsJson) }));
  const minerIds = [...new Set(parsed.flatMap(({ row, candidateIds }) => [...candidateIds, ...(row.resolvedMinerId ? [row.resolvedMinerId] : [])]))];
  const candidates = new Map<number, ReviewCandidate>(
    db
      .select({
        id: miners.id,
        assetId: miners.assetId,
        serial: miners.serial,
        mac: miners.mac,
        ip: miners.ip,
        hostname: miners.hostname,
        siteName: sites.name,
        clientName: clients.name,
      })
      .from(miners)
      .leftJoin(sites, eq(sites.id, miners.siteId))
      .leftJoin(clients, eq(clients.id, miners.clientId))
      .where(inIds(miners.id, minerIds))
      .all()
      .map((candidate) => [candidate.id, candidate]),
  );
  const siteIds = [...new Set(parsed.map(({ observed }) => observed.siteId).filter((id): id is number => id !== null))];
  const siteNames = new Map(
    db
      .select({ id: sites.id, name: sites.name })
      .from(sites)
      .where(inIds(sites.id, siteIds))
      .all()
      .map((site) => [site.id, site.name]),
  );
  return parsed.map(({ row, observed, candidateIds }) => {
    const resolved = row.resolvedMinerId === null ? undefined : candidates.get(row.resolvedMinerId);
    return {
      id: row.id,
      createdAt: row.createdAt,
      source: row.source,
      observed: { ...observed, siteName: observed.siteId === null ? null : (siteNames.get(observed.siteId) ?? null) },
      candidates: candidateIds.map((id) => candidates.get(id)).filter((candidate): candidate is ReviewCandidate => candidate !== undefined),
      reason: row.reason,
      status: row.status,
      resolvedMiner: resolved ? { id: resolved.id, assetId: resolved.assetId } : null,
      resolvedAt: row.resolvedAt,
      resolvedBy: row.resolvedBy,
    };
  });
}

/** The review list, newest first, with each observation's candidates as they are now. */
export function listIdentityReviews(db: DbOrTx, input: ParsedInputOf<Contract['miners.identity.reviews.list']>): Page<IdentityReview> {
  const where = and(
    input.status ? eq(minerIdentityReviews.status, input.status) : undefined,
    input.source ? eq(minerIdentityReviews.source, input.source) : undefined,
  );
  const rows = db
    .select()
    .from(minerIdentityReviews)
    .where(where)
    .orderBy(desc(minerIdentityReviews.createdAt), desc(minerIdentityReviews.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total = db.select({ n: count() }).from(minerIdentityReviews).where(where).get()?.n ?? 0;
  return { rows: toReviews(db, rows), total };
}

/**
 * The observed serial, MAC and IP now name the chosen machine, so other miners that still hold them
 * (the MAC of a board moved over, an IP DHCP handed on) let go of them, each with history and an audit row;
 * otherwise the next scan would find two miners again. An IP is released only within the same site.
 */
function releaseFromOthers(
  tx: DbOrTx,
  observed: ReturnType<typeof parseObserved>,
  keeperId: number | null,
  keeper: string,
  siteId: number | null,
  ctx: ApplyContext,
): void {
  const holders: [keyof Pick<MinerFieldValues, 'serial' | 'mac' | 'ip'>, string | null, SQL | undefined][] = [
    ['serial', observed.serial, observed.serial === null ? undefined : sql`${miners.serial} = ${observed.serial} COLLATE NOCASE`],
    ['mac', observed.mac, observed.mac === null ? undefined : sql`${miners.mac} = ${observed.mac} COLLATE NOCASE`],
    [
      'ip',
      observed.ip,
      observed.ip === null ? undefined : and(eq(miners.ip, observed.ip), siteId === null ? sql`${miners.siteId} IS NULL` : eq(miners.siteId, siteId)),
    ],
  ];
  for (const [field, value, condition] of holders) {
    if (!condition || value === null) continue;
    const others = tx
      .select({ id: miners.id })
      .from(miners)
      .where(and(condition, keeperId === null ? undefined : ne(miners.id, keeperId)))
      .all();
    for (const other of others) applyMinerChanges(tx, other.id, { [field]: null }, ctx.actor, ctx.source, { releasedTo: keeper, reviewId: ctx.reviewId });
  }
}

type ApplyContext = { actor: string; source: IdentitySource; reviewId: number };

/** Only what the machine reported: an identifier it did not report stays as it is. */
const reported = (observed: ReturnType<typeof parseObserved>) =>
  Object.fromEntries(
    Object.entries({ serial: observed.serial, mac: observed.mac, ip: observed.ip, hostname: observed.hostname }).filter(([, value]) => value !== null),
  );

function applyToMiner(tx: DbOrTx, review: ReviewRow, minerId: number, ctx: ApplyContext): number {
  const candidateIds = parseIds(review.candidateIdsJson);
  const miner = requireMiner(tx, minerId);
  if (!candidateIds.includes(minerId)) {
    throw new AppError(
      'INVALID_INPUT',
      `Miner ${miner.assetId} is not a candidate of identity review #${review.id}. Choose one of its candidates, create a new miner, or dismiss it.`,
      {
        minerId: 'is not a candidate',
      },
    );
  }
  const observed = parseObserved(review.observedJson);
  releaseFromOthers(tx, observed, minerId, miner.assetId, miner.siteId, ctx);
  applyMinerChanges(tx, minerId, reported(observed), ctx.actor, ctx.source, { reviewId: ctx.reviewId });
  return minerId;
}

function createFromObservation(tx: DbOrTx, review: ReviewRow, ctx: ApplyContext): number {
  const observed = parseObserved(review.observedJson);
  const siteId = observed.siteId !== null && tx.select({ id: sites.id }).from(sites).where(eq(sites.id, observed.siteId)).get() ? observed.siteId : null;
  const assetId = nextAssetId(tx);
  releaseFromOthers(tx, observed, null, assetId, siteId, ctx);
  // Make and model are required; when the scan or file did not say, the new miner says so until someone edits it.
  const fields = { ...reported(observed), make: observed.make ?? 'Unknown', model: observed.model ?? 'Unknown', firmware: observed.firmware, siteId };
  return insertMinerRecord(tx, { assetId, ...fields }, ctx.actor, ctx.source).id;
}

/** Decides an open review: apply the observation to one of its candidates, create a new miner from it, or dismiss it. */
export function resolveIdentityReview(db: DbOrTx, input: ParsedInputOf<Contract['miners.identity.reviews.resolve']>, actor: string): IdentityReview {
  return db.transaction((tx) => {
    const review = tx.select().from(minerIdentityReviews).where(eq(minerIdentityReviews.id, input.id)).get();
    if (!review) throw new AppError('NOT_FOUND', `Identity review #${input.id} was not found. Refresh the review list.`);
    if (review.status !== 'open') {
      const [done] = toReviews(tx, [review]);
      const onto = done.resolvedMiner ? ` (applied to ${done.resolvedMiner.assetId})` : '';
      throw new AppError(
        'CONFLICT',
        `Identity review #${review.id} was already ${review.status}${onto} by ${review.resolvedBy ?? 'someone'} at ${review.resolvedAt ?? 'an earlier time'}. Refresh the review list.`,
      );
    }
    const ctx: ApplyContext = { actor, source: review.source, reviewId: review.id };
    const resolvedMinerId = input.dismiss ? null : input.createNew ? createFromObservation(tx, review, ctx) : applyToMiner(tx, review, input.minerId ?? 0, ctx);
    const status = input.dismiss ? ('dismissed' as const) : ('resolved' as const);
    const at = new Date().toISOString();
    tx.update(minerIdentityReviews).set({ status, resolvedMinerId, resolvedAt: at, resolvedBy: actor }).where(eq(minerIdentityReviews.id, review.id)).run();
    recordAudit(tx, {
      actor,
      action: `identity_review.${status}`,
      entity: 'identity_review',
      entityId: review.id,
      before: { status: review.status },
      after: { status, minerId: resolvedMinerId, createdNew: input.createNew === true },
    });
    const [after] = toReviews(tx, [{ ...review, status, resolvedMinerId, resolvedAt: at, resolvedBy: actor }]);
    return after;
  });
}
