// Schneider Electric PowerLogic PM5xxx (PM5100/5300/5500/5600), holding registers (function 3),
// register numbers 1-based as the register list writes them (3060 is sent as 3059).
import type { MeterProfile } from '../../../contract/power.profiles';

const float32 = { function: 3, type: 'float32', wordOrder: 'big' } as const;

export const schneiderPm5000: MeterProfile = {
  addressing: 1,
  powerW: { ...float32, address: 3060, scale: '1000' }, // Active Power Total, kW
  energyWh: { function: 3, address: 3204, type: 'int64', wordOrder: 'big', scale: '1', bits: 64 }, // Active Energy Delivered (Into Load), Wh
  extra: {
    'Voltage A-N (V)': { ...float32, address: 3028, scale: '1' },
    'Frequency (Hz)': { ...float32, address: 3110, scale: '1' },
  },
};
