import type { DbOrTx } from '../../../db/open-db';
import { roleLabelOf, type StaffRow } from './auth.accounts';

/** A person's account as audit rows keep it: never the password or its hash. */
export function accountView(db: DbOrTx, row: StaffRow): { login: string | null; role: string | null; loginEnabled: boolean; mustChangePassword: boolean } {
  return { login: row.login, role: roleLabelOf(db, row), loginEnabled: row.loginDisabledAt === null, mustChangePassword: row.mustChangePassword };
}
