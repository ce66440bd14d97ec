// The Modbus reader against a peer we did not write, pymodbus 3.0 (pymodbus-server.py: an SDM630, a
// PM5xxx and a low-word-first meter), and against TCP peers that refuse, stay silent, send garbage,
// flood or answer too slowly. Everything listens on 127.76.x.x and every wait is bounded.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeterProfile } from '../../../contract/power.profiles';
import { meterModbusPort, startMeter } from '../../../../tools/sim/power/modbus-meter';
import { eastronSdm630 } from '../profiles/eastron-sdm630';
import { schneiderPm5000 } from '../profiles/schneider-pm5000';
import { readPowerDevice } from '../read-device';

const python = '/usr/bin/python3';
const host = '127.76.0.1';
let server: ChildProcess | undefined;
let port = 0;

beforeAll(async () => {
  const missing = `install the Debian package "python3-pymodbus" (CI lists it in .ci/run)`;
  if (!existsSync(python)) throw new Error(`${python} is missing: ${missing}.`);
  const probe = spawnSync(python, ['-c', 'import pymodbus'], { timeout: 10_000 });
  if (probe.status !== 0) throw new Error(`pymodbus cannot be imported by ${python}: ${missing}. ${probe.stderr}`);
  server = spawn(python, [fileURLToPath(new URL('pymodbus-server.py', import.meta.url)), host], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; !/READY \d+/.test(output); waited += 50) {
    if (waited > 10_000 || server.exitCode !== null) throw new Error(`The pymodbus server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  port = Number(/READY (\d+)/.exec(output)![1]);
}, 15_000);

afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(server.pid, 'SIGKILL');
});

const read = (profile: MeterProfile, unitId: number, options: { host?: string; port?: number; timeoutMs?: number; totalMs?: number } = {}) =>
  readPowerDevice(
    { kind: 'meter', host: options.host ?? host, port: options.port ?? port, profile, modbus: { unitId } },
    { connectTimeoutMs: 1_000, timeoutMs: options.timeoutMs ?? 1_000, deadline: Date.now() + (options.totalMs ?? 5_000) },
  );

/** Low-word-first 32-bit values, int16 and float32 in one run of registers 100..108 (108 does not exist). */
const littleEndianMeter: MeterProfile = {
  addressing: 0,
  powerW: { function: 3, address: 100, type: 'uint32', wordOrder: 'little', scale: '0.1' },
  energyWh: { function: 3, address: 102, type: 'uint32', wordOrder: 'little', scale: '1', bits: 32 },
  extra: {
    'Offset (V)': { function: 3, address: 104, type: 'int16', wordOrder: 'big', scale: '0.5' },
    'Temperature (°C)': { function: 3, address: 105, type: 'float32', wordOrder: 'little', scale: '1' },
    Seven: { function: 3, address: 107, type: 'uint16', wordOrder: 'big', scale: '1' },
    Missing: { function: 3, address: 108, type: 'uint16', wordOrder: 'big', scale: '1' },
  },
};

describe('meter over Modbus TCP against pymodbus', () => {
  it('reads the SDM630 profile: float32 input registers, power in W and import kWh as exact Wh', async () => {
    expect(await read(eastronSdm630, 1)).toEqual({
      ok: true,
      reading: {
        powerW: 9877, // 9876.5 W, half away from zero
        energy: { raw: '123456.7', wh: 123_456_700, maxWh: null },
        outlets: [],
        extra: { 'Voltage L1 (V)': '230.1', 'Voltage L2 (V)': '229.8', 'Voltage L3 (V)': '231.4', 'Frequency (Hz)': '50.02' },
        notes: [],
      },
    });
  });

  it('reads the PM5xxx profile: 1-based holding registers, kW scaled to W, int64 Wh beyond 2^32, and names the missing register', async () => {
    const result = await read(schneiderPm5000, 2);
    expect(result).toEqual({
      ok: true,
      reading: {
        powerW: 32_500,
        energy: { raw: '1234567890123456', wh: 1_234_567_890_123_456, maxWh: null },
        outlets: [],
        extra: { 'Voltage A-N (V)': '231.2' },
        notes: [
          'The meter answered holding register 3110 (extra "Frequency (Hz)", function 3) with Modbus exception 2: illegal data address (the meter has no such register).',
        ],
      },
    });
  });

  it('decodes low-word-first values read together, and reads one by one when the run hits a missing register', async () => {
    const result = await read(littleEndianMeter, 3);
    if (!result.ok) throw new Error(result.message);
    expect(result.reading.powerW).toBe(12_346); // 123457 × 0.1 = 12345.7
    expect(result.reading.energy).toEqual({ raw: '4000000000', wh: 4_000_000_000, maxWh: 4_294_967_296 });
    expect(result.reading.extra).toEqual({ 'Offset (V)': '-2.5', 'Temperature (°C)': '21.5', Seven: '7' });
    expect(result.reading.notes).toEqual([
      'The meter answered holding register 108 (extra "Missing", function 3) with Modbus exception 2: illegal data address (the meter has no such register).',
    ]);
  });

  it('closes its TCP socket after every reading, answered or not', async () => {
    const tcpSockets = () => process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap').length;
    await new Promise((resolve) => setTimeout(resolve, 50)); // sockets of earlier tests finish closing
    const before = tcpSockets();
    await Promise.all([read(eastronSdm630, 1), read(schneiderPm5000, 2), read(eastronSdm630, 9, { timeoutMs: 100 })]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tcpSockets()).toBe(before);
  });

  it('fails as an error when the meter refuses every register of the profile', async () => {
    const result = await read(eastronSdm630, 2); // unit 2 has no input registers
    expect(result).toEqual({
      ok: false,
      state: 'error',
      message:
        'The meter answered input register 0 (extra "Voltage L1 (V)", function 4) with Modbus exception 2: illegal data address (the meter has no such register). It refused 5 more of the profile\'s registers the same way.',
    });
  });

  it('ends an unknown unit id, which pymodbus leaves unanswered, as no answer naming the unit id', async () => {
    const started = Date.now();
    const result = await read(eastronSdm630, 9, { timeoutMs: 300 });
    expect(result).toEqual({
      ok: false,
      state: 'unreachable',
      message: `${host}:${port} accepted the connection but gave no Modbus answer within 300 ms (wrong unit id 9, or a gateway whose meter is off).`,
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe("meter over Modbus TCP against the repo's simulated SDM630 (modbus-serial server)", () => {
  it('reads the built-in SDM630 profile as served by the simulator', async () => {
    const meter = await startMeter({ ip: '127.76.2.1', serial: 'SIM-1', powerW: 48_250 });
    try {
      const result = await read(eastronSdm630, 1, { host: '127.76.2.1', port: meterModbusPort });
      if (!result.ok) throw new Error(result.message);
      expect(result.reading.powerW).toBe(48_250);
      expect(result.reading.notes).toEqual([]);
      // The simulator keeps Wh as an integer and serves kWh as float32: the reading is within float32 precision of it.
      const simulatedWh = meter.energyWh.read();
      expect(Math.abs(result.reading.energy!.wh - simulatedWh)).toBeLessThanOrEqual(Math.max(1, simulatedWh * 1e-7) + 20);
      expect(Number(result.reading.extra['Frequency (Hz)'])).toBe(50);
    } finally {
      await meter.stop();
    }
  });
});

/** A well-formed Modbus TCP reply to a read request: as many zero registers as asked, plus `wrongBy`. */
function zeroRegisters(request: Buffer, wrongBy = 0): Buffer {
  const count = request.readUInt16BE(10) + wrongBy;
  const reply = Buffer.alloc(9 + count * 2);
  request.copy(reply, 0, 0, 4); // transaction and protocol id
  reply.writeUInt16BE(3 + count * 2, 4);
  request.copy(reply, 6, 6, 8); // unit id and function
  reply[8] = count * 2;
  return reply;
}

describe('Modbus peers that misbehave', () => {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });
  const peer = async (address: string, onConnection: (socket: Socket) => void) => {
    const made = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
      onConnection(socket);
    });
    servers.push(made);
    await new Promise<void>((resolve) => made.listen(0, address, resolve));
    return (made.address() as { port: number }).port;
  };

  it('ends a closed port as unreachable at once', async () => {
    const closed = await peer('127.76.1.1', () => undefined);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    expect(await read(eastronSdm630, 1, { host: '127.76.1.1', port: closed })).toEqual({
      ok: false,
      state: 'unreachable',
      message: `127.76.1.1:${closed} refused the Modbus TCP connection (port closed, or the meter is off).`,
    });
  });

  it('ends a peer that accepts and says nothing, and one that sends garbage, within their time', async () => {
    const silent = await peer('127.76.1.2', () => undefined);
    const garbage = await peer('127.76.1.3', (socket) => socket.on('data', () => socket.write('HTTP/1.1 400 Bad Request\r\n\r\n')));
    const started = Date.now();
    const [quiet, junk] = await Promise.all([
      read(eastronSdm630, 1, { host: '127.76.1.2', port: silent, timeoutMs: 300 }),
      read(eastronSdm630, 1, { host: '127.76.1.3', port: garbage, timeoutMs: 300 }),
    ]);
    expect(quiet).toMatchObject({ ok: false, state: 'unreachable' });
    expect(!quiet.ok && quiet.message).toMatch(/accepted the connection but gave no Modbus answer within 300 ms/);
    expect(junk).toMatchObject({ ok: false, state: 'error' });
    expect(!junk.ok && junk.message).toMatch(/^127\.76\.1\.3:\d+ sent \d+ bytes that are not a Modbus reply/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('ends a reading cancelled by its signal at once', async () => {
    const silent = await peer('127.76.1.7', () => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const result = await readPowerDevice(
      { kind: 'meter', host: '127.76.1.7', port: silent, profile: eastronSdm630, modbus: { unitId: 1 } },
      { timeoutMs: 5_000, signal: controller.signal },
    );
    expect(result).toEqual({ ok: false, state: 'error', message: `The reading of 127.76.1.7:${silent} was cancelled.` });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('ends a meter that hangs up mid-reading, and one that stops answering after its first reply', async () => {
    const hangsUp = await peer('127.76.1.8', (socket) => socket.on('data', () => socket.destroy()));
    const closed = await read(eastronSdm630, 1, { host: '127.76.1.8', port: hangsUp });
    expect(closed).toEqual({ ok: false, state: 'error', message: `127.76.1.8:${hangsUp} closed the Modbus connection during the reading.` });

    let answered = 0;
    const once = await peer('127.76.1.9', (socket) =>
      socket.on('data', (request: Buffer) => {
        if (answered++ === 0) socket.write(zeroRegisters(request));
      }),
    );
    const stopped = await read(eastronSdm630, 1, { host: '127.76.1.9', port: once, timeoutMs: 300 });
    expect(stopped).toEqual({
      ok: false,
      state: 'unreachable',
      message: `The meter at 127.76.1.9:${once} stopped answering in the middle of the reading (no answer within 300 ms).`,
    });
  });

  it('stops an endless stream at the byte cap', async () => {
    const flood = await peer('127.76.1.4', (socket) => {
      const chunk = Buffer.alloc(16 * 1024, 0x41);
      const pump = () => {
        while (!socket.destroyed && socket.write(chunk));
        if (!socket.destroyed) socket.once('drain', pump);
      };
      pump();
    });
    const result = await read(eastronSdm630, 1, { host: '127.76.1.4', port: flood });
    expect(result).toMatchObject({ ok: false, state: 'error' });
    expect(!result.ok && result.message).toMatch(/sent more than 65536 bytes/);
  });

  it('ends a well-formed reply of the wrong length, and a meter too slow for the deadline', async () => {
    /** Answers every read with zero registers (`wrongBy` more than asked), after `delayMs`. */
    const fakeMeter = (wrongBy: number, delayMs: number) => (socket: Socket) =>
      socket.on('data', (request: Buffer) => setTimeout(() => !socket.destroyed && socket.write(zeroRegisters(request, wrongBy)), delayMs));
    const longer = await peer('127.76.1.5', fakeMeter(1, 0));
    const wrong = await read(eastronSdm630, 1, { host: '127.76.1.5', port: longer });
    expect(wrong).toMatchObject({ ok: false, state: 'error' });
    expect(!wrong.ok && wrong.message).toMatch(/sent a reply that is not valid Modbus \(Data length error/);

    const slow = await peer('127.76.1.6', fakeMeter(0, 600));
    const started = Date.now();
    const late = await read(eastronSdm630, 1, { host: '127.76.1.6', port: slow, totalMs: 1_500 });
    expect(late).toMatchObject({ ok: false, state: 'error' });
    expect(!late.ok && late.message).toMatch(/answered too slowly: the reading did not finish within (1500|1499) ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
