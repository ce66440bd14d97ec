import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pduInput } from '../helpers/power-fixtures';
import { apiClient, startServer, type Api, type HashdeskServer } from '../helpers/serve-process';
import { startTempSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

/**
 * The main process's air-gap proof (issue 15): a real `serve` process scans a small range, polls a PDU and
 * sends a test e-mail, then its outbound connection log (`app.outbound`) lists only the scanned addresses,
 * the PDU and the mail server: nothing else, no update check, no telemetry, no name server of its own.
 * Needs the production build (`npx electron-vite build`); every address is on 127.0.0.0/8.
 */

const scanned = Array.from({ length: 8 }, (_, i) => `127.63.0.${i + 1}`);
const pduHost = '127.64.0.1';
const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-outbound-'));
let server: HashdeskServer;
let api: Api;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startTempSmtpSink();
  server = await startServer(dataDir);
  api = apiClient(server);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function scanToTheEnd(): Promise<void> {
  const scan = await api.call('discovery.scan', { ranges: [`${scanned[0]}-${scanned[scanned.length - 1]}`], ports: [4028] });
  for (let i = 0; i < 300; i++) {
    const status = await api.call('discovery.status', { scanId: scan.id });
    if (status && ['done', 'cancelled', 'failed'].includes(status.status)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The scan did not end within 30 s.');
}

describe('where the main process connects', () => {
  it('opens sockets only to the scanned range, the configured PDU and the mail server', async () => {
    await scanToTheEnd();
    const site = await api.call('sites.create', { name: 'Outbound Site', timeZone: 'UTC' });
    const pdu = await api.call('power.devices.create', pduInput(site.id, { host: pduHost, port: 16199 }));
    await api.call('power.devices.poll', { id: pdu.id });
    await api.call('mail.settings.update', {
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      fromName: 'Hashdesk',
      fromAddress: 'office@hashdesk.example',
    });
    expect(await api.call('mail.test', { to: 'ops@hashdesk.example' })).toMatchObject({ sent: true });

    const { destinations, dropped } = await api.call('app.outbound', {});
    const where = destinations.map((d) => `${d.protocol} ${d.address}:${d.port}`);
    const allowed = new Set([...scanned.map((ip) => `tcp ${ip}:4028`), `udp ${pduHost}:16199`, `tcp 127.0.0.1:${sink.port}`]);
    expect(
      where.filter((w) => !allowed.has(w)),
      'connections to places nobody configured',
    ).toEqual([]);
    expect(where).toEqual(expect.arrayContaining([...allowed]));
    expect(dropped).toBe(0);
  });
});
