import type { Db } from '../../../db/open-db';
import type { Scanner } from '../discovery/scan/scan.service';
import type { BuiltInProfiles } from '../power/power.profiles.service';
import type { SecretBox } from '../secrets/secret-box';
import type { StoryClock } from './demo.clock';
import type { MinerStory } from './demo.fleet-story';
import type { Random } from './seed-random';

/** What the demo needs beyond the database: the sealing key for PDU communities, the shipped power profiles, and the scanner its scans are committed through. */
export type DemoDeps = { secrets: SecretBox; builtIns: BuiltInProfiles; scanner: Scanner };

/** Shared by the demo steps that run once the facility's clients, racks and miners exist. */
export type DemoContext = {
  db: Db;
  actor: string;
  clock: StoryClock;
  deps: DemoDeps;
  /** Draws of these steps: a stream of their own, so the clients and fleet stay as they were. */
  random: Random;
  /** Staff who act in the story (acknowledge alerts, comment tasks). */
  staffNames: readonly string[];
  /** The polled miners and what each is doing (see demo.fleet-story). */
  fleet: readonly MinerStory[];
};

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The whole hour an instant falls in, as epoch milliseconds. */
export const hourFloor = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** A demo site by name (seed-sites). */
export const siteIdOf = (db: Db, name: string): number => (db.$client.prepare('SELECT id FROM sites WHERE name = ?').get(name) as { id: number }).id;

/** A demo rack by site, room and rack names (seed-sites); the demo's own layout, so a missing one is a bug. */
export function rackIdOf(db: Db, place: { site: string; room: string; rack: string }): number {
  const row = db.$client
    .prepare('SELECT k.id FROM racks k JOIN site_rooms r ON r.id = k.room_id JOIN sites s ON s.id = r.site_id WHERE s.name = ? AND r.name = ? AND k.name = ?')
    .get(place.site, place.room, place.rack) as { id: number } | undefined;
  if (!row) throw new Error(`The demo has no rack ${place.site} ${place.room} ${place.rack}.`);
  return row.id;
}
