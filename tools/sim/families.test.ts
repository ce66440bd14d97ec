// Every family answers its recorded fixtures over its real framing, with this miner's identity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyNames } from './miner';
import { startSimulator, type SimulatedHost, type Simulator } from './simulator';
import { antminerCgi, http, httpJson, rpc, wm3 } from './test-clients';

let sim: Simulator;
const hostsOf = (family: string) => sim.hosts.filter((host) => host.family === family);
const first = (family: string): SimulatedHost => hostsOf(family)[0];

beforeAll(async () => {
  // 24 miners: three of each family, taking turns along 127.61.1.x.
  sim = await startSimulator({ count: 24, base: '127.61.1.0/24', seed: 11 });
});
afterAll(() => sim?.stop());

describe('fleet identities', () => {
  it('gives every miner its own serial, MAC and hostname, and mixes every family', () => {
    expect(new Set(sim.hosts.map((host) => host.family))).toEqual(new Set(familyNames));
    const serials = sim.hosts.map((host) => host.serial).filter(Boolean);
    expect(new Set(serials).size).toBe(serials.length);
    expect(new Set(sim.hosts.map((host) => host.mac)).size).toBe(24);
    expect(new Set(sim.hosts.map((host) => host.hostname)).size).toBe(24);
    expect(sim.hosts.every((host) => host.ip.startsWith('127.61.1.'))).toBe(true);
  });
});

describe('antminer', () => {
  it('answers version, stats and summary+pools over RPC with a NUL terminator', async () => {
    const host = first('antminer');
    const version = await rpc(host.ip, { command: 'version' });
    expect(version.nul).toBe(true);
    expect((version.json.VERSION as Record<string, unknown>[])[0]).toMatchObject({ Type: host.model, BMMiner: '1.0.0', Miner: host.firmware });
    const both = await rpc(host.ip, { command: 'summary+pools', parameter: '' });
    const summary = (both.json.summary as { SUMMARY: Record<string, number>[] }[])[0].SUMMARY[0];
    expect(summary['GHS 5s'] / 1000).toBeGreaterThan(host.nominalThs * 0.85);
    expect(summary['GHS 5s'] / 1000).toBeLessThan(host.nominalThs * 1.1);
    const pools = (both.json.pools as { POOLS: Record<string, unknown>[] }[])[0].POOLS;
    expect(pools[0]).toMatchObject({ User: host.worker, 'Stratum Active': true });
    const unknown = await rpc(host.ip, { command: 'frobnicate' });
    expect((unknown.json.STATUS as Record<string, unknown>[])[0]).toMatchObject({ STATUS: 'E', Msg: 'Invalid command' });
  });

  it('keeps the CGI pages behind Digest auth and serves the identity once answered', async () => {
    const host = first('antminer');
    const anonymous = await http(host.ip, 80, 'GET', '/cgi-bin/get_system_info.cgi');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Digest realm="antMiner Configuration", nonce="[0-9a-f]+", qop="auth"/);
    const wrong = await antminerCgi(host.ip, 'GET', '/cgi-bin/get_system_info.cgi', undefined, 'not-root');
    expect(wrong.status).toBe(401);
    const info = JSON.parse((await antminerCgi(host.ip, 'GET', '/cgi-bin/get_system_info.cgi')).body) as Record<string, unknown>;
    expect(info).toMatchObject({ serinum: host.serial, macaddr: host.mac, hostname: host.hostname, minertype: host.model, ipaddress: host.ip });
  });
});

describe('whatsminer', () => {
  it('answers API v1/v2 reads on 4028 without a NUL, with its MAC and model', async () => {
    for (const host of hostsOf('whatsminer')) {
      const version = await rpc(host.ip, { command: 'get_version' });
      expect(version.nul).toBe(false);
      expect(version.json).toMatchObject({ STATUS: 'S', Msg: { fw_ver: host.firmware } });
      const summary = await rpc(host.ip, { command: 'summary' });
      expect((summary.json.SUMMARY as Record<string, unknown>[])[0].MAC).toBe(host.mac);
      const details = await rpc(host.ip, { command: 'devdetails' });
      expect((details.json.DEVDETAILS as Record<string, unknown>[])[0].Model).toBe(host.model.replace(' ', '.'));
    }
  });

  it('answers API v3 on 4433 with serial, MAC, hostname and type where the firmware has it', async () => {
    const host = hostsOf('whatsminer').find((candidate) => candidate.api === 'v3');
    expect(host, 'seed 11 gives at least one v3 Whatsminer').toBeDefined();
    const info = await wm3(host!.ip, { cmd: 'get.device.info' });
    expect(info).toMatchObject({
      code: 0,
      msg: { miner: { 'miner-sn': host!.serial, type: host!.model.replace(' ', '_') }, network: { mac: host!.mac, hostname: host!.hostname } },
    });
    const summary = (await wm3(host!.ip, { cmd: 'get.miner.status', param: 'summary' })) as { msg: { summary: Record<string, number> } };
    expect(summary.msg.summary['hash-realtime']).toBeGreaterThan(host!.nominalThs * 0.85);
    expect(host!.ports).toEqual([4028, 4433]);
    for (const older of hostsOf('whatsminer').filter((candidate) => candidate.api !== 'v3')) expect(older.ports).toEqual([4028]);
  });
});

