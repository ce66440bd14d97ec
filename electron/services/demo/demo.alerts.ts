import { inArray } from 'drizzle-orm';
import type { Db } from '../../../db/open-db';
import { alerts } from '../../../db/schema';
import { acknowledgeAlerts } from '../alerts/alerts.list';
import { evaluateAlerts } from '../alerts/alerts.apply';
import { offlineFirings, tempHighFirings, type Firing } from '../alerts/alerts.evaluate';
import { readRuleSet } from '../alerts/alerts.rules';
import { DAY_MS, HOUR_MS, MINUTE_MS, rackIdOf, type DemoContext } from './demo.context';
import type { MinerStory } from './demo.fleet-story';

const iso = (ms: number) => new Date(ms).toISOString();

/** A past episode: what fired, when it was first seen and when it cleared; someone may have acknowledged it with a note. */
type Episode = { firings: Firing[]; openedMs: number; resolvedMs: number; ack?: { byIndex: number; afterMs: number; note: string } };

const onlineInRack = (ctx: DemoContext, site: string, room: string, rack: string): MinerStory[] => {
  const id = rackIdOf(ctx.db, { site, room, rack });
  return ctx.fleet.filter((m) => m.rackId === id && m.status === 'online');
};

/** Writes past episodes as the evaluator would have left them (its own sentences at the last check before clearing), acknowledged through the service. */
function writeEpisodes(ctx: DemoContext, episodes: readonly Episode[]): number {
  const { db, clock } = ctx;
  const thresholds = readRuleSet(db);
  let written = 0;
  for (const episode of episodes) {
    const ids = episode.firings.map(
      (f) =>
        db
          .insert(alerts)
          .values({
            kind: f.kind,
            minerId: f.minerId,
            powerDeviceId: f.powerDeviceId,
            siteId: f.siteId,
            clientId: f.clientId,
            message: f.message,
            value: f.value,
            threshold: thresholds[f.kind].threshold,
            openedAt: iso(episode.openedMs),
            lastSeenAt: iso(episode.resolvedMs - MINUTE_MS),
          })
          .returning({ id: alerts.id })
          .get().id,
    );
    if (episode.ack) {
      const at = episode.openedMs + episode.ack.afterMs;
      clock.set(at);
      acknowledgeAlerts(db, { ids, note: episode.ack.note }, ctx.staffNames[episode.ack.byIndex], new Date(at));
    }
    db.update(alerts)
      .set({ resolvedAt: iso(episode.resolvedMs) })
      .where(inArray(alerts.id, ids))
      .run();
    written += ids.length;
  }
  return written;
}

const asOffline = (miners: readonly MinerStory[], sinceMs: number) =>
  miners.map((m) => ({ minerId: m.id, siteId: m.siteId, clientId: m.clientId, since: iso(sinceMs) }));

/** Episodes of the last weeks: a breaker trip, a hot afternoon in a container, and single miners that dropped out and came back. */
function pastEpisodes(ctx: DemoContext, nowMs: number): Episode[] {
  const rules = readRuleSet(ctx.db);
  const episodes: Episode[] = [];
  const tripMs = nowMs - 19 * DAY_MS - 5 * HOUR_MS;
  const tripped = onlineInRack(ctx, 'Odessa TX', 'Hall B', 'R03').slice(0, 18);
  episodes.push({
    firings: offlineFirings(asOffline(tripped, tripMs), rules.miner_offline, tripMs + 108 * MINUTE_MS),
    openedMs: tripMs + 11 * MINUTE_MS,
    resolvedMs: tripMs + 110 * MINUTE_MS,
    ack: { byIndex: 3, afterMs: 24 * MINUTE_MS, note: 'Breaker 3 tripped in Hall B; reset, miners coming back' },
  });
  const heatMs = nowMs - 9 * DAY_MS - 3 * HOUR_MS;
  const heated = onlineInRack(ctx, 'Midland TX', 'C-02', 'R03').slice(0, 12);
  const hot = heated.map((m) => ({
    minerId: m.id,
    siteId: m.siteId,
    clientId: m.clientId,
    hashrateGhs: m.hashrateGhs,
    tempMaxC: 86 + (m.id % 6),
    nominalGhs: m.nominalGhs,
  }));
  episodes.push({
    firings: tempHighFirings(hot, rules.temp_high),
    openedMs: heatMs,
    resolvedMs: heatMs + 3 * HOUR_MS + 20 * MINUTE_MS,
    ack: { byIndex: 0, afterMs: 35 * MINUTE_MS, note: 'Intake fan of C-02 failed; spare fitted, temperatures falling' },
  });
  // Single machines that stopped for a while: a reboot after a pool switch, a loose network cable.
  const loners = ctx.fleet.filter((m) => m.status === 'online' && m.id % 97 === 5).slice(0, 14);
  loners.forEach((miner, i) => {
    const fromMs = nowMs - (2 + i * 2) * DAY_MS - ctx.random.int(0, 20) * HOUR_MS;
    const lastedMs = ctx.random.int(25, 140) * MINUTE_MS;
    episodes.push({
      firings: offlineFirings(asOffline([miner], fromMs), rules.miner_offline, fromMs + lastedMs - MINUTE_MS),
      openedMs: fromMs + 11 * MINUTE_MS,
      resolvedMs: fromMs + lastedMs,
      ...(i % 3 === 0 ? { ack: { byIndex: 5, afterMs: 15 * MINUTE_MS, note: 'Rebooted remotely' } } : {}),
    });
  });
  return episodes;
}

