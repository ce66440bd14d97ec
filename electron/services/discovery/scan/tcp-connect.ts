import net from 'node:net';
import { getSystemErrorMap, getSystemErrorName } from 'node:util';

/** One connect attempt in flight; `close` drops it (its callback is then never called). */
export type ConnectAttempt = { close(): void };

/**
 * Starts a TCP connect to ip:port and calls `onDone` exactly once, unless closed first: with null when the
 * port accepted, else with the error code ("ECONNREFUSED", "EMFILE"…). The connection is closed at once
 * either way; nothing is sent.
 */
export type Connector = (ip: string, port: number, onDone: (errorCode: string | null) => void) => ConnectAttempt;

type TcpHandle = { connect(req: ConnectRequest, ip: string, port: number): number; close(): void };
type ConnectRequest = { oncomplete: ((status: number) => void) | null };
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

/**
 * Connects on the bare TCP handle that net.Socket wraps. A sweep makes a connect per address and port
 * (196,608 for a /16 on three ports), and almost every one is refused at once: through net.Socket each
 * costs a Duplex stream, listeners and an Error with its stack, about three times the syscalls' own cost,
 * which kept the sweep at a third of nmap's pace. The handle gives the status as a number and allocates
 * two small objects.
 */
function handleConnector(binding: TcpWrapBinding): Connector {
  const { TCP, TCPConnectWrap, constants } = binding;
  return (ip, port, onDone) => {
    const handle = new TCP(constants.SOCKET);
    const request = new TCPConnectWrap();
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      request.oncomplete = null;
      handle.close();
    };
    request.oncomplete = (status) => {
      close();
      onDone(status === 0 ? null : status === refusedStatus ? 'ECONNREFUSED' : codeOf(status));
    };
    const status = handle.connect(request, ip, port);
    if (status !== 0) {
      // Refused before it started (no descriptor, no route…): answered on the next turn, as a connect would be.
      request.oncomplete = null;
      queueMicrotask(() => {
        if (!open) return;
        close();
        onDone(codeOf(status));
      });
    }
    return { close };
  };
}

function codeOf(status: number): string {
  try {
    return getSystemErrorName(status);
  } catch {
    return `UNKNOWN_${status}`;
  }
}

/** The same through net.Socket, where the runtime offers no TCP handle. */
export const socketConnector: Connector = (ip, port, onDone) => {
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
    onDone(null);
  });
  socket.once('error', (error: NodeJS.ErrnoException) => {
    close();
    onDone(error.code ?? 'UNKNOWN');
  });
  return { close };
};

const binding = tcpWrap();

/** The fastest connector this runtime offers. */
export const defaultConnector: Connector = binding ? handleConnector(binding) : socketConnector;
