import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, makeClient, makeManager, setOrganisation } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, isCallName } from '../../contract';
import { setClientStatus } from '../clients/clients.status';
import { createMiners } from '../miners/miners.service';
import { createSite } from '../sites/sites.service';
import { addTaskComment, createTask, updateTask } from '../tasks/tasks.service';
import { listAudit } from './audit.service';
import { recordAudit, type AuditRecord } from './record-audit';
import { sentences } from './audit.sentences';

let t: TempDb;
let world: { managerId: number; clientId: number; siteId: number; minerId: number; taskId: number };

beforeEach(() => {
  t = openTempDb();
  setOrganisation(t.db, 'USD', 'America/Chicago');
  const managerId = makeManager(t.db, 'Maria Lopez').id;
  const clientId = makeClient(t.db, { name: 'Arctic Hash', contactEmail: 'ops@arctichash.no', managerId }).id;
  const siteId = createSite(t.db, contract['sites.create'].input.parse({ name: 'Austin North' }), actor).id;
  const [miner] = createMiners(t.db, [{ assetId: 'NW-00012', make: 'Bitmain', model: 'Antminer S21', siteId, clientId }], actor);
  const task = createTask(t.db, { title: 'Replace failed PSU', type: 'swap' }, actor);
  world = { managerId, clientId, siteId, minerId: miner.id, taskId: task.id };
});
afterEach(() => t.close());

/** The newest audit row in words. */
const newest = () => listAudit(t.db, { limit: 1, offset: 0 }).rows[0];

function described(record: Omit<AuditRecord, 'actor'>) {
  recordAudit(t.db, { actor, ...record });
  const row = newest();
  return { summary: row.summary, changes: row.changes };
}

