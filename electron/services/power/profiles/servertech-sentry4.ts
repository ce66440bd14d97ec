// ServerTech Sentry4 (PRO2/PRO3/PRO4), Sentry4-MIB (1.3.6.1.4.1.1718.4.1). Outlets are indexed
// unit.cord.outlet; this profile reads unit 1 (the master), input cord 1. Outlets on a second cord
// of a dual-cord unit need a copy of this profile with cord 2.
import type { PduProfile } from '../../../contract/power.profiles';

const st4 = '1.3.6.1.4.1.1718.4.1';

export const servertechSentry4: PduProfile = {
  outletCountOid: `${st4}.3.2.1.24.1.1`, // st4InputCordOutletCount.1.1
  outlet: {
    name: { oid: `${st4}.8.2.1.3.1.1.{outlet}` }, // st4OutletName
    powerW: { oid: `${st4}.8.3.1.7.1.1.{outlet}`, scale: '1' }, // st4OutletActivePower, W
    // st4OutletEnergy is an Integer32 in Wh (0..2^31-1); the MIB names no wrap, so none is assumed.
    energyWh: { oid: `${st4}.8.3.1.14.1.1.{outlet}`, scale: '1', bits: null },
    state: { oid: `${st4}.8.3.1.1.1.1.{outlet}`, on: [1], off: [2] }, // st4OutletState: unknown(0), on(1), off(2)
  },
  total: {
    inletCountOid: null,
    powerW: { oid: `${st4}.3.3.1.3.1.1`, scale: '1' }, // st4InputCordActivePower.1.1, W
    energyWh: { oid: `${st4}.3.3.1.10.1.1`, scale: '100', bits: null }, // st4InputCordEnergy.1.1, 0.1 kWh
  },
};
