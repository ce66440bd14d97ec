// A small HTTP control endpoint on 127.0.0.1 so demos and tests in another process can reboot a
// simulated miner or reset and roll over a power device's energy counter.
import { createServer, type Server } from 'node:http';
import type { Simulator } from './simulator';

export function startControl(sim: Simulator, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [, scope, ip, action] = url.pathname.split('/');
    if (request.method === 'GET' && scope === 'hosts') return reply(200, { hosts: sim.hosts, power: sim.power });
    if (request.method !== 'POST') return reply(405, { error: 'Use POST /miners/<ip>/reboot or POST /power/<ip>/reset|rollover.' });
    try {
      if (scope === 'miners' && action === 'reboot') {
        sim.reboot(ip);
        return reply(200, { ok: true });
      }
      const device = [...sim.pdus, ...sim.meters].find((candidate) => candidate.ip === ip);
      if (scope === 'power' && device && action === 'reset') {
        device.resetEnergy();
        return reply(200, { ok: true });
      }
      if (scope === 'power' && device && action === 'rollover') {
        device.rollOverEnergy(Number(url.searchParams.get('seconds') ?? 5));
        return reply(200, { ok: true });
      }
      return reply(404, { error: `Nothing to ${action ?? 'do'} at ${url.pathname}.` });
    } catch (error) {
      return reply(404, { error: (error as Error).message });
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
