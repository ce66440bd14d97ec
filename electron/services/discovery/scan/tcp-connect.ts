import net from 'node:net';
import { getSystemErrorMap, getSystemErrorName } from 'node:util';
import { sharedOutboundLog } from '../../net/outbound-log';

/** One connect attempt in flight; `close` drops it (its target is then never told). */
export type ConnectAttempt = { close(): void };

/** Who hears how a connect ended: null when the port accepted, else the error code ("ECONNREFUSED", "EMFILE"…). */
export type ConnectTarget = { connected(errorCode: string | null): void };

/**
 * Starts a TCP connect to ip:port and tells `target` exactly once, on a later turn of the loop, unless
 * closed first. The connection is closed at once either way; nothing is sent. A target object rather than
 * a callback: a sweep starts hundreds of thousands, and a closure each is garbage to collect.
 */
export type Connector = (ip: string, port: number, target: ConnectTarget) => ConnectAttempt;

type TcpHandle = { connect(req: ConnectRequest, ip: string, port: number): number; close(): void };
type ConnectRequest = { oncomplete: ((status: number, handle: unknown, request: ConnectRequest) => void) | null; attempt?: HandleAttempt };
type TcpWrapBinding = { TCP: new (type: number) => TcpHandle; TCPConnectWrap: new () => ConnectRequest; constants: { SOCKET: number } };

/** The libuv status of a refused connect on this platform (-111 on Linux, another number on Windows). */
const refusedStatus = [...getSystemErrorMap()].find(([, [name]]) => name === 'ECONNREFUSED')?.[0] ?? null;

function tcpWrap(): TcpWrapBinding | null {
  try {
    const binding = (process as unknown as { binding(name: string): Partial<TcpWrapBinding> }).binding('tcp_wrap');
    return typeof binding.TCP === 'function' && typeof binding.TCPConnectWrap === 'function' && typeof binding.constants?.SOCKET === 'number'
      ? (binding as TcpWrapBinding)
      : null;
  } catch {
    return null;
  }
}

function codeOf(status: number): string {
  if (status === refusedStatus) return 'ECONNREFUSED';
  try {
    return getSystemErrorName(status);
  } catch {
    return `UNKNOWN_${status}`;
  }
}

/** A connect on the bare handle: the handle, its request and whom to tell; nothing else per attempt. */
class HandleAttempt {
  constructor(
    private handle: TcpHandle | null,
    private request: ConnectRequest | null,
    private target: ConnectTarget | null,
  ) {}

  close(): void {
    if (!this.handle) return;
    this.request!.oncomplete = null;
    this.request!.attempt = undefined;
    this.handle.close();
    this.handle = this.request = this.target = null;
  }

  end(status: number): void {
    const target = this.target;
    this.close();
    target?.connected(status === 0 ? null : codeOf(status));
  }
}

// The native request calls back with (status, handle, request): one function serves every attempt.
function completed(status: number, _handle: unknown, request: ConnectRequest): void {
  request.attempt?.end(status);
}

/**
 * Connects on the bare TCP handle that net.Socket wraps. A sweep makes a connect per address and port
 * (196,608 for a /16 on three ports), and almost every one is refused at once: through net.Socket each
 * costs a Duplex stream, listeners and an Error with its stack, about three times the system calls' own
 * cost, which kept the sweep at a third of nmap's pace. The handle gives the status as a number.
 */
function handleConnector(binding: TcpWrapBinding): Connector {
  const { TCP, TCPConnectWrap, constants } = binding;
  // Node's diagnostics channels do not see a bare handle: the outbound log is told here.
  const outbound = sharedOutboundLog();
  return (ip, port, target) => {
    outbound.note('tcp', ip, port);
    const handle = new TCP(constants.SOCKET);
    const request = new TCPConnectWrap();
    const attempt = new HandleAttempt(handle, request, target);
    request.attempt = attempt;
    request.oncomplete = completed;
    const status = handle.connect(request, ip, port);
    // Refused before it started (no descriptor, no route…): told on the next turn, as a connect would be.
    if (status !== 0) queueMicrotask(() => attempt.end(status));
    return attempt;
  };
}

/** The same through net.Socket, where the runtime offers no TCP handle. */
export const socketConnector: Connector = (ip, port, target) => {
  const socket = net.connect({ host: ip, port });
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    socket.removeAllListeners();
    socket.on('error', () => undefined); // a late error after destroy must not go unhandled
    socket.destroy();
  };
  socket.once('connect', () => {
    close();
    target.connected(null);
  });
  socket.once('error', (error: NodeJS.ErrnoException) => {
    close();
    target.connected(error.code ?? 'UNKNOWN');
  });
  return { close };
};

const binding = tcpWrap();

/** The fastest connector this runtime offers. */
export const defaultConnector: Connector = binding ? handleConnector(binding) : socketConnector;
