import { DRIVERS, type MinerDriver } from '../drivers';

/** Every miner family's driver (the poller picks one by a miner's family). */
export const minerDrivers: readonly MinerDriver[] = Object.values(DRIVERS);
