import { Alert, Badge, Group, Select, Table, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useQueryCall } from '../../api/useCall';
import { RecordsTable } from '../../components/RecordsTable';
import { liveStatusColors, liveStatusLabels } from '../miners/miner-format';
import { wattsText } from './power-format';

const columns = [
  { label: 'Position', width: 90 },
  { label: 'Miner', width: 180 },
  { label: 'Status', width: 130 },
  { label: 'PDU outlet' },
  { label: 'Outlet power', width: 130, align: 'right' as const },
];

/** Pick a site and a rack: each position with its miner and the PDU outlet that feeds it. */
export function RackPowerTab() {
  // The chosen site and rack are in the URL (?tab=racks&site=1&rack=2).
  const [params, setParams] = useSearchParams();
  const siteId = params.get('site');
  const rackId = params.get('rack');
  const choose = (site: string | null, rack: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of [
          ['site', site],
          ['rack', rack],
        ] as const) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  const sites = useQueryCall('sites.list', { search: '' });
  const site = useQueryCall('sites.get', { id: Number(siteId) }, { enabled: siteId !== null });
  const view = useQueryCall('power.racks.view', { rackId: Number(rackId) }, { enabled: rackId !== null });
  const rackOptions = (site.data?.rooms ?? []).flatMap((room) => room.racks.map((rack) => ({ value: String(rack.id), label: `${room.name} / ${rack.name}` })));
  const rows = view.data?.positions.map((p) => ({ ...p, id: p.position }));
  const unplaced = view.data?.unplacedOutlets ?? [];
  return (
    <div>
      <Group mb="md">
        <Select
          label="Site"
          placeholder="Choose a site"
          data={(sites.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          value={siteId}
          onChange={(next) => choose(next, null)}
        />
        <Select
          label="Rack"
          placeholder={siteId ? 'Choose a rack' : 'Choose a site first'}
          data={rackOptions}
          value={rackId}
          onChange={(next) => choose(siteId, next)}
          disabled={!siteId}
        />
      </Group>
      {rackId === null ? (
        <Text c="dimmed" size="sm">
          Choose a site and a rack to see which outlet feeds each position. Map outlets to miners from a PDU in the Devices tab.
        </Text>
      ) : (
        <>
          <RecordsTable label="Rack positions" columns={columns} loading={view.isLoading} rows={rows} empty="This rack has no positions.">
            {(p) => (
              <Table.Tr>
                <Table.Td>#{p.position}</Table.Td>
                <Table.Td fw={p.miner ? 500 : undefined}>
                  {p.miner?.assetId ?? (
                    <Text c="dimmed" size="sm">
                      Empty
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {p.miner && (
                    <Badge variant="light" color={liveStatusColors[p.miner.liveStatus]}>
                      {liveStatusLabels[p.miner.liveStatus]}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {p.outlet
                    ? `${p.outlet.deviceName} · outlet ${p.outlet.outletIndex}${p.outlet.name ? ` (${p.outlet.name})` : ''}`
                    : p.miner
                      ? 'Not mapped'
                      : ''}
                </Table.Td>
                <Table.Td ta="right">{p.outlet ? wattsText(p.outlet.powerW) : ''}</Table.Td>
              </Table.Tr>
            )}
          </RecordsTable>
          {unplaced.length > 0 && (
            <Alert mt="md" color="gray" title="Outlets of this rack's PDUs that feed no miner in the rack">
              {unplaced.map((o) => `${o.deviceName} · ${o.outletIndex}${o.miner ? ` → ${o.miner.assetId}` : ''}`).join(', ')}
            </Alert>
          )}
        </>
      )}
    </div>
  );
}
