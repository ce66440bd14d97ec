import { describe, expect, it } from 'vitest';
import { fixture } from '../test-fixtures';
import { parseAntminerIdentity, parseAntminerTelemetry } from './antminer';

const f = (cmd: string) => fixture('antminer', 'v2020', cmd);

describe('Antminer stock firmware parsers (fixtures antminer/v2020)', () => {
  it('reads the identity from version, stats and the get_system_info CGI page', () => {
    const id = parseAntminerIdentity({ version: f('version'), stats: f('stats'), systemInfo: f('system_info') });
    expect(id).toEqual({
      family: 'antminer',
      make: 'Bitmain',
      model: 'Antminer S19 Pro',
      firmware: 'FR-1.12(251009-S21)',
      serial: 'THQING0BDJAB024NF',
      // The fixture's macaddr "02:55:97:22:3M:72" holds an "M": not a MAC, so it is not trusted.
      mac: null,
      hostname: 'Antminer',
      nominalHashrateGhs: 110000,
    });
  });

  it('falls back to the CGI miner type and BMMiner version when version is partial', () => {
    const id = parseAntminerIdentity({ version: { VERSION: [{ BMMiner: '1.0.0' }] }, systemInfo: { minertype: 'Antminer S21', macaddr: '02:55:97:22:3a:72' } });
    expect(id.model).toBe('Antminer S21');
    expect(id.mac).toBe('02:55:97:22:3A:72');
    expect(id.firmware).toBe('BMMiner 1.0.0');
  });

  it('reads hashrate, boards, temperatures, fans, pools and uptime', () => {
    const t = parseAntminerTelemetry({ summary: f('summary'), stats: f('stats'), pools: f('pools') });
    expect(t.hashrateGhs).toBe(110567); // SUMMARY "GHS 5s": 110566.89
    expect(t.nominalHashrateGhs).toBe(110000);
    expect(t.uptimeS).toBe(50474);
    expect(t.boards).toEqual([
      { index: 0, hashrateGhs: 37603, tempC: 73, chipTempMaxC: 78, serial: null },
      { index: 1, hashrateGhs: 35536, tempC: 66, chipTempMaxC: 71, serial: null },
      { index: 2, hashrateGhs: 37427, tempC: 64, chipTempMaxC: 69, serial: null },
    ]);
    expect(t.tempMaxC).toBe(78);
    expect(t.fansRpm).toEqual([6000, 5880, 5040, 5040]);
    expect(t.powerW).toBeNull();
    expect(t.powerSource).toBeNull();
    expect(t.pools[0]).toEqual({ url: 'stratum+tcp://btc.global.luxor.tech:700', user: 'satokierepair.H04YK', status: 'active' });
    expect(t.pools.length).toBeGreaterThanOrEqual(2);
    expect(t.errors).toEqual([]);
  });

  it('scales chain rates by rate_unit', () => {
    const stats = { STATS: [{ Type: 'x' }, { rate_unit: 'TH', chain_rate1: '37.5', chain_acn1: 114, fan_num: 0 }] };
    const t = parseAntminerTelemetry({ summary: { SUMMARY: [{ 'GHS 5s': 37500 }] }, stats });
    expect(t.boards[0].hashrateGhs).toBe(37500);
  });
});
