import { useUrlView } from '../../components/useUrlView';
import { readMinerListView, writeMinerListView, type MinerListView } from './miner-list-params';

const merged = (now: MinerListView, change: Partial<MinerListView>): MinerListView => ({ ...now, ...change });

/** The Miners view read from and written to the URL. */
export const useMinerListView = () => useUrlView(readMinerListView, writeMinerListView, merged);
