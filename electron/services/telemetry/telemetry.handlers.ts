import type { telemetryCalls } from '../../contract/telemetry';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { telemetrySeries } from './telemetry.series';

export function telemetryHandlers({ db, telemetry }: SharedServices): DomainHandlers<NamesOf<typeof telemetryCalls>> {
  return {
    'telemetry.settings.get': async () => telemetry.settings(),
    'telemetry.settings.update': async (input, ctx) => telemetry.updateSettings(input, ctx.actor),
    'telemetry.status': async () => telemetry.status(),
    'telemetry.pollNow': async () => telemetry.pollNow(),
    'telemetry.series': async (input) => telemetrySeries(db, input),
  };
}
