import { describe, expect, it } from 'vitest';
import { fixture } from '../test-fixtures';
import { avalonStats, parseAvalonIdentity, parseAvalonKv, parseAvalonTelemetry } from './avalon';
import { parseAuradineIdentity, parseAuradineTelemetry } from './auradine';
import { isBitaxeInfo, parseBitaxeIdentity, parseBitaxeTelemetry } from './bitaxe';
import { parseBraiinsIdentity, parseBraiinsTelemetry } from './braiins';
import { parseEpicIdentity, parseEpicTelemetry } from './epic';
import { parseLuxosIdentity, parseLuxosTelemetry } from './luxos';

describe('LuxOS parsers (fixtures luxminer/v1)', () => {
  const f = (cmd: string) => fixture('luxminer', 'v1', cmd);

  it('reads the identity from version and config', () => {
    expect(parseLuxosIdentity({ version: f('version'), config: f('config') })).toEqual({
      family: 'luxos',
      make: 'Bitmain',
      model: 'Antminer S19k Pro',
      firmware: 'LuxOS 2025.4.8.220305-57b389c7',
      serial: 'JYZZB0UBDJABF06RB',
      mac: '62:F7:5E:B7:10:46',
      hostname: 'UrlacherS19k',
      nominalHashrateGhs: 121800,
    });
  });

  it('reads hashrate, boards, temperatures, fans, power and pools', () => {
    const t = parseLuxosTelemetry({
      summary: f('summary'),
      devs: f('devs'),
      temps: f('temps'),
      fans: f('fans'),
      power: f('power'),
      pools: f('pools'),
      config: f('config'),
    });
    expect(t.hashrateGhs).toBe(59756); // GHS 5s 59756.06
    expect(t.nominalHashrateGhs).toBe(121800);
    expect(t.powerW).toBe(1051);
    expect(t.powerSource).toBe('miner');
    expect(t.uptimeS).toBe(3453);
    expect(t.fansRpm).toEqual([1920, 1920, 2340, 2340]);
    expect(t.tempMaxC).toBe(47);
    expect(t.boards).toEqual([
      { index: 0, hashrateGhs: 19774, tempC: 47, chipTempMaxC: 47, serial: 'JYZZYRSBDJEBI06Z5' },
      { index: 1, hashrateGhs: 19231, tempC: 47, chipTempMaxC: 47, serial: 'JYZZYRSBDJEBI06ZM' },
      { index: 2, hashrateGhs: 20752, tempC: 47, chipTempMaxC: 47, serial: 'JYZZYRSBDJEBI06ZR' },
    ]);
    expect(t.pools).toHaveLength(4);
    expect(t.pools[0]).toEqual({ url: 'stratum+tcp://ca.stratum.braiins.com:3333', user: 'asic-rs.user1', status: 'active' });
    expect(t.pools[1]).toEqual({ url: 'stratum+tcp://stratum.braiins.com:3333', user: 'asic-rs.user1', status: 'dead' });
  });
});

describe('Braiins OS parsers (fixtures braiins/v25_07)', () => {
  const f = (cmd: string) => fixture('braiins', 'v25_07', cmd);

  it('reads the identity from miner/details and network', () => {
    expect(parseBraiinsIdentity({ details: f('miner_details'), network: f('network') })).toEqual({
      family: 'braiins',
      make: 'Bitmain',
      model: 'Antminer S19 XP',
      firmware: 'Braiins OS 2025-08-06-0-3881c51d-25.07-plus',
      serial: null, // the fixture's serial_number is null
      mac: '02:EE:DA:A9:B6:4A',
      hostname: 'Antminer',
      nominalHashrateGhs: 141000,
    });
  });

  it('reads hashrate, power, boards, cooling, pools and errors', () => {
    const t = parseBraiinsTelemetry({
      details: f('miner_details'),
      stats: f('miner_stats'),
      hashboards: f('miner_hw_hashboards'),
      cooling: f('cooling_state'),
      pools: f('pools'),
      errors: f('miner_errors'),
    });
    expect(t.hashrateGhs).toBe(141464); // last_5s 141463.565
    expect(t.nominalHashrateGhs).toBe(141000);
    expect(t.powerW).toBe(3137);
    expect(t.powerSource).toBe('miner');
    expect(t.uptimeS).toBe(69725);
    expect(t.fansRpm).toEqual([5904, 5874, 5874, 5904]);
    expect(t.tempMaxC).toBe(71); // 70.5 °C
    expect(t.boards).toEqual([
      { index: 1, hashrateGhs: 50138, tempC: 56, chipTempMaxC: 71, serial: 'NGSBYPDBCJBAG8562' },
      { index: 2, hashrateGhs: 47859, tempC: 52, chipTempMaxC: 67, serial: 'NGSBYPDBCJBAG8567' },
      { index: 3, hashrateGhs: 50363, tempC: 54, chipTempMaxC: 69, serial: 'NGSBYPDBCJBBA0309' },
    ]);
    expect(t.pools).toEqual([
      { url: 'stratum+tcp://example.pool.com:3333', user: 'asic_rs.test', status: 'active' },
      { url: 'stratum+tcp://example.pool2.com:3333', user: 'asic_rs.test', status: 'alive' },
    ]);
    expect(t.errors).toEqual(['Failed to resolve ("a830bcc3.bos.braiins.com", 3336)', 'Failed to resolve ("mine.ocean.xyz", 3334)']);
  });
});

