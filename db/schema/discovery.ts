import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { scanResultStates, scanStatuses } from '../../electron/contract/discovery.vocab';
import { miners } from './miners';
import { sites } from './sites';

/** One run of the LAN scanner: what it was asked to probe and how far it got. */
export const discoveryScans = sqliteTable('discovery_scans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  siteId: integer('site_id').references(() => sites.id), // the site found miners go to on commit
  rangesJson: text('ranges_json').notNull(), // the ranges as typed, e.g. ["10.0.1.0/24"]
  portsJson: text('ports_json').notNull(), // [80, 4028, 4433, 8080]
  status: text('status', { enum: scanStatuses }).notNull(),
  totalHosts: integer('total_hosts').notNull(),
  probedHosts: integer('probed_hosts').notNull().default(0),
  openHosts: integer('open_hosts').notNull().default(0),
  identifiedHosts: integer('identified_hosts').notNull().default(0),
  maxRate: integer('max_rate'), // addresses a second at most, as asked; null: as fast as the network answers
  message: text('message'), // why it failed or was cancelled, in plain words
  actor: text('actor').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  committedAt: text('committed_at'),
});

/** An address of a scan with at least one open port, and what identifying it showed. */
export const discoveryResults = sqliteTable(
  'discovery_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scanId: integer('scan_id')
      .notNull()
      .references(() => discoveryScans.id, { onDelete: 'cascade' }),
    ip: text('ip').notNull(),
    openPortsJson: text('open_ports_json').notNull(),
    state: text('state', { enum: scanResultStates }).notNull(),
    family: text('family'),
    make: text('make'),
    model: text('model'),
    firmware: text('firmware'),
    serial: text('serial'),
    mac: text('mac'),
    hostname: text('hostname'),
    hashrateGhs: integer('hashrate_ghs'), // live, as the identification reply said (before migration 0017: the nominal)
    powerW: integer('power_w'),
    tempMaxC: integer('temp_max_c'),
    poolUrl: text('pool_url'), // the pool it mines on now (the active one, else the first)
    poolUser: text('pool_user'),
    message: text('message'), // for unidentified hosts: what each probe got, in plain words
    minerId: integer('miner_id').references(() => miners.id), // the inventory miner it became or updated on commit
    foundAt: text('found_at').notNull(),
  },
  (t) => [index('discovery_results_scan_idx').on(t.scanId, t.id)],
);
