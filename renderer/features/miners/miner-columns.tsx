import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MinerListRow, MinerSortKey } from '../../../electron/contract/miners.list';
import { LiveStatusBadge } from './LiveStatusBadge';
import type { Dates } from '../../components/useDates';
import { durationText, fansText, hashrateText, minerStateLabels, noValue, placeText, poolText, powerText, temperatureText } from './miner-format';
import { PaidMark, paidSentence } from './PaidIcon';
import { tooltipAttribute } from '../../components/DelegatedTooltip';
import classes from './MinersTable.module.css';

export type MinerColumn = {
  key: string;
  label: string;
  /** The table header when the label is too long for the column ("Power" for "Power live/nominal"). */
  header?: string;
  /** Pixels: rows have a fixed layout so 20,000 of them scroll without measuring. */
  width: number;
  /** Kept in view while the table scrolls sideways (the leading columns that name the row). */
  pinned?: boolean;
  sortKey?: MinerSortKey;
  align?: 'right';
  /** Shown until the user chooses otherwise. */
  shownByDefault: boolean;
  /** The asset ID names the row: it cannot be hidden. */
  alwaysShown?: boolean;
  /** `dates` writes times as everywhere (useDates); the table passes it. */
  render: (row: MinerListRow, dates: Dates) => ReactNode;
};

/** A cell's text on one line; "—" dimmed when there is none. Plain elements: a screen of rows renders thousands of them. */
const text = (value: string | null | undefined, options: { mono?: boolean } = {}) => (
  <span className={[classes.text, !value && classes.dimmed, options.mono && classes.mono].filter(Boolean).join(' ')}>{value || noValue}</span>
);

function ClientCell({ row }: { row: MinerListRow }) {
  return (
    <div className={classes.inline} style={{ gap: 6 }}>
      <PaidMark paid={row.paid} {...{ [tooltipAttribute]: paidSentence(row.paid) }} />
      {text(row.client?.name)}
    </div>
  );
}

function TagsCell({ tags }: { tags: string[] }) {
  if (tags.length === 0) return text(null);
  const shown = tags.slice(0, 3);
  return (
    <div className={classes.inline} style={{ gap: 4 }} title={tags.join(', ')}>
      {shown.map((tag) => (
        <Badge key={tag} size="xs" variant="light" color="gray" style={{ flex: 'none', textTransform: 'none' }}>
          {tag}
        </Badge>
      ))}
      {tags.length > shown.length && (
        <span className={classes.dimmed} style={{ fontSize: 'var(--mantine-font-size-xs)' }}>
          +{tags.length - shown.length}
        </span>
      )}
    </div>
  );
}

/** Every column of the Miners table, in display order. */
export const minerColumns: MinerColumn[] = [
  {
    key: 'status',
    label: 'Status',
    width: 150,
    pinned: true,
    sortKey: 'status',
    shownByDefault: true,
    render: (row) => <LiveStatusBadge status={row.liveStatus} />,
  },
  {
    key: 'assetId',
    label: 'Asset ID',
    width: 110,
    pinned: true,
    sortKey: 'assetId',
    shownByDefault: true,
    alwaysShown: true,
    render: (row) => <span className={`${classes.text} ${classes.strong}`}>{row.assetId}</span>,
  },
  { key: 'ip', label: 'IP', width: 125, sortKey: 'ip', shownByDefault: true, render: (row) => text(row.ip, { mono: true }) },
  { key: 'client', label: 'Client', width: 170, sortKey: 'client', shownByDefault: true, render: (row) => <ClientCell row={row} /> },
  { key: 'model', label: 'Model', width: 150, sortKey: 'model', shownByDefault: true, render: (row) => text(row.model) },
  {
    key: 'hashrate',
    label: 'Hashrate live/nominal',
    header: 'Hashrate',
    width: 150,
    sortKey: 'liveHashrate',
    align: 'right',
    shownByDefault: true,
    render: (row) => text(hashrateText(row)),
  },
  { key: 'temperature', label: 'Temp.', width: 76, sortKey: 'temperature', align: 'right', shownByDefault: true, render: (row) => text(temperatureText(row)) },
  {
    key: 'power',
    label: 'Power live/nominal',
    header: 'Power',
    width: 130,
    sortKey: 'livePower',
    align: 'right',
    shownByDefault: true,
    render: (row) => text(powerText(row)),
  },
  { key: 'site', label: 'Site', width: 130, sortKey: 'site', shownByDefault: true, render: (row) => text(row.siteName) },
  { key: 'rack', label: 'Room / rack', width: 120, sortKey: 'rack', shownByDefault: true, render: (row) => text(placeText(row)) },
  { key: 'state', label: 'State', width: 100, sortKey: 'state', shownByDefault: true, render: (row) => text(minerStateLabels[row.state]) },
  { key: 'tags', label: 'Tags', width: 180, shownByDefault: true, render: (row) => <TagsCell tags={row.tags} /> },
  { key: 'hostname', label: 'Hostname', width: 130, sortKey: 'hostname', shownByDefault: true, render: (row) => text(row.hostname) },
  { key: 'fans', label: 'Fans', width: 150, shownByDefault: false, render: (row) => text(fansText(row)) },
  { key: 'pool', label: 'Pool / worker', width: 220, sortKey: 'worker', shownByDefault: false, render: (row) => text(poolText(row)) },
  {
    key: 'uptime',
    label: 'Uptime',
    width: 100,
    sortKey: 'uptime',
    align: 'right',
    shownByDefault: false,
    render: (row) => text(durationText(row.live?.uptimeS)),
  },
  { key: 'serial', label: 'Serial', width: 140, sortKey: 'serial', shownByDefault: false, render: (row) => text(row.serial, { mono: true }) },
  { key: 'mac', label: 'MAC', width: 150, shownByDefault: false, render: (row) => text(row.mac, { mono: true }) },
  { key: 'firmware', label: 'Firmware', width: 150, sortKey: 'firmware', shownByDefault: false, render: (row) => text(row.firmware) },
  {
    key: 'lastSeen',
    label: 'Last seen',
    width: 170,
    sortKey: 'lastSeen',
    shownByDefault: false,
    render: (row, dates) => text(row.lastSeenAt && dates.dateTime(row.lastSeenAt)),
  },
];

export const defaultColumnKeys = minerColumns.filter((c) => c.shownByDefault).map((c) => c.key);
