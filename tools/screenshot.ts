// Screenshots pages of a running `npm run serve`, to look at what a user sees.
// Usage: tsx tools/screenshot.ts --data DIR --out DIR [--dark] [--viewport] /path [/path…]
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import config from '../playwright.config';
import { tokenInitScript } from '../tests/e2e/fixtures';

const { values, positionals } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: 'test-results/screens' },
    dark: { type: 'boolean', default: false },
    width: { type: 'string', default: '1440' },
    viewport: { type: 'boolean', default: false }, // only the first screen, not the full page
  },
  allowPositionals: true,
});
if (!values.data) throw new Error('--data DIR is required: the data folder of a running `npm run serve`.');
const server = JSON.parse(readFileSync(join(values.data, 'server.json'), 'utf8')) as { url: string; token: string };
mkdirSync(values.out, { recursive: true });
const browser = await chromium.launch(config.use?.launchOptions);
const context = await browser.newContext({ viewport: { width: Number(values.width), height: 900 }, colorScheme: values.dark ? 'dark' : 'light' });
await context.addInitScript(tokenInitScript(server.token));
const page = await context.newPage();
page.on('console', (message) => message.type() === 'error' && console.error(`console error: ${message.text()}`));
for (const path of positionals.length ? positionals : ['/']) {
  await page.goto(server.url + path);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  const file = join(values.out, `${path.replace(/[^a-z0-9]+/gi, '_') || 'root'}${values.dark ? '_dark' : ''}.png`);
  await page.screenshot({ path: file, fullPage: !values.viewport });
  console.log(file);
}
await browser.close();