describe('luxos, avalon and auradine RPC', () => {
  it('luxos config carries serial, MAC, hostname and model', async () => {
    const host = first('luxos');
    const config = await rpc(host.ip, { command: 'config' });
    expect(config.nul).toBe(true);
    expect((config.json.CONFIG as Record<string, unknown>[])[0]).toMatchObject({
      SerialNumber: host.serial,
      MACAddr: host.mac,
      Hostname: host.hostname,
      Model: host.model,
    });
    const version = await rpc(host.ip, { command: 'version' });
    expect(JSON.stringify(version.json)).toContain('LUXminer');
  });

  it('avalon version and the Key[value] stats string carry DNA, MAC and live hashrate', async () => {
    for (const host of hostsOf('avalon')) {
      const version = await rpc(host.ip, { command: 'version' });
      expect((version.json.VERSION as Record<string, unknown>[])[0]).toMatchObject({ DNA: host.serial, MAC: host.mac, PROD: host.model });
      const stats = (await rpc(host.ip, { command: 'stats' })).json.STATS as Record<string, string>[];
      const text = stats[0]['MM ID0:Summary'] ?? stats[0]['MM ID0'];
      expect(text).toContain(`DNA[${host.serial}]`);
      const ghs = Number(/GHSspd\[([\d.]+)\]/.exec(text)?.[1]);
      expect(ghs / 1000).toBeGreaterThan(host.nominalThs * 0.85);
    }
  });

  it('auradine speaks GCMiner RPC and a token-guarded web API on 8080', async () => {
    const host = first('auradine');
    expect(JSON.stringify((await rpc(host.ip, { command: 'version' })).json)).toContain('GCMiner');
    expect((await httpJson(host.ip, 8080, 'GET', '/ipreport')).status).toBe(401);
    const login = await httpJson<{ Token: { Token: string }[] }>(host.ip, 8080, 'POST', '/token', {
      body: { command: 'token', user: 'admin', password: 'admin' },
    });
    const token = login.json.Token[0].Token;
    const report = await httpJson<{ IPReport: Record<string, unknown>[] }>(host.ip, 8080, 'GET', '/ipreport', { headers: { Token: token } });
    expect(report.json.IPReport[0]).toMatchObject({ SerialNo: host.serial, mac: host.mac, hostname: host.hostname, model: host.model });
  });
});

describe('HTTP families', () => {
  it('braiins shows its name on / and serves details after login', async () => {
    const host = first('braiins');
    expect((await http(host.ip, 80, 'GET', '/')).body).toContain('Braiins OS');
    expect((await httpJson(host.ip, 80, 'GET', '/api/v1/miner/details')).status).toBe(401);
    expect((await httpJson(host.ip, 80, 'POST', '/api/v1/auth/login', { body: { username: 'root', password: 'wrong' } })).status).toBe(401);
    const { json } = await httpJson<{ token: string }>(host.ip, 80, 'POST', '/api/v1/auth/login', { body: { username: 'root', password: 'root' } });
    const details = await httpJson<Record<string, unknown>>(host.ip, 80, 'GET', '/api/v1/miner/details', { headers: { Authorization: json.token } });
    expect(details.json).toMatchObject({
      serial_number: host.serial,
      mac_address: host.mac,
      hostname: host.hostname,
      miner_identity: { miner_model: host.model },
    });
  });

  it('epic answers HTTP on 4028 (400 to an RPC request) and its dashboard on 80', async () => {
    const host = first('epic');
    const rpcAttempt = await import('./test-clients').then(({ exchange }) => exchange(host.ip, 4028, '{"command":"version"}'));
    expect(rpcAttempt.bytes.toString('latin1')).toMatch(/^HTTP\/1\.1 400/);
    expect((await http(host.ip, 80, 'GET', '/')).body).toContain('Miner Web Dashboard');
    const capabilities = await httpJson<Record<string, unknown>>(host.ip, 4028, 'GET', '/capabilities');
    expect(capabilities.json).toMatchObject({ Model: host.model, 'Control Board Version': { cpuSerial: host.serial } });
    expect((await httpJson(host.ip, 4028, 'GET', '/summary')).json).toMatchObject({ Hostname: host.hostname });
    expect((await httpJson(host.ip, 4028, 'GET', '/network')).json).toMatchObject({ dhcp: { mac_address: host.mac } });
  });

  it('bitaxe serves system info with its MAC, hostname, chip and pool', async () => {
    const host = first('bitaxe');
    const { json } = await httpJson<Record<string, unknown>>(host.ip, 80, 'GET', '/api/system/info');
    expect(json).toMatchObject({ macAddr: host.mac, hostname: host.hostname, stratumURL: 'btc.example.pool', stratumUser: host.worker });
    expect(['BM1366', 'BM1368', 'BM1370']).toContain(json.ASICModel);
    expect(Number(json.uptimeSeconds)).toBeGreaterThan(500);
  });
});

describe('live figures', () => {
  it('differ between miners of one model and follow the model nameplate', async () => {
    const readings = await Promise.all(
      hostsOf('bitaxe').map(async (host) => (await httpJson<Record<string, number>>(host.ip, 80, 'GET', '/api/system/info')).json),
    );
    expect(new Set(readings.map((reading) => reading.hashRate)).size).toBe(readings.length);
    expect(new Set(readings.map((reading) => reading.uptimeSeconds)).size).toBe(readings.length);
  });
});
