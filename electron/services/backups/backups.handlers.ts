import type { backupCalls } from '../../contract/backups';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { exportSettings, importSettings } from './settings-file';

export function backupHandlers({ db, version, backups }: SharedServices): DomainHandlers<NamesOf<typeof backupCalls>> {
  return {
    'backups.status': async () => backups.status(),
    'backups.settings.update': async (input, ctx) => backups.updateSettings(input, ctx.actor),
    'backups.chooseFolder': async () => backups.chooseFolder(),
    'backups.create': async (_input, ctx) => backups.create(ctx.actor),
    'backups.list': async () => backups.list(),
    'backups.preview': async (input) => backups.preview(input.file),
    'backups.restore': async (input, ctx) => backups.restore(input.file, ctx.actor),
    'backups.restore.cancel': async (_input, ctx) => backups.cancelRestore(ctx.actor),
    'backups.restart': async () => backups.restart(),
    'settings.export': async (_input, ctx) => exportSettings(db, version, ctx.actor),
    'settings.import': async (input, ctx) => importSettings(db, input.json, ctx.actor),
  };
}
