// Eastron SDM630 (Modbus), input registers (function 4), IEEE 754 float32 high word first, addresses
// 0-based as sent (the manual's 30053 is input register 52). Energy is float32 kWh, which keeps
// about seven significant digits: beyond 10,000 kWh the reading moves in steps of a few Wh.
import type { MeterProfile } from '../../../contract/power.profiles';

const float32 = { function: 4, type: 'float32', wordOrder: 'big' } as const;

export const eastronSdm630: MeterProfile = {
  addressing: 0,
  powerW: { ...float32, address: 0x0034, scale: '1' }, // Total system power, W
  energyWh: { ...float32, address: 0x0048, scale: '1000', bits: null }, // Total import kWh
  extra: {
    'Voltage L1 (V)': { ...float32, address: 0x0000, scale: '1' },
    'Voltage L2 (V)': { ...float32, address: 0x0002, scale: '1' },
    'Voltage L3 (V)': { ...float32, address: 0x0004, scale: '1' },
    'Frequency (Hz)': { ...float32, address: 0x0046, scale: '1' },
  },
};
