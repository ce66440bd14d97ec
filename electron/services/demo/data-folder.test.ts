import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { AppError } from '../../contract/errors';
import { procedurePermissions } from '../../contract/procedure-permissions';
import { createHandlers } from '../handlers';
import { createDataFolder } from './data-folder';

const ctx = { actor: 'test' } as Parameters<ReturnType<typeof createHandlers>['app.openDataFolder']>[1];

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

describe('app.openDataFolder', () => {
  it('asks the injected opener to show the data folder, and app.info names the folder', async () => {
    const opened: string[] = [];
    const handlers = createHandlers(t.db, { version: 'test', dataFolder: createDataFolder(t.dir, async (path) => (opened.push(path), '')) });
    expect(await handlers['app.openDataFolder']({}, ctx)).toEqual({ opened: t.dir });
    expect(opened).toEqual([t.dir]);
    expect(await handlers['app.info']({}, ctx)).toMatchObject({ dataFolder: t.dir, canOpenDataFolder: true });
  });

  it('passes on why the OS could not open it', async () => {
    const handlers = createHandlers(t.db, { version: 'test', dataFolder: createDataFolder(t.dir, async () => 'Failed to open path') });
    await expect(handlers['app.openDataFolder']({}, ctx)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `The data folder ${t.dir} did not open: Failed to open path`,
    });
  });

  it('without an opener (npm run serve) answers CONFLICT with the path to copy, and opens nothing', async () => {
    const handlers = createHandlers(t.db, { version: 'test' });
    const refusal = await handlers['app.openDataFolder']({}, ctx).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: `The data folder opens only in the desktop app's window. Copy its path instead: ${t.dir}` });
    // The default data folder is the database file's own folder.
    expect(await handlers['app.info']({}, ctx)).toMatchObject({ dataFolder: t.dir, canOpenDataFolder: false });
  });

  it('refuses a browser on the office network even where the desktop app could open it, and opens nothing', async () => {
    const opened: string[] = [];
    const handlers = createHandlers(t.db, { version: 'test', dataFolder: createDataFolder(t.dir, async (path) => (opened.push(path), '')) });
    const origin = { session: { id: 1, staffId: 1 }, sessionNotice: null, userAgent: 'Firefox', address: '192.168.1.23' };
    await expect(handlers['app.openDataFolder']({}, { ...ctx, origin })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(opened).toEqual([]);
    expect(await handlers['app.openDataFolder']({}, { ...ctx, origin: { ...origin, userAgent: 'Hashdesk desktop', address: null } })).toEqual({
      opened: t.dir,
    });
  });

  it('is open to every signed-in user', () => {
    expect(procedurePermissions['app.openDataFolder']).toBe('signedIn');
  });
});
