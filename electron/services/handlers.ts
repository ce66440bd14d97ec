import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/open-db';
import type { Handlers } from '../contract';
import { acknowledgeAlerts, alertFeed, listAlerts } from './alerts/alerts.list';
import { listAlertRules } from './alerts/alerts.rules';
import { createAlerts, type AlertsService } from './alerts/alerts.service';
import { hasNoChanges, listAudit } from './audit/audit.service';
import { createClientContact, deleteClientContact, listClientContacts, updateClientContact } from './clients/clients.contacts';
import { deleteClientDocument, getClientDocument, listClientDocuments, uploadClientDocument } from './clients/clients.documents';
import { createClientGroup, listClientGroups } from './clients/clients.groups';
import { listClients } from './clients/clients.list';
import { mergeClients, previewMerge } from './clients/clients.merge';
import { listClientPricing, setClientPrice } from './clients/clients.pricing';
import { archiveClient, createClient, getClientDetail, updateClient } from './clients/clients.service';
import { listStatusHistory, setClientStatus } from './clients/clients.status';
import { seedDemo } from './demo/demo.service';
import { deleteCredential, getHoldingPool, listCredentials, setCredential, setHoldingPool } from './devices/devices.credentials';
import { listRuns, getRunStatus } from './devices/devices.runs';
import { createDeviceActions, type DeviceActions } from './devices/devices.service';
import { identifyOpenHosts } from './discovery/scan/identify-host';
import { commitScan } from './discovery/scan/scan.commit';
import { getSiteScanRanges, saveSiteScanRanges } from './discovery/scan/scan.ranges';
import { createScanner, type Scanner } from './discovery/scan/scan.service';
import { commitImport } from './miners/import/import.commit';
import { previewImport } from './miners/import/import.preview';
import { importTemplate } from './miners/import/import.template';
import { massEditMiners, undoMassEdit } from './miners/miners.edit';
import { exportMiners } from './miners/miners.export';
import { createMinerRecord, getMinerHistory, updateMinerRecord } from './miners/miners.records';
import { listIdentityReviews, resolveIdentityReview } from './miners/miners.records.reviews';
import { getMinerDetail, listMiners } from './miners/miners.list';
import { createModel, listModels, updateModel } from './models/models.service';
import { createRack, createRoom, deleteRack, deleteRoom, updateRack, updateRoom } from './sites/sites.layout';
import { createSite, getSiteDetail, listSites, updateSite } from './sites/sites.service';
import { getSettings, updateSettings } from './settings/settings.service';
import { createStaff, listStaff, updateStaff } from './staff/staff.service';
import { getTaskDetail, listTasks } from './tasks/tasks.list';
import { addTaskMiners, removeTaskMiners } from './tasks/tasks.miners';
import { addTaskComment, createTask, updateTask } from './tasks/tasks.service';
import { createSecretBox, type SecretBox } from './secrets/secret-box';
import { createPowerDevice, deletePowerDevice, draftDevice, getPowerDevice, listPowerDevices, updatePowerDevice } from './power/power.devices';
import { counterEvents, energySeries } from './power/power.energy';
import { assignOutlet, listOutlets, outletHistory, outletOfMiner, rackPowerView } from './power/power.outlets';
import { createPowerPoller, type PowerPoller } from './power/power.poller';
import { createPowerProfile, deletePowerProfile, listPowerProfiles, updatePowerProfile, type BuiltInProfiles } from './power/power.profiles.service';
import { builtInPowerProfiles } from './power/profiles';
import { readPowerDevice } from './power/read-device';
import { telemetrySeries } from './telemetry/telemetry.series';
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
};

