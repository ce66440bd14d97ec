import { issueInvoice } from '../../electron/services/invoices/invoices.lifecycle';
import { runWorker } from './worker-loop';

/** A separate process issuing the invoices named in its arguments (see worker-loop.ts). */
runWorker((db, id) => issueInvoice(db, id, 'worker').number);
