import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { rotatingLogFile } from './log-file';
import packageJson from '../package.json';
import type { Db } from '../db/open-db';
import type { Handlers, Logger } from './contract';
import { createAlerts } from './services/alerts/alerts.service';
import { type AuthService, createAuth } from './services/auth/auth.service';
import { createBackups } from './services/backups/backups.service';
import { openDataDb } from './services/backups/backups.startup';
import { createContractTimer } from './services/contracts/contracts.timer';
import { identifyOpenHosts } from './services/discovery/scan/identify-host';
import { createScanner } from './services/discovery/scan/scan.service';
import { createDeviceActions } from './services/devices/devices.service';
import { createHandlers } from './services/handlers';
import { createDataFolder, type FolderOpener } from './services/demo/data-folder';
import { createMailSender } from './services/mail/mail.sender';
import { loadSecretBox, type KeyProtector, type SecretBox } from './services/secrets/secret-box';
import { createTelemetry } from './services/telemetry/telemetry.service';
import { outletPowerLookup } from './services/power/power.outlets';
import { createPowerPoller, POWER_INTERVAL_S } from './services/power/power.poller';
import { builtInPowerProfiles } from './services/power/profiles';
import { readPowerDevice } from './services/power/read-device';
import { sharedOutboundLog } from './services/net/outbound-log';

export type Runtime = {
  db: Db;
  handlers: Handlers;
  /** Accounts and sessions: the transports resolve each call's session with it. */
  auth: AuthService;
  log: Logger & { flush(): void };
  dataDir: string;
  secrets: SecretBox;
  close(): void;
};

/**
 * Creates the folder, or narrows an existing one, to its owner (0700), whatever the umask or the mode it
 * had. A shared folder (sticky like /tmp, or another user's) is left alone, and true is returned.
 */
function ownerOnlyFolder(dir: string): boolean {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return false;
  const { mode, uid } = statSync(dir);
  if ((mode & 0o1000) !== 0 || uid !== process.getuid?.()) return true;
  if ((mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
  return false;
}

/** Secrets never reach the log, whatever object they ride in. */
const redactedPaths = ['password', '*.password', '*.*.password', 'token', '*.token', 'authorization', '*.authorization'];

/**
 * Opens the data folder (database and logs) and builds the services: shared by the desktop app and `npm run serve`.
 * `poll` (default true) lets the telemetry poller run on its timer; `serve` turns it on only with `--poll`.
 * `keyProtector` guards the secrets key with the OS keychain (the desktop app); without it the key file is owner-only.
 */
export function startRuntime(
  dataDir: string,
  options: {
    nativeBinding?: string;
    poll?: boolean;
    keyProtector?: KeyProtector;
    /** The desktop app's folder dialog and relaunch, for Settings › Backups. */
    chooseFolder?: () => Promise<string | null>;
    restart?: () => void;
    /** The desktop app's way to show the data folder in the OS file manager (shell.openPath), for Settings › About. */
    openFolder?: FolderOpener;
  } = {},
): Runtime {
  // First, so that every socket the services open is on the list.
  const outbound = sharedOutboundLog();
  const sharedFolder = ownerOnlyFolder(dataDir);
  ownerOnlyFolder(join(dataDir, 'logs'));
  const logFile = rotatingLogFile(join(dataDir, 'logs', 'hashdesk.log'));
  const log = pino({ level: process.env.HASHDESK_LOG_LEVEL ?? 'info', redact: { paths: redactedPaths, censor: '[redacted]' } }, logFile);
  if (sharedFolder)
    log.info({ dataDir }, 'the data folder is shared (sticky, or owned by another user): its mode is left as it is; the files in it are owner-only');
  // Finishes a restore asked for before the restart, copies the database before an upgrade, checks its integrity.
  const { db, ...opened } = openDataDb(dataDir, { version: packageJson.version, nativeBinding: options.nativeBinding });
  const backups = createBackups(db, {
    version: packageJson.version,
    log,
    dataDir,
    schedule: true,
    ...opened,
    nativeBinding: options.nativeBinding,
    chooseFolder: options.chooseFolder,
    restart: options.restart,
  });
  const secrets = loadSecretBox(dataDir, options.keyProtector);
  const scanner = createScanner(db, { identify: identifyOpenHosts(), log });
  const power = createPowerPoller(db, { schedule: options.poll ?? true, reader: readPowerDevice, builtIns: builtInPowerProfiles, secrets, log });
  const telemetry = createTelemetry(db, { schedule: options.poll ?? true, log, outletPower: outletPowerLookup(db, POWER_INTERVAL_S) });
  const alerts = createAlerts(db, { schedule: true, log });
  const contractTimer = createContractTimer(db, { schedule: true, log });
  const deviceActions = createDeviceActions(db, { secrets, log });
  const mail = createMailSender(db, { schedule: true, secrets, log });
  const auth = createAuth(db);
  const handlers = createHandlers(db, {
    version: packageJson.version,
    scanner,
    telemetry,
    alerts,
    secrets,
    power,
    deviceActions,
    mail,
    backups,
    auth,
    outbound,
    log,
    dataFolder: createDataFolder(dataDir, options.openFolder),
  });
  // The WAL is copied back into the database every 15 s while nothing else runs (see openDb), not at the
  // commit of a large change; a failure is logged and the next tick (or SQLite's own threshold) retries.
  const checkpoints = setInterval(() => {
    try {
      db.$client.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      log.error({ err: error }, 'WAL checkpoint failed');
    }
  }, 15_000);
  checkpoints.unref();
  log.info({ dataDir, version: packageJson.version }, 'hashdesk started');
  return {
    db,
    handlers,
    auth,
    log,
    dataDir,
    secrets,
    close() {
      clearInterval(checkpoints);
      scanner.shutdown();
      telemetry.shutdown();
      power.shutdown();
      alerts.shutdown();
      contractTimer.shutdown();
      deviceActions.shutdown();
      mail.shutdown();
      backups.shutdown();
      db.$client.close();
      log.flush();
      logFile.end();
    },
  };
}
