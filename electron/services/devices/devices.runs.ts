import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clients, deviceActionResults, deviceActionRuns, miners } from '../../../db/schema';
import type { DeviceActionCounts, DeviceActionRun, DeviceActionStatus } from '../../contract/devices';
import { deviceActionResultStates, type DeviceActionKind, type DeviceActionResultState } from '../../contract/devices.vocab';
import { requireFound } from '../require-row';

type RunRow = typeof deviceActionRuns.$inferSelect;

/** What a run keeps of its parameters: pool addresses and workers, never a password. */
export type RunParams = { pools?: { url: string; worker: string }[] };

const parseParams = (json: string): RunParams => {
  try {
    return JSON.parse(json) as RunParams;
  } catch {
    return {};
  }
};

function countsOf(db: DbOrTx, runIds: readonly number[]): Map<number, DeviceActionCounts> {
  const out = new Map<number, DeviceActionCounts>();
  if (runIds.length === 0) return out;
  const rows = db
    .select({ runId: deviceActionResults.runId, state: deviceActionResults.state, n: sql<number>`count(*)` })
    .from(deviceActionResults)
    .where(inArray(deviceActionResults.runId, [...runIds]))
    .groupBy(deviceActionResults.runId, deviceActionResults.state)
    .all();
  for (const id of runIds) out.set(id, Object.fromEntries(deviceActionResultStates.map((s) => [s, 0])) as DeviceActionCounts);
  for (const row of rows) out.get(row.runId)![row.state] = row.n;
  return out;
}

function toRuns(db: DbOrTx, rows: readonly (RunRow & { clientName: string | null })[]): DeviceActionRun[] {
  const counts = countsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const c = counts.get(row.id)!;
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      client: row.clientId !== null && row.clientName !== null ? { id: row.clientId, name: row.clientName } : null,
      pools: parseParams(row.paramsJson).pools ?? [],
      total: row.total,
      done: deviceActionResultStates.reduce((sum, s) => sum + c[s], 0),
      counts: c,
      actor: row.actor,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    };
  });
}

function selectRuns(db: DbOrTx) {
  return db.select({ run: deviceActionRuns, clientName: clients.name }).from(deviceActionRuns).leftJoin(clients, eq(clients.id, deviceActionRuns.clientId));
}

export function listRuns(db: DbOrTx, input: { clientId?: number; limit: number }): DeviceActionRun[] {
  const rows = selectRuns(db)
    .where(input.clientId === undefined ? undefined : eq(deviceActionRuns.clientId, input.clientId))
    .orderBy(desc(deviceActionRuns.id))
    .limit(input.limit)
    .all();
  return toRuns(
    db,
    rows.map(({ run, clientName }) => ({ ...run, clientName })),
  );
}

export function getRun(db: DbOrTx, runId: number): DeviceActionRun {
  const row = selectRuns(db).where(eq(deviceActionRuns.id, runId)).get();
  const { run, clientName } = requireFound(row, 'Device action', runId, 'Reload the list of recent actions.');
  return toRuns(db, [{ ...run, clientName }])[0];
}

/** A run with one page of its results; without a state filter, failures come first, then by asset ID. */
export function getRunStatus(db: DbOrTx, input: { runId: number; state: DeviceActionResultState | null; offset: number; limit: number }): DeviceActionStatus {
  const run = getRun(db, input.runId);
  const where = and(eq(deviceActionResults.runId, input.runId), input.state ? eq(deviceActionResults.state, input.state) : undefined);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(deviceActionResults)
      .where(where)
      .get()?.n ?? 0;
  const rows = db
    .select({
      minerId: deviceActionResults.minerId,
      assetId: miners.assetId,
      ip: miners.ip,
      family: miners.family,
      state: deviceActionResults.state,
      message: deviceActionResults.message,
      at: deviceActionResults.at,
    })
    .from(deviceActionResults)
    .innerJoin(miners, eq(miners.id, deviceActionResults.minerId))
    .where(where)
    .orderBy(sql`${deviceActionResults.state} <> 'failed'`, sql`${miners.assetId} COLLATE NOCASE`)
    .limit(input.limit)
    .offset(input.offset)
    .all();
  return { run, results: { rows, total } };
}

export function insertRun(tx: DbOrTx, values: { kind: DeviceActionKind; params: RunParams; clientId: number | null; total: number; actor: string }): RunRow {
  return tx
    .insert(deviceActionRuns)
    .values({
      kind: values.kind,
      status: 'running',
      paramsJson: JSON.stringify(values.params),
      clientId: values.clientId,
      total: values.total,
      actor: values.actor,
      startedAt: new Date().toISOString(),
    })
    .returning()
    .get();
}

export function insertResult(tx: DbOrTx, runId: number, minerId: number, state: DeviceActionResultState, message: string): void {
  tx.insert(deviceActionResults).values({ runId, minerId, state, message, at: new Date().toISOString() }).run();
}

export function finishRun(tx: DbOrTx, runId: number, status: 'finished' | 'cancelled'): void {
  tx.update(deviceActionRuns).set({ status, finishedAt: new Date().toISOString() }).where(eq(deviceActionRuns.id, runId)).run();
}

/** Runs left "running" by an app that stopped: nothing is working on them any more. */
export function closeInterruptedRuns(db: DbOrTx): void {
  db.update(deviceActionRuns).set({ status: 'cancelled', finishedAt: new Date().toISOString() }).where(eq(deviceActionRuns.status, 'running')).run();
}