describe('Avalon parsers (fixtures avalonminer/v1)', () => {
  const f = (cmd: string) => fixture('avalonminer', 'v1', cmd);

  it('parses Key[value] strings, lists, and keys with a space before them', () => {
    const kv = parseAvalonKv("'STATS':{Ver[Q-2505] PS[0 1214 4] SYSTEMSTATU[Work: In Idle, Hash Board: 1] Nonce Mask[25]}");
    expect(kv.Ver).toBe('Q-2505');
    expect(kv.PS).toBe('0 1214 4');
    expect(kv.SYSTEMSTATU).toBe('Work: In Idle, Hash Board: 1');
    expect(kv.Mask).toBe('25');
    expect(avalonStats(f('stats')).GHSmm).toBe('55032.79');
  });

  it('reads the Avalon Q identity from version and stats', () => {
    expect(parseAvalonIdentity({ version: f('version'), stats: f('stats') })).toEqual({
      family: 'avalon',
      make: 'Canaan',
      model: 'Avalon Q',
      firmware: '25052801_14a19a2',
      serial: '01234567890123456789012345678901',
      mac: 'AA:BB:CC:DD:EE:FF',
      hostname: null,
      nominalHashrateGhs: 55033,
    });
  });

  it('reads an idle Avalon Q: zero hashrate and power, outlet temperature instead of a 0 °C maximum', () => {
    const t = parseAvalonTelemetry({ stats: f('stats'), summary: f('summary'), pools: f('pools') });
    expect(t.hashrateGhs).toBe(0); // GHSspd[0.00]: the unit is idle
    expect(t.nominalHashrateGhs).toBe(55033);
    expect(t.boards).toEqual([{ index: 0, hashrateGhs: 44499, tempC: null, chipTempMaxC: null, serial: null }]);
    expect(t.tempMaxC).toBe(27); // TMax[0] is no reading; HBOTemp[27]
    expect(t.fansRpm).toEqual([0, 0, 0, 0]);
    expect(t.powerW).toBe(0); // PS[0 1222 4 0 0 2245 146], index 4
    expect(t.uptimeS).toBe(37850);
    expect(t.pools).toEqual([{ url: 'stratum+tcp://pool.example.com:4444', user: 'worker1', status: 'active' }]);
  });

  it('reads a working A-series unit from its MM ID0 string', () => {
    const t = parseAvalonTelemetry({ stats: f('avalon_a_stats') });
    expect(t.hashrateGhs).toBe(81073); // GHSspd[81072.68]
    expect(t.nominalHashrateGhs).toBe(83923);
    expect(t.powerW).toBe(3189);
    expect(t.fansRpm).toEqual([5344, 5392, 5349, 5309]);
    expect(t.tempMaxC).toBe(77);
    expect(t.uptimeS).toBe(24684);
    expect(t.boards.map((b) => b.hashrateGhs)).toEqual([26907, 26025, 26725]);
    expect(t.boards.map((b) => b.chipTempMaxC)).toEqual([77, 77, 76]);
    const id = parseAvalonIdentity({ stats: f('avalon_a_stats') });
    expect(id.model).toBe('Avalon 1246');
    expect(id.serial).toBe('02010000cbd2fd6d');
  });
});

