import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { Db } from '../../db/open-db';
import type { Handlers } from '../contract';
import { alertHandlers } from './alerts/alerts.handlers';
import { createAlerts, type AlertsService } from './alerts/alerts.service';
import { auditHandlers } from './audit/audit.handlers';
import { apiTokenHandlers } from './auth/api-tokens.handlers';
import { authHandlers } from './auth/auth.handlers';
import { type AuthService, createAuth } from './auth/auth.service';
import { type OutboundRecorder, sharedOutboundLog } from './net/outbound-log';
import { backupHandlers } from './backups/backups.handlers';
import { createBackups, type BackupsService } from './backups/backups.service';
import { billingHandlers } from './billing/billing.handlers';
import { withClientScope } from './client-scope/client-scope.wrap';
import { clientHandlers } from './clients/clients.handlers';
import { contractHandlers } from './contracts/contracts.handlers';
import { dashboardHandlers } from './dashboard/dashboard.handlers';
import { createDataFolder, type DataFolder } from './demo/data-folder';
import { appHandlers } from './demo/demo.handlers';
import { deviceHandlers } from './devices/devices.handlers';
import { createDeviceActions, type DeviceActions } from './devices/devices.service';
import { discoveryHandlers } from './discovery/discovery.handlers';
import { identifyOpenHosts } from './discovery/scan/identify-host';
import { invoiceHandlers } from './invoices/invoices.handlers';
import { mailHandlers } from './mail/mail.handlers';
import { apiDocumentHandlers } from './openapi/openapi.handlers';
import { createMailSender, type MailSender } from './mail/mail.sender';
import { createScanner, type Scanner } from './discovery/scan/scan.service';
import type { SharedServices } from './handler-kit';
import { minerHandlers } from './miners/miners.handlers';
import { modelHandlers } from './models/models.handlers';
import { officeLanHandlers } from './office-lan/office-lan.handlers';
import { portalHandlers } from './portal/portal.handlers';
import { paymentHandlers } from './payments/payments.handlers';
import { reportHandlers } from './reports/reports.handlers';
import { powerHandlers } from './power/power.handlers';
import { createPowerPoller, type PowerPoller } from './power/power.poller';
import type { BuiltInProfiles } from './power/power.profiles.service';
import { builtInPowerProfiles } from './power/profiles';
import { readPowerDevice } from './power/read-device';
import { createSecretBox, type SecretBox } from './secrets/secret-box';
import { settingsHandlers } from './settings/settings.handlers';
import { siteHandlers } from './sites/sites.handlers';
import { staffHandlers } from './staff/staff.handlers';
import { taskHandlers } from './tasks/tasks.handlers';
import { telemetryHandlers } from './telemetry/telemetry.handlers';
import { createTelemetry, type TelemetryService } from './telemetry/telemetry.service';

export type HandlerDeps = {
  version: string;
  /** The LAN scanner runs in the background; the runtime passes one with the app's log, tests their own. */
  scanner?: Scanner;
  /** The telemetry poller; the runtime passes one that polls on its timer, tests their own. Default: polls only when asked. */
  telemetry?: TelemetryService;
  /** The alert rules' evaluator; the runtime passes one on its one-minute timer. Default: evaluates only when asked. */
  alerts?: AlertsService;
  log?: { error(details: object, message: string): void };
  /** Seals stored passwords; the runtime passes the data folder's. Default: a key of this process only (tests). */
  secrets?: SecretBox;
  /** The power poller; the runtime passes one on its timer, tests their own (with a scripted reader). Default: polls only when asked. */
  power?: PowerPoller;
  /** The built-in power profiles by key; default the ones shipped. */
  powerProfiles?: BuiltInProfiles;
  /** Device actions run in the background; the runtime may pass one it shuts down, tests their own. */
  deviceActions?: DeviceActions;
  /** The outbox's sender; the runtime passes one on its timer, tests their own. Default: sends only when drained. */
  mail?: MailSender;
  /** Backups and restore; the runtime passes one on its daily timer with what the start found. Default: no timer. */
  backups?: BackupsService;
  /** Accounts and sessions; the runtime passes the one its transports check sessions with. Default: one on this database. */
  auth?: AuthService;
  /** Where this process has opened sockets to; the runtime passes the one it started first. Default: the process's own. */
  outbound?: OutboundRecorder;
  /** The data folder; the runtime passes its own with the desktop app's opener. Default: the database file's folder, no opener. */
  dataFolder?: DataFolder;
};

/** The long-lived services: the ones passed in deps, the rest built on demand-only defaults (no timers). */
function sharedServices(db: Db, deps: HandlerDeps): SharedServices {
  const log = deps.log ?? { error: (details: object, message: string) => console.error(message, details) };
  const secrets = deps.secrets ?? createSecretBox(randomBytes(32));
  const powerProfiles = deps.powerProfiles ?? builtInPowerProfiles;
  return {
    db,
    version: deps.version,
    log,
    secrets,
    powerProfiles,
    scanner: deps.scanner ?? createScanner(db, { identify: identifyOpenHosts(), log }),
    telemetry: deps.telemetry ?? createTelemetry(db, { schedule: false, log }),
    alerts: deps.alerts ?? createAlerts(db, { schedule: false, log }),
    power: deps.power ?? createPowerPoller(db, { builtIns: powerProfiles, secrets, schedule: false, reader: readPowerDevice, log }),
    deviceActions: deps.deviceActions ?? createDeviceActions(db, { secrets, log }),
    mail: deps.mail ?? createMailSender(db, { schedule: false, secrets, log }),
    backups: deps.backups ?? createBackups(db, { version: deps.version, log }),
    auth: deps.auth ?? createAuth(db),
    outbound: deps.outbound ?? sharedOutboundLog(),
    dataFolder: deps.dataFolder ?? createDataFolder(dirname(db.$client.name)),
  };
}

/**
 * The whole API: one map per domain, each next to its services. The return type is every procedure of
 * the contract, so a procedure that no domain binds fails to compile here.
 */
export function createHandlers(db: Db, deps: HandlerDeps): Handlers {
  const services = sharedServices(db, deps);
  return withClientScope(db, {
    ...appHandlers(services),
    ...auditHandlers(services),
    ...settingsHandlers(services),
    ...staffHandlers(services),
    ...clientHandlers(services),
    ...modelHandlers(services),
    ...minerHandlers(services),
    ...siteHandlers(services),
    ...discoveryHandlers(services),

    ...taskHandlers(services),
    ...telemetryHandlers(services),
    ...alertHandlers(services),
    ...deviceHandlers(services),
    ...powerHandlers(services),
    ...contractHandlers(services),
    ...billingHandlers(services),
    ...invoiceHandlers(services),
    ...mailHandlers(services),
    ...paymentHandlers(services),
    ...reportHandlers(services),
    ...backupHandlers(services),
    ...dashboardHandlers(services),
    ...authHandlers(services),
    ...apiTokenHandlers(services),
    ...apiDocumentHandlers(),
    ...officeLanHandlers(services),
    ...portalHandlers(services),
  });
}
