// CyberPower switched/metered ePDU (PDU41xxx, PDU44xxx, PDU81xxx), CPS-MIB ePDU branch
// (1.3.6.1.4.1.3808.1.1.3), which follows APC's rPDU layout. Outlets are indexed by number.
// Per-outlet power and energy answer only on outlet-monitored models; on the others those values
// come back missing and the reading carries a note. The branch has no device power or energy total
// (only per phase/bank rows), so the device power is the sum of the outlets.
import type { PduProfile } from '../../../contract/power.profiles';

const epdu = '1.3.6.1.4.1.3808.1.1.3';

export const cyberpowerEpdu: PduProfile = {
  outletCountOid: `${epdu}.1.8.0`, // ePDUIdentDeviceNumOutlets.0
  outlet: {
    name: { oid: `${epdu}.3.3.1.1.2.{outlet}` }, // ePDUOutletControlOutletName
    powerW: { oid: `${epdu}.3.5.1.1.8.{outlet}`, scale: '1' }, // ePDUOutletStatusActivePower, watts
    energyWh: { oid: `${epdu}.3.5.1.1.13.{outlet}`, scale: '100', bits: 32 }, // ePDUOutletStatusEnergy, tenths of kWh (Gauge)
    state: { oid: `${epdu}.3.5.1.1.4.{outlet}`, on: [1], off: [2] }, // ePDUOutletStatusOutletState: outletStatusOn(1), outletStatusOff(2)
  },
  total: { inletCountOid: null, powerW: null, energyWh: null },
};
