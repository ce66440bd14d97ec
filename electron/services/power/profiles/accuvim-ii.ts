// Accuenergy Acuvim II, holding registers (function 3) at 0x4000 and up, float32 high word first,
// addresses 0-based. Power is read in W (primary values); import energy is float32 in 0.1 kWh.
// Checked against the Project-Haystack xeto spec (tests/unit/power-profiles-modbus.test.ts): system power
// Psum is 0x4022 (16418); 0x4012 (16402), read before, is the phase 1 current.
import type { MeterProfile } from '../../../contract/power.profiles';

const float32 = { function: 3, type: 'float32', wordOrder: 'big' } as const;

export const accuvimII: MeterProfile = {
  addressing: 0,
  powerW: { ...float32, address: 0x4022, scale: '1' }, // System total active power Psum, W
  energyWh: { ...float32, address: 0x4048, scale: '100', bits: null }, // Total import active energy, 0.1 kWh
  extra: {
    'Frequency (Hz)': { ...float32, address: 0x4000, scale: '1' },
    'Voltage V1 (V)': { ...float32, address: 0x4002, scale: '1' },
  },
};
