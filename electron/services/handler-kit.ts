import type { Db } from '../../db/open-db';
import type { CallName, Handlers } from '../contract';
import type { AlertsService } from './alerts/alerts.service';
import type { AuthService } from './auth/auth.service';
import type { BackupsService } from './backups/backups.service';
import type { DeviceActions } from './devices/devices.service';
import type { Scanner } from './discovery/scan/scan.service';
import type { MailSender } from './mail/mail.sender';
import type { PowerPoller } from './power/power.poller';
import type { BuiltInProfiles } from './power/power.profiles.service';
import type { SecretBox } from './secrets/secret-box';
import type { DataFolder } from './demo/data-folder';
import type { OutboundRecorder } from './net/outbound-log';
import type { TelemetryService } from './telemetry/telemetry.service';

/**
 * One domain's share of the API: exactly the procedures named by K. A domain map that forgets one of its
 * names, or adds one that is not in the contract, fails to compile; handlers.ts spreads every map into the
 * whole `Handlers`, so a procedure no domain binds fails to compile there.
 */
export type DomainHandlers<K extends CallName> = Pick<Handlers, K>;

/** The names a contract file declares, for a domain map's type: `DomainHandlers<NamesOf<typeof clientCalls>>`. */
export type NamesOf<Calls> = keyof Calls & CallName;

/** The long-lived services some procedures share; built once by createHandlers from its deps or defaults. */
export type SharedServices = {
  db: Db;
  version: string;
  log: { error(details: object, message: string): void };
  secrets: SecretBox;
  scanner: Scanner;
  telemetry: TelemetryService;
  alerts: AlertsService;
  power: PowerPoller;
  powerProfiles: BuiltInProfiles;
  deviceActions: DeviceActions;
  /** The outbox's sender: woken when mail is queued; its connection limits serve the Settings test. */
  mail: MailSender;
  backups: BackupsService;
  /** Accounts, sign-in and sessions; the transports resolve each call's session through the same one. */
  auth: AuthService;
  /** Where this process has opened sockets to (app.outbound). */
  outbound: OutboundRecorder;
  /** The data folder's path, and the desktop app's way to show it (app.info, app.openDataFolder). */
  dataFolder: DataFolder;
};
