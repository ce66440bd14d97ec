import { antminerDriver } from '../drivers/antminer';
import type { MinerDriver } from '../drivers/types';

/** The drivers a scan asks an open host through, in this order (the first to recognise it wins). */
export const minerDrivers: readonly MinerDriver[] = [antminerDriver];
