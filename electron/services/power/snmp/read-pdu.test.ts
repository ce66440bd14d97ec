// The SNMP reader against the repo's simulated APC Rack PDU (net-snmp agent): v1, v2c and v3, wrong
// credentials, OIDs the PDU lacks, and UDP peers that answer slowly, stop, or send garbage.
// Everything listens on 127.66.x.x and every wait is bounded.
import dgram, { createSocket, type Socket } from 'node:dgram';
import snmp from 'net-snmp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PduProfile, SnmpSecrets, SnmpSettings } from '../../../contract/power.profiles';
import { pduCommunities, pduSnmpPort, pduV3User, startPdu, type SimulatedPdu } from '../../../../tools/sim/power/pdu-agent';
import { apcRpdu2 } from '../profiles/apc-rpdu2';
import { readPowerDevice } from '../read-device';
import type { PowerReadResult } from '../reader';

const pduIp = '127.66.1.1';
let pdu: SimulatedPdu;

beforeAll(async () => {
  pdu = await startPdu({
    ip: pduIp,
    name: 'pdu-test',
    serial: 'ZA0001',
    outlets: [
      { name: 'rig-a', powerW: 3250 },
      { name: 'rig-b', powerW: 3105 },
      { name: 'Outlet 3', powerW: 0 },
    ],
  });
});
afterAll(() => pdu?.stop());

const v2c: SnmpSettings = { version: '2c' };
const v3: SnmpSettings = { version: '3', user: pduV3User.name, securityLevel: 'authPriv', authProtocol: 'sha', privProtocol: 'aes' };
const v3Secrets: SnmpSecrets = { authKey: pduV3User.authKey, privKey: pduV3User.privKey };

function read(
  options: { host?: string; port?: number; profile?: PduProfile; snmp?: SnmpSettings; secrets?: SnmpSecrets; timeoutMs?: number; totalMs?: number } = {},
) {
  return readPowerDevice(
    {
      kind: 'pdu',
      host: options.host ?? pduIp,
      port: options.port ?? pduSnmpPort,
      profile: options.profile ?? apcRpdu2,
      snmp: options.snmp ?? v2c,
      secrets: options.secrets ?? { community: pduCommunities.read },
    },
    { timeoutMs: options.timeoutMs ?? 1_000, deadline: Date.now() + (options.totalMs ?? 8_000) },
  );
}

/**
 * The UDP sockets opened while `work` runs, and how many of them have closed by 50 ms after it. Counted at
 * dgram.createSocket (net-snmp calls it on Node's dgram module, which is this thread's own), not from the process's
 * descriptors: test files running in other threads of the process open and close sockets of their own meanwhile.
 */
