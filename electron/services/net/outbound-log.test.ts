import { createSocket } from 'node:dgram';
import { connect, createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startOutboundLog, type OutboundRecorder } from './outbound-log';

let recorder: OutboundRecorder | null = null;
afterEach(() => recorder?.stop());

const listening = () =>
  new Promise<{ port: number; close(): void }>((resolve) => {
    const server = createServer((socket) => socket.end());
    server.listen(0, '127.0.0.5', () => resolve({ port: (server.address() as AddressInfo).port, close: () => server.close() }));
  });
const connected = (port: number, host: string) =>
  new Promise<void>((resolve) => {
    const socket = connect(port, host);
    socket.on('connect', () => socket.end());
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
  });
const datagram = (send: (socket: ReturnType<typeof createSocket>, done: () => void) => void) =>
  new Promise<void>((resolve) => {
    const socket = createSocket('udp4');
    send(socket, () => {
      socket.close();
      resolve();
    });
  });

describe('the outbound connection log', () => {
  it('counts each TCP destination tried, answered or refused, and each UDP datagram by address and port', async () => {
    recorder = startOutboundLog();
    const server = await listening();
    await connected(server.port, '127.0.0.5');
    await connected(server.port, '127.0.0.5');
    await connected(1, '127.0.0.6'); // refused: tried all the same
    await datagram((socket, done) => socket.send('x', 16161, '127.0.0.7', done));
    await datagram((socket, done) => socket.send(Buffer.from('xyz'), 0, 3, 16162, '127.0.0.7', done));
    await datagram((socket, done) => socket.connect(16163, '127.0.0.8', () => socket.send('x', done)));
    server.close();
    const { destinations, dropped } = recorder.read();
    const seen = destinations.map(({ protocol, address, port, count }) => ({ protocol, address, port, count }));
    expect(seen).toEqual([
      { protocol: 'tcp', address: '127.0.0.5', port: server.port, count: 2 },
      { protocol: 'tcp', address: '127.0.0.6', port: 1, count: 1 },
      { protocol: 'udp', address: '127.0.0.7', port: 16161, count: 1 },
      { protocol: 'udp', address: '127.0.0.7', port: 16162, count: 1 },
      { protocol: 'udp', address: '127.0.0.8', port: 16163, count: expect.any(Number) },
    ]);
    expect(dropped).toBe(0);
  });

  it('stops listening when stopped: later sockets are not counted', async () => {
    recorder = startOutboundLog();
    recorder.stop();
    await connected(1, '127.0.0.6');
    expect(recorder.read().destinations).toEqual([]);
  });
});
