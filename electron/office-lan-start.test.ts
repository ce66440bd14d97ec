import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { authWithClock, setUpAdministrator } from '../tests/helpers/auth-fixtures';
import { lanRequest } from '../tests/helpers/lan-request';
import { openTempDb, type TempDb } from '../tests/helpers/temp-db';
import { permissionsOfRole } from './contract/roles';
import { startOfficeLanServer } from './office-lan-start';
import type { Runtime } from './runtime';
import { createHandlers } from './services/handlers';
import type { RunningHttpServer } from './transports/http';

// 127.0.0.2 stands in for the office-network address.
let t: TempDb;
let runtime: Runtime;
let started: RunningHttpServer | null = null;
const holders: Server[] = [];

beforeEach(() => {
  t = openTempDb();
  const { auth } = authWithClock(t.db);
  const log = { error: () => {}, info: () => {}, flush: () => {} };
  runtime = { db: t.db, auth, handlers: createHandlers(t.db, { version: 'test', auth }), log, dataDir: t.dir } as unknown as Runtime;
});
afterEach(async () => {
  await started?.close();
  started = null;
  for (const holder of holders.splice(0)) holder.close();
  t.close();
});

/** A port on 127.0.0.2 held by another listener, as another program would. */
const heldPort = () =>
  new Promise<number>((resolve) => {
    const holder = createServer().listen(0, '127.0.0.2', () => resolve((holder.address() as { port: number }).port));
    holders.push(holder);
  });

const store = (setting: object) =>
  writeFileSync(join(t.dir, 'office-lan.json'), JSON.stringify({ enabled: true, host: '127.0.0.2', port: 8443, tlsCertPath: '', tlsKeyPath: '', ...setting }));

const runningNow = async () => {
  const outcome = await runtime.handlers['officeLan.get']({}, { actor: 'tester', log: runtime.log, permissions: permissionsOfRole('administrator') });
  return outcome.running;
};

it('serves nothing while the setting is off', async () => {
  expect(await startOfficeLanServer(runtime, t.dir)).toBeNull();
});

it('says why it does not serve: no administrator yet, or a port another program holds', async () => {
  store({});
  expect(await startOfficeLanServer(runtime, t.dir)).toBeNull();
  expect(await runningNow()).toEqual({ error: expect.stringMatching(/^Serving the office network needs an administrator account/) });

  await setUpAdministrator(runtime.auth);
  const port = await heldPort();
  store({ port });
  expect(await startOfficeLanServer(runtime, t.dir)).toBeNull();
  expect(await runningNow()).toEqual({ error: `Port ${port} on 127.0.0.2 is taken by another program; choose another port.` });
});

it('serves the office network at the stored address and port once an administrator exists', async () => {
  await setUpAdministrator(runtime.auth);
  const port = await heldPort();
  holders.splice(0).forEach((holder) => holder.close()); // a port known to be free a moment ago
  await new Promise((r) => setTimeout(r, 50));
  store({ port });
  writeFileSync(join(t.dir, 'index.html'), '<!doctype html><title>Hashdesk</title>');
  started = await startOfficeLanServer(runtime, t.dir);
  expect(started?.url).toBe(`http://127.0.0.2:${port}`);
  expect(await runningNow()).toEqual({ url: `http://127.0.0.2:${port}` });
  expect((await lanRequest(`${started!.url}/`)).status).toBe(200);
  expect((await lanRequest(`${started!.url}/api/clients.list`, { body: {}, headers: { origin: started!.url } })).status).toBe(401);
});