/** Binds every contract entry to its service function; the compiler rejects a missing one. */
export function createHandlers(db: Db, deps: HandlerDeps): Handlers {
  const scanner =
    deps.scanner ?? createScanner(db, { identify: identifyOpenHosts(), log: deps.log ?? { error: (details, message) => console.error(message, details) } });
  const secrets = deps.secrets ?? createSecretBox(randomBytes(32));
  const log = deps.log ?? { error: (details: object, message: string) => console.error(message, details) };
  const powerDeps = { builtIns: deps.powerProfiles ?? builtInPowerProfiles, secrets };
  const power = deps.power ?? createPowerPoller(db, { ...powerDeps, schedule: false, reader: readPowerDevice, log });
  const devices = deps.deviceActions ?? createDeviceActions(db, { secrets, log });
  const telemetry =
    deps.telemetry ?? createTelemetry(db, { schedule: false, log: deps.log ?? { error: (details, message) => console.error(message, details) } });
  const alertsService = deps.alerts ?? createAlerts(db, { schedule: false, log: deps.log ?? { error: (details, message) => console.error(message, details) } });
  return {
    'app.info': async () => ({ version: deps.version, isEmpty: hasNoChanges(db) }),
    'demo.seed': async (_input, ctx) => seedDemo(db, ctx.actor),
    'audit.list': async (input) => listAudit(db, input),
    'settings.get': async () => getSettings(db),
    'settings.update': async (input, ctx) => updateSettings(db, input, ctx.actor),

    'staff.list': async (input) => listStaff(db, input),
    'staff.create': async (input, ctx) => createStaff(db, input, ctx.actor),
    'staff.update': async (input, ctx) => updateStaff(db, input, ctx.actor),

    'clients.create': async (input, ctx) => createClient(db, input, ctx.actor),
    'clients.update': async (input, ctx) => updateClient(db, input, ctx.actor),
    'clients.get': async (input) => getClientDetail(db, input.id),
    'clients.list': async (input) => listClients(db, input),
    'clients.setStatus': async (input, ctx) => getClientDetail(db, setClientStatus(db, input, ctx.actor).id),
    'clients.statusHistory': async (input) => listStatusHistory(db, input.clientId),
    'clients.merge.preview': async (input) => previewMerge(db, input.sourceId, input.survivorId),
    'clients.merge': async (input, ctx) => mergeClients(db, input.sourceId, input.survivorId, ctx.actor),
    'clients.archive': async (input, ctx) => archiveClient(db, input.id, ctx.actor),

    'clients.contacts.list': async (input) => listClientContacts(db, input.clientId),
    'clients.contacts.create': async (input, ctx) => createClientContact(db, input, ctx.actor),
    'clients.contacts.update': async (input, ctx) => updateClientContact(db, input, ctx.actor),
    'clients.contacts.delete': async (input, ctx) => deleteClientContact(db, input.id, ctx.actor),
    'clients.documents.list': async (input) => listClientDocuments(db, input.clientId),
    'clients.documents.upload': async (input, ctx) => uploadClientDocument(db, input, ctx.actor),
    'clients.documents.get': async (input) => getClientDocument(db, input.id),
    'clients.documents.delete': async (input, ctx) => deleteClientDocument(db, input.id, ctx.actor),
    'clients.pricing.set': async (input, ctx) => setClientPrice(db, input, ctx.actor),
    'clients.pricing.list': async (input) => listClientPricing(db, input.clientId),
    'clients.groups.list': async () => listClientGroups(db),
    'clients.groups.create': async (input, ctx) => createClientGroup(db, input, ctx.actor),

    'models.list': async (input) => listModels(db, input),
    'models.create': async (input, ctx) => createModel(db, input, ctx.actor),
    'models.update': async (input, ctx) => updateModel(db, input, ctx.actor),

    'miners.list': async (input) => listMiners(db, input),
    'miners.get': async (input) => getMinerDetail(db, input.id),
    'miners.massEdit': async (input, ctx) => massEditMiners(db, input, ctx.actor, new Date()),
    'miners.massEdit.undo': async (input, ctx) => undoMassEdit(db, input.undoToken, ctx.actor, new Date()),
    'miners.import.template': async (input) => importTemplate(db, input.format),
    'miners.import.preview': async (input, ctx) => previewImport(db, input, ctx.actor),
    'miners.import.commit': async (input, ctx) => commitImport(db, input, ctx.actor),
    'miners.export': async (input) => exportMiners(db, input),
    'miners.create': async (input, ctx) => createMinerRecord(db, input, ctx.actor),
    'miners.update': async (input, ctx) => updateMinerRecord(db, input, ctx.actor),
    'miners.history': async (input) => getMinerHistory(db, input.id),
    'miners.identity.reviews.list': async (input) => listIdentityReviews(db, input),
    'miners.identity.reviews.resolve': async (input, ctx) => resolveIdentityReview(db, input, ctx.actor),

    'sites.list': async (input) => listSites(db, input),
    'sites.get': async (input) => getSiteDetail(db, input.id),
    'sites.create': async (input, ctx) => createSite(db, input, ctx.actor),
    'sites.update': async (input, ctx) => updateSite(db, input, ctx.actor),
    'sites.rooms.create': async (input, ctx) => createRoom(db, input, ctx.actor),
    'sites.rooms.update': async (input, ctx) => updateRoom(db, input, ctx.actor),
    'sites.rooms.delete': async (input, ctx) => deleteRoom(db, input.id, ctx.actor),
    'sites.racks.create': async (input, ctx) => createRack(db, input, ctx.actor),
    'sites.racks.update': async (input, ctx) => updateRack(db, input, ctx.actor),
    'sites.racks.delete': async (input, ctx) => deleteRack(db, input.id, ctx.actor),

    'discovery.scan': async (input, ctx) => scanner.start(input, ctx.actor),
    'discovery.status': async (input) => scanner.status(input.scanId),
    'discovery.cancel': async (input) => scanner.cancel(input.scanId),
    'discovery.scans': async (input) => scanner.list(input.limit),
    'discovery.results': async (input) => scanner.results(input),
    'discovery.commit': async (input, ctx) => commitScan(db, scanner, input, ctx.actor),
    'discovery.ranges.get': async (input) => getSiteScanRanges(db, input.siteId),
    'discovery.ranges.save': async (input, ctx) => saveSiteScanRanges(db, input, ctx.actor),

    'tasks.list': async (input) => listTasks(db, input, new Date()),
    'tasks.get': async (input) => getTaskDetail(db, input.id, new Date()),
    'tasks.create': async (input, ctx) => getTaskDetail(db, createTask(db, input, ctx.actor).id, new Date()),
    'tasks.update': async (input, ctx) => getTaskDetail(db, updateTask(db, input, ctx.actor).id, new Date()),
    'tasks.miners.add': async (input, ctx) => addTaskMiners(db, input, ctx.actor),
    'tasks.miners.remove': async (input, ctx) => removeTaskMiners(db, input, ctx.actor),
    'tasks.comments.add': async (input, ctx) => addTaskComment(db, input, ctx.actor),

    'telemetry.settings.get': async () => telemetry.settings(),
    'telemetry.settings.update': async (input, ctx) => telemetry.updateSettings(input, ctx.actor),
    'telemetry.status': async () => telemetry.status(),
    'telemetry.pollNow': async () => telemetry.pollNow(),
    'telemetry.series': async (input) => telemetrySeries(db, input),

    'alerts.list': async (input) => listAlerts(db, input),
    'alerts.acknowledge': async (input, ctx) => acknowledgeAlerts(db, input, ctx.actor, alertsService.now()),
    'alerts.rules.get': async () => listAlertRules(db),
    'alerts.rules.update': async (input, ctx) => alertsService.updateRules(input, ctx.actor),
    'alerts.feed': async (input) => alertFeed(db, input.afterId, alertsService.now()),
    'alerts.evaluate': async () => alertsService.evaluate(),

    'devices.credentials.list': async () => listCredentials(db),
    'devices.credentials.set': async (input, ctx) => setCredential(db, input, secrets, ctx.actor),
    'devices.credentials.delete': async (input, ctx) => deleteCredential(db, input.id, ctx.actor),
    'devices.holdingPool.get': async () => getHoldingPool(db),
    'devices.holdingPool.set': async (input, ctx) => setHoldingPool(db, input, secrets, ctx.actor),
    'devices.actions.preview': async (input) => devices.preview(input.target, input.kind),
    'devices.actions.start': async (input, ctx) => devices.start(input, ctx.actor),
    'devices.actions.status': async (input) => getRunStatus(db, input),
    'devices.actions.list': async (input) => listRuns(db, input),
    'devices.redirects.count': async (input) => ({ redirected: devices.redirectedCount(input.target) }),

    'power.profiles.list': async (input) => listPowerProfiles(db, powerDeps.builtIns, input.kind),
    'power.profiles.create': async (input, ctx) => createPowerProfile(db, input, powerDeps.builtIns, ctx.actor),
    'power.profiles.update': async (input, ctx) => updatePowerProfile(db, input, powerDeps.builtIns, ctx.actor),
    'power.profiles.delete': async (input, ctx) => deletePowerProfile(db, input.id, ctx.actor),
    'power.devices.list': async (input) => listPowerDevices(db, powerDeps, input),
    'power.devices.get': async (input) => getPowerDevice(db, powerDeps, input.id),
    'power.devices.create': async (input, ctx) => createPowerDevice(db, powerDeps, input, ctx.actor),
    'power.devices.update': async (input, ctx) => updatePowerDevice(db, powerDeps, input, ctx.actor),
    'power.devices.delete': async (input, ctx) => deletePowerDevice(db, input.id, ctx.actor),
    'power.devices.test': async (input) => power.test(input.device ? draftDevice(db, powerDeps, input.device, input.id) : input.id!),
    'power.devices.poll': async (input) => {
      await power.pollNow(input.id);
      return input.id === undefined ? listPowerDevices(db, powerDeps, {}) : [getPowerDevice(db, powerDeps, input.id)];
    },
    'power.outlets.list': async (input) => listOutlets(db, input),
    'power.outlets.assign': async (input, ctx) => assignOutlet(db, input, ctx.actor),
    'power.outlets.history': async (input) => outletHistory(db, input),
    'power.outlets.ofMiner': async (input) => outletOfMiner(db, input.minerId),
    'power.racks.view': async (input) => rackPowerView(db, input.rackId),
    'power.counters.events': async (input) => counterEvents(db, input),
    'power.energy.series': async (input) => energySeries(db, input),
  };
}
