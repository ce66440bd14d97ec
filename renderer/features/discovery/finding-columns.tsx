import { Badge, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ScanResultRow } from '../../../electron/contract/discovery';
import { noValue } from '../miners/miner-format';
import { findingPoolText, proposalView, resultStateColors, resultStateLabels } from './discovery-format';

export type FindingColumn = { key: string; label: string; width: number; align?: 'right'; render: (row: ScanResultRow) => ReactNode };

const text = (value: string | null) => value ?? noValue;

/** A cell that may be cut short shows its whole text on hover. */
const clipped = (value: string | null) => (
  <Text size="sm" truncate="end" title={value ?? undefined} c={value ? undefined : 'dimmed'}>
    {text(value)}
  </Text>
);

export function FindingStateBadge({ row }: { row: ScanResultRow }) {
  return (
    <Badge variant="light" size="sm" color={resultStateColors[row.state]} style={{ flex: 'none' }}>
      {resultStateLabels[row.state]}
    </Badge>
  );
}

/** What commit does to the finding: a badge, and the detail (the changes, or why) beside it. */
export function ProposalCell({ row }: { row: ScanResultRow }) {
  const view = proposalView(row.proposal);
  return (
    <Text size="sm" truncate="end" title={view.detail}>
      <Badge variant="light" size="sm" color={view.color} mr={6}>
        {view.label}
      </Badge>
      {row.proposal?.action === 'new' ? '' : view.detail}
    </Text>
  );
}

export const findingColumns: FindingColumn[] = [
  {
    key: 'ip',
    label: 'IP',
    width: 130,
    render: (row) => (
      <Text size="sm" ff="monospace">
        {row.ip}
      </Text>
    ),
  },
  { key: 'state', label: 'State', width: 190, render: (row) => <FindingStateBadge row={row} /> },
  { key: 'family', label: 'Family', width: 100, render: (row) => clipped(row.family) },
  { key: 'make', label: 'Make', width: 100, render: (row) => clipped(row.make) },
  { key: 'model', label: 'Model', width: 150, render: (row) => clipped(row.model) },
  { key: 'firmware', label: 'Firmware', width: 170, render: (row) => clipped(row.firmware) },
  { key: 'serial', label: 'Serial', width: 170, render: (row) => clipped(row.serial) },
  { key: 'mac', label: 'MAC', width: 170, render: (row) => clipped(row.mac) },
  { key: 'hostname', label: 'Hostname', width: 140, render: (row) => clipped(row.hostname) },
  { key: 'hashrate', label: 'TH/s', width: 90, align: 'right', render: (row) => text(row.hashrateThs) },
  { key: 'power', label: 'Power', width: 90, align: 'right', render: (row) => (row.powerW === null ? noValue : `${row.powerW.toLocaleString('en-US')} W`) },
  { key: 'temp', label: 'Hottest', width: 80, align: 'right', render: (row) => (row.tempMaxC === null ? noValue : `${row.tempMaxC} °C`) },
  { key: 'pool', label: 'Pool', width: 260, render: (row) => clipped(findingPoolText(row)) },
  { key: 'ports', label: 'Open ports', width: 120, render: (row) => clipped(row.openPorts.join(', ') || null) },
  { key: 'message', label: 'Message', width: 320, render: (row) => clipped(row.message) },
];

export const proposalColumn: FindingColumn = { key: 'proposal', label: 'On commit', width: 320, render: (row) => <ProposalCell row={row} /> };
