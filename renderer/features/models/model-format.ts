import type { CoolingKind } from '../../../electron/contract/models';

export const coolingLabels: Record<CoolingKind, string> = { air: 'Air', hydro: 'Hydro', immersion: 'Immersion' };

const wholeNumber = new Intl.NumberFormat('en-US');
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "3,250": watts are whole numbers already. */
export const wattsText = (powerW: number) => wholeNumber.format(powerW);

/** "25", "17.5": the server rounds J/TH to one decimal; this only adds separators. */
export const efficiencyText = (jPerTh: number) => oneDecimal.format(jPerTh);
