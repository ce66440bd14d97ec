import { openDb } from '../../db/open-db';
import { issueInvoice } from '../../electron/services/invoices/invoices.lifecycle';

/** A separate process that issues the invoices named in its arguments on its own connection to the file, as a second app would. */
const [file, idList, startAt] = process.argv.slice(2);
const ids = idList.split(',').map(Number);
const db = openDb(file);
// Every process waits for the same moment, so their issues interleave instead of running one process after another.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, Number(startAt) - Date.now()));
const results: { id: number; number: string | null; error: string | null }[] = [];
for (const id of ids) {
  try {
    results.push({ id, number: issueInvoice(db, id, 'worker').number, error: null });
  } catch (error) {
    results.push({ id, number: null, error: (error as Error).message });
  }
}
db.$client.close();
process.send?.(results);
