import type { settingsCalls } from '../../contract/settings';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { getSettings, setScanning, updateSettings } from './settings.service';

export function settingsHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof settingsCalls>> {
  return {
    'settings.get': async () => getSettings(db),
    'settings.update': async (input, ctx) => updateSettings(db, input, ctx.actor),
    'settings.scanning.update': async (input, ctx) => setScanning(db, input, ctx.actor),
  };
}
