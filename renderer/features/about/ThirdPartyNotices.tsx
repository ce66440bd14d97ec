import { Button, Code, Group, Modal, Pagination, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ThirdPartyNotices as Notices, ThirdPartyPackage } from '../../../electron/contract/app';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SearchInput } from '../../components/ListSearch';
import { RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';

const pageSize = 20;
const columns = [{ label: 'Package' }, { label: 'Version', width: 130 }, { label: 'Licence', width: 260 }, { label: '', width: 150 }];

/** Written by the build from node_modules (tools/third-party-notices.mjs) and served beside the app's pages. */
async function fetchNotices(): Promise<Notices> {
  const reply = await fetch('/third-party-notices.json');
  if (!reply.ok) throw new Error(`The third-party notices could not be read (HTTP ${reply.status}).`);
  return (await reply.json()) as Notices;
}

/** The open-source packages the app ships, searchable by name or licence, each with its licence text. */
export function ThirdPartyNotices() {
  const notices = useQuery({ queryKey: ['third-party-notices'], queryFn: fetchNotices, staleTime: Infinity });
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<ThirdPartyPackage | null>(null);
  const matching = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const all = notices.data?.packages ?? [];
    return all.filter((pkg) => !needle || pkg.name.toLowerCase().includes(needle) || (pkg.license ?? '').toLowerCase().includes(needle));
  }, [notices.data, search]);
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const current = Math.min(page, pages);
  const rows = matching.slice((current - 1) * pageSize, current * pageSize).map((pkg, i) => ({ ...pkg, id: (current - 1) * pageSize + i + 1 }));
  const total = notices.data?.packages.length ?? 0;
  return (
    <Stack gap="sm">
      <SectionHeader
        title="Third-party notices"
        description="Hashdesk is built with these open-source packages, each under its own licence. The list is made from the installed packages at every build."
      />
      {notices.error && <ErrorAlert title="Notices unavailable" error={{ code: 'INTERNAL', message: notices.error.message }} />}
      <Group justify="space-between" align="center">
        <SearchInput
          label="Package or licence"
          placeholder="Search by package or licence, e.g. react or Apache"
          width={360}
          value={search}
          onSearch={(next) => {
            setSearch(next);
            setPage(1);
          }}
        />
        <Text size="sm" c="dimmed">
          {search.trim() ? `${matching.length} of ${total} packages match` : `${total} packages`}
        </Text>
      </Group>
      <RecordsTable label="Third-party packages" columns={columns} rows={rows} loading={notices.isLoading} empty="No package matches.">
        {(row) => (
          <Table.Tr>
            <Table.Td ff="monospace">{row.name}</Table.Td>
            <Table.Td>{row.version}</Table.Td>
            <Table.Td>{row.license ?? <Text c="dimmed">Not stated by the package</Text>}</Table.Td>
            <Table.Td ta="right">
              <Button variant="subtle" size="compact-sm" onClick={() => setShown(row)} aria-label={`Licence text of ${row.name}`}>
                Licence text
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {pages > 1 && <Pagination total={pages} value={current} onChange={setPage} aria-label="Notices pages" />}
      <Modal
        opened={shown !== null}
        onClose={() => setShown(null)}
        title={shown ? `${shown.name} ${shown.version}: ${shown.license ?? 'licence not stated'}` : ''}
        size="xl"
      >
        {shown && <LicenceText pkg={shown} texts={notices.data?.texts ?? []} />}
      </Modal>
    </Stack>
  );
}

function LicenceText({ pkg, texts }: { pkg: ThirdPartyPackage; texts: string[] }) {
  return (
    <Stack gap="sm">
      {pkg.link && (
        <Text size="sm" c="dimmed">
          Source: <Code>{pkg.link}</Code>
        </Text>
      )}
      {pkg.textId === null ? (
        <Text size="sm">The package ships no licence file{pkg.license ? `; its package.json states ${pkg.license}.` : ' and states no licence.'}</Text>
      ) : (
        <ScrollArea.Autosize mah="60vh">
          <Code block aria-label="Licence text">
            {texts[pkg.textId]}
          </Code>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
