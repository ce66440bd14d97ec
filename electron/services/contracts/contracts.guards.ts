import type { DbOrTx } from '../../../db/open-db';
import { contracts, sites } from '../../../db/schema';
import type { ContractRef } from '../../contract/contracts';
import { contractTypeLabels } from '../../contract/contracts.vocab';
import { AppError } from '../../contract/errors';
import { requireById } from '../require-row';
import { readSettingsRow } from '../settings/settings.service';

export type ContractRow = typeof contracts.$inferSelect;

/** The permanent number once active, else the draft reference. */
export const contractReference = (row: Pick<ContractRow, 'number' | 'draftReference'>): string => row.number ?? row.draftReference;

/** How a contract is named in messages: `Lease contract HD-2026-0042`, `Hosted draft DRAFT-7f3a`. */
export const contractLabel = (row: Pick<ContractRow, 'type' | 'status' | 'number' | 'draftReference'>): string =>
  `${contractTypeLabels[row.type]} ${row.status === 'draft' ? 'draft' : 'contract'} ${contractReference(row)}`;

export const contractRefOf = (row: Pick<ContractRow, 'id' | 'type' | 'status' | 'number' | 'draftReference'>): ContractRef => ({
  id: row.id,
  reference: contractReference(row),
  type: row.type,
  status: row.status,
});

export const requireContract = (db: DbOrTx, id: number): ContractRow => requireById(db, contracts, id, 'Contract', 'Refresh the contracts list and try again.');

/** The calendar a contract's dates are read and shown in: its site's zone, else the organisation's. */
export function siteZone(db: DbOrTx, siteId: number): string {
  const site = requireById(db, sites, siteId, 'Site');
  return site.timeZone ?? readSettingsRow(db).timeZone;
}

/** A contract still in force (active or expiring), or the refusal saying what it is instead. */
export function requireInForce(row: ContractRow, doing: string): ContractRow {
  if (row.status === 'active' || row.status === 'expiring') return row;
  const why = row.status === 'draft' ? 'it is still a draft: activate it first' : `it is ${row.status} and closed; draw up a new contract instead`;
  throw new AppError('CONFLICT', `${contractLabel(row)} cannot be ${doing}: ${why}.`);
}
