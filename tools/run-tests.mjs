// Reports go to reports/, not test-results/, which Playwright empties when it starts.
// `npm test` after lint, typecheck and build: unit tests (vitest), then end-to-end tests
// (Playwright driving Debian's Chromium against `serve`), then one closing line for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
rmSync('reports/unit.json', { force: true });
rmSync('reports/e2e.json', { force: true });

const env = { E2E_WORKERS: '2', ...process.env, FORCE_COLOR: '0', PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/e2e.json' };
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status;
const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']);
const e2eStatus = run('npx', ['playwright', 'test', '--reporter=list,json']);

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
const unit = readJson('reports/unit.json');
const e2e = readJson('reports/e2e.json');
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (e2e?.stats?.skipped ?? 0);
const broken = unitStatus !== 0 || e2eStatus !== 0 || !unit || !e2e;
console.log(`\nunit: ${unit?.numPassedTests ?? 0} passed, e2e: ${e2e?.stats?.expected ?? 0} passed`);
console.log(`tests: ${passed} passed, ${failed + (broken && failed === 0 ? 1 : 0)} failed, ${skipped} skipped`);
process.exit(broken ? 1 : 0);
