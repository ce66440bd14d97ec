import { inChromiumOverFleet } from './fixtures/page-over-fleet';

const loads = 7;

/** Run in the page (its CSP refuses Playwright's string predicates), whole; the bench is compiled without the DOM's types. */
const fiftyRowsShown = (): boolean =>
  (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<unknown> } }).document.querySelectorAll(
    'table[aria-label="Clients"] tbody tr',
  ).length >= 50;

/** The Clients page in Chromium over 5,000 clients and 100,000 miners: from navigation to the first page of rows shown. */
export async function clientsPageInChromium(): Promise<Record<string, number>> {
  return inChromiumOverFleet(async (page, url) => {
    const ms: number[] = [];
    for (let i = 0; i < loads; i += 1) {
      const start = performance.now();
      await page.goto(`${url}/clients`);
      // Checked in the page on every frame: Playwright's role locators poll with back-off and would add their own delay.
      await page.waitForFunction(fiftyRowsShown, null, { polling: 'raf', timeout: 30_000 });
      ms.push(performance.now() - start);
    }
    const warm = ms.slice(1).sort((a, b) => a - b); // the first load also compiles the bundle's code cache
    return { firstLoadMs: Math.round(ms[0]), medianMs: Math.round(warm[Math.floor(warm.length / 2)]), worstMs: Math.round(warm[warm.length - 1]) };
  });
}