/**
 * Alerts as the rules judge the facility now, opened when each condition began (offline miners ten minutes
 * after they last answered, warnings when the reading went bad, the silent PDU five minutes after its last
 * answer); some acknowledged by the staff with a note; and the resolved history of the last weeks.
 */
export function seedDemoAlerts(ctx: DemoContext): { alerts: number } {
  const { db, clock } = ctx;
  const nowMs = clock.realNow.getTime();
  let count = writeEpisodes(ctx, pastEpisodes(ctx, nowMs));
  const evaluation = evaluateAlerts(db, new Date(nowMs - 20_000));
  count += evaluation.opened;
  backdateOpenAlerts(db, ctx.fleet);
  acknowledgeSome(ctx, nowMs);
  return { alerts: count };
}

/** The evaluator opens everything it finds at once; a facility that ran before opened each alert when its condition began. */
function backdateOpenAlerts(db: Db, fleet: readonly MinerStory[]): void {
  const sqlite = db.$client;
  sqlite
    .prepare(
      `UPDATE alerts SET opened_at = strftime('%Y-%m-%dT%H:%M:%fZ', (SELECT m.last_seen_at FROM miners m WHERE m.id = alerts.miner_id), '+' || (threshold + 1) || ' minutes')
       WHERE resolved_at IS NULL AND kind = 'miner_offline'`,
    )
    .run();
  sqlite
    .prepare(
      `UPDATE alerts SET opened_at = strftime('%Y-%m-%dT%H:%M:%fZ', (SELECT d.last_ok_at FROM power_devices d WHERE d.id = alerts.power_device_id), '+' || (threshold + 1) || ' minutes')
       WHERE resolved_at IS NULL AND kind = 'power_device_unreachable'`,
    )
    .run();
  const warned = sqlite.prepare(`UPDATE alerts SET opened_at = ? WHERE resolved_at IS NULL AND kind IN ('hashrate_low', 'temp_high') AND miner_id = ?`);
  for (const miner of fleet) if (miner.status === 'warning') warned.run(iso((miner.sinceS + 60) * 1000), miner.id);
}

/** The shift has seen some of what is open, a note each batch: the longest offline ones, and the latest hot ones. */
function acknowledgeSome(ctx: DemoContext, nowMs: number): void {
  const open = ctx.db.$client.prepare(`SELECT id, kind, opened_at AS openedAt FROM alerts WHERE resolved_at IS NULL ORDER BY opened_at`).all() as {
    id: number;
    kind: string;
    openedAt: string;
  }[];
  const batches: { kind: string; olderThanMs: number; newest: boolean; note: string; by: number; take: number }[] = [
    { kind: 'miner_offline', olderThanMs: DAY_MS, newest: false, note: 'Dead PSUs; replacements ordered, ETA Friday', by: 3, take: 2 },
    { kind: 'hashrate_low', olderThanMs: 12 * HOUR_MS, newest: false, note: 'Hashboard swap scheduled with the repair task', by: 6, take: 2 },
    { kind: 'miner_offline', olderThanMs: HOUR_MS, newest: true, note: 'Technician on the way to check cabling', by: 5, take: 2 },
    { kind: 'temp_high', olderThanMs: 30 * MINUTE_MS, newest: true, note: 'Container door left open; closed, watching temperatures', by: 0, take: 2 },
  ];
  for (const batch of batches) {
    const candidates = open.filter((a) => a.kind === batch.kind && Date.parse(a.openedAt) < nowMs - batch.olderThanMs);
    const chosen = (batch.newest ? candidates.slice(-batch.take) : candidates.slice(0, batch.take)).map((a) => ({
      id: a.id,
      openedMs: Date.parse(a.openedAt),
    }));
    if (!chosen.length) continue;
    const at = Math.min(nowMs - 5 * MINUTE_MS, Math.max(...chosen.map((a) => a.openedMs)) + 25 * MINUTE_MS);
    ctx.clock.set(at);
    acknowledgeAlerts(ctx.db, { ids: chosen.map((a) => a.id), note: batch.note }, ctx.staffNames[batch.by], new Date(at));
  }
}
