import { accessSync, constants } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../../../db/open-db';
import type { ParsedInputOf } from '../../contract/define';
import type { Contract } from '../../contract';
import { AppError } from '../../contract/errors';
import { defaultOfficeLanSetting, type OfficeLanSetting, officeLanSettingSchema, type OfficeLanStatus } from '../../contract/office-lan';
import { readJsonFile, writeJsonFile } from '../../json-file';
import { recordAudit } from '../audit/record-audit';
import { lanAddressProblem, machineAddresses } from './office-lan.address';

/**
 * The office-network setting lives in `office-lan.json` in the data folder, not in the database: an address and file
 * paths belong to this computer, and a backup restored on another must not make it serve an address it does not have.
 */
const settingFile = (dataDir: string) => join(dataDir, 'office-lan.json');

/** The data folder of a database opened by the runtime (its file sits in it). */
export const dataDirOf = (db: Db): string => dirname(db.$client.name);

/** The stored setting; a missing or damaged file reads as off (and is rewritten on the next save). */
export const readOfficeLanSetting = (dataDir: string): OfficeLanSetting => readJsonFile(settingFile(dataDir), officeLanSettingSchema, defaultOfficeLanSetting);

/** What the desktop app's start made of the setting: where it serves, or why it does not; null in any other process. */
let lastStart: OfficeLanStatus['running'] = null;

export function noteOfficeLanStart(outcome: NonNullable<OfficeLanStatus['running']>): void {
  lastStart = outcome;
}

export const officeLanStatus = (dataDir: string): OfficeLanStatus => ({
  setting: readOfficeLanSetting(dataDir),
  machineAddresses: machineAddresses().filter((address) => !address.startsWith('127.') && address !== '::1'),
  running: lastStart,
});

function unreadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return false;
  } catch {
    return true;
  }
}

/** Checks what only this computer can answer (its addresses, the files), then stores the setting with its audit row. */
export function updateOfficeLanSetting(db: Db, input: ParsedInputOf<Contract['officeLan.update']>, actor: string): OfficeLanStatus {
  const dataDir = dataDirOf(db);
  const fields: Record<string, string> = {};
  const hostProblem = input.host === '' ? null : lanAddressProblem(input.host);
  if (hostProblem) fields.host = hostProblem;
  if (input.tlsCertPath !== '' && unreadable(input.tlsCertPath)) fields.tlsCertPath = `cannot be read: ${input.tlsCertPath}`;
  if (input.tlsKeyPath !== '' && unreadable(input.tlsKeyPath)) fields.tlsKeyPath = `cannot be read: ${input.tlsKeyPath}`;
  if (Object.keys(fields).length > 0) throw new AppError('INVALID_INPUT', `The office network setting was not saved: ${Object.values(fields)[0]}.`, fields);
  const before = readOfficeLanSetting(dataDir);
  const after: OfficeLanSetting = { ...input };
  db.transaction((tx) => {
    recordAudit(tx, { actor, action: 'office_lan.settings_changed', entity: 'office_lan_settings', entityId: 1, before, after });
    // Written inside the transaction: a file that cannot be written leaves no audit row behind.
    writeJsonFile(settingFile(dataDir), after);
  });
  return officeLanStatus(dataDir);
}
