/**
 * Headless scan: `npm run scan -- <range>... [--json] [--ports 80,4028] [--max-rate N] [--concurrency N] [--data DIR]`.
 * Runs the app's own scanner service (sweep, identification, storage) on a throwaway database, or on
 * the data folder given, and prints the findings: one JSON array with --json, else a table. Progress
 * goes to stderr; findings are listed by address. It probes exactly the ranges given.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../db/open-db';
import { contract } from '../electron/contract';
import { ipToNumber } from '../electron/contract/ip-ranges';
import { identifyOpenHosts } from '../electron/services/discovery/scan/identify-host';
import { createScanner } from '../electron/services/discovery/scan/scan.service';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    ports: { type: 'string' },
    concurrency: { type: 'string', default: '1024' },
    'max-rate': { type: 'string' },
    data: { type: 'string' },
  },
});

const input = contract['discovery.scan'].input.safeParse({
  ranges: positionals,
  ports: values.ports ? values.ports.split(',').map(Number) : undefined,
  maxRate: values['max-rate'] ? Number(values['max-rate']) : null,
});
if (!input.success) {
  for (const issue of input.error.issues) console.error(issue.message);
  console.error('Usage: npm run scan -- <range>... [--json] [--ports 80,4028,4433,8080] [--max-rate ADDRESSES_A_SECOND] [--concurrency 1024] [--data DIR]');
  process.exit(2);
}

const dir = values.data ?? mkdtempSync(join(tmpdir(), 'hashdesk-scan-'));
const db = openDb(join(dir, 'hashdesk.db'));
const scanner = createScanner(db, {
  identify: identifyOpenHosts(),
  concurrency: Number(values.concurrency),
  log: { error: (details, message) => console.error(message, details) },
});
const scan = scanner.start(input.data, 'cli');
process.once('SIGINT', () => scanner.cancel(scan.id));
const ticker = setInterval(() => {
  const s = scanner.status(scan.id);
  if (s) process.stderr.write(`\r${s.probedHosts}/${s.totalHosts} probed, ${s.openHosts} open, ${s.identifiedHosts} identified, ${s.rate}/s   `);
}, 500);
await scanner.settled(scan.id);
clearInterval(ticker);
const done = scanner.status(scan.id);
process.stderr.write(`\n${done?.status}: ${done?.probedHosts}/${done?.totalHosts} probed, ${done?.openHosts} open, ${done?.identifiedHosts} identified\n`);
if (done?.message) process.stderr.write(`${done.message}\n`);
if (done?.status === 'failed') process.exitCode = 1;
const rows = scanner
  .allResults(scan.id)
  .sort((a, b) => (ipToNumber(a.ip) ?? 0) - (ipToNumber(b.ip) ?? 0))
  .map(({ id: _id, minerId: _minerId, ...row }) => row);
if (values.json) console.log(JSON.stringify(rows, null, 2));
else
  console.table(
    rows.map((r) => ({
      ip: r.ip,
      state: r.state,
      family: r.family,
      model: r.model,
      serial: r.serial,
      mac: r.mac,
      ths: r.hashrateThs,
      ports: r.openPorts.join(','),
    })),
  );
db.$client.close();
if (!values.data) rmSync(dir, { recursive: true, force: true });
