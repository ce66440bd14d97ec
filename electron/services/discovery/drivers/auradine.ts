/**
 * Auradine (FluxOS / GCMiner): cgminer RPC on 4028 for reads, a token web API on 8080 for the
 * identity, fans, PSU and writes. Fixtures: auradine/v1. Reference: asic-rs auradine/backends/v1.
 */
import type { JsonValue } from '../transport/json-repair';
import { httpJson, httpRequest, type HttpMethod } from '../transport/http-client';
import { fail, ok, type Outcome } from '../transport/outcome';
import { rpcCall, rpcStatus, RPC_PORT } from '../transport/rpc-client';
import { checkPools, done, emptyTelemetry, failureNotes, gather, opLimits, portOf, rpcTasks } from './common';
import { arr, at, cgminerHashrateGhs, cgminerPools, int, mac, maxOf, rpm, seconds, section, str, tempC, toGhs, watts } from './read';
import type { BoardTelemetry, Credentials, DriverOptions, Identity, MinerDriver, Telemetry } from './types';

const WEB_PORT = 8080;
const DEFAULT_USER = 'admin';
const DEFAULT_PASSWORD = 'admin';

export type AuradineReplies = {
  version?: unknown;
  summary?: unknown;
  devs?: unknown;
  pools?: unknown;
  ipreport?: unknown;
  fan?: unknown;
  psu?: unknown;
  temperature?: unknown;
  mode?: unknown;
};

export function parseAuradineIdentity(r: AuradineReplies): Identity {
  const ip = section(r.ipreport, 'IPReport');
  const gc = str(at(section(r.version, 'VERSION'), 'GCMiner'));
  const fw = str(at(ip, 'version'));
  const model = str(at(ip, 'model'));
  return {
    family: 'auradine',
    make: 'Auradine',
    model: model ? `Teraflux ${model}` : null,
    firmware: fw ? `FluxOS ${fw}` : gc ? `GCMiner ${gc}` : null,
    serial: str(at(ip, 'SerialNo')),
    mac: mac(at(ip, 'mac')),
    hostname: str(at(ip, 'hostname')),
    nominalHashrateGhs: toGhs(at(r.mode, 'Mode', 0, 'Ths'), 'TH'),
  };
}

export function parseAuradineTelemetry(r: AuradineReplies): Telemetry {
  const t = emptyTelemetry();
  const s = section(r.summary, 'SUMMARY');
  t.hashrateGhs = cgminerHashrateGhs(s);
  t.nominalHashrateGhs = toGhs(at(r.mode, 'Mode', 0, 'Ths'), 'TH');
  t.uptimeS = seconds(at(s, 'Elapsed'));
  const temps = arr(at(r.temperature, 'Temperature'));
  const boards: BoardTelemetry[] = arr(at(r.devs, 'DEVS')).map((d, i) => {
    const id = int(at(d, 'ID')) ?? i + 1;
    const sensors = temps.find((e) => int(at(e, 'ID')) === id);
    return {
      index: id - 1,
      hashrateGhs: toGhs(at(d, 'MHS 5s'), 'MH') ?? toGhs(at(d, 'MHS av'), 'MH'),
      tempC: maxOf([tempC(at(d, 'Temperature')), ...arr(at(sensors, 'BoardTemp')).map((b) => tempC(at(b, 'Temperature')))]),
      chipTempMaxC: maxOf(arr(at(sensors, 'ChipTemp')).map((c) => tempC(at(c, 'Temperature')))),
      serial: str(at(r.ipreport, 'IPReport', 0, 'HBSerialNo', i)),
    };
  });
  t.boards = boards;
  const hashBoardSensors = temps
    .filter((e) => !/control/i.test(str(at(e, 'Name')) ?? ''))
    .flatMap((e) => [...arr(at(e, 'BoardTemp')), ...arr(at(e, 'ChipTemp'))].map((b) => tempC(at(b, 'Temperature'))));
  t.tempMaxC = maxOf([...boards.flatMap((b) => [b.tempC, b.chipTempMaxC]), ...hashBoardSensors]);
  t.fansRpm = arr(at(r.fan, 'Fan'))
    .map((f) => rpm(at(f, 'Speed')))
    .filter((v): v is number => v !== null);
  t.powerW = watts(at(s, 'Wattage')) ?? watts(at(r.psu, 'PSU', 0, 'PowerIn'));
  t.powerSource = t.powerW === null ? null : 'miner';
  t.pools = cgminerPools(r.pools);
  return t;
}

/** The web API on 8080: POST /token, then a `Token` header (asic-rs auradine web.rs). */
class AuradineWeb {
  private token: string | null = null;
  private pending: Promise<Outcome<string>> | null = null;
  constructor(
    private readonly host: string,
    private readonly opts: DriverOptions | undefined,
    private readonly creds: Credentials | undefined,
  ) {}

