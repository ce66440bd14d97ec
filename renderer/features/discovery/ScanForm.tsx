import { Accordion, Alert, Button, Card, Checkbox, Group, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconInfoCircle, IconRadar } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { maxScanRate, minScanRate } from '../../../electron/contract/discovery';
import { defaultScanPorts } from '../../../electron/contract/discovery.vocab';
import { exampleAddresses } from '../../../electron/contract/ip-ranges';
import { invoke } from '../../api/client';
import { useCall, useQueryCall } from '../../api/useCall';
import { checkScanForm, scanFormErrors, type ScanFormErrors, type ScanFormValues } from './scan-form';
import { PermittedSubmit } from '../../components/Permitted';

const initialValues: ScanFormValues = { siteId: null, rangesText: '', ports: defaultScanPorts.map(String), saveRanges: false, maxRate: '' };
const allSites = { search: '' } as const;

/** The ranges to scan, the site found miners join, and the ports; starts the scan in the background. */
export function ScanForm({ onStarted }: { onStarted: (scanId: number) => void }) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<ScanFormErrors>({});
  const [savedRanges, setSavedRanges] = useState<string[]>([]);
  const sites = useQueryCall('sites.list', allSites);
  const start = useCall('discovery.scan', { failureTitle: 'The scan did not start' });
  const check = checkScanForm(values);

  const change = (next: Partial<ScanFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setErrors({});
  };

  // The site's saved ranges replace what is typed; a site without any keeps it.
  const chooseSite = async (siteId: string | null) => {
    change({ siteId, saveRanges: siteId === null ? false : values.saveRanges });
    setSavedRanges([]);
    if (siteId === null) return;
    const saved = await invoke('discovery.ranges.get', { siteId: Number(siteId) });
    if (saved.ok && saved.value.ranges.length) {
      setSavedRanges(saved.value.ranges);
      change({ rangesText: saved.value.ranges.join('\n') });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check.ok) return setErrors(check.errors);
    const outcome = await start.run(check.input);
    if (outcome.ok) onStarted(outcome.value.id);
    else setErrors(scanFormErrors(outcome.error.fields, values));
  };

  const siteName = sites.data?.find((site) => String(site.id) === values.siteId)?.name;
  return (
    <Card withBorder radius="md" padding="lg" component="form" onSubmit={submit} noValidate aria-label="New scan">
      <Stack gap="md">
        <Text fw={700} size="lg">
          New scan
        </Text>
        <Select
          label="Site"
          description="Miners found join this site when you add them, and known miners are matched within it."
          placeholder="No site"
          clearable
          searchable
          data={(sites.data ?? []).map((site) => ({ value: String(site.id), label: site.name }))}
          value={values.siteId}
          onChange={chooseSite}
          error={errors.siteId}
        />
        <Textarea
          label="Ranges"
          description={`One per line: ${exampleAddresses.cidr}, ${exampleAddresses.range}, ${exampleAddresses.shortRange} or one address. Each at most a /16 (65,536 addresses).`}
          placeholder={`${exampleAddresses.cidr}\n${exampleAddresses.range}`}
          autosize
          minRows={3}
          maxRows={12}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={values.rangesText}
          onChange={(event) => change({ rangesText: event.currentTarget.value })}
          error={errors.ranges && <span style={{ whiteSpace: 'pre-line' }}>{errors.ranges}</span>}
        />
        {savedRanges.length > 0 && (
          <Text size="xs" c="dimmed">
            Filled in from {siteName ?? 'the site'}&apos;s saved ranges.
          </Text>
        )}
        <Checkbox
          label="Save as this site's ranges"
          description={values.siteId ? `The next scan of ${siteName ?? 'this site'} starts with them.` : 'Choose a site first.'}
          disabled={values.siteId === null}
          checked={values.saveRanges}
          onChange={(event) => change({ saveRanges: event.currentTarget.checked })}
        />
        <Accordion variant="contained" chevronPosition="left">
          <Accordion.Item value="advanced">
            <Accordion.Control>
              Advanced: ports {values.ports.join(', ') || 'none'} ·{' '}
              {values.maxRate.trim() ? `at most ${values.maxRate.trim()} addresses a second` : 'no rate cap'}
            </Accordion.Control>
            <Accordion.Panel>
              <TagsInput
                label="Ports"
                description="Each address is tried on these TCP ports; press Enter after each. 80 web UI, 4028 CGMiner RPC, 4433 Whatsminer API v3, 8080 Auradine."
                value={values.ports}
                onChange={(ports) => change({ ports })}
                maxTags={16}
                error={errors.ports && <span style={{ whiteSpace: 'pre-line' }}>{errors.ports}</span>}
              />
              <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => change({ ports: defaultScanPorts.map(String) })}>
                Back to the default ports
              </Button>
              <TextInput
                mt="md"
                label="At most this many addresses a second"
                description={`Leave it empty to scan as fast as the network answers. A cap (${minScanRate} to ${maxScanRate.toLocaleString('en-US')}) keeps a busy or fragile network calm; a /16 at 500 a second takes about two minutes.`}
                placeholder="No cap"
                inputMode="numeric"
                w={{ base: '100%', sm: 420 }}
                value={values.maxRate}
                onChange={(event) => change({ maxRate: event.currentTarget.value })}
                error={errors.maxRate}
              />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} title="What the scanner does">
          It only connects to the addresses in the ranges typed above, on the ports listed. It opens a TCP connection on each and asks the hosts that answer
          what they are; it changes nothing on them.
        </Alert>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {check.ok ? `${check.addresses.toLocaleString('en-US')} addresses × ${new Set(check.input.ports).size} ports` : ''}
          </Text>
          <PermittedSubmit procedure="discovery.scan" saving={start.running} leftSection={<IconRadar size={18} />}>
            Start scan
          </PermittedSubmit>
        </Group>
      </Stack>
    </Card>
  );
}
