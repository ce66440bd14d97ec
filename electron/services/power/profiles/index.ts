/**
 * Built-in power profiles by key. A device refers to one by key ("apc-rpdu2"); staff can copy one
 * into a custom profile to change an OID or a register. Sources of every value: PROFILES.md.
 */
import type { MeterProfile, PduProfile } from '../../../contract/power.profiles';
import { accuvimII } from './accuvim-ii';
import { apcRpdu2 } from './apc-rpdu2';
import { cyberpowerEpdu } from './cyberpower-epdu';
import { eastronSdm630 } from './eastron-sdm630';
import { eatonEpdu } from './eaton-epdu';
import { raritanPx } from './raritan-px';
import { schneiderPm5000 } from './schneider-pm5000';
import { servertechSentry4 } from './servertech-sentry4';

export type BuiltInPowerProfile = { kind: 'pdu'; label: string; definition: PduProfile } | { kind: 'meter'; label: string; definition: MeterProfile };

export const builtInPowerProfiles: ReadonlyMap<string, BuiltInPowerProfile> = new Map<string, BuiltInPowerProfile>([
  ['apc-rpdu2', { kind: 'pdu', label: 'APC Rack PDU 2G (rPDU2)', definition: apcRpdu2 }],
  ['raritan-px', { kind: 'pdu', label: 'Raritan PX2/PX3', definition: raritanPx }],
  ['servertech-sentry4', { kind: 'pdu', label: 'ServerTech Sentry4', definition: servertechSentry4 }],
  ['eaton-epdu', { kind: 'pdu', label: 'Eaton ePDU G3', definition: eatonEpdu }],
  ['cyberpower-epdu', { kind: 'pdu', label: 'CyberPower switched/metered ePDU', definition: cyberpowerEpdu }],
  ['eastron-sdm630', { kind: 'meter', label: 'Eastron SDM630', definition: eastronSdm630 }],
  ['schneider-pm5000', { kind: 'meter', label: 'Schneider PowerLogic PM5xxx', definition: schneiderPm5000 }],
  ['accuvim-ii', { kind: 'meter', label: 'Accuenergy Acuvim II', definition: accuvimII }],
]);
