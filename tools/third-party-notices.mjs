// Third-party notices from the packages really installed: walks node_modules from package.json "dependencies"
// (and the installed optional dependencies of each), never devDependencies, and writes
// assets/public/third-party-notices.json, which the renderer serves from the app's own origin (Settings › About).
// Run by the build (the `third-party-notices` plugin in electron.vite.config.ts) or by hand: node tools/third-party-notices.mjs
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A licence text longer than this is cut (a few packages ship every dependency's licence in one file). */
export const maxLicenceChars = 12_000;
const licenceFile = /^(licen[cs]e|copying)([.-].*)?$/i;

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Where Node would find `name` when required from `fromDir`: the nearest node_modules up to the root. */
function findPackageDir(name, fromDir, root) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return null;
  }
}

/** The licence a licence file names in its first line ("MIT License", "ISC License", "Apache License"), for a package.json without one. */
const titledLicence = /^(?:the )?(MIT|ISC|Apache) License\b/i;

function licenceOf(pkg, text) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  const list = Array.isArray(pkg.licenses) ? pkg.licenses.map((entry) => (typeof entry === 'string' ? entry : entry?.type)).filter(Boolean) : [];
  if (list.length > 0) return list.length === 1 ? list[0] : `(${list.join(' OR ')})`;
  const titled = text?.match(titledLicence);
  return titled ? `${titled[1] === 'Apache' ? 'Apache' : titled[1].toUpperCase()} (from its licence file)` : null;
}

function linkOf(pkg) {
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const url = repository ?? pkg.homepage ?? null;
  if (!url) return null;
  if (/^[\w.-]+\/[\w.-]+$/.test(url)) return `https://github.com/${url}`; // "owner/name" shorthand
  return url
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^github:/, 'https://github.com/')
    .replace(/\.git$/, '');
}

function licenceTextOf(dir) {
  const file = readdirSync(dir)
    .filter((entry) => licenceFile.test(entry))
    .sort()[0];
  if (!file) return null;
  const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim();
  return text.length > maxLicenceChars ? `${text.slice(0, maxLicenceChars)}\n\n[… cut at ${maxLicenceChars} characters: see the package's ${file}]` : text;
}

/**
 * The production dependency tree of the project at `root`: every package reachable from its "dependencies",
 * once per name and version, sorted by name. Identical licence texts are stored once (`texts`, by index).
 */
export function collectNotices(root) {
  const top = readJson(join(root, 'package.json'));
  const seen = new Map();
  const texts = [];
  const pending = Object.keys(top.dependencies ?? {}).map((name) => ({ name, from: root, optional: false }));
  while (pending.length > 0) {
    const { name, from, optional } = pending.pop();
    const dir = findPackageDir(name, from, root);
    if (!dir) {
      if (optional) continue; // an optional dependency for another platform is not installed
      throw new Error(`${name} is a dependency but is not installed under ${from}: run npm install.`);
    }
    const pkg = readJson(join(dir, 'package.json'));
    const key = `${pkg.name}@${pkg.version}`;
    if (seen.has(key)) continue;
    const text = licenceTextOf(dir);
    let textId = null;
    if (text !== null) {
      textId = texts.indexOf(text);
      if (textId === -1) textId = texts.push(text) - 1;
    }
    seen.set(key, { name: pkg.name, version: pkg.version, license: licenceOf(pkg, text), link: linkOf(pkg), textId });
    for (const dep of Object.keys(pkg.dependencies ?? {})) pending.push({ name: dep, from: dir, optional: false });
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) pending.push({ name: dep, from: dir, optional: true });
  }
  const packages = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  return { packages, texts };
}

export const noticesFile = (root) => join(root, 'assets', 'public', 'third-party-notices.json');

/** Writes the notices of the project at `root` beside the renderer's other public files; returns how many packages. */
export function writeNotices(root) {
  const notices = collectNotices(root);
  writeFileSync(noticesFile(root), `${JSON.stringify(notices)}\n`);
  return notices.packages.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  console.log(`third-party notices: ${writeNotices(root)} packages written to ${noticesFile(root)}`);
}
