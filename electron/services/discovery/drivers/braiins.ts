/**
 * Braiins OS (REST API of v25.07 on port 80, token login). Fixtures: braiins/v25_07.
 * Reference: asic-rs braiins/backends/v25_07 (mod.rs, web.rs).
 */
import type { JsonValue } from '../transport/json-repair';
import { httpJson, httpRequest, type HttpMethod } from '../transport/http-client';
import { fail, ok, type Outcome } from '../transport/outcome';
import { checkPools, done, emptyTelemetry, failureNotes, gather, opLimits, portOf } from './common';
import { arr, at, bool, int, mac, makeFromModel, maxOf, poolState, rpm, seconds, str, tempC, toGhs, uniq, watts } from './read';
import type { BoardTelemetry, Credentials, DriverOptions, Identity, MinerDriver, PoolStatus, Telemetry } from './types';

const DEFAULT_USER = 'root';
const DEFAULT_PASSWORD = 'root';

export type BraiinsReplies = {
  details?: unknown;
  network?: unknown;
  stats?: unknown;
  hashboards?: unknown;
  cooling?: unknown;
  pools?: unknown;
  errors?: unknown;
};

export function parseBraiinsIdentity(r: BraiinsReplies): Identity {
  const model = str(at(r.details, 'miner_identity', 'miner_model')) ?? str(at(r.details, 'miner_identity', 'name'));
  const bos = str(at(r.details, 'bos_version', 'current'));
  return {
    family: 'braiins',
    make: makeFromModel(model),
    model,
    firmware: bos ? `Braiins OS ${bos}` : null,
    serial: str(at(r.details, 'serial_number')),
    mac: mac(at(r.details, 'mac_address')) ?? mac(at(r.network, 'mac_address')),
    hostname: str(at(r.details, 'hostname')) ?? str(at(r.network, 'hostname')),
    nominalHashrateGhs: toGhs(at(r.details, 'sticker_hashrate', 'gigahash_per_second'), 'GH'),
  };
}

export function parseBraiinsTelemetry(r: BraiinsReplies): Telemetry {
  const t = emptyTelemetry();
  const rate = (v: unknown) =>
    toGhs(at(v, 'real_hashrate', 'last_5s', 'gigahash_per_second'), 'GH') ?? toGhs(at(v, 'real_hashrate', 'last_1m', 'gigahash_per_second'), 'GH');
  t.hashrateGhs = rate(at(r.stats, 'miner_stats'));
  t.nominalHashrateGhs =
    toGhs(at(r.details, 'sticker_hashrate', 'gigahash_per_second'), 'GH') ?? toGhs(at(r.stats, 'miner_stats', 'nominal_hashrate', 'gigahash_per_second'), 'GH');
  t.powerW = watts(at(r.stats, 'power_stats', 'approximated_consumption', 'watt'));
  t.powerSource = t.powerW === null ? null : 'miner';
  t.uptimeS = seconds(at(r.details, 'system_uptime_s')) ?? seconds(at(r.details, 'bosminer_uptime_s'));
  const boards: BoardTelemetry[] = arr(at(r.hashboards, 'hashboards')).map((b, i) => ({
    index: int(at(b, 'id')) ?? i,
    hashrateGhs: rate(at(b, 'stats')),
    tempC: tempC(at(b, 'board_temp', 'degree_c')),
    chipTempMaxC: tempC(at(b, 'highest_chip_temp', 'temperature', 'degree_c')),
    serial: str(at(b, 'serial_number')),
  }));
  t.boards = boards;
  t.tempMaxC = maxOf([tempC(at(r.cooling, 'highest_temperature', 'temperature', 'degree_c')), ...boards.flatMap((b) => [b.tempC, b.chipTempMaxC])]);
  t.fansRpm = arr(at(r.cooling, 'fans'))
    .map((f) => rpm(at(f, 'rpm')))
    .filter((v): v is number => v !== null);
  const pools: PoolStatus[] = [];
  for (const group of arr(r.pools)) {
    for (const p of arr(at(group, 'pools'))) {
      const url = str(at(p, 'url'));
      if (!url) continue;
      const enabled = bool(at(p, 'enabled'));
      const alive = bool(at(p, 'alive'));
      const status = enabled === false ? 'disabled' : poolState(bool(at(p, 'active')), alive === null ? null : alive ? 'alive' : 'dead');
      pools.push({ url, user: str(at(p, 'user')) ?? '', status });
    }
  }
  t.pools = pools;
  t.errors = uniq(
    arr(at(r.errors, 'errors'))
      .map((e) => str(at(e, 'message')))
      .filter((m): m is string => m !== null),
  );
  return t;
}

