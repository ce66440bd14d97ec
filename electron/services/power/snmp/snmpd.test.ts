// The SNMP reader against a peer we did not write: Debian's snmpd (net-snmp 5.9), started with a
// temporary configuration that serves a two-outlet Raritan PX through `override` lines, on 127.75.0.1
// only, and stopped by its PID. CI installs the snmpd package; without it this test fails, naming it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnmpSecrets, SnmpSettings } from '../../../contract/power.profiles';
import { raritanPx } from '../profiles/raritan-px';
import { readPowerDevice } from '../read-device';

const snmpdPath = '/usr/sbin/snmpd';
const host = '127.75.0.1';
const community = 'hashdesk-ro';
const v3User = { name: 'hashdesk-v3', authKey: 'hashdesk-auth-pass', privKey: 'hashdesk-priv-pass' };
const v3AuthOnly = { name: 'hashdesk-auth-only', authKey: 'hashdesk-md5-pass' };
const pdu2 = '1.3.6.1.4.1.13742.6';

/**
 * What the fake Raritan serves: two inlets (inletCount.1 = 2) whose totals the profile adds up, outlet 1 on at
 * 3250 W, outlet 2 off; energy in Wh. inletCount.2 = 1 stands in for a one-inlet PDU (a profile variant reads it).
 */
const overrides: [string, 'integer' | 'uinteger' | 'octet_str', string | number][] = [
  [`${pdu2}.3.2.2.1.2.1`, 'integer', 2],
  [`${pdu2}.3.2.2.1.2.2`, 'integer', 1],
  [`${pdu2}.3.2.2.1.4.1`, 'integer', 2],
  [`${pdu2}.3.5.3.1.3.1.1`, 'octet_str', '"S19-row4-07"'],
  [`${pdu2}.3.5.3.1.3.1.2`, 'octet_str', '""'],
  [`${pdu2}.4.1.2.1.3.1.1`, 'integer', 7],
  [`${pdu2}.4.1.2.1.3.1.2`, 'integer', 8],
  [`${pdu2}.5.4.3.1.4.1.1.5`, 'uinteger', 3250],
  [`${pdu2}.5.4.3.1.4.1.2.5`, 'uinteger', 0],
  [`${pdu2}.5.4.3.1.4.1.1.8`, 'uinteger', 4_294_967_000],
  [`${pdu2}.5.4.3.1.4.1.2.8`, 'uinteger', 12],
  [`${pdu2}.5.2.3.1.4.1.1.5`, 'uinteger', 3262],
  [`${pdu2}.5.2.3.1.4.1.1.8`, 'uinteger', 987_654_321],
  [`${pdu2}.5.2.3.1.4.1.2.5`, 'uinteger', 1840],
  [`${pdu2}.5.2.3.1.4.1.2.8`, 'uinteger', 4_294_000_000],
];

let snmpd: ChildProcess | undefined;
let port = 0;
let workDir = '';
let log = '';

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, host, resolve));
  const { port: free } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return free;
}

