import type { powerCalls } from '../../contract/power';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { createPowerDevice, deletePowerDevice, draftDevice, getPowerDevice, listPowerDevices, updatePowerDevice } from './power.devices';
import { counterEvents, energySeries } from './power.energy';
import { assignOutlet, listOutlets, outletHistory, outletOfMiner, rackPowerView } from './power.outlets';
import { importReadings, listReadings } from './power.readings.import';
import { createPowerProfile, deletePowerProfile, listPowerProfiles, updatePowerProfile } from './power.profiles.service';

export function powerHandlers({ db, secrets, power, powerProfiles: builtIns }: SharedServices): DomainHandlers<NamesOf<typeof powerCalls>> {
  const powerDeps = { builtIns, secrets };
  return {
    'power.profiles.list': async (input) => listPowerProfiles(db, builtIns, input.kind),
    'power.profiles.create': async (input, ctx) => createPowerProfile(db, input, builtIns, ctx.actor),
    'power.profiles.update': async (input, ctx) => updatePowerProfile(db, input, builtIns, ctx.actor),
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
    'power.readings.import': async (input, ctx) => importReadings(db, input, ctx.actor),
    'power.readings.list': async (input) => listReadings(db, input),
    'power.counters.events': async (input) => counterEvents(db, input),
    'power.energy.series': async (input) => energySeries(db, input),
  };
}
