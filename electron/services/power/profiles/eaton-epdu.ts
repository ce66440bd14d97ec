// Eaton ePDU G3 (Marlin), EATON-EPDU-MIB (1.3.6.1.4.1.534.6.6.7). Tables are indexed
// strappingIndex.outlet; strapping index 0 is the master unit of a daisy chain.
import type { PduProfile } from '../../../contract/power.profiles';

const epdu = '1.3.6.1.4.1.534.6.6.7';

export const eatonEpdu: PduProfile = {
  outletCountOid: `${epdu}.1.2.1.22.0`, // outletCount.0
  outlet: {
    name: { oid: `${epdu}.6.1.1.3.0.{outlet}` }, // outletName
    powerW: { oid: `${epdu}.6.5.1.3.0.{outlet}`, scale: '1' }, // outletWatts, W
    energyWh: { oid: `${epdu}.6.5.1.4.0.{outlet}`, scale: '1', bits: 32 }, // outletWh, Unsigned32 Wh
    // outletControlStatus: off(0), on(1), pendingOff(2), pendingOn(3). A pending state is a switch the PDU has
    // scheduled (a delayed or sequenced command) but not yet made, so the outlet is still in the state before it:
    // pendingOff is still on, pendingOn is still off.
    state: { oid: `${epdu}.6.6.1.2.0.{outlet}`, on: [1, 2], off: [0, 3] },
  },
  total: {
    inletCountOid: null,
    powerW: { oid: `${epdu}.3.5.1.4.0.1`, scale: '1' }, // inputTotalWatts.0.1
    energyWh: { oid: `${epdu}.3.5.1.5.0.1`, scale: '1', bits: 32 }, // inputTotalWh.0.1
  },
};