/** Codes a reader must never see: the action, snake_case words, "… Id" (quoted user text and addresses aside). */
function expectNoCodes(text: string, action: string) {
  const words = text.replace(/“[^”]*”|"[^"]*"/g, '').replace(/\S+:\/\/\S+/g, '');
  expect(words.toLowerCase()).not.toContain(action);
  expect(words).not.toMatch(/(^|[\s(:])[a-z]+_[a-z_]+/);
  expect(words).not.toMatch(/\b[a-z]+Id\b|\bId\b/);
}

describe('the change log in words, written by the services', () => {
  it('says who a task was assigned to, and a client’s new status with its reason, by name', () => {
    updateTask(t.db, contract['tasks.update'].input.parse({ id: world.taskId, assigneeId: world.managerId }), actor);
    expect(newest().summary).toBe(`Task #${world.taskId} “Replace failed PSU” assigned to Maria Lopez`);
    expect(newest().changes).toEqual(['Assignee: — → Maria Lopez']);
    updateTask(t.db, contract['tasks.update'].input.parse({ id: world.taskId, status: 'done' }), actor);
    expect(newest().changes[0]).toBe('Status: Open → Done');
    setClientStatus(t.db, { id: world.clientId, status: 'in_default', reason: 'Bank transfer returned' }, actor);
    expect(newest()).toMatchObject({
      summary: 'Status of client Arctic Hash set to In Default: Bank transfer returned',
      changes: ['Status: Active → In Default', 'Reason: Bank transfer returned'],
    });
    addTaskComment(t.db, { taskId: world.taskId, body: 'Checked on site.' }, actor);
    expect(newest()).toMatchObject({
      summary: `Comment on task #${world.taskId} “Replace failed PSU”: “Checked on site.”`,
      changes: [],
    });
  });

  it('names a new record and lists its filled fields in words, times in the organisation’s zone', () => {
    const { summary, changes } = described({
      action: 'task.created',
      entity: 'task',
      entityId: world.taskId,
      after: {
        id: 1,
        title: 'Replace failed PSU',
        type: 'swap',
        status: 'open',
        priority: 'urgent',
        assigneeId: world.managerId,
        closedAt: '2026-12-04T03:40:00.000Z',
      },
    });
    expect(summary).toBe(`Task #${world.taskId} “Replace failed PSU” created`);
    expect(changes).toEqual(['Type: Swap', 'Status: Open', 'Priority: Urgent', 'Assignee: Maria Lopez', 'Closed at: 3 Dec 2026, 21:40']);
  });
  it('says settings changed and lists each field, codes and ids in words', () => {
    const { summary, changes } = described({
      action: 'settings.updated',
      entity: 'settings',
      entityId: 1,
      before: { currency: 'USD', taxId: '', energyRatePerKwh: '0.0685' },
      after: { currency: 'NOK', taxId: 'NO 1', energyRatePerKwh: '0.0412' },
    });
    expect(summary).toBe('The organisation settings changed');
    expect(changes).toEqual(['Currency: USD → NOK', 'Tax ID: — → NO 1', 'Default energy rate: 0.0685 → 0.0412']);
  });
});

describe('a sentence for every action the services write', () => {
  const m = () => world.minerId;
  const cases: [string, () => Omit<AuditRecord, 'actor' | 'action'>, string][] = [
    [
      'client.created',
      () => ({ entity: 'client', entityId: world.clientId, after: { name: 'Arctic Hash', managerId: world.managerId } }),
      'Client Arctic Hash added',
    ],
    [
      'client.updated',
      () => ({ entity: 'client', entityId: world.clientId, before: { phone: '' }, after: { phone: '+47 1' } }),
      'Phone of client Arctic Hash set to +47 1',
    ],
    [
      'client.status_changed',
      () => ({ entity: 'client', entityId: world.clientId, before: { status: 'active' }, after: { status: 'suspended', reason: 'Asked to pause' } }),
      'Status of client Arctic Hash set to Suspended: Asked to pause',
    ],
    [
      'client.archived',
      () => ({ entity: 'client', entityId: world.clientId, before: { archivedAt: null }, after: { archivedAt: '2026-12-04T03:40:00.000Z' } }),
      'Client Arctic Hash archived',
    ],
    [
      'client.merged_away',
      () => ({ entity: 'client', entityId: world.clientId, after: { mergedIntoId: world.clientId } }),
      'Client Arctic Hash merged into Arctic Hash',
    ],
    [
      'client.merge_received',
      () => ({ entity: 'client', entityId: world.clientId, after: { fromClient: { id: 99, name: 'Old Hash' }, moved: { miners: 3 } } }),
      'Client Old Hash merged into client Arctic Hash',
    ],
    [
      'client.contact_added',
      () => ({ entity: 'client_contact', entityId: 5, clientId: world.clientId, after: { name: 'Jane Doe', role: 'billing' } }),
      'Contact Jane Doe of Arctic Hash added',
    ],
    [
      'client.contact_updated',
      () => ({
        entity: 'client_contact',
        entityId: 5,
        clientId: world.clientId,
        before: { name: 'Jane Doe', phone: '' },
        after: { name: 'Jane Doe', phone: '+1 2' },
      }),
      'Phone of contact Jane Doe of Arctic Hash set to +1 2',
    ],
    [
      'client.contact_removed',
      () => ({ entity: 'client_contact', entityId: 5, clientId: world.clientId, before: { name: 'Jane Doe' } }),
      'Contact Jane Doe of Arctic Hash removed',
    ],
    [
      'client.document_added',
      () => ({ entity: 'client_document', entityId: 2, clientId: world.clientId, after: { fileName: 'msa.pdf', sizeBytes: 2048 } }),
      'Document “msa.pdf” of Arctic Hash added',
    ],
    [
      'client.document_removed',
      () => ({ entity: 'client_document', entityId: 2, clientId: world.clientId, before: { fileName: 'msa.pdf' } }),
      'Document “msa.pdf” of Arctic Hash removed',
    ],
    [
      'client.pricing_set',
      () => ({
        entity: 'client_pricing',
        entityId: 3,
        clientId: world.clientId,
        after: { validFrom: '2026-07-01', energyRateMicroPerKwh: 76_000, hostingFeeMinorPerMinerMonth: 1_500, currency: 'NOK' },
      }),
      'Prices of Arctic Hash set from 1 Jul 2026',
    ],
    ['client_group.created', () => ({ entity: 'client_group', entityId: 1, after: { name: 'Institutional' } }), 'Client group Institutional created'],
    ['miner.created', () => ({ entity: 'miner', entityId: m(), after: { assetId: 'NW-00012' } }), 'Miner NW-00012 added'],
    [
      'miner.updated',
      () => ({ entity: 'miner', entityId: m(), before: { siteId: null }, after: { siteId: world.siteId, why: 'import' } }),
      'Site of miner NW-00012 set to Austin North by an import',
    ],
    [
      'miner.client_changed',
      () => ({ entity: 'miner', entityId: m(), before: { clientId: null }, after: { clientId: world.clientId, why: 'mass edit' } }),
      'Miner NW-00012 assigned to client Arctic Hash',
    ],
    [
      'miner.mass_edited',
      () => ({ entity: 'miner', entityId: m(), before: { paid: true }, after: { paid: false } }),
      'Miner NW-00012 marked unpaid (mass edit)',
    ],
    [
      'miner.mass_edit_undone',
      () => ({ entity: 'miner', entityId: m(), before: { paid: false }, after: { paid: true } }),
      'Mass edit of miner NW-00012 undone',
    ],
    [
      'miner.not_found_by_scan',
      () => ({ entity: 'miner', entityId: m(), before: { liveStatus: 'online' }, after: { liveStatus: 'offline', scanId: 4 } }),
      'Miner NW-00012 not found by scan #4: marked offline',
    ],
    [
      'miner.family.identified',
      () => ({ entity: 'miner', entityId: m(), before: { family: null }, after: { family: 'antminer' } }),
      'Miner NW-00012 identified as Antminer',
    ],
    [
      'miner.pools_set',
      () => ({ entity: 'miner', entityId: m(), after: { pools: [{ url: 'stratum+tcp://pool.example.com:3333', user: 'w1' }] } }),
      'Pools of miner NW-00012 set to stratum+tcp://pool.example.com:3333',
    ],
    [
      'miner.pool_redirected',
      () => ({ entity: 'miner', entityId: m(), before: { pools: [] }, after: { pools: [{ url: 'stratum+tcp://hold.example.com:3333', user: 'h' }] } }),
      'Miner NW-00012 redirected to the holding pool',
    ],
    [
      'miner.pool_restored',
      () => ({ entity: 'miner', entityId: m(), before: { onHoldingPool: true }, after: { onHoldingPool: false } }),
      'Miner NW-00012 back on its own pools',
    ],
    [
      'miner_login.created',
      () => ({ entity: 'miner_login', entityId: 1, after: { siteId: world.siteId, family: 'whatsminer', username: 'admin', passwordChanged: true } }),
      'The Whatsminer login at Austin North added',
    ],
    [
      'miner_login.updated',
      () => ({
        entity: 'miner_login',
        entityId: 1,
        before: { siteId: null, family: 'antminer', username: 'root' },
        after: { siteId: null, family: 'antminer', username: 'root', passwordChanged: true },
      }),
      'The Antminer login changed',
    ],
    [
      'miner_login.deleted',
      () => ({ entity: 'miner_login', entityId: 1, before: { siteId: null, family: 'antminer', username: 'root' } }),
      'The Antminer login removed',
    ],
    [
      'holding_pool.set',
      () => ({ entity: 'holding_pool', entityId: 1, after: { url: 'stratum+tcp://hold.example.com:3333', worker: 'h', passwordChanged: true } }),
      'Holding pool set to stratum+tcp://hold.example.com:3333',
    ],
    [
      'model.created',
      () => ({ entity: 'miner_model', entityId: 1, after: { make: 'Bitmain', model: 'Antminer S19', nominalHashrateGhs: 95_000, nominalPowerW: 3_250 } }),
      'Model Bitmain Antminer S19 added',
    ],
    [
      'model.updated',
      () => ({ entity: 'miner_model', entityId: 1, before: { nominalPowerW: 3_250 }, after: { nominalPowerW: 3_010 } }),
      'Nominal power of model Bitmain Antminer S19 set to 3,010 W',
    ],
    ['staff.created', () => ({ entity: 'staff', entityId: world.managerId, after: { name: 'Maria Lopez', active: true } }), 'Staff member Maria Lopez added'],
    [
      'staff.updated',
      () => ({ entity: 'staff', entityId: world.managerId, before: { active: true }, after: { active: false } }),
      'Staff member Maria Lopez made inactive',
    ],
    [
      'staff.administrator_created',
      () => ({ entity: 'staff', entityId: world.managerId, after: { name: 'Maria Lopez', login: 'maria', role: 'Administrator', loginEnabled: true } }),
      'Staff member Maria Lopez created as the administrator, with the login “maria”',
    ],
    [
      'staff.login_set',
      () => ({
        entity: 'staff',
        entityId: world.managerId,
        before: { login: null, role: null, loginEnabled: true, mustChangePassword: false },
        after: { login: 'maria', role: 'Billing', loginEnabled: true, mustChangePassword: true, passwordSet: true },
      }),
      'Staff member Maria Lopez given the login “maria” as Billing, with a new password',
    ],
    [
      'staff.viewer_created',
      () => ({ entity: 'staff', entityId: world.managerId, after: { name: 'Maria Lopez', clientId: world.clientId, login: 'maria', passwordSet: true } }),
      'Staff member Maria Lopez added as a viewer of client Arctic Hash, with the login “maria”',
    ],
    [
      'staff.role_changed',
      () => ({ entity: 'staff', entityId: world.managerId, before: { login: 'maria', role: 'Billing' }, after: { login: 'maria', role: 'Technician' } }),
      'Role of staff member Maria Lopez set to Technician',
    ],
    [
      'staff.password_reset',
      () => ({ entity: 'staff', entityId: world.managerId, before: { mustChangePassword: false }, after: { mustChangePassword: true } }),
      'Password of staff member Maria Lopez reset: a one-time password, to be changed at the next sign-in',
    ],
    [
      'staff.password_changed',
      () => ({ entity: 'staff', entityId: world.managerId, after: { byThemselves: true } }),
      'Staff member Maria Lopez changed their password',
    ],
    [
      'staff.login_disabled',
      () => ({ entity: 'staff', entityId: world.managerId, after: { loginEnabled: false } }),
      'Login of staff member Maria Lopez disabled',
    ],
    ['staff.login_enabled', () => ({ entity: 'staff', entityId: world.managerId, after: { loginEnabled: true } }), 'Login of staff member Maria Lopez enabled'],
    [
      'staff.signed_in',
      () => ({ entity: 'staff', entityId: world.managerId, after: { userAgent: 'Firefox', address: '127.0.0.1', sessionId: 4 } }),
      'Staff member Maria Lopez signed in from 127.0.0.1',
    ],
    ['staff.signed_out', () => ({ entity: 'staff', entityId: world.managerId, after: { sessionId: 4 } }), 'Staff member Maria Lopez signed out'],
    [
      'staff.locked_out',
      () => ({ entity: 'staff', entityId: world.managerId, after: { failedSignIns: 5, lockedUntil: '2026-12-04T14:05:30.000Z' } }),
      'Sign-ins of staff member Maria Lopez paused until 4 Dec 2026, 08:05 after 5 wrong passwords',
    ],
    [
      'address.sign_ins_paused',
      () => ({ entity: 'address', entityId: '192.168.1.23', after: { failures: 20, pausedUntil: '2026-12-04T14:20:00.000Z' } }),
      'Sign-ins from address 192.168.1.23 paused until 4 Dec 2026, 08:20 after 20 failed sign-ins',
    ],
    [
      'address.api_tokens_paused',
      () => ({ entity: 'address', entityId: 'this computer', after: { failures: 20, pausedUntil: '2026-12-04T14:20:00.000Z' } }),
      'API tokens from this computer refused until 4 Dec 2026, 08:20 after 20 unknown tokens',
    ],
    [
      'api_token.created',
      () => ({
        entity: 'api_token',
        entityId: 5,
        after: { name: 'Nightly export', owner: 'Maria Lopez', prefix: 'hdk_Ab3dE9xq', expiresAt: '2027-03-04T14:05:30.000Z', revokedAt: null },
      }),
      'API token “Nightly export” of Maria Lopez created, valid until 4 Mar 2027, 08:05',
    ],
    [
      'api_token.revoked',
      () => ({
        entity: 'api_token',
        entityId: 5,
        before: { name: 'Nightly export', owner: 'Maria Lopez', prefix: 'hdk_Ab3dE9xq', expiresAt: null, revokedAt: null },
        after: { name: 'Nightly export', owner: 'Maria Lopez', prefix: 'hdk_Ab3dE9xq', expiresAt: null, revokedAt: '2026-12-04T14:05:30.000Z' },
      }),
      'API token “Nightly export” of Maria Lopez revoked',
    ],
    ['role.created', () => ({ entity: 'role', entityId: 3, after: { name: 'Night shift', permissions: ['fleet.view'] } }), 'Role “Night shift” added'],
    [
      'role.updated',
      () => ({
        entity: 'role',
        entityId: 3,
        before: { name: 'Night shift', permissions: ['fleet.view'] },
        after: { name: 'Night shift', permissions: ['fleet.view', 'tasks.edit'] },
      }),
      'Permissions of role “Night shift” set to View miners, Edit tasks',
    ],
    ['role.deleted', () => ({ entity: 'role', entityId: 3, before: { name: 'Night shift', permissions: ['fleet.view'] } }), 'Role “Night shift” removed'],
    ['site.created', () => ({ entity: 'site', entityId: world.siteId, after: { name: 'Austin North', timeZone: null } }), 'Site Austin North added'],
    [
      'site.updated',
      () => ({ entity: 'site', entityId: world.siteId, before: { timeZone: null }, after: { timeZone: 'America/Denver' } }),
      'Time zone of site Austin North set to America/Denver',
    ],
    [
      'site.room_added',
      () => ({ entity: 'site_room', entityId: 70, after: { name: 'Hall A', kind: 'container', siteId: world.siteId } }),
      'Container Hall A added',
    ],
    [
      'site.room_updated',
      () => ({ entity: 'site_room', entityId: 70, before: { name: 'Hall A', kind: 'room' }, after: { name: 'Hall B', kind: 'room' } }),
      'Name of room Hall B set to Hall B',
    ],
    ['site.room_deleted', () => ({ entity: 'site_room', entityId: 70, before: { name: 'Hall A', kind: 'room', racks: [] } }), 'Room Hall A removed'],
    ['site.rack_added', () => ({ entity: 'rack', entityId: 80, after: { name: 'R1', positions: 40 } }), 'Rack R1 added'],
    [
      'site.rack_updated',
      () => ({ entity: 'rack', entityId: 80, before: { name: 'R1', positions: 40 }, after: { name: 'R1', positions: 42 } }),
      'Positions of rack R1 set to 42',
    ],
    ['site.rack_deleted', () => ({ entity: 'rack', entityId: 80, before: { name: 'R1', positions: 40 } }), 'Rack R1 removed'],
    [
      'site.scan_ranges_changed',
      () => ({ entity: 'site', entityId: world.siteId, before: { ranges: [] }, after: { ranges: ['10.0.1.0/24'] } }),
      'Scan ranges of site Austin North set to 10.0.1.0/24',
    ],
    [
      'settings.updated',
      () => ({ entity: 'settings', entityId: 1, before: { timeZone: 'UTC' }, after: { timeZone: 'America/Chicago' } }),
      'Time zone of the organisation settings set to America/Chicago',
    ],
    [
      'settings.exported',
      () => ({ entity: 'settings', entityId: 1, after: { fileName: 'hashdesk-settings-2026-12-04.json' } }),
      'The settings were exported to “hashdesk-settings-2026-12-04.json”',
    ],
    [
      'settings.imported',
      () => ({ entity: 'settings', entityId: 1, after: { exportedAt: '2026-12-04T09:30:00Z', appVersion: '0.1.0', sections: ['organisation'] } }),
      'The settings were imported from a file of Hashdesk 0.1.0',
    ],
    [
      'backup.settings_changed',
      () => ({ entity: 'backup_settings', entityId: 1, before: { keepDaily: 14 }, after: { keepDaily: 30 } }),
      'Keep daily of the backup settings set to 30',
    ],
    [
      'office_lan.settings_changed',
      () => ({ entity: 'office_lan_settings', entityId: 1, before: { enabled: false, port: 8443 }, after: { enabled: true, port: 8443 } }),
      'The office network settings turned on',
    ],
    [
      'backup.created',
      () => ({ entity: 'backup', entityId: 'hashdesk-2026-12-04-0930-v0.1.0.sqlite', after: { sizeBytes: 4096 } }),
      'Backup “hashdesk-2026-12-04-0930-v0.1.0.sqlite” made',
    ],
    [
      'backup.restore_requested',
      () => ({
        entity: 'backup',
        entityId: 'hashdesk-2026-12-04-0930-v0.1.0.sqlite',
        after: { safetyCopy: '/media/b/hashdesk-2026-12-05-0800-v0.1.0-before-restore.sqlite' },
      }),
      'Restore of backup “hashdesk-2026-12-04-0930-v0.1.0.sqlite” asked for: it finishes when Hashdesk restarts',
    ],
    [
      'backup.restore_cancelled',
      () => ({ entity: 'backup', entityId: 'hashdesk-2026-12-04-0930-v0.1.0.sqlite', before: { name: 'hashdesk-2026-12-04-0930-v0.1.0.sqlite' } }),
      'Restore of backup “hashdesk-2026-12-04-0930-v0.1.0.sqlite” cancelled',
    ],
    [
      'backup.restored',
      () => ({
        entity: 'backup',
        entityId: '/media/b/hashdesk-2026-12-04-0930-v0.1.0.sqlite',
        after: { from: '/media/b/hashdesk-2026-12-04-0930-v0.1.0.sqlite', safetyCopy: '/media/b/hashdesk-2026-12-05-0800-v0.1.0-before-restore.sqlite' },
      }),
      'Database restored from backup “hashdesk-2026-12-04-0930-v0.1.0.sqlite”; the database it replaced was kept as “hashdesk-2026-12-05-0800-v0.1.0-before-restore.sqlite”',
    ],
    [
      'telemetry.settings.updated',
      () => ({ entity: 'telemetry_settings', entityId: 1, before: { pollIntervalS: 60 }, after: { pollIntervalS: 120 } }),
      'Poll interval of the telemetry settings set to 120 s',
    ],
    ['task.created', () => ({ entity: 'task', entityId: world.taskId, after: { title: 'Replace failed PSU' } }), `Task #1 “Replace failed PSU” created`],
    [
      'task.updated',
      () => ({ entity: 'task', entityId: world.taskId, before: { status: 'open', priority: 'low' }, after: { status: 'done', priority: 'high' } }),
      'Task #1 “Replace failed PSU” edited',
    ],
    [
      'task.commented',
      () => ({ entity: 'task', entityId: world.taskId, after: { commentId: 1, comment: 'Done.' } }),
      'Comment on task #1 “Replace failed PSU”: “Done.”',
    ],
    [
      'task.miners_added',
      () => ({ entity: 'task', entityId: world.taskId, after: { miners: 'NW-00012, NW-00013' } }),
      '2 miners linked to task #1 “Replace failed PSU”',
    ],
    [
      'task.miners_removed',
      () => ({ entity: 'task', entityId: world.taskId, after: { miners: 'NW-00012' } }),
      '1 miner unlinked from task #1 “Replace failed PSU”',
    ],
    [
      'discovery.committed',
      () => ({ entity: 'scan', entityId: 4, after: { created: 3, updated: 2, unchanged: 5, sentToReview: 1, markedOffline: 0 } }),
      'Findings of scan #4 saved: 3 added, 2 updated, 1 sent to review, 0 marked offline',
    ],
    [
      'power.device.created',
      () => ({ entity: 'power_device', entityId: 9, after: { kind: 'pdu', name: 'pdu-a1', host: '127.0.0.1', siteId: world.siteId } }),
      'PDU pdu-a1 added',
    ],
    [
      'power.device.updated',
      () => ({
        entity: 'power_device',
        entityId: 9,
        before: { kind: 'meter', name: 'm-1', enabled: true },
        after: { kind: 'meter', name: 'm-1', enabled: false },
      }),
      'Meter m-1 turned off',
    ],
    ['power.device.deleted', () => ({ entity: 'power_device', entityId: 9, before: { kind: 'pdu', name: 'pdu-a1', outlets: 8 } }), 'PDU pdu-a1 removed'],
    [
      'power.profile.created',
      () => ({ entity: 'power_profile', entityId: 2, after: { kind: 'pdu', name: 'My PDU', definition: { oids: {} } } }),
      'Power profile My PDU created',
    ],
    [
      'power.profile.updated',
      () => ({ entity: 'power_profile', entityId: 2, before: { name: 'My PDU', definition: { a: 1 } }, after: { name: 'My PDU', definition: { a: 2 } } }),
      'Definition of power profile My PDU set to set',
    ],
    ['power.profile.deleted', () => ({ entity: 'power_profile', entityId: 2, before: { name: 'My PDU' } }), 'Power profile My PDU removed'],
    [
      'power.outlet.assigned',
      () => ({
        entity: 'power_outlet',
        entityId: 11,
        before: { outlet: 'outlet 3 of "pdu-a1"', miner: null },
        after: { outlet: 'outlet 3 of "pdu-a1"', miner: 'NW-00012' },
      }),
      'Outlet 3 of "pdu-a1" now feeds miner NW-00012',
    ],
    [
      'power.outlet.unassigned',
      () => ({
        entity: 'power_outlet',
        entityId: 11,
        before: { outlet: 'outlet 3 of "pdu-a1"', miner: 'NW-00012' },
        after: { outlet: 'outlet 3 of "pdu-a1"', miner: null },
      }),
      'Outlet 3 of "pdu-a1" no longer feeds miner NW-00012',
    ],
    [
      'power.readings.imported',
      () => ({
        entity: 'power_device',
        entityId: 9,
        after: { readings: 31, counters: ['outlet 1'], from: '2026-03-01T05:00:00.000Z', to: '2026-04-01T04:00:00.000Z' },
      }),
      '31 readings imported into PDU #9',
    ],
    [
      'alert.acknowledged',
      () => ({ entity: 'alert', entityId: 12, before: { acknowledgedBy: null, note: null }, after: { acknowledgedBy: 'ana', note: 'PSU on order' } }),
      'Alert #12 acknowledged: PSU on order',
    ],
    [
      'alert.rule.updated',
      () => ({ entity: 'alert_rule', entityId: 'miner_offline', before: { enabled: true, threshold: 10 }, after: { enabled: true, threshold: 15 } }),
      'Threshold of the Miner offline rule set to 15',
    ],
    ['device_action.started', () => ({ entity: 'device_action', entityId: 6, after: { kind: 'reboot', miners: 12 } }), 'Reboot run #6 started on 12 miners'],
    [
      'identity_review.resolved',
      () => ({ entity: 'identity_review', entityId: 3, before: { status: 'open' }, after: { status: 'resolved', minerId: world.minerId, createdNew: false } }),
      'Identity review #3 resolved onto miner NW-00012',
    ],
    [
      'identity_review.dismissed',
      () => ({ entity: 'identity_review', entityId: 3, before: { status: 'open' }, after: { status: 'dismissed', minerId: null, createdNew: false } }),
      'Identity review #3 dismissed',
    ],
    [
      'mail_settings.updated',
      () => ({
        entity: 'mail_settings',
        entityId: 1,
        before: { host: 'mail.lan', port: 25, passwordChanged: false },
        after: { host: 'smtp.arctic.test', port: 25, passwordChanged: false },
      }),
      'Host of the e-mail settings set to smtp.arctic.test',
    ],
    [
      'mail_template.updated',
      () => ({ entity: 'mail_template', entityId: 'reminder', before: { subject: 'Reminder' }, after: { subject: 'Second reminder' } }),
      'Subject of the payment reminder e-mail template set to Second reminder',
    ],
    [
      'mail.test_sent',
      () => ({ entity: 'mail_settings', entityId: 1, after: { to: 'ops@arctic.test', server: 'smtp.arctic.test:587', outcome: 'accepted' } }),
      'Test e-mail sent to ops@arctic.test through smtp.arctic.test:587',
    ],
    [
      'mail.test_failed',
      () => ({ entity: 'mail_settings', entityId: 1, after: { to: 'ops@arctic.test', server: 'mail.lan:25', outcome: 'Nothing answered at mail.lan:25.' } }),
      'Test e-mail to ops@arctic.test failed: Nothing answered at mail.lan:25',
    ],
    [
      'invoice.email_queued',
      () => ({ entity: 'invoice', entityId: 5, after: { number: 'INV-2026-000005', to: 'billing@arctic.test', messageId: 3 } }),
      'Invoice INV-2026-000005 queued for e-mail to billing@arctic.test',
    ],
    [
      'invoice.reminder_queued',
      () => ({ entity: 'invoice', entityId: 5, after: { number: 'INV-2026-000005', to: 'billing@arctic.test', messageId: 4 } }),
      'Reminder of invoice INV-2026-000005 queued for e-mail to billing@arctic.test',
    ],
    [
      'client.statement_queued',
      () => ({ entity: 'client', entityId: 1, after: { period: '2026-01-01 to 2026-03-31', to: 'billing@arctic.test', messageId: 5 } }),
      'Statement of client Arctic Hash for 2026-01-01 to 2026-03-31 queued for e-mail to billing@arctic.test',
    ],
    [
      'announcement.queued',
      () => ({ entity: 'announcement', entityId: 2, after: { subject: 'Power work on Sunday', audience: 'All clients', recipients: 12 } }),
      'Announcement “Power work on Sunday” queued for 12 clients (all clients)',
    ],
    [
      'mail_message.retried',
      () => ({ entity: 'mail_message', entityId: 9, before: { status: 'failed' }, after: { to: 'ops@arctic.test', status: 'queued' } }),
      'E-mail #9 to ops@arctic.test queued again',
    ],
    [
      'invoices.batch',
      () => ({
        entity: 'invoice_batch',
        entityId: '2026-11',
        after: { period: '2026-11', state: 'done', clients: 12, clientsDone: 12, created: 10, refreshed: 1, skipped: 1, held: 2, issued: 8 },
      }),
      'Invoice run for 2026-11 finished: 10 created, 1 refreshed, 2 held, 8 issued (12 of 12 clients)',
    ],
    [
      'payment.recorded',
      () => ({ entity: 'payment', entityId: 12, clientId: world.clientId, after: { amount: '125.00 USD', method: 'Bank transfer' } }),
      'Payment #12 of 125.00 USD (Bank transfer) recorded',
    ],
    [
      'payment.allocated',
      () => ({ entity: 'payment', entityId: 12, before: { allocations: {} }, after: { allocations: { 4: 5000, 5: 2500 }, reason: 'by_hand' } }),
      'Payment #12 allocated to 2 invoices',
    ],
    [
      'payment.receipt_queued',
      () => ({ entity: 'payment', entityId: 12, after: { amount: '$125.00 USD', to: 'billing@arctic.test', messageId: 7 } }),
      'Receipt of payment #12 ($125.00 USD) queued for e-mail to billing@arctic.test',
    ],
    [
      'payment.refunded',
      () => ({ entity: 'payment', entityId: 12, after: { amount: '20.00 USD', reason: 'Paid twice' } }),
      '20.00 USD of payment #12 refunded: Paid twice',
    ],
    [
      'invoice.payment_applied',
      () => ({
        entity: 'invoice',
        entityId: 5,
        after: { number: 'INV-2026-000005', amount: '50.00 USD', paymentId: 12, reason: 'credit_carried', status: 'partially_paid' },
      }),
      '50.00 USD applied to invoice INV-2026-000005 from the credit of payment #12: Partially paid',
    ],
    [
      'invoice.payment_released',
      () => ({
        entity: 'invoice',
        entityId: 5,
        after: { number: 'INV-2026-000005', amount: '30.00 USD', paymentId: 12, reason: 'displaced', status: 'issued' },
      }),
      '30.00 USD moved off invoice INV-2026-000005 back to the credit of payment #12: Issued',
    ],
  ];

  it.each(cases)('%s', (action, record, expected) => {
    const { summary, changes } = described({ action, ...record() });
    expect(summary).toBe(expected);
    for (const text of [summary, ...changes]) expectNoCodes(text, action);
  });

  it('covers every action written under electron/services: its own sentence, or a past-tense verb the fallback reads', () => {
    const root = join(import.meta.dirname, '..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    const written = new Set<string>();
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      if (!/recordAudit|recordAuditRows|recordManyAuditRows|recordSerializedAuditRows|AuditRecord/.test(source)) continue;
      // Dotted lower-case literals on the lines that pass an action (contract.* is spelled by its events).
      const lines = source.split('\n').filter((line) => /action|[aA]udit|applyPlans/.test(line));
      for (const line of lines) for (const [, literal] of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) if (!isCallName(literal)) written.add(literal);
      for (const [, status] of source.matchAll(/`identity_review\.\$\{(\w+)\}`/g))
        if (status) ['resolved', 'dismissed'].forEach((s) => written.add(`identity_review.${s}`));
    }
    expect(written.size).toBeGreaterThan(50);
    // "contract.renewed" reads "Contract HD-2026-0007 renewed" without a sentence of its own; "invoices.batch" would not.
    const readsAsVerb = (action: string) => /(ed|set|sent|done|held|paid|made)$/.test(action.split('.').at(-1) ?? '');
    expect([...written].filter((action) => !sentences[action] && !readsAsVerb(action))).toEqual([]);
    expect(Object.keys(sentences).filter((action) => !written.has(action))).toEqual([]);
    expect(cases.map(([action]) => action).sort()).toEqual(Object.keys(sentences).sort());
  });

  it('reads an action without its own words as its subject and verb, never the code', () => {
    const { summary } = described({ action: 'contract.renewed', entity: 'contract', entityId: 77, after: { number: 'HD-2026-0007' } });
    expect(summary).toBe('Contract HD-2026-0007 renewed');
    expect(described({ action: 'invoice.voided', entity: 'invoice', entityId: 5, after: { number: 'INV-2026-000005' } }).summary).toBe(
      'Invoice INV-2026-000005 voided',
    );
  });
});
