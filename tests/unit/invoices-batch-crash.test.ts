import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/open-db';
import { invoices } from '../../db/schema';
import { contract } from '../../electron/contract';
import { createContract } from '../../electron/services/contracts/contracts.create';
import { activateContract } from '../../electron/services/contracts/contracts.lifecycle';
import { createSite } from '../../electron/services/sites/sites.service';
import { actor, makeClient, makeManager } from '../helpers/client-fixtures';
import { setTaxes } from '../helpers/billing-fixtures';
import { apiClient, startServer, type HashdeskServer } from '../helpers/serve-process';

/**
 * The batch is killed (SIGKILL, no chance to clean up) half-way through in a real `serve` process, then
 * run again: every client's invoices are there exactly once and the numbers run 1..N without a gap.
 * Needs the production build (`npx electron-vite build`); talks to 127.0.0.1 only.
 */

const CLIENTS = 250;
const servers: HashdeskServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startServe(dataDir: string) {
  const server = await startServer(dataDir);
  servers.push(server);
  expect(new URL(server.info.url).hostname).toBe('127.0.0.1');
  const client = apiClient(server);
  return { server, call: client.raw.bind(client) };
}

function facility(db: Db): void {
  setTaxes(db, [{ name: 'VAT', percent: '20' }]);
  const managerId = makeManager(db).id;
  const site = createSite(db, contract['sites.create'].input.parse({ name: 'Midland', timeZone: 'America/New_York' }), actor);
  const now = new Date('2026-03-10T15:00:00Z');
  db.transaction((tx) => {
    for (let i = 0; i < CLIENTS; i += 1) {
      const client = makeClient(tx as unknown as Db, { name: `Client ${i}`, contactEmail: `c${i}@example.com`, managerId });
      const fields = {
        clientId: client.id,
        siteId: site.id,
        type: 'infinity',
        term: '1y',
        startsAt: '2026-03-01',
        pricePerThsDay: '0.05',
        contractedThs: String(10 + i),
      };
      const draft = createContract(tx as unknown as Db, contract['contracts.create'].input.parse(fields), actor, now);
      activateContract(tx as unknown as Db, draft.id, actor, now);
    }
  });
}

describe('a batch killed half-way', () => {
  it('leaves whole clients only, and the rerun completes it with no duplicate and no gap', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-crash-'));
    dirs.push(dataDir);
    const setup = openDb(join(dataDir, 'hashdesk.db'));
    facility(setup);
    setup.$client.close();

    const first = await startServe(dataDir);
    // The kill closes this request's socket; catch it now, not after the kill, or the rejection is unhandled.
    const running = first.call('invoices.generateBatch', { period: '2026-03', issue: true }).catch(() => undefined);
    let done = 0;
    for (let polls = 0; done < 20 && polls < 3_000; polls += 1) {
      const status = await first.call('invoices.batch.status', {});
      done = status.ok && status.value ? status.value.clientsDone : 0;
      if (status.ok && status.value?.state !== 'running' && status.value !== null) break;
    }
    await first.server.kill();
    await running;

    const db = openDb(join(dataDir, 'hashdesk.db'));
    const partial = db.select().from(invoices).all();
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(CLIENTS);
    const numbersOf = (rows: typeof partial) => rows.map((r) => Number(r.number!.slice(-6))).sort((a, b) => a - b);
    expect(numbersOf(partial)).toEqual(Array.from({ length: partial.length }, (_, i) => i + 1));

    const second = await startServe(dataDir);
    const rerun = await second.call('invoices.generateBatch', { period: '2026-03', issue: true });
    expect(rerun).toMatchObject({ ok: true, value: { created: CLIENTS - partial.length, skipped: partial.length } });
    await second.server.kill();

    const all = db.select().from(invoices).all();
    expect(all).toHaveLength(CLIENTS);
    expect(new Set(all.map((r) => r.contractId)).size).toBe(CLIENTS);
    expect(all.every((r) => r.status === 'issued')).toBe(true);
    expect(numbersOf(all)).toEqual(Array.from({ length: CLIENTS }, (_, i) => i + 1));
    db.$client.close();
  }, 180_000);
});