/** One login per operation; requests carry the raw token in Authorization (asic-rs web.rs). */
class BraiinsSession {
  private token: string | null = null;
  constructor(
    private readonly host: string,
    private readonly opts: DriverOptions | undefined,
    private readonly creds: Credentials | undefined,
  ) {}

  private get port() {
    return portOf(this.opts, 'http', 80);
  }

  async login(): Promise<Outcome<string>> {
    const res = await httpRequest(
      {
        host: this.host,
        port: this.port,
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { username: this.creds?.username ?? DEFAULT_USER, password: this.creds?.password ?? DEFAULT_PASSWORD },
      },
      opLimits(this.opts),
    );
    const json = httpJson(res, `login on ${this.host}`);
    if (!json.ok) return json;
    const token = str(at(json.value, 'token'));
    if (!token) return fail('auth_failed', `${this.host} gave no token at login.`);
    this.token = token;
    return ok(token);
  }

  async call(method: HttpMethod, path: string, body?: unknown): Promise<Outcome<JsonValue>> {
    if (!this.token) {
      const t = await this.login();
      if (!t.ok) return t;
    }
    const send = () =>
      httpRequest(
        { host: this.host, port: this.port, method, path: `/api/v1/${path}`, body, headers: { Authorization: this.token ?? '' } },
        opLimits(this.opts),
      );
    let res = await send();
    if (res.ok && res.value.status === 401) {
      const again = await this.login();
      if (!again.ok) return again;
      res = await send();
    }
    if (res.ok && res.value.status >= 200 && res.value.status < 300 && res.value.body.trim() === '') return ok(null);
    return httpJson(res, `${path} on ${this.host}`);
  }
}

export function isBraiinsPage(html: string): boolean {
  return /braiins os/i.test(html);
}

export const braiinsDriver: MinerDriver = {
  family: 'braiins',
  label: 'Braiins OS',
  ports: [80],
  supports: { reboot: true, setPools: true },

  async identify(host, opts) {
    const s = new BraiinsSession(host, opts, opts?.credentials);
    const login = await s.login();
    if (!login.ok) return login;
    // miner/details names the MAC and hostname itself; /network is asked only where it does not.
    const { replies, failures } = await gather({
      details: () => s.call('GET', 'miner/details'),
      stats: () => s.call('GET', 'miner/stats'),
      cooling: () => s.call('GET', 'cooling/state'),
      pools: () => s.call('GET', 'pools'),
    });
    if (!replies.details) return failures.details!;
    let identity = parseBraiinsIdentity(replies);
    if (identity.mac === null || identity.hostname === null) {
      const network = await s.call('GET', 'network');
      if (network.ok) identity = parseBraiinsIdentity({ ...replies, network: network.value });
    }
    return ok({ identity, live: replies.stats ? parseBraiinsTelemetry(replies) : null });
  },

  async readTelemetry(host, opts) {
    const s = new BraiinsSession(host, opts, opts?.credentials);
    const login = await s.login();
    if (!login.ok) return login;
    const { replies, failures } = await gather({
      stats: () => s.call('GET', 'miner/stats'),
      details: () => s.call('GET', 'miner/details'),
      hashboards: () => s.call('GET', 'miner/hw/hashboards'),
      cooling: () => s.call('GET', 'cooling/state'),
      pools: () => s.call('GET', 'pools'),
      errors: () => s.call('GET', 'miner/errors'),
    });
    if (!replies.stats) return failures.stats!;
    const t = parseBraiinsTelemetry(replies);
    const { stats: _s, ...optional } = failures;
    t.errors.push(...failureNotes(optional));
    return ok(t);
  },

  async reboot(host, c, opts) {
    const res = await new BraiinsSession(host, opts, c).call('PUT', 'actions/reboot');
    return res.ok ? done : res;
  },

  async setPools(host, pools, c, opts) {
    const checked = checkPools(pools);
    if (!checked.ok) return checked;
    const body = [
      {
        name: 'Hashdesk',
        pools: checked.value.map((p) => ({ url: p.url, user: p.user, password: p.password })),
        load_balance_strategy: { quota: { value: 1 } },
      },
    ];
    const res = await new BraiinsSession(host, opts, c).call('PUT', 'pools/batch', body);
    return res.ok ? done : res;
  },
};
