import { describe, expect, it } from 'vitest';
import { fixture } from '../test-fixtures';
import { parseWhatsminerV2Identity, parseWhatsminerV2Telemetry, parseWhatsminerV3Identity, parseWhatsminerV3Telemetry, whatsminerModel } from './whatsminer';

const v1 = (cmd: string) => fixture('whatsminer', 'v1', cmd);
const v2 = (cmd: string) => fixture('whatsminer', 'v2', cmd);
const v3 = (cmd: string) => fixture('whatsminer', 'v3', cmd);

describe('Whatsminer API v2 parsers (fixtures whatsminer/v2)', () => {
  it('reads the identity from get_version, get_miner_info, summary and devdetails', () => {
    const devdetails = { STATUS: [{ STATUS: 'S' }], DEVDETAILS: [{ DEVDETAILS: 0, Name: 'SM', Driver: 'bitmicro', Model: 'M50S+.VK30' }] };
    const id = parseWhatsminerV2Identity({ getVersion: v2('get_version'), minerInfo: v2('get_miner_info'), summary: v2('summary'), devdetails });
    expect(id).toEqual({
      family: 'whatsminer',
      make: 'MicroBT',
      model: 'WhatsMiner M50S+ VK30',
      firmware: '20230803.11.REL',
      serial: null,
      mac: 'D4:01:02:03:04:05',
      hostname: 'WhatsMiner',
      nominalHashrateGhs: 126000,
    });
  });

  it('reads hashrate (MH/s), power, temperatures, fans, boards, pools and uptime', () => {
    const t = parseWhatsminerV2Telemetry({ summary: v2('summary'), devs: v2('devs'), pools: v2('pools'), errorCode: v2('get_error_code') });
    expect(t.hashrateGhs).toBe(124500); // "HS RT": 124500000.0 MH/s
    expect(t.nominalHashrateGhs).toBe(126000);
    expect(t.powerW).toBe(3200);
    expect(t.powerSource).toBe('miner');
    expect(t.tempMaxC).toBe(81);
    expect(t.fansRpm).toEqual([5400, 5280]);
    expect(t.uptimeS).toBe(25500);
    expect(t.boards.map((b) => b.index)).toEqual([0, 1, 2]);
    expect(t.boards[0]).toEqual({ index: 0, hashrateGhs: 41500, tempC: 65, chipTempMaxC: 80, serial: 'BHM5CSD1302803K30001' });
    expect(t.pools).toEqual([
      { url: 'stratum+tcp://btc.example.pool:3333', user: 'asic-rs.test', status: 'active' },
      { url: 'stratum+tcp://btc2.example.pool:3333', user: 'asic-rs.test', status: 'alive' },
      { url: 'stratum+tcp://btc3.example.pool:3333', user: 'asic-rs.test', status: 'alive' },
    ]);
    expect(t.errors).toEqual([]);
  });

  it('lists the error codes of get_error_code', () => {
    const t = parseWhatsminerV2Telemetry({ summary: v2('summary'), errorCode: v2('get_error_code_with_errors') });
    expect(t.errors).toEqual(['Error 218 since 2024-06-15 10:30:00', 'Error 110 since 2024-06-15 09:15:00']);
  });
});

describe('Whatsminer API v1 parsers (fixtures whatsminer/v1)', () => {
  it('reads the older summary and its inline error codes', () => {
    const t = parseWhatsminerV2Telemetry({ summary: v1('summary_with_errors'), devs: v1('devs'), pools: v1('pools') });
    expect(t.hashrateGhs).toBeGreaterThan(60000);
    expect(t.nominalHashrateGhs).toBe(68796);
    expect(t.tempMaxC).toBe(93); // Chip Temp Max 92.5
    expect(t.errors).toEqual(['Error 110', 'Error 600']);
    const id = parseWhatsminerV2Identity({ getVersion: v1('get_version'), summary: v1('summary') });
    expect(id.firmware).toBe('20210322.22.REL');
  });
});

describe('Whatsminer API v3 parsers (fixtures whatsminer/v3)', () => {
  it('reads the identity from get.device.info; nominal from factory-hash (TH/s)', () => {
    const id = parseWhatsminerV3Identity({ deviceInfo: v3('get_device_info'), summary: v3('get_miner_status_summary') });
    expect(id).toEqual({
      family: 'whatsminer',
      make: 'MicroBT',
      model: 'WhatsMiner M60S VK40',
      firmware: '20251209.16.Rel2',
      serial: 'BTM3CS40HD24083100000000000000000',
      mac: 'CE:02:01:00:8C:36',
      hostname: 'WhatsMiner',
      nominalHashrateGhs: 181051,
    });
    // Without the summary, the per-board detect-hash-rate (GH/s) adds up to the same figure.
    expect(parseWhatsminerV3Identity({ deviceInfo: v3('get_device_info') }).nominalHashrateGhs).toBe(61434 + 53890 + 65727);
  });

  it('reads TH/s hashrates, power, temperatures, fans, boards and pools', () => {
    const t = parseWhatsminerV3Telemetry({
      deviceInfo: v3('get_device_info_with_errors'),
      summary: v3('get_miner_status_summary'),
      pools: v3('get_miner_status_pools'),
      edevs: v3('get_miner_status_edevs'),
    });
    expect(t.hashrateGhs).toBe(171259);
    expect(t.nominalHashrateGhs).toBe(181051);
    expect(t.powerW).toBe(3156);
    expect(t.powerSource).toBe('miner');
    expect(t.tempMaxC).toBe(82);
    expect(t.fansRpm).toEqual([5400, 5280]);
    expect(t.uptimeS).toBe(50000);
    expect(t.boards).toEqual([
      { index: 0, hashrateGhs: 57200, tempC: 41, chipTempMaxC: 80, serial: null },
      { index: 1, hashrateGhs: 57000, tempC: 40, chipTempMaxC: 82, serial: null },
      { index: 2, hashrateGhs: 57100, tempC: 42, chipTempMaxC: 81, serial: null },
    ]);
    expect(t.pools[0]).toEqual({ url: 'stratum+tcp://btc.example.pool:3333', user: 'asic-rs.test', status: 'active' });
    expect(t.pools[1].status).toBe('alive');
    expect(t.errors[0]).toBe('Error 264: Power xfer error. code: 0xffffffffc0000000 (2026-05-23 09:19:10)');
    expect(t.errors).toHaveLength(5);
  });

  it('normalises model strings', () => {
    expect(whatsminerModel('M60S_VK40')).toBe('M60S VK40');
    expect(whatsminerModel('WhatsMiner M30S++.VH40')).toBe('M30S++ VH40');
    expect(whatsminerModel('')).toBeNull();
  });
});