  private get port() {
    return portOf(this.opts, 'auradineWeb', WEB_PORT);
  }

  private async login(): Promise<Outcome<string>> {
    const res = await httpRequest(
      {
        host: this.host,
        port: this.port,
        method: 'POST',
        path: '/token',
        body: { command: 'token', user: this.creds?.username ?? DEFAULT_USER, password: this.creds?.password ?? DEFAULT_PASSWORD },
      },
      opLimits(this.opts),
    );
    const json = httpJson(res, `token on ${this.host}`);
    if (!json.ok) return json;
    const token = str(at(json.value, 'Token', 0, 'Token'));
    if (!token) return fail('auth_failed', `${this.host} gave no token (wrong user name or password?).`);
    this.token = token;
    return ok(token);
  }

  async call(method: HttpMethod, command: string, body?: Record<string, unknown>): Promise<Outcome<JsonValue>> {
    for (let attempt = 1; attempt <= 2; attempt++) {
      if (!this.token) {
        // Parallel reads share one login.
        this.pending ??= this.login();
        const t = await this.pending;
        if (!t.ok) return t;
      }
      const res = await httpRequest(
        {
          host: this.host,
          port: this.port,
          method,
          path: `/${command}`,
          body: method === 'GET' ? undefined : { command, ...body },
          headers: { Token: this.token ?? '' },
        },
        opLimits(this.opts),
      );
      const json = httpJson(res, `${command} on ${this.host}`);
      const { status, message } = json.ok ? rpcStatus(json.value) : { status: null, message: null };
      const tokenTrouble = (!json.ok && json.state === 'auth_failed') || (status === 'E' && /token|session|expired|unauthori/i.test(message ?? ''));
      if (tokenTrouble && attempt === 1) {
        this.token = null;
        this.pending = null;
        continue;
      }
      if (!json.ok) return json;
      if (status !== null && status !== 'S' && status !== 'I')
        return fail(tokenTrouble ? 'auth_failed' : 'api_error', `${command} on ${this.host}: ${message ?? status}.`);
      return json;
    }
    return fail('auth_failed', `${this.host} kept refusing the token.`);
  }
}

function rpc(host: string, command: string, opts: DriverOptions | undefined) {
  return rpcCall(host, command, undefined, { ...opLimits(opts), port: portOf(opts, 'rpc', RPC_PORT) });
}

export const auradineDriver: MinerDriver = {
  family: 'auradine',
  label: 'Auradine',
  ports: [RPC_PORT, WEB_PORT],
  supports: { reboot: true, setPools: true },

  async identify(host, opts) {
    const web = new AuradineWeb(host, opts, opts?.credentials);
    const { replies, failures } = await gather({
      ...rpcTasks(
        host,
        ['version', 'summary', 'pools'] as const,
        { ...opLimits(opts), port: portOf(opts, 'rpc', RPC_PORT) },
        { version: opts?.known?.rpcVersion },
      ),
      ipreport: () => web.call('GET', 'ipreport'),
      mode: () => web.call('GET', 'mode'),
      temperature: () => web.call('GET', 'temperature'),
      psu: () => web.call('GET', 'psu'),
    });
    if (!replies.version && !replies.ipreport) return failures.version!;
    return ok({ identity: parseAuradineIdentity(replies), live: replies.summary ? parseAuradineTelemetry(replies) : null });
  },

  async readTelemetry(host, opts) {
    const web = new AuradineWeb(host, opts, opts?.credentials);
    const { replies, failures } = await gather({
      summary: () => rpc(host, 'summary', opts),
      devs: () => rpc(host, 'devs', opts),
      pools: () => rpc(host, 'pools', opts),
      fan: () => web.call('GET', 'fan'),
      psu: () => web.call('GET', 'psu'),
      temperature: () => web.call('GET', 'temperature'),
      mode: () => web.call('GET', 'mode'),
      ipreport: () => web.call('GET', 'ipreport'),
    });
    if (!replies.summary) return failures.summary!;
    const t = parseAuradineTelemetry(replies);
    const { summary: _s, ...optional } = failures;
    t.errors.push(...failureNotes(optional));
    return ok(t);
  },

  async reboot(host, c, opts) {
    const res = await new AuradineWeb(host, opts, c).call('POST', 'restart');
    return res.ok ? done : res;
  },

  async setPools(host, pools, c, opts) {
    const checked = checkPools(pools);
    if (!checked.ok) return checked;
    const res = await new AuradineWeb(host, opts, c).call('POST', 'updatepools', {
      pools: checked.value.map((p) => ({ url: p.url, user: p.user, pass: p.password })),
    });
    return res.ok ? done : res;
  },
};
