/**
 * SNMP GET on net-snmp (v1, v2c, v3) with hard limits: one retry at most, a per-try timeout, a deadline
 * for the whole reading that closes the session, and at most 20 varbinds per request. Every
 * failure becomes a PowerReadFailure with a plain sentence; nothing here hangs or throws past readPdu.
 */
import { isIPv6 } from 'node:net';
import snmp from 'net-snmp';
import type { SnmpSecrets, SnmpSettings } from '../../../contract/power.profiles';
import { socketFailure } from '../../discovery/transport/outcome';
import { PowerReadFailure, type PowerLimits } from '../read-device.limits';

const snmpBatchSize = 20;

/** A value as read: `number` is exact decimal text (integers and 64-bit counters); `missing` says why there is none. */
export type SnmpValue = { kind: 'number'; text: string } | { kind: 'text'; text: string } | { kind: 'missing'; reason: string };

const securityLevels = { noAuthNoPriv: snmp.SecurityLevel.noAuthNoPriv, authNoPriv: snmp.SecurityLevel.authNoPriv, authPriv: snmp.SecurityLevel.authPriv };

function createSession(host: string, port: number, settings: SnmpSettings, secrets: SnmpSecrets, timeoutMs: number): snmp.Session {
  const options = { port, retries: 1, timeout: timeoutMs, transport: isIPv6(host) ? ('udp6' as const) : ('udp4' as const), backoff: 1 };
  if (settings.version !== '3') {
    const version = settings.version === '1' ? snmp.Version1 : snmp.Version2c;
    return snmp.createSession(host, secrets.community ?? 'public', { ...options, version });
  }
  const level = settings.securityLevel ?? (secrets.privKey ? 'authPriv' : secrets.authKey ? 'authNoPriv' : 'noAuthNoPriv');
  if (!settings.user) throw new PowerReadFailure('error', 'SNMPv3 needs a user name; add it to the PDU settings.');
  if (level !== 'noAuthNoPriv' && !secrets.authKey)
    throw new PowerReadFailure('error', `SNMPv3 ${level} needs an authentication passphrase; add it to the PDU settings.`);
  if (level === 'authPriv' && !secrets.privKey) throw new PowerReadFailure('error', 'SNMPv3 authPriv needs a privacy passphrase; add it to the PDU settings.');
  const user: snmp.User = { name: settings.user, level: securityLevels[level] };
  if (level !== 'noAuthNoPriv') Object.assign(user, { authProtocol: snmp.AuthProtocols[settings.authProtocol ?? 'sha'], authKey: secrets.authKey });
  if (level === 'authPriv') Object.assign(user, { privProtocol: snmp.PrivProtocols[settings.privProtocol ?? 'aes'], privKey: secrets.privKey });
  return snmp.createV3Session(host, user, { ...options, version: snmp.Version3 });
}

function valueOf(varbind: snmp.Varbind): SnmpValue {
  if (snmp.isVarbindError(varbind)) {
    const reason =
      varbind.type === snmp.ObjectType.NoSuchInstance ? 'noSuchInstance' : varbind.type === snmp.ObjectType.EndOfMibView ? 'endOfMibView' : 'noSuchObject';
    return { kind: 'missing', reason };
  }
  const { value } = varbind;
  if (typeof value === 'number') return { kind: 'number', text: String(value) };
  if (typeof value === 'bigint') return { kind: 'number', text: value.toString() };
  if (Buffer.isBuffer(value)) {
    if (varbind.type === snmp.ObjectType.Counter64) return { kind: 'number', text: value.length === 0 ? '0' : BigInt(`0x${value.toString('hex')}`).toString() };
    return { kind: 'text', text: value.toString('utf8') };
  }
  if (typeof value === 'string') return { kind: 'text', text: value };
  return { kind: 'missing', reason: `an unreadable ${snmp.ObjectType[varbind.type ?? 0] ?? 'value'}` };
}

const usmWords: Record<string, string> = {
  'Unknown User Name': 'does not know the SNMPv3 user',
  'Wrong Digest (incorrect password, community or key)': 'rejected the SNMPv3 authentication passphrase (or protocol)',
  'Decryption Error': 'could not decrypt the request: wrong SNMPv3 privacy passphrase (or protocol)',
  'Unsupported Security Level': 'does not allow this SNMPv3 security level for the user',
  'Not In Time Window': 'rejected the request as outside its SNMPv3 time window',
};

export class SnmpClient {
  private readonly session: snmp.Session;
  private readonly where: string;
  private garbage = 0;
  private answered = false;
  private closed = false;
  private readonly deadlineTimer: NodeJS.Timeout;
  private readonly onAbort = () => this.close();

