import { ActionIcon, Box, Anchor, Button, Group, Table, Text } from '@mantine/core';
import { IconLayoutGrid, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Site } from '../../../electron/contract/sites';
import { useQueryCall } from '../../api/useCall';
import { SearchInput } from '../../components/ListSearch';
import { RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { SiteDrawer } from './SiteDrawer';
import { SiteFormModal } from './SiteFormModal';
import { organisationDefaultText } from './time-zones';
import { Permitted } from '../../components/Permitted';

const columns = [
  { label: 'Name', width: 180 },
  { label: 'Time zone', width: 240 },
  { label: 'Address' },
  { label: 'Rooms', width: 90, align: 'right' as const },
  { label: 'Racks', width: 90, align: 'right' as const },
  { label: 'Miners', width: 100, align: 'right' as const },
  { label: 'Actions', width: 90, align: 'right' as const },
];

/** Settings → Sites & racks: where miners stand. The open site's layout lives in the URL (?site=), so it can be linked. */
export function SitesTab() {
  const [term, setTerm] = useState('');
  const sites = useQueryCall('sites.list', { search: term });
  const settings = useQueryCall('settings.get', {});
  const [params, setParams] = useSearchParams();
  const openSiteId = Number(params.get('site')) || null;
  const [editing, setEditing] = useState<{ site: Site | null } | null>(null);

  const openSite = (id: number | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id === null) next.delete('site');
        else next.set('site', String(id));
        return next;
      },
      { replace: true },
    );

  return (
    <div>
      <SectionHeader
        title="Sites"
        description="The facilities where miners stand. Each site has rooms or containers, and those have racks with numbered positions; a site without its own time zone follows the organisation's."
        action={
          <Permitted procedure="sites.create">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ site: null })}>
              Add site
            </Button>
          </Permitted>
        }
      />
      <Box mb="md">
        <SearchInput label="Search sites" placeholder="Search by name or address" width={360} value={term} onSearch={(text) => setTerm(text.trim())} />
      </Box>
      <RecordsTable
        label="Sites"
        columns={columns}
        loading={sites.isLoading}
        rows={sites.data}
        empty={term ? `No site matches "${term}".` : 'No sites yet. Add the facility where your miners stand, then its rooms or containers and racks.'}
      >
        {(site) => (
          <Table.Tr>
            <Table.Td fw={500}>
              <Anchor component="button" type="button" fw={500} onClick={() => openSite(site.id)}>
                {site.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{site.timeZone ?? <Text c="dimmed">{organisationDefaultText(site.effectiveTimeZone)}</Text>}</Table.Td>
            <Table.Td>
              {site.address ? (
                <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-line' }}>
                  {site.address}
                </Text>
              ) : (
                <Text c="dimmed">—</Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{site.roomCount}</Table.Td>
            <Table.Td ta="right">{site.rackCount}</Table.Td>
            <Table.Td ta="right">
              <Anchor component={Link} to={`/miners?site=${site.id}`} aria-label={`Miners at ${site.name}: ${site.minerCount}`}>
                {site.minerCount.toLocaleString('en-US')}
              </Anchor>
            </Table.Td>
            <Table.Td ta="right">
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <ActionIcon variant="subtle" aria-label={`Rooms and racks of ${site.name}`} onClick={() => openSite(site.id)}>
                  <IconLayoutGrid size={16} />
                </ActionIcon>
                <Permitted procedure="sites.update">
                  <ActionIcon variant="subtle" aria-label={`Edit ${site.name}`} onClick={() => setEditing({ site })}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Permitted>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      <SiteDrawer siteId={openSiteId} onEditSite={(site) => setEditing({ site })} onClose={() => openSite(null)} />
      {editing && settings.data && (
        <SiteFormModal
          site={editing.site}
          organisationTimeZone={settings.data.timeZone}
          onSaved={(saved) => {
            setEditing(null);
            if (!editing.site) openSite(saved.id);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
