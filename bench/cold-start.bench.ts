import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { tokenInitScript } from '../tests/e2e/fixtures';
import { apiClient, startServer } from '../tests/helpers/serve-process';

/**
 * Cold start of serve mode to a painted dashboard (#15, target 2 s): from spawning the built `serve` process on a
 * data folder holding the demo facility to the dashboard's tiles visible in Chromium. The folder is seeded once
 * beforehand and Chromium is already running (neither is the app's start). Three starts; the server-ready part
 * is read from server.json, which the helper looks for every 100 ms.
 */

const runs = 3;
const targetMs = 2_000;

export async function coldStartToDashboard(): Promise<Record<string, number | string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-cold-'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const seeding = await startServer(dataDir);
    try {
      await apiClient(seeding).call('demo.seed', {});
    } finally {
      await seeding.stop();
    }
    const totals: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const spawnedAt = performance.now();
      const server = await startServer(dataDir);
      try {
        ready.push(performance.now() - spawnedAt);
        await page.addInitScript(tokenInitScript(server.info.token));
        await page.goto(`${server.info.url}/`);
        await page.locator('[data-tile="Fleet hashrate"]').waitFor({ state: 'visible', timeout: 60_000 });
        totals.push(performance.now() - spawnedAt);
      } finally {
        await context.close();
        await server.stop();
      }
    }
    const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
    return {
      spawnToTilesMedianMs: median(totals),
      spawnToTilesWorstMs: Math.round(Math.max(...totals)),
      spawnToServerReadyMedianMs: median(ready),
      targetMs,
      loadAverage: loadavg()[0].toFixed(1),
      note: 'demo facility (about 2,600 miners); wall time on this machine, load average given beside it',
    };
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
