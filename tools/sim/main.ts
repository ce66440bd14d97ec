// npm run sim -- --count N [--base 127.60.0.0/16] [--families a,b] [--quirks RATE] [--quirk-kinds a,b]
//   [--seed S] [--pdus N] [--meters N] [--energy-speed X] [--control PORT] [--json-out FILE]
// Starts a simulated fleet on loopback addresses, prints one JSON line per host (or writes them to
// FILE as a manifest), and runs until interrupted.
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { startControl } from './control';
import { familyNames, type FamilyName } from './miner';
import { parseQuirkList } from './quirks';
import { startSimulator } from './simulator';

function fail(message: string): never {
  console.error(`sim: ${message}`);
  process.exit(2);
}

function wholeNumber(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) fail(`${name} must be a whole number, not "${text}".`);
  return Number(text);
}

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100' },
    base: { type: 'string', default: '127.60.0.0/16' },
    families: { type: 'string' },
    quirks: { type: 'string', default: '0' },
    'quirk-kinds': { type: 'string' },
    seed: { type: 'string', default: '1' },
    pdus: { type: 'string', default: '0' },
    meters: { type: 'string', default: '0' },
    'energy-speed': { type: 'string', default: '1' },
    control: { type: 'string' },
    'json-out': { type: 'string' },
  },
});

const families =
  values.families
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean) ?? [];
for (const name of families) {
  if (!(familyNames as readonly string[]).includes(name)) fail(`unknown family "${name}". Families: ${familyNames.join(', ')}.`);
}
const quirkRate = Number(values.quirks);
if (!(quirkRate >= 0 && quirkRate <= 1)) fail(`--quirks is the share of misbehaving hosts, from 0 to 1, not "${values.quirks}".`);
const energySpeed = Number(values['energy-speed']);
if (!(energySpeed > 0)) fail(`--energy-speed must be a positive number, not "${values['energy-speed']}".`);

let quirks;
try {
  quirks = values['quirk-kinds'] ? parseQuirkList(values['quirk-kinds']) : undefined;
} catch (error) {
  fail((error as Error).message);
}

const count = wholeNumber(values.count, '--count', 100);
const sim = await startSimulator({
  count,
  base: values.base,
  families: families as FamilyName[],
  seed: wholeNumber(values.seed, '--seed', 1),
  quirkRate,
  quirks,
  pdus: wholeNumber(values.pdus, '--pdus', 0),
  meters: wholeNumber(values.meters, '--meters', 0),
  energySpeed,
}).catch((error: Error) => fail(error.message));

const lines = [...sim.hosts, ...sim.power].map((host) => JSON.stringify(host));
if (values['json-out']) {
  writeFileSync(values['json-out'], JSON.stringify({ hosts: sim.hosts, power: sim.power }, null, 2));
  console.error(`sim: wrote ${lines.length} hosts to ${values['json-out']}`);
} else {
  process.stdout.write(lines.join('\n') + '\n');
}
const control = values.control
  ? await startControl(sim, wholeNumber(values.control, '--control', 0)).catch((error: Error) => fail(`control port: ${error.message}`))
  : null;
console.error(
  `sim: ${sim.hosts.length} miners and ${sim.power.length} power devices running on ${values.base}${control ? `; control on http://127.0.0.1:${(control.address() as AddressInfo).port}` : ''}. Ctrl+C stops.`,
);

const shutdown = async () => {
  control?.close();
  await sim.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
