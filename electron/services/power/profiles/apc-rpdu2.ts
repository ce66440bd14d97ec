// APC Rack PDU 2G (AP86xx/AP88xx, firmware 6.x), PowerNet-MIB rPDU2 branch 1.3.6.1.4.1.318.1.1.26.
// Index 1 of the device tables is the first PDU of a chain (module 1); outlets are indexed by number.
import type { PduProfile } from '../../../contract/power.profiles';

const rpdu2 = '1.3.6.1.4.1.318.1.1.26';

export const apcRpdu2: PduProfile = {
  outletCountOid: `${rpdu2}.4.2.1.4.1`, // rPDU2DevicePropertiesNumOutlets.1
  outlet: {
    name: { oid: `${rpdu2}.9.4.3.1.3.{outlet}` }, // rPDU2OutletMeteredStatusName
    powerW: { oid: `${rpdu2}.9.4.3.1.7.{outlet}`, scale: '1' }, // rPDU2OutletMeteredStatusPower, W
    energyWh: { oid: `${rpdu2}.9.4.3.1.11.{outlet}`, scale: '100', bits: 32 }, // rPDU2OutletMeteredStatusEnergy, 0.1 kWh
    state: { oid: `${rpdu2}.9.2.3.1.5.{outlet}`, on: [2], off: [1] }, // rPDU2OutletSwitchedStatusState: off(1), on(2)
  },
  total: {
    inletCountOid: null,
    powerW: { oid: `${rpdu2}.4.3.1.5.1`, scale: '10' }, // rPDU2DeviceStatusPower.1, hundredths of kW
    energyWh: { oid: `${rpdu2}.4.3.1.9.1`, scale: '100', bits: 32 }, // rPDU2DeviceStatusEnergy.1, 0.1 kWh
  },
};
