// Builds a second copy of better-sqlite3 against Electron's headers, beside the Node build.
// Node (tests, `npm run serve`) keeps using node_modules/better-sqlite3 as installed; the desktop
// app loads the Electron copy through better-sqlite3's `nativeBinding` option. Where the Electron
// binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1, CI) there is nothing to build for.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
export const electronBindingPath = join(root, 'node_modules', '.hashdesk-electron', 'better_sqlite3.node');

function electronVersionIfInstalled() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return null;
  return require('electron/package.json').version;
}

const version = electronVersionIfInstalled();
if (!version) {
  console.log('hashdesk: no Electron binary installed; better-sqlite3 stays built for Node only.');
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'hashdesk-native-'));
try {
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const copy = join(work, 'better-sqlite3');
  cpSync(source, copy, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) });
  const nodeGyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
    cwd: copy,
    stdio: 'inherit',
  });
  mkdirSync(dirname(electronBindingPath), { recursive: true });
  cpSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), electronBindingPath);
  console.log(`hashdesk: better-sqlite3 built for Electron ${version} at ${electronBindingPath}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