describe('Bitaxe parsers (fixture bitaxe/v2_0_0)', () => {
  const info = fixture('bitaxe', 'v2_0_0', 'system_info');

  it('recognises and identifies a Bitaxe', () => {
    expect(isBitaxeInfo(info)).toBe(true);
    expect(isBitaxeInfo({ hashRate: 1 })).toBe(false);
    expect(parseBitaxeIdentity(info)).toEqual({
      family: 'bitaxe',
      make: 'Bitaxe',
      model: 'Bitaxe Supra',
      firmware: 'v2.4.5-3-gb5d1e36-dirty',
      serial: null,
      mac: 'AA:BB:CC:DD:EE:FF',
      hostname: 'bitaxe',
      nominalHashrateGhs: null,
    });
  });

  it('reads hashrate (GH/s), power, temperature, fan and both stratum pools', () => {
    const t = parseBitaxeTelemetry(info);
    expect(t.hashrateGhs).toBe(1000);
    expect(t.powerW).toBe(3); // 2.65 W
    expect(t.powerSource).toBe('miner');
    expect(t.tempMaxC).toBe(60); // 59.875
    expect(t.fansRpm).toEqual([3517]);
    expect(t.uptimeS).toBe(4);
    expect(t.pools).toEqual([
      { url: 'stratum+tcp://btc.example.pool:3333', user: 'asic-rs.test', status: 'active' },
      { url: 'stratum+tcp://btc2.example.pool:3333', user: 'asic-rs.test', status: 'unknown' },
    ]);
  });
});

describe('ePIC PowerPlay parsers (fixtures epic/v1)', () => {
  const f = (cmd: string) => fixture('epic', 'v1', cmd);

  it('reads the identity from capabilities, summary and network', () => {
    expect(parseEpicIdentity({ capabilities: f('capabilities'), summary: f('summary'), network: f('network') })).toEqual({
      family: 'epic',
      make: 'Bitmain',
      model: 'Antminer S19 XP',
      firmware: 'PowerPlay-BMS v1.5.13',
      serial: '002000353232510933363631',
      mac: 'E6:D4:41:51:64:28',
      hostname: 'cminer32092035',
      nominalHashrateGhs: 143000,
    });
  });

  it('adds the boards’ MH/s, reads power, fans, temperatures and the connected pool', () => {
    const t = parseEpicTelemetry({ summary: f('summary'), capabilities: f('capabilities'), temps: f('temps') });
    expect(t.hashrateGhs).toBe(49441 + 49925);
    expect(t.boards).toEqual([
      { index: 1, hashrateGhs: 49441, tempC: 67, chipTempMaxC: null, serial: 'YNAHYPDBCJEBC0D6S' },
      { index: 2, hashrateGhs: 49925, tempC: 64, chipTempMaxC: null, serial: 'YNAHYPDBCJEBC0C6R' },
    ]);
    expect(t.powerW).toBe(2167);
    expect(t.fansRpm).toEqual([5971, 0, 5942, 5745]);
    expect(t.tempMaxC).toBe(67);
    expect(t.uptimeS).toBe(23170);
    expect(t.nominalHashrateGhs).toBe(143000);
    expect(t.pools).toEqual([{ url: 'stratum+tcp://mine.ocean.xyz:3334', user: 'randomuser.randomworker', status: 'active' }]);
  });
});

describe('Auradine parsers (fixtures auradine/v1)', () => {
  const f = (cmd: string) => fixture('auradine', 'v1', cmd);

  it('reads the identity from ipreport, version and mode', () => {
    expect(parseAuradineIdentity({ version: f('version'), ipreport: f('ipreport'), mode: f('mode') })).toEqual({
      family: 'auradine',
      make: 'Auradine',
      model: 'Teraflux AT1500',
      firmware: 'FluxOS 2023-12.27',
      serial: 'AU23200006',
      mac: '1C:00:00:0E:3B:2B',
      hostname: 'teraflux-01',
      nominalHashrateGhs: 160000,
    });
    expect(parseAuradineIdentity({ version: f('version') }).firmware).toBe('GCMiner 0.5');
  });

  it('reads hashrate, boards with sensor temperatures, fans, PSU power and pools', () => {
    const t = parseAuradineTelemetry({
      summary: f('summary'),
      devs: f('devs'),
      pools: f('pools'),
      fan: f('fan'),
      psu: f('psu'),
      temperature: f('temperature'),
      mode: f('mode'),
      ipreport: f('ipreport'),
    });
    expect(t.hashrateGhs).toBe(20600); // MHS 5s 20599767
    expect(t.uptimeS).toBe(56696);
    expect(t.powerW).toBe(59); // PSU PowerIn "58.94W"
    expect(t.fansRpm).toEqual([7080, 7020, 7100, 7020]);
    expect(t.boards).toEqual([
      { index: 0, hashrateGhs: 6800, tempC: 42, chipTempMaxC: 46, serial: 'QAHB01230908001X' },
      { index: 1, hashrateGhs: 6900, tempC: 43, chipTempMaxC: 48, serial: 'QAHB01230908001Y' },
      { index: 2, hashrateGhs: 7000, tempC: 48, chipTempMaxC: 51, serial: 'QAHB01230908001Z' },
    ]);
    expect(t.tempMaxC).toBe(51);
    expect(t.pools.map((p) => p.status)).toEqual(['active', 'dead', 'dead']);
  });
});
