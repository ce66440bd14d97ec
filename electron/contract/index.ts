import { alertCalls } from './alerts';
import { apiDocumentCalls, apiTokenCalls } from './api';
import { appCalls } from './app';
import { auditCalls } from './audit';
import { authCalls, type CallOrigin, roleCalls, userCalls } from './auth';
import { backupCalls } from './backups';
import { billingCalls } from './billing';
import { clientCalls } from './clients';
import { clientListCalls } from './clients.list';
import { clientRecordCalls } from './clients.records';
import { contractCalls } from './contracts';
import { dashboardCalls } from './dashboard';
import type { InputOf, ParsedInputOf, ResultOf } from './define';
import { deviceCalls } from './devices';
import { discoveryCalls } from './discovery';
import { invoiceCalls } from './invoices';
import { mailCalls } from './mail';
import { minerEditCalls } from './miners.edit';
import { minerImportCalls } from './miners.import';
import { minerRecordCalls } from './miners.records';
import { minerListCalls } from './miners.list';
import { modelCalls } from './models';
import { officeLanCalls } from './office-lan';
import { paymentCalls } from './payments';
import type { Permission } from './permissions';
import { clientViewerCalls, portalCalls } from './portal';
import { powerCalls } from './power';
import { reportCalls } from './reports';
import { settingsCalls } from './settings';
import { siteCalls } from './sites';
import { staffCalls } from './staff';
import { taskCalls } from './tasks';
import { telemetryCalls } from './telemetry';

/** Every procedure of the API: one spread per domain. */
export const contract = {
  ...appCalls,
  ...auditCalls,
  ...settingsCalls,
  ...staffCalls,
  ...clientCalls,
  ...clientListCalls,
  ...clientRecordCalls,
  ...modelCalls,
  ...minerListCalls,
  ...minerEditCalls,
  ...minerImportCalls,
  ...minerRecordCalls,
  ...siteCalls,
  ...discoveryCalls,
  ...taskCalls,
  ...telemetryCalls,
  ...alertCalls,
  ...deviceCalls,
  ...powerCalls,
  ...contractCalls,
  ...billingCalls,
  ...invoiceCalls,
  ...mailCalls,
  ...paymentCalls,
  ...reportCalls,
  ...backupCalls,
  ...dashboardCalls,
  ...authCalls,
  ...userCalls,
  ...roleCalls,
  ...apiTokenCalls,
  ...apiDocumentCalls,
  ...officeLanCalls,
  ...portalCalls,
  ...clientViewerCalls,
};
export type Contract = typeof contract;
export type CallName = keyof Contract;

export const isCallName = (name: string): name is CallName => Object.hasOwn(contract, name);

/** Where the log of unexpected failures goes; pino's logger fits it. */
export type Logger = { error(details: object, message: string): void; info(details: object, message: string): void };

/**
 * Who is calling, where failures are logged, and what the caller may do (dispatch checks it against `procedurePermissions`);
 * `origin`, set by the transports, names the signed-in session (absent in tests and background work).
 */
export type CallContext = { actor: string; log: Logger; permissions: ReadonlySet<Permission>; origin?: CallOrigin };

export type Input<K extends CallName> = InputOf<Contract[K]>;
export type Result<K extends CallName> = ResultOf<Contract[K]>;

export type Handlers = { [K in CallName]: (input: ParsedInputOf<Contract[K]>, ctx: CallContext) => Promise<Result<K>> };
