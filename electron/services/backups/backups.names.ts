import { backupKinds, type BackupKind } from '../../contract/backups';

/**
 * Our backup files are named `hashdesk-2026-12-04-0930-v0.1.0.sqlite` (a backup made by hand), with a suffix
 * for the others: `-daily`, `-before-restore`, `-before-upgrade`. Only files of this shape are listed,
 * and retention deletes only daily ones, so nothing else a person keeps in the folder is ever touched.
 */
const pattern =
  /^hashdesk-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(?:-(\d{2}))?-v(\d+\.\d+\.\d+[0-9A-Za-z.+-]*?)(?:-(daily|before-restore|before-upgrade))?\.sqlite$/;

const two = (n: number) => String(n).padStart(2, '0');

/** The local date and time as the name spells it: 2026-12-04-0930. */
export const fileStamp = (at: Date): string =>
  `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`;

/** The local calendar day of a stamp or date: 2026-12-04. */
export const localDay = (at: Date): string => fileStamp(at).slice(0, 10);

/**
 * The file name of a backup made at `at` by this version. `second` (0–59) tells apart two backups made
 * in the same minute: the second one gets `-SS` after the minutes.
 */
export function backupFileName(kind: BackupKind, at: Date, version: string, second?: number): string {
  const suffix = kind === 'manual' ? '' : `-${kind}`;
  return `hashdesk-${fileStamp(at)}${second === undefined ? '' : `-${two(second)}`}-v${version}${suffix}.sqlite`;
}

export type ParsedBackupName = { kind: BackupKind; madeAt: Date; version: string };

/** What our own file name says (kind, local time, version), or null for any file we did not name. */
export function parseBackupFileName(name: string): ParsedBackupName | null {
  const match = pattern.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, version, suffix] = match;
  const madeAt = new Date(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? 0));
  if (Number.isNaN(madeAt.getTime()) || two(madeAt.getDate()) !== day) return null;
  const kind = (suffix ?? 'manual') as BackupKind;
  return backupKinds.includes(kind) ? { kind, madeAt, version } : null;
}
