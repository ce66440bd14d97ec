import diagnostics from 'node:diagnostics_channel';
import type { Socket as UdpSocket } from 'node:dgram';
import type { Socket as TcpSocket } from 'node:net';
import type { OutboundDestination, OutboundLog } from '../../contract/app';

/**
 * Every destination this process opens a socket to (TCP connects, UDP datagrams), counted per protocol, address
 * and port: the air-gap proof of the main process, and an answer to "what does this app talk to?". Node tells
 * of each new client socket on its diagnostics channels, so no code that opens sockets (miner drivers, SNMP,
 * Modbus, SMTP) has to report. Sockets this process accepts (the loopback API) are not outbound and not counted.
 */

/** At most this many distinct destinations are kept; later new ones are only counted (a /16 scan alone has 65,536). */
export const maxOutboundDestinations = 20_000;

export type OutboundRecorder = {
  read(): OutboundLog;
  /** Counts one connection opened outside Node's sockets (the sweep's bare TCP handles). */
  note(protocol: 'tcp' | 'udp', address: string, port: number): void;
  /** What was counted since the last drain, now emptied: a worker thread sends it to the main thread's log. */
  drain(): Pick<OutboundLog, 'destinations' | 'dropped'>;
  /** Adds what a worker thread counted (Node's channels tell each thread of its own sockets only). */
  merge(counted: Pick<OutboundLog, 'destinations' | 'dropped'>): void;
  stop(): void;
};

/** Times as milliseconds while counting: a sweep notes hundreds of thousands of connects. */
type Entry = { protocol: 'tcp' | 'udp'; address: string; port: number; count: number; first: number; last: number };

const shown = (e: Entry): OutboundDestination => ({
  protocol: e.protocol,
  address: e.address,
  port: e.port,
  count: e.count,
  firstAt: new Date(e.first).toISOString(),
  lastAt: new Date(e.last).toISOString(),
});

function isBound(socket: UdpSocket): boolean {
  try {
    socket.address();
    return true;
  } catch {
    return false;
  }
}

export function startOutboundLog(now: () => number = Date.now): OutboundRecorder {
  const since = new Date(now()).toISOString();
  const entries = new Map<string, Entry>();
  let dropped = 0;
  const add = (protocol: 'tcp' | 'udp', address: string, port: number, count: number, first: number, last: number) => {
    const key = `${protocol} ${address} ${port}`;
    const entry = entries.get(key);
    if (entry) {
      entry.count += count;
      if (first < entry.first) entry.first = first;
      if (last > entry.last) entry.last = last;
    } else if (entries.size < maxOutboundDestinations) entries.set(key, { protocol, address, port, count, first, last });
    else dropped += count;
  };
  const note = (protocol: 'tcp' | 'udp', address: string | undefined, port: number | undefined) => {
    if (!address || !port) return;
    const at = now();
    add(protocol, address, port, 1, at, at);
  };

  const onTcp = (message: unknown) => {
    const socket = (message as { socket: TcpSocket }).socket;
    // Each address tried (Node 20.12+), else the peer once connected.
    let attempted = false;
    socket.on('connectionAttempt', (ip: string, port: number) => {
      attempted = true;
      note('tcp', ip, port);
    });
    socket.once('connect', () => {
      if (!attempted) note('tcp', socket.remoteAddress, socket.remotePort);
    });
  };
  const onUdp = (message: unknown) => {
    const socket = (message as { socket: UdpSocket }).socket;
    const send = socket.send.bind(socket) as (...args: unknown[]) => void;
    const connect = socket.connect.bind(socket) as (...args: unknown[]) => void;
    // send(msg, port?, address?, cb?) or send(msg, offset, length, port?, address?, cb?); a connected socket names neither.
    (socket as unknown as { send: (...args: unknown[]) => void }).send = (...args: unknown[]) => {
      // An unbound socket binds first and calls send again once bound: that second call is the one counted.
      if (!isBound(socket)) return send(...args);
      const withOffsets = typeof args[1] === 'number' && typeof args[2] === 'number';
      const port = withOffsets ? args[3] : args[1];
      const address = withOffsets ? args[4] : args[2];
      if (typeof port === 'number') note('udp', typeof address === 'string' ? address : 'localhost', port);
      else {
        try {
          const peer = socket.remoteAddress();
          note('udp', peer.address, peer.port);
        } catch {
          // not connected: Node refuses the send itself
        }
      }
      send(...args);
    };
    (socket as unknown as { connect: (...args: unknown[]) => void }).connect = (...args: unknown[]) => {
      if (typeof args[0] === 'number') note('udp', typeof args[1] === 'string' ? args[1] : 'localhost', args[0]);
      connect(...args);
    };
  };
  diagnostics.subscribe('net.client.socket', onTcp);
  diagnostics.subscribe('udp.socket', onUdp);

  return {
    note,
    read: () => ({
      since,
      destinations: [...entries.values()]
        .map(shown)
        .sort((a, b) => a.address.localeCompare(b.address) || a.port - b.port || a.protocol.localeCompare(b.protocol)),
      dropped,
    }),
    drain() {
      const counted = { destinations: [...entries.values()].map(shown), dropped };
      entries.clear();
      dropped = 0;
      return counted;
    },
    merge(counted) {
      for (const e of counted.destinations) add(e.protocol, e.address, e.port, e.count, Date.parse(e.firstAt), Date.parse(e.lastAt));
      dropped += counted.dropped;
    },
    stop() {
      diagnostics.unsubscribe('net.client.socket', onTcp);
      diagnostics.unsubscribe('udp.socket', onUdp);
    },
  };
}

let shared: OutboundRecorder | null = null;

/**
 * The recorder of this thread, started on first use and never stopped: the runtime's and the handlers', and in
 * a worker thread the one whose counts it sends to the main thread.
 */
export function sharedOutboundLog(): OutboundRecorder {
  shared ??= startOutboundLog();
  return shared;
}