async function socketsOpenedDuring(work: () => Promise<unknown>): Promise<{ opened: number; closed: number }> {
  const original = dgram.createSocket;
  let opened = 0;
  let closed = 0;
  dgram.createSocket = ((...args: Parameters<typeof dgram.createSocket>) => {
    const socket = original.apply(dgram, args);
    opened += 1;
    socket.once('close', () => (closed += 1));
    return socket;
  }) as typeof dgram.createSocket;
  try {
    await work();
  } finally {
    dgram.createSocket = original;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { opened, closed };
}

function reading(result: PowerReadResult) {
  if (!result.ok) throw new Error(`expected a reading, got ${result.state}: ${result.message}`);
  return result.reading;
}

/** The APC profile with one field pointed at a column the simulated PDU does not have. */
const withOutletEnergyAt = (column: number): PduProfile => ({
  ...apcRpdu2,
  outlet: { ...apcRpdu2.outlet, energyWh: { oid: `1.3.6.1.4.1.318.1.1.26.9.4.3.1.${column}.{outlet}`, scale: '100', bits: 32 } },
});

describe('PDU over SNMP against the simulated APC rPDU2', () => {
  it('reads outlet names, states, power and energy, and the device totals, over v2c', async () => {
    const result = reading(await read());
    expect(result.notes).toEqual([]);
    expect(result.outlets.map(({ index, name, state, powerW }) => ({ index, name, state, powerW }))).toEqual([
      { index: 1, name: 'rig-a', state: 'on', powerW: 3250 },
      { index: 2, name: 'rig-b', state: 'on', powerW: 3105 },
      { index: 3, name: 'Outlet 3', state: 'off', powerW: 0 },
    ]);
    const energy = result.outlets[0].energy!;
    // The counter is in tenths of kWh: Wh is exactly raw × 100, and it wraps at 2^32 tenths.
    expect(Number(energy.raw)).toBeGreaterThanOrEqual(70_200);
    expect(Number(energy.raw)).toBeLessThanOrEqual(pdu.outlets[0].energy.read());
    expect(energy.wh).toBe(Number(energy.raw) * 100);
    expect(energy.maxWh).toBe(429_496_729_600);
    // Device power is served in hundredths of kW: 6355 W → 636 → 6360 W.
    expect(result.powerW).toBe(6_360);
    expect(result.energy!.wh).toBe(Number(result.energy!.raw) * 100);
  });

  it('reads the same over v1 and over v3 authPriv (SHA + AES)', async () => {
    const byV2c = reading(await read());
    const byV1 = reading(await read({ snmp: { version: '1' } }));
    const byV3 = reading(await read({ snmp: v3, secrets: v3Secrets }));
    for (const other of [byV1, byV3]) {
      expect(other.outlets.map((o) => [o.name, o.state, o.powerW])).toEqual(byV2c.outlets.map((o) => [o.name, o.state, o.powerW]));
      expect(other.powerW).toBe(byV2c.powerW);
    }
  });

  it('closes its UDP socket after every reading, answered or not', async () => {
    const { opened, closed } = await socketsOpenedDuring(() =>
      Promise.all([read(), read({ secrets: { community: 'wrong' }, timeoutMs: 100 }), read({ profile: { ...apcRpdu2, outletCountOid: '1.3.6.1.4.1.318.9' } })]),
    );
    expect(opened).toBeGreaterThanOrEqual(3);
    expect(closed).toBe(opened);
  });

  it('ends a wrong community as unreachable, in plain words, within the time allowed', async () => {
    const started = Date.now();
    const result = await read({ secrets: { community: 'wrong' }, timeoutMs: 300 });
    expect(result).toEqual({
      ok: false,
      state: 'unreachable',
      message: `No SNMP answer from ${pduIp}:${pduSnmpPort} within 600 ms (wrong community or version, or the device is off).`,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('ends a wrong v3 passphrase, which this agent drops without a report, as no answer naming the v3 credentials', async () => {
    // net-snmp's agent discards a message with a wrong digest; Debian's snmpd reports it (snmpd.test.ts).
    const wrongKey = await read({ snmp: v3, secrets: { ...v3Secrets, authKey: 'not-the-key' }, timeoutMs: 300 });
    expect(wrongKey).toEqual({
      ok: false,
      state: 'unreachable',
      message: `No SNMP answer from ${pduIp}:${pduSnmpPort} within 600 ms (wrong user or passphrases, or the device is off).`,
    });
  });

  it('says plainly that DES privacy is not available with OpenSSL 3', async () => {
    const result = await read({ snmp: { ...v3, privProtocol: 'des' }, secrets: v3Secrets, timeoutMs: 300 });
    expect(result).toEqual({
      ok: false,
      state: 'error',
      message: "SNMPv3 DES privacy cannot be used: this system's OpenSSL no longer offers it. Set the PDU to AES privacy.",
    });
  });

  it('asks for the v3 passphrases it needs before sending anything', async () => {
    const result = await read({ snmp: v3, secrets: { authKey: pduV3User.authKey } });
    expect(result).toEqual({ ok: false, state: 'error', message: 'SNMPv3 authPriv needs a privacy passphrase; add it to the PDU settings.' });
  });

  it.each([
    ['2c', v2c],
    ['1', { version: '1' } as SnmpSettings],
  ])('keeps reading when one profile field is missing on the PDU (v%s), with a note naming the OID and field', async (_version, snmp) => {
    const result = reading(await read({ profile: withOutletEnergyAt(99), snmp }));
    expect(result.outlets.map((o) => o.powerW)).toEqual([3250, 3105, 0]);
    expect(result.outlets.every((o) => o.energy === null)).toBe(true);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain('1.3.6.1.4.1.318.1.1.26.9.4.3.1.99.{outlet}');
    expect(result.notes[0]).toContain('outlet energy (outlet.energyWh)');
    expect(result.notes[0]).toContain('outlets 1, 2, 3');
  });

  it('fails with the profile field named when the outlet count OID is missing', async () => {
    const result = await read({ profile: { ...apcRpdu2, outletCountOid: '1.3.6.1.4.1.318.1.1.26.4.2.1.99.1' } });
    expect(result).toMatchObject({ ok: false, state: 'error' });
    expect(!result.ok && result.message).toMatch(
      /no outlet count at 1\.3\.6\.1\.4\.1\.318\.1\.1\.26\.4\.2\.1\.99\.1 \(profile field outletCountOid: noSuchInstance\)/,
    );
  });

  it('refuses an outlet count no PDU has instead of asking for thousands of OIDs', async () => {
    const result = await read({ profile: { ...apcRpdu2, outletCountOid: '1.3.6.1.2.1.1.3.0' } }); // sysUpTime
    expect(result).toMatchObject({ ok: false, state: 'error' });
    expect(!result.ok && result.message).toMatch(/expected 0 to 256/);
  });
});

/** A UDP peer on 127.66.2.x that answers each datagram with `reply(request)` (any number of datagrams). */
async function udpPeer(host: string, reply: (request: Buffer, send: (bytes: Buffer) => void) => void): Promise<{ port: number; socket: Socket }> {
  const socket = createSocket('udp4');
  const send = (bytes: Buffer, port: number, address: string) => {
    try {
      socket.send(bytes, port, address);
    } catch {
      // closed after its test: a late, delayed answer has nobody to go to
    }
  };
  socket.on('message', (request, from) => reply(request, (bytes) => send(bytes, from.port, from.address)));
  await new Promise<void>((resolve) => socket.bind(0, host, resolve));
  return { port: socket.address().port, socket };
}

describe('SNMP peers that misbehave', () => {
  const sockets: Socket[] = [];
  afterAll(() => sockets.forEach((socket) => socket.close()));
  const peer = async (host: string, reply: Parameters<typeof udpPeer>[1]) => {
    const made = await udpPeer(host, reply);
    sockets.push(made.socket);
    return made.port;
  };

  it('ends garbage replies as an error that says the answer is not SNMP', async () => {
    const port = await peer('127.66.2.1', (_request, send) => send(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')));
    const result = await read({ host: '127.66.2.1', port, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, state: 'error' });
    expect(!result.ok && result.message).toMatch(/^127\.66\.2\.1:\d+ answered 2 time\(s\) with data that is not SNMP/);
  });

  it('ends a huge reply and an endless flood within the deadline, never a crash', async () => {
    const huge = await peer('127.66.2.2', (_request, send) => send(Buffer.alloc(60_000, 0x30)));
    const flood = await peer('127.66.2.3', (_request, send) => {
      for (let i = 0; i < 200; i++) send(Buffer.from([0x30, 0x82, 0xff, 0xff, i]));
    });
    const started = Date.now();
    const results = await Promise.all([read({ host: '127.66.2.2', port: huge, timeoutMs: 300 }), read({ host: '127.66.2.3', port: flood, timeoutMs: 300 })]);
    expect(results.map((r) => !r.ok && r.state)).toEqual(['error', 'error']);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('ends a PDU that stops answering halfway, and one too slow for the deadline', async () => {
    // A relay in front of the simulated PDU: it passes the first request only, or delays every answer.
    const relay = (host: string, passFirst: number, delayMs: number) => {
      let passed = 0;
      let answer: ((bytes: Buffer) => void) | null = null;
      const upstream = createSocket('udp4');
      sockets.push(upstream);
      upstream.on('message', (bytes) => answer?.(bytes));
      return peer(host, (request, send) => {
        if (passed++ >= passFirst) return;
        answer = (bytes) => setTimeout(() => send(bytes), delayMs);
        upstream.send(request, pduSnmpPort, pduIp);
      });
    };
    const stops = await relay('127.66.2.4', 1, 0);
    const halfway = await read({ host: '127.66.2.4', port: stops, timeoutMs: 300 });
    expect(halfway).toMatchObject({ ok: false, state: 'unreachable' });
    expect(!halfway.ok && halfway.message).toMatch(/stopped answering in the middle of the reading \(no answer within 600 ms\)/);

    const slow = await relay('127.66.2.5', 100, 600);
    const started = Date.now();
    const late = await read({ host: '127.66.2.5', port: slow, timeoutMs: 1_000, totalMs: 1_000 });
    expect(late).toMatchObject({ ok: false, state: 'error' });
    expect(!late.ok && late.message).toMatch(/answered too slowly: the reading did not finish within (1000|999) ms/);
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});

describe('64-bit counters and cancelling', () => {
  it('reads Counter64 energy exactly, and notes one too large for whole Wh in a double', async () => {
    const host = '127.66.3.1';
    const agent = snmp.createAgent(
      { port: pduSnmpPort, address: host, transport: 'udp4', accessControlModelType: snmp.AccessControlModelType.Simple },
      () => undefined,
    );
    agent.getAuthorizer().addCommunity('public');
    agent.getAuthorizer().getAccessControlModel().setCommunityAccess('public', snmp.AccessLevel.ReadOnly);
    const mib = agent.getMib();
    const scalar = (name: string, oid: string, type: number, value: unknown) => {
      mib.registerProvider({ name, type: snmp.MibProviderType.Scalar, oid, scalarType: type, maxAccess: snmp.MaxAccess['read-only'] });
      mib.setScalarValue(name, value);
    };
    const counter64 = (value: bigint) => {
      const bytes = Buffer.alloc(8);
      bytes.writeBigUInt64BE(value);
      return bytes;
    };
    scalar('count', '1.3.6.1.4.1.99999.1', snmp.ObjectType.Integer, 2);
    scalar('energy1', '1.3.6.1.4.1.99999.2.1', snmp.ObjectType.Counter64, counter64(2n ** 40n + 5n));
    scalar('energy2', '1.3.6.1.4.1.99999.2.2', snmp.ObjectType.Counter64, counter64(2n ** 60n + 1n));
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      const profile: PduProfile = {
        outletCountOid: '1.3.6.1.4.1.99999.1.0',
        outlet: { name: null, powerW: null, state: null, energyWh: { oid: '1.3.6.1.4.1.99999.2.{outlet}.0', scale: '1', bits: 64 } },
        total: { inletCountOid: null, powerW: null, energyWh: null },
      };
      const result = reading(await read({ host, profile, secrets: { community: 'public' } }));
      expect(result.outlets.map((o) => o.energy)).toEqual([{ raw: '1099511627781', wh: 1_099_511_627_781, maxWh: null }, null]);
      expect(result.notes).toEqual(['The outlet energy (outlet.energyWh) counter 1152921504606846977 is too large to keep exactly in Wh (outlet 2)']);
    } finally {
      await new Promise<void>((resolve) => agent.close(() => resolve()));
    }
  });

  it('ends a reading cancelled by its signal at once', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.66.3.2', resolve));
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      const result = await readPowerDevice(
        { kind: 'pdu', host: '127.66.3.2', port: silent.address().port, profile: apcRpdu2, snmp: v2c, secrets: { community: 'public' } },
        { timeoutMs: 5_000, signal: controller.signal },
      );
      expect(result).toEqual({ ok: false, state: 'error', message: `The reading of 127.66.3.2:${silent.address().port} was cancelled.` });
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      silent.close();
    }
  });
});