beforeAll(async () => {
  if (!existsSync(snmpdPath)) throw new Error(`${snmpdPath} is missing: install the Debian package "snmpd" (CI lists it in .ci/run).`);
  workDir = mkdtempSync(join(tmpdir(), 'hashdesk-snmpd-'));
  port = await freeUdpPort();
  const conf = join(workDir, 'snmpd.conf');
  writeFileSync(
    conf,
    [
      `rocommunity ${community} 127.0.0.0/8`,
      `createUser ${v3User.name} SHA "${v3User.authKey}" AES "${v3User.privKey}"`,
      `rouser ${v3User.name} priv`,
      `createUser ${v3AuthOnly.name} MD5 "${v3AuthOnly.authKey}"`,
      `rouser ${v3AuthOnly.name} auth`,
      ...overrides.map(([oid, type, value]) => `override .${oid} ${type} ${value}`),
      '',
    ].join('\n'),
  );
  snmpd = spawn(snmpdPath, ['-f', '-Lo', '-C', '-c', conf, '-M', '/dev/null', `udp:${host}:${port}`], {
    env: { PATH: process.env.PATH, SNMP_PERSISTENT_DIR: join(workDir, 'persist'), MIBS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  snmpd.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  snmpd.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  // Ready when it logs its version; bounded to 10 s.
  for (let waited = 0; !/NET-SNMP version/.test(log); waited += 50) {
    if (waited > 10_000 || snmpd.exitCode !== null) throw new Error(`snmpd did not start on ${host}:${port}:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 15_000);

afterAll(async () => {
  if (snmpd?.pid && snmpd.exitCode === null) {
    const exited = new Promise((resolve) => snmpd!.once('exit', resolve));
    process.kill(snmpd.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    if (snmpd.exitCode === null) process.kill(snmpd.pid, 'SIGKILL');
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const v3: SnmpSettings = { version: '3', user: v3User.name, securityLevel: 'authPriv', authProtocol: 'sha', privProtocol: 'aes' };

const read = (snmp: SnmpSettings, secrets: SnmpSecrets) =>
  readPowerDevice({ kind: 'pdu', host, port, profile: raritanPx, snmp, secrets }, { timeoutMs: 500, deadline: Date.now() + 5_000 });

describe('PDU over SNMP against Debian snmpd serving a Raritan PX profile', () => {
  it.each([
    ['v1', { version: '1' } as SnmpSettings, { community }],
    ['v2c', { version: '2c' } as SnmpSettings, { community }],
    ['v3 authPriv (SHA, AES)', v3, { authKey: v3User.authKey, privKey: v3User.privKey }],
    [
      'v3 authNoPriv (MD5)',
      { version: '3', user: v3AuthOnly.name, securityLevel: 'authNoPriv', authProtocol: 'md5' } as SnmpSettings,
      { authKey: v3AuthOnly.authKey },
    ],
  ])('reads every outlet and the totals of both inlets over %s', async (_name, snmp, secrets) => {
    const result = await read(snmp, secrets);
    expect(result).toEqual({
      ok: true,
      reading: {
        // 3262 W + 1840 W; 987,654,321 Wh + 4,294,000,000 Wh: the sum passes 2^32, each inlet still wraps at 2^32.
        powerW: 5102,
        energy: { raw: '5281654321', wh: 5_281_654_321, maxWh: 4_294_967_296 },
        outlets: [
          { index: 1, name: 'S19-row4-07', state: 'on', powerW: 3250, energy: { raw: '4294967000', wh: 4_294_967_000, maxWh: 4_294_967_296 } },
          { index: 2, name: null, state: 'off', powerW: 0, energy: { raw: '12', wh: 12, maxWh: 4_294_967_296 } },
        ],
        extra: {},
        notes: [],
      },
    });
  });

  it('reads inlet 1 alone when the PDU has one inlet', async () => {
    const oneInlet = { ...raritanPx, total: { ...raritanPx.total, inletCountOid: `${pdu2}.3.2.2.1.2.2` } };
    const result = await readPowerDevice({ kind: 'pdu', host, port, profile: oneInlet, snmp: { version: '2c' }, secrets: { community } }, { timeoutMs: 500 });
    if (!result.ok) throw new Error(result.message);
    expect(result.reading).toMatchObject({ powerW: 3262, energy: { raw: '987654321', wh: 987_654_321 }, notes: [] });
  });

  it('gives no total, with a note, when an inlet the count names has no value', async () => {
    // outletSwitchingState.1.1 reads 7: seven inlets, of which snmpd has only 1 and 2.
    const sevenInlets = { ...raritanPx, total: { ...raritanPx.total, inletCountOid: `${pdu2}.4.1.2.1.3.1.1` } };
    const result = await readPowerDevice(
      { kind: 'pdu', host, port, profile: sevenInlets, snmp: { version: '2c' }, secrets: { community } },
      { timeoutMs: 500 },
    );
    if (!result.ok) throw new Error(result.message);
    // Without a total OID answer the power is not the outlets' sum either: the profile has a total power OID.
    expect(result.reading).toMatchObject({ powerW: null, energy: null });
    expect(result.reading.outlets).toHaveLength(2);
    expect(result.reading.notes.join('\n')).toContain(`No value at ${pdu2}.5.2.3.1.4.1.3.5 for total power (total.powerW)`);
    expect(result.reading.notes.join('\n')).toContain(`No value at ${pdu2}.5.2.3.1.4.1.3.8 for total energy (total.energyWh)`);
  });

  it('names the v3 passphrase snmpd rejects, and the user it does not know', async () => {
    const wrongKey = await read(v3, { authKey: 'not-the-passphrase', privKey: v3User.privKey });
    expect(wrongKey).toEqual({
      ok: false,
      state: 'error',
      message: `${host}:${port} rejected the SNMPv3 authentication passphrase (or protocol) ("${v3User.name}"). Check the PDU's SNMPv3 settings.`,
    });
    const unknown = await read({ ...v3, user: 'nobody' }, { authKey: v3User.authKey, privKey: v3User.privKey });
    expect(unknown).toMatchObject({ ok: false, state: 'error' });
    expect(!unknown.ok && unknown.message).toContain('does not know the SNMPv3 user ("nobody")');
  });

  it('ends a wrong community as no answer within the time set', async () => {
    const started = Date.now();
    expect(await read({ version: '2c' }, { community: 'guess' })).toEqual({
      ok: false,
      state: 'unreachable',
      message: `No SNMP answer from ${host}:${port} within 1000 ms (wrong community or version, or the device is off).`,
    });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('notes outlets whose values snmpd does not have, over v1 (noSuchName) and v2c (noSuchInstance)', async () => {
    const threeOutlets = { ...raritanPx, outletCountOid: `${pdu2}.4.1.2.1.3.1.1` }; // reads 7: outlets 3..7 do not exist
    for (const snmp of [{ version: '1' }, { version: '2c' }] as SnmpSettings[]) {
      const result = await readPowerDevice({ kind: 'pdu', host, port, profile: threeOutlets, snmp, secrets: { community } }, { timeoutMs: 500 });
      if (!result.ok) throw new Error(result.message);
      expect(result.reading.outlets).toHaveLength(7);
      expect(result.reading.outlets[0]).toMatchObject({ name: 'S19-row4-07', powerW: 3250 });
      expect(result.reading.outlets[6]).toEqual({ index: 7, name: null, state: 'unknown', powerW: null, energy: null });
      expect(result.reading.notes.join('\n')).toContain('outlet power (outlet.powerW)');
      expect(result.reading.notes.join('\n')).toContain('outlets 3, 4, 5, 6, 7');
    }
  });
});
