import { formatDateTime } from '../../../electron/contract/dates';

/**
 * Backup times in this computer's zone, the one its file names are stamped in (hashdesk-2026-12-04-0930-…),
 * so the list and the names agree even when the organisation's zone is another.
 */
export const backupTime = (iso: string | null | undefined): string =>
  iso ? formatDateTime(iso, Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC') : '—';