  constructor(
    host: string,
    port: number,
    private readonly settings: SnmpSettings,
    secrets: SnmpSecrets,
    private readonly limits: PowerLimits,
  ) {
    this.where = `${host}:${port}`;
    this.session = createSession(host, port, settings, secrets, limits.timeoutMs);
    // net-snmp emits 'error' for a datagram it cannot parse; without a listener that would crash the process.
    this.session.on('error', () => this.garbage++);
    this.deadlineTimer = setTimeout(() => this.close(), Math.max(0, limits.deadline - Date.now()));
    limits.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.deadlineTimer);
    this.limits.signal?.removeEventListener('abort', this.onAbort);
    try {
      this.session.close();
    } catch {
      // already closed by the socket itself
    }
  }

  /** Values of `oids` in request order, read in batches; missing OIDs come back as `missing`, never as a failure. */
  async get(oids: readonly string[]): Promise<Map<string, SnmpValue>> {
    const values = new Map<string, SnmpValue>();
    for (let start = 0; start < oids.length; start += snmpBatchSize) {
      await this.getBatch(oids.slice(start, start + snmpBatchSize), values);
    }
    return values;
  }

  private async getBatch(batch: readonly string[], into: Map<string, SnmpValue>): Promise<void> {
    let pending = [...batch];
    // Each failed round removes at least one OID or halves the batch, so this ends.
    while (pending.length > 0) {
      const outcome = await this.request(pending);
      if (outcome.ok) {
        pending.forEach((oid, i) => into.set(oid, outcome.varbinds[i] ? valueOf(outcome.varbinds[i]) : { kind: 'missing', reason: 'no value in the reply' }));
        return;
      }
      const { status, oid } = outcome;
      const statusName = snmp.ErrorStatus[status] ?? `error ${status}`;
      const culprit = oid !== null && pending.includes(oid) ? oid : null;
      if (culprit) {
        into.set(culprit, { kind: 'missing', reason: statusName === 'NoSuchName' ? 'noSuchName' : statusName });
        pending = pending.filter((o) => o !== culprit);
      } else if (pending.length > 1) {
        const half = Math.ceil(pending.length / 2);
        await this.getBatch(pending.slice(0, half), into);
        pending = pending.slice(half);
      } else {
        into.set(pending[0], { kind: 'missing', reason: statusName });
        return;
      }
    }
  }

  private request(oids: string[]): Promise<{ ok: true; varbinds: snmp.Varbind[] } | { ok: false; status: number; oid: string | null }> {
    if (this.closed) return Promise.reject(this.stopped());
    return new Promise((resolve, reject) => {
      this.session.get(oids, (failure, varbinds) => {
        const error = failure as (Error & { status?: number }) | null;
        if (!error) {
          this.answered = true;
          return resolve({ ok: true, varbinds: varbinds ?? [] });
        }
        if (error.name === 'RequestFailedError') {
          this.answered = true;
          const oid = /: ([\d.]+)$/.exec(error.message)?.[1] ?? null;
          return resolve({ ok: false, status: error.status ?? snmp.ErrorStatus.GeneralError, oid });
        }
        reject(this.failureOf(error));
      });
    });
  }

  private stopped(): PowerReadFailure {
    if (this.limits.signal?.aborted) return new PowerReadFailure('error', `The reading of ${this.where} was cancelled.`);
    const ms = this.limits.deadline - this.limits.startedAt;
    if (this.answered) return new PowerReadFailure('error', `The PDU at ${this.where} answered too slowly: the reading did not finish within ${ms} ms.`);
    return this.silence(ms);
  }

  private silence(ms: number): PowerReadFailure {
    if (this.garbage > 0)
      return new PowerReadFailure(
        'error',
        `${this.where} answered ${this.garbage} time(s) with data that is not SNMP; check the port (SNMP is usually 161/udp).`,
      );
    const what = this.settings.version === '3' ? 'user or passphrases' : 'community or version';
    return new PowerReadFailure('unreachable', `No SNMP answer from ${this.where} within ${ms} ms (wrong ${what}, or the device is off).`);
  }

  private failureOf(error: Error): PowerReadFailure {
    if (this.closed) return this.stopped();
    if (error.name === 'RequestTimedOutError') {
      const ms = this.limits.timeoutMs * 2;
      if (!this.answered) return this.silence(ms);
      return new PowerReadFailure('unreachable', `The PDU at ${this.where} stopped answering in the middle of the reading (no answer within ${ms} ms).`);
    }
    if (error instanceof snmp.ResponseInvalidError) {
      if (error.code === snmp.ResponseInvalidCode.EAuthFailure) {
        const words = usmWords[error.message] ?? 'rejected the SNMPv3 credentials';
        return new PowerReadFailure(
          'error',
          `${this.where} ${words}${this.settings.user ? ` ("${this.settings.user}")` : ''}. Check the PDU's SNMPv3 settings.`,
        );
      }
      if (error.code === snmp.ResponseInvalidCode.ECouldNotDecrypt)
        return new PowerReadFailure('error', `The reply from ${this.where} could not be decrypted: wrong SNMPv3 privacy passphrase or protocol.`);
      return new PowerReadFailure('error', `${this.where} sent an SNMP reply that does not fit the request (${error.message}).`);
    }
    if ((error as NodeJS.ErrnoException).code === 'ERR_OSSL_EVP_UNSUPPORTED')
      return new PowerReadFailure(
        'error',
        `SNMPv3 ${this.settings.privProtocol?.toUpperCase() ?? 'DES'} privacy cannot be used: this system's OpenSSL no longer offers it. Set the PDU to AES privacy.`,
      );
    // A send that fails at once (no route, no such address) says so in the same words as the miner scans.
    const failure = socketFailure(error as NodeJS.ErrnoException, this.where);
    return new PowerReadFailure(failure.state === 'unreachable' ? 'unreachable' : 'error', failure.message);
  }
}
