// Raritan PX2/PX3, PDU2-MIB (1.3.6.1.4.1.13742.6). Index pduId.outletId[.sensorType]; pduId 1 is the
// first (or only) PDU of a daisy chain. measurementsOutletSensorValue is scaled by the sensor's
// decimal digits, which are 0 for activePower(5, W) and activeEnergy(8, Wh) on the models we know of.
import type { PduProfile } from '../../../contract/power.profiles';

const pdu2 = '1.3.6.1.4.1.13742.6';

export const raritanPx: PduProfile = {
  outletCountOid: `${pdu2}.3.2.2.1.4.1`, // outletCount.1
  outlet: {
    name: { oid: `${pdu2}.3.5.3.1.3.1.{outlet}` }, // outletName.1.N
    powerW: { oid: `${pdu2}.5.4.3.1.4.1.{outlet}.5`, scale: '1' }, // measurementsOutletSensorValue.1.N.activePower
    energyWh: { oid: `${pdu2}.5.4.3.1.4.1.{outlet}.8`, scale: '1', bits: 32 }, // ….activeEnergy, Wh (Unsigned32)
    state: { oid: `${pdu2}.4.1.2.1.3.1.{outlet}`, on: [7], off: [8] }, // outletSwitchingState: on(7), off(8)
  },
  // The PDU's totals are the sum of its inlets (a PX3 can have two): the MIB offers no unit-level power or energy
  // sensor on a PDU (unitDeviceCapabilities lists only i1smpsStatus/i2smpsStatus).
  total: {
    inletCountOid: `${pdu2}.3.2.2.1.2.1`, // inletCount.1
    powerW: { oid: `${pdu2}.5.2.3.1.4.1.{inlet}.5`, scale: '1' }, // measurementsInletSensorValue.1.N.activePower
    energyWh: { oid: `${pdu2}.5.2.3.1.4.1.{inlet}.8`, scale: '1', bits: 32 }, // measurementsInletSensorValue.1.N.activeEnergy
  },
};
