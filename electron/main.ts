import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import { appSchemePrivileges, serveRendererOnAppScheme } from './app-protocol';
import { appCommandChannel } from './contract/app-commands';
import { menuTemplate } from './menu';
import { startOfficeLanServer } from './office-lan-start';
import { startRuntime, type Runtime } from './runtime';
import { askWhereToSave } from './save-dialog';
import type { RunningHttpServer } from './transports/http';
import { registerIpc } from './transports/ipc';
import { guardNavigation, guardPermissions } from './web-guards';
import { appOrigin, isAppUrl, mainWindowOptions } from './window-options';
import { readWindowState, rememberWindowState, windowPlacement } from './window-state';

// Wiring only: lifecycle, one window, the IPC transport. Features live in services/.
const here = dirname(fileURLToPath(import.meta.url));
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
let runtime: Runtime | null = null;
let mainWindow: BrowserWindow | null = null;
let officeLan: RunningHttpServer | null = null;

function electronNativeBinding(): string | undefined {
  const copy = join(app.getAppPath(), 'node_modules', '.hashdesk-electron', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(copy) ? copy : undefined; // packaged builds are rebuilt for Electron by electron-builder
}

/** Settings › Backups: the OS folder dialog, reached through the one invoke bridge like every other call. */
async function chooseFolder(): Promise<string | null> {
  const options = { title: 'Choose the backup folder', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

function createWindow(): void {
  const dataDir = app.getPath('userData');
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
  const placement = windowPlacement(readWindowState(dataDir), workAreas);
  const window = new BrowserWindow(mainWindowOptions(join(here, '..', 'preload', 'preload.cjs'), placement.bounds));
  mainWindow = window;
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  rememberWindowState(window, dataDir, (message) => runtime?.log.error({ dataDir }, message));
  window.once('ready-to-show', () => {
    if (placement.fullScreen) window.setFullScreen(true);
    else if (placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(`${appOrigin}/`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    // DevTools moves between its own devtools:// pages; every page of the app is kept on the app.
    // Electron's typings omit the 'devtools' type that getType() answers for DevTools' own contents.
    const type: string = contents.getType();
    if (type !== 'devtools') guardNavigation(contents);
  });
  void app.whenReady().then(() => {
    // The OS keychain guards the key that seals stored passwords, where the platform offers one.
    // On Linux without a keyring Electron falls back to "basic_text", a fixed key: Settings warns about it.
    const keyProtector = safeStorage.isEncryptionAvailable()
      ? {
          encrypt: (key: Buffer) => safeStorage.encryptString(key.toString('base64')),
          decrypt: (blob: Buffer) => Buffer.from(safeStorage.decryptString(blob), 'base64'),
          weak: process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text',
        }
      : undefined;
    guardPermissions(session.defaultSession);
    askWhereToSave(session.defaultSession, app.getPath('userData'), app.getPath('downloads'), (message) => runtime?.log.error({}, message));
    runtime = startRuntime(app.getPath('userData'), {
      nativeBinding: electronNativeBinding(),
      keyProtector,
      chooseFolder,
      openFolder: (path) => shell.openPath(path),
      // A restore is finished by the next start: relaunch, then quit (will-quit closes the database first).
      restart: () => {
        app.relaunch();
        app.quit();
      },
    });
    serveRendererOnAppScheme(protocol, join(here, '..', 'renderer'));
    registerIpc(ipcMain, runtime.handlers, runtime.log, isAppUrl, runtime.auth);
    void startOfficeLanServer(runtime, join(here, '..', 'renderer')).then((server) => (officeLan = server));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, (id) => mainWindow?.webContents.send(appCommandChannel, id))));
    createWindow();
    app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
  });
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  app.on('will-quit', () => {
    void officeLan?.close();
    runtime?.close();
  });
}
