import { activateContract } from '../../electron/services/contracts/contracts.lifecycle';
import { runWorker } from './worker-loop';

/** A separate process activating the drafts named in its arguments (see worker-loop.ts). */
runWorker((db, id) => activateContract(db, id, 'worker').number);
