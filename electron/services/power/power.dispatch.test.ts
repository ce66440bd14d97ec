import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makeFleet } from '../../../tests/helpers/fleet-fixtures';
import { pduInput, pduReading, scriptedReader } from '../../../tests/helpers/power-fixtures';
import { builtInPowerProfiles } from './profiles';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import type { CallName } from '../../contract';
import type { RackPowerView } from '../../contract/power';
import { permissionsOfRole } from '../../contract/roles';
import { dispatch } from '../../transports/dispatch';
import { createHandlers } from '../handlers';
import { createSecretBox } from '../secrets/secret-box';
import { createPowerPoller } from './power.poller';
import type { PowerReadResult } from './reader';

let t: TempDb;
let fleet: ReturnType<typeof makeFleet>;
let run: (name: CallName, input: unknown) => ReturnType<typeof dispatch>;
const script: PowerReadResult[] = [];
const reader = scriptedReader(script);
const valueOf = <T>(outcome: Awaited<ReturnType<typeof dispatch>>): T => {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value as T;
};

beforeEach(() => {
  script.length = 0;
  t = openTempDb();
  fleet = makeFleet(t.db);
  const secrets = createSecretBox(Buffer.alloc(32, 7));
  const log = { error: vi.fn(), info: vi.fn() };
  const power = createPowerPoller(t.db, { schedule: false, reader, builtIns: builtInPowerProfiles, secrets, log });
  const handlers = createHandlers(t.db, { version: 'test', secrets, power, powerProfiles: builtInPowerProfiles, log });
  run = (name, input) => dispatch(handlers, name, input, { actor, log, permissions: permissionsOfRole('administrator') });
});
afterEach(() => t.close());

describe('power procedures through dispatch', () => {
  it('explains bad device and profile input in plain words', async () => {
    expect(await run('power.devices.create', { ...pduInput(fleet.midland.siteId), host: 'not a host!', port: 70000 })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { host: expect.stringMatching(/^must be an IPv4 address like 10.0.7.21, an IPv6 address/), port: 'must be 1 to 65535' },
      },
    });
    expect(await run('power.devices.create', { ...pduInput(fleet.midland.siteId), builtinProfile: null })).toMatchObject({
      ok: false,
      error: { message: 'Profile: Choose one profile: a built-in one or a custom one.' },
    });
    expect(await run('power.devices.create', { ...pduInput(fleet.midland.siteId), kind: 'ups' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const profile = await run('power.profiles.create', {
      kind: 'meter',
      name: 'Odd meter',
      definition: { addressing: 0, powerW: { function: 6, address: 70000, type: 'uint8', scale: '-1' } },
    });
    expect(profile).toMatchObject({
      ok: false,
      error: {
        fields: {
          'definition.powerW.function': 'must be 3 (holding registers) or 4 (input registers)',
          'definition.powerW.address': 'must be at most 65535',
          'definition.powerW.scale': 'must be a positive number of at most six decimals, like 0.1 or 1000',
        },
      },
    });
    expect(await run('power.outlets.list', {})).toMatchObject({ ok: false, error: { message: 'Scope: Choose a PDU or a rack.' } });
    expect(await run('power.devices.get', { id: 404 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('adds a PDU, polls it, maps an outlet and shows it in the rack, never sending the community back', async () => {
    const created = await run('power.devices.create', { ...pduInput(fleet.midland.siteId), rackId: fleet.midland.rackId });
    const device = valueOf<{ id: number; hasSecret: boolean }>(created);
    expect(device.hasSecret).toBe(true);
    expect(JSON.stringify(created)).not.toContain('north-wind-42');

    script.push(
      pduReading(
        [
          { powerW: 3250, wh: 100 },
          { powerW: 0, wh: 0 },
        ],
        { powerW: 3250, wh: 100 },
      ),
    );
    expect(await run('power.devices.poll', { id: device.id })).toMatchObject({
      ok: true,
      value: [{ id: device.id, state: 'ok', powerW: 3250, outletCount: 2 }],
    });
    const outlets = valueOf<{ id: number }[]>(await run('power.outlets.list', { rackId: fleet.midland.rackId }));
    const miner = fleet.miners[0];
    expect(await run('power.outlets.assign', { outletId: outlets[0].id, minerId: miner.id })).toMatchObject({
      ok: true,
      value: { outlet: { miner: { assetId: 'A-001' } } },
    });
    const rack = valueOf<RackPowerView>(await run('power.racks.view', { rackId: fleet.midland.rackId }));
    expect(rack.positions).toHaveLength(60);
    expect(rack.positions[0]).toMatchObject({ position: 1, miner: { assetId: 'A-001' }, outlet: { outletIndex: 1, powerW: 3250 } });
    expect(await run('power.outlets.history', { outletId: outlets[0].id })).toMatchObject({ ok: true, value: [{ assetId: 'A-001', toAt: null, actor }] });

    // "Test connection" on the form as typed: nothing stored; left-out secrets come from the saved device.
    reader.targets.length = 0;
    script.push(pduReading([{ powerW: 10, wh: 1 }], { powerW: 10, wh: 1 }));
    const draft = { ...pduInput(fleet.midland.siteId), name: 'Renamed', host: '127.0.0.9', secrets: {} };
    expect(await run('power.devices.test', { id: device.id, device: draft })).toMatchObject({ ok: true, value: { ok: true, powerW: 10 } });
    expect(reader.targets[0]).toMatchObject({ host: '127.0.0.9', secrets: { community: 'north-wind-42' } });
    expect(await run('power.devices.test', { device: draft })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'secrets.community': 'is required for SNMP v2c' } },
    });
    expect(await run('power.devices.get', { id: device.id })).toMatchObject({ ok: true, value: { name: 'PDU A1', host: '127.0.0.1' } });

    script.push({ ok: false, state: 'unreachable', message: '127.0.0.1:161 did not answer.' });
    expect(await run('power.devices.poll', {})).toMatchObject({ ok: true, value: [{ state: 'unreachable', stateMessage: '127.0.0.1:161 did not answer.' }] });
    expect(JSON.stringify(await run('power.devices.list', {}))).not.toContain('north-wind-42');
    expect(JSON.stringify(await run('audit.list', { entity: 'power_device' }))).not.toContain('north-wind-42');
    expect(await run('power.devices.delete', { id: device.id })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          '"PDU A1" has 1 outlet assignment on record, which billing and miner histories rely on. Disable it instead: it stops being polled and its history stays.',
      },
    });
    expect(await run('power.outlets.ofMiner', { minerId: miner.id })).toMatchObject({ ok: true, value: { outletIndex: 1 } });
    const spare = valueOf<{ id: number }>(await run('power.devices.create', { ...pduInput(fleet.midland.siteId), name: 'Spare PDU', host: '127.0.0.2' }));
    expect(await run('power.devices.delete', { id: spare.id })).toEqual({ ok: true, value: { id: spare.id } });
  });
});
