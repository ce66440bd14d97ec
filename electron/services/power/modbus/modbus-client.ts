/**
 * Modbus TCP register reads on modbus-serial with hard limits: our own socket (connect timeout, a byte
 * cap, and a count of what arrived so garbage can be told from silence), a per-request timeout, a
 * deadline for the whole reading, and a socket that is always destroyed at the end.
 */
import { Socket } from 'node:net';
import ModbusRTU from 'modbus-serial';
import { socketFailure } from '../../discovery/transport/outcome';
import { PowerReadFailure, type PowerLimits } from '../read-device.limits';

const exceptionWords: Record<number, string> = {
  1: 'illegal function (the meter does not support this function code)',
  2: 'illegal data address (the meter has no such register)',
  3: 'illegal data value (the meter refuses this register count)',
  4: 'server device failure',
  5: 'acknowledge (the meter is busy)',
  6: 'server device busy',
  10: 'gateway path unavailable',
  11: 'gateway target device failed to respond (wrong unit id, or the meter behind the gateway is off)',
};

/** A read the meter answered with a Modbus exception: the reading goes on without this value. */
export class ModbusException extends Error {
  constructor(readonly code: number) {
    super(`Modbus exception ${code}: ${exceptionWords[code] ?? 'unknown exception'}`);
  }
}

export class ModbusClient {
  private readonly client = new ModbusRTU();
  private readonly socket = new Socket();
  private readonly where: string;
  private bytesIn = 0;
  private repliesIn = 0;
  private closedBy: PowerReadFailure | null = null;
  private readonly deadlineTimer: NodeJS.Timeout;
  private readonly onAbort = () => this.stop(new PowerReadFailure('error', `The reading of ${this.where} was cancelled.`));
  private wake: (() => void) | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly unitId: number,
    private readonly limits: PowerLimits,
  ) {
    this.where = `${host}:${port}`;
    this.socket.on('error', () => undefined); // errors are reported through connect() and close
    this.socket.on('data', (chunk: Buffer) => {
      this.bytesIn += chunk.length;
      if (this.bytesIn > limits.maxBytes)
        this.stop(
          new PowerReadFailure('error', `${this.where} sent more than ${limits.maxBytes} bytes, far more than Modbus replies; it is not a Modbus meter.`),
        );
    });
    this.socket.on('close', () => this.stop(null));
    this.client.on('error', () => undefined);
    this.deadlineTimer = setTimeout(() => this.stop(this.late()), Math.max(0, limits.deadline - Date.now()));
    limits.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  async connect(): Promise<void> {
    const timeoutMs = Math.min(this.limits.connectTimeoutMs, Math.max(0, this.limits.deadline - Date.now()));
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve, reject) => {
      const unreachable = (message: string) => reject(new PowerReadFailure('unreachable', message));
      timer = setTimeout(
        () => unreachable(`No Modbus TCP connection to ${this.where} within ${timeoutMs} ms (the meter is off or not on this network).`),
        timeoutMs,
      );
      this.wake = () => reject(this.closedBy ?? new PowerReadFailure('unreachable', `${this.where} closed the connection at once.`));
      this.socket.once('connect', resolve);
      this.socket.once('error', (error: NodeJS.ErrnoException) =>
        unreachable(
          error.code === 'ECONNREFUSED'
            ? `${this.where} refused the Modbus TCP connection (port closed, or the meter is off).`
            : socketFailure(error, `Modbus TCP connection to ${this.where}`).message,
        ),
      );
      this.socket.connect({ host: this.host, port: this.port });
    }).finally(() => {
      clearTimeout(timer);
      this.wake = null;
    });
    await this.client.linkTCP(this.socket, { port: this.port });
    this.client.setID(this.unitId);
  }

  /** `count` registers from `address` (0-based, as sent) with function 3 or 4. */
  async read(fn: 3 | 4, address: number, count: number): Promise<number[]> {
    if (this.closedBy) throw this.closedBy;
    const timeoutMs = Math.min(this.limits.timeoutMs, Math.max(1, this.limits.deadline - Date.now()));
    this.client.setTimeout(timeoutMs);
    const request = fn === 3 ? this.client.readHoldingRegisters(address, count) : this.client.readInputRegisters(address, count);
    const stopped = new Promise<never>((_, reject) => (this.wake = () => reject(this.closedBy ?? this.late())));
    try {
      const result = await Promise.race([request, stopped]);
      this.repliesIn++;
      if (result.data.length !== count)
        throw new PowerReadFailure(
          'error',
          `${this.where} answered ${result.data.length} registers where ${count} were asked; it does not speak Modbus as expected.`,
        );
      return result.data;
    } catch (error) {
      throw this.failureOf(error, timeoutMs);
    } finally {
      this.wake = null;
      request.catch(() => undefined);
    }
  }

  close(): void {
    this.stop(null);
  }

  private stop(reason: PowerReadFailure | null): void {
    if (!this.closedBy)
      this.closedBy = reason ?? this.closedBy ?? new PowerReadFailure('error', `${this.where} closed the Modbus connection during the reading.`);
    clearTimeout(this.deadlineTimer);
    this.limits.signal?.removeEventListener('abort', this.onAbort);
    this.socket.destroy();
    this.wake?.();
  }

  private late(): PowerReadFailure {
    const ms = this.limits.deadline - this.limits.startedAt;
    return this.repliesIn > 0
      ? new PowerReadFailure('error', `The meter at ${this.where} answered too slowly: the reading did not finish within ${ms} ms.`)
      : new PowerReadFailure('unreachable', `The meter at ${this.where} gave no Modbus answer within ${ms} ms.`);
  }

  private failureOf(error: unknown, timeoutMs: number): Error {
    if (error instanceof PowerReadFailure) return error;
    const modbusCode = (error as { modbusCode?: number }).modbusCode;
    if (typeof modbusCode === 'number') {
      this.repliesIn++;
      return new ModbusException(modbusCode);
    }
    const errno = (error as { errno?: string }).errno;
    if (errno === 'ETIMEDOUT' || (error as Error).message === 'Timed out') {
      // A wait cut short by the reading's deadline ends as the deadline, whichever timer fired first.
      if (timeoutMs < this.limits.timeoutMs) return this.late();
      if (this.repliesIn > 0)
        return new PowerReadFailure(
          'unreachable',
          `The meter at ${this.where} stopped answering in the middle of the reading (no answer within ${timeoutMs} ms).`,
        );
      if (this.bytesIn > 0)
        return new PowerReadFailure(
          'error',
          `${this.where} sent ${this.bytesIn} bytes that are not a Modbus reply; check the port (Modbus TCP is usually 502).`,
        );
      return new PowerReadFailure(
        'unreachable',
        `${this.where} accepted the connection but gave no Modbus answer within ${timeoutMs} ms (wrong unit id ${this.unitId}, or a gateway whose meter is off).`,
      );
    }
    return new PowerReadFailure('error', `${this.where} sent a reply that is not valid Modbus (${(error as Error).message}).`);
  }
}
