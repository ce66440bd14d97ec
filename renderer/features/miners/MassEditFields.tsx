import { Select, SegmentedControl, Stack, Tabs, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import type { MinerChanges } from '../../../electron/contract/miners.edit';
import { minerStates, type MinerState } from '../../../electron/contract/miners';
import { emailSchema } from '../../../electron/contract/fields';
import { useQueryCall } from '../../api/useCall';
import { AddClientByEmail } from './AddClientByEmail';
import { ClientSelect } from './ClientPickers';
import type { ChangeLabels } from './mass-edit-summary';
import { minerStateLabels } from './miner-format';
import { useRackOptions } from './useRackOptions';

/** What a mass-edit form has chosen so far; null while it is incomplete. */
export type Draft = { changes: MinerChanges; labels: ChangeLabels } | null;
/** Each form renders the dialog's summary and buttons for what it has chosen, so no state needs lifting. */
export type DraftProps = { footer: (draft: Draft) => ReactNode };

function PaidChoice({ value, onChange }: { value: boolean | undefined; onChange: (paid: boolean | undefined) => void }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Payment status
      </Text>
      <SegmentedControl
        aria-label="Payment status"
        value={value === undefined ? 'keep' : value ? 'paid' : 'unpaid'}
        onChange={(next) => onChange(next === 'keep' ? undefined : next === 'paid')}
        data={[
          { value: 'keep', label: 'Keep as is' },
          { value: 'paid', label: 'Paid' },
          { value: 'unpaid', label: 'Unpaid' },
        ]}
      />
    </Stack>
  );
}

/** The client whose contact e-mail this is, as the service will find it. */
function useClientByEmail(email: string | null) {
  const found = useQueryCall('clients.list', { search: email ?? '', limit: 5 }, { enabled: email !== null });
  return email === null ? undefined : found.data && (found.data.rows.find((row) => row.contactEmail.toLowerCase() === email) ?? null);
}

/** MoonOne's "Edit client": a contact e-mail or a picked client (or none), and the payment status. */
export function ClientFields({ footer }: DraftProps) {
  const [mode, setMode] = useState<string | null>('email');
  const [emailText, setEmailText] = useState('');
  const [debounced] = useDebouncedValue(emailText, 250);
  const parsedEmail = emailSchema.safeParse(debounced);
  const email = parsedEmail.success ? parsedEmail.data : null;
  const byEmail = useClientByEmail(email);
  const [picked, setPicked] = useState<{ id: number | null; label: string } | undefined>();
  const [paid, setPaid] = useState<boolean | undefined>();

  // A typed e-mail counts only once it is a client's: Confirm stays off for an unknown one (Add client is offered).
  const emailTyped = mode === 'email' && emailText.trim() !== '';
  const client: Partial<MinerChanges> | null = mode === 'email' ? (email && byEmail ? { clientEmail: email } : null) : picked ? { clientId: picked.id } : null;
  const labels = mode === 'email' ? { client: byEmail?.name, clientId: byEmail?.id } : { client: picked?.label, clientId: picked?.id ?? undefined };
  const paidChange = paid === undefined ? {} : { paid };
  const draft: Draft = client
    ? { changes: { ...client, ...paidChange }, labels }
    : paid !== undefined && !emailTyped
      ? { changes: { paid }, labels: {} }
      : null;

  return (
    <Stack>
      <Tabs value={mode} onChange={setMode}>
        <Tabs.List>
          <Tabs.Tab value="email">By e-mail</Tabs.Tab>
          <Tabs.Tab value="pick">Pick a client</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="email" pt="sm">
          <TextInput
            label="Client e-mail"
            description="The contact e-mail of the client the miners go to"
            placeholder="ops@example.com"
            type="email"
            data-autofocus
            value={emailText}
            onChange={(e) => setEmailText(e.currentTarget.value)}
            error={debounced.trim() !== '' && !email ? 'Type a full e-mail address, like ops@example.com' : undefined}
          />
          {byEmail && (
            <Text size="sm" c="green" mt={4}>
              {byEmail.name} (#{byEmail.id}) has this e-mail.
            </Text>
          )}
          {byEmail === null && email && <AddClientByEmail email={email} />}
        </Tabs.Panel>
        <Tabs.Panel value="pick" pt="sm">
          <ClientSelect label="Client" value={picked?.id} onChange={(id, label) => setPicked({ id, label })} />
        </Tabs.Panel>
      </Tabs>
      <PaidChoice value={paid} onChange={setPaid} />
      {footer(draft)}
    </Stack>
  );
}

function placeDraft(siteId: string | null, rackId: string | null, siteName: string | undefined, rack: string | undefined): Draft {
  if (!siteId) return null;
  if (siteId === 'none') return { changes: { siteId: null, rackId: null }, labels: {} };
  const rackChange = rackId === null ? {} : { rackId: rackId === 'none' ? null : Number(rackId) };
  return { changes: { siteId: Number(siteId), ...rackChange }, labels: { site: siteName, rack } };
}

export function SiteRackFields({ footer }: DraftProps) {
  const [siteId, setSiteId] = useState<string | null>(null);
  const [rackId, setRackId] = useState<string | null>(null);
  const { sites, racks } = useRackOptions(siteId && siteId !== 'none' ? [Number(siteId)] : [], true);
  const siteRacks = siteId && siteId !== 'none' ? racks : [];
  const group = siteRacks.find((g) => g.items.some((item) => item.value === rackId));
  const rack = group?.items.find((item) => item.value === rackId);
  const draft = placeDraft(siteId, rackId, sites.find((s) => s.id === Number(siteId))?.name, rack && `${rack.label} (${group?.group})`);
  return (
    <Stack>
      <Select
        label="Site"
        placeholder="Choose a site"
        data-autofocus
        data={[{ value: 'none', label: 'No site (take out of every site)' }, ...sites.map((s) => ({ value: String(s.id), label: s.name }))]}
        value={siteId}
        onChange={(value) => {
          setSiteId(value);
          setRackId(null);
        }}
      />
      <Select
        label="Rack"
        description="Left empty, miners moving to another site leave their racks; a new rack leaves the position empty"
        placeholder={siteId && siteId !== 'none' ? 'Keep as is' : 'Choose a site first'}
        disabled={!siteId || siteId === 'none'}
        searchable
        clearable
        data={[{ group: 'Out of any rack', items: [{ value: 'none', label: 'No rack' }] }, ...siteRacks]}
        value={rackId}
        onChange={setRackId}
      />
      {footer(draft)}
    </Stack>
  );
}

export function TagFields({ footer, remove }: DraftProps & { remove: boolean }) {
  const [tags, setTags] = useState<string[]>([]);
  return (
    <Stack>
      <TagsInput
        label={remove ? 'Tags to remove' : 'Tags to add'}
        description="Press Enter after each tag; commas and semicolons are not allowed"
        data-autofocus
        maxTags={20}
        value={tags}
        onChange={(values) => setTags(values.map((t) => t.trim()).filter((t) => t && t.length <= 40 && !/[,;]/.test(t)))}
      />
      {footer(tags.length ? { changes: remove ? { removeTags: tags } : { addTags: tags }, labels: {} } : null)}
    </Stack>
  );
}

export function StateFields({ footer }: DraftProps) {
  const [state, setState] = useState<MinerState | null>(null);
  return (
    <Stack>
      <Select
        label="State"
        placeholder="Choose a state"
        data-autofocus
        data={minerStates.map((s) => ({ value: s, label: minerStateLabels[s] }))}
        value={state}
        onChange={(value) => setState(value as MinerState | null)}
      />
      {footer(state ? { changes: { state }, labels: {} } : null)}
    </Stack>
  );
}

export function NotesFields({ footer }: DraftProps) {
  const [notes, setNotes] = useState('');
  return (
    <Stack>
      <Textarea
        label="Notes"
        description="Replaces the notes of every selected miner; left empty, it clears them"
        autosize
        minRows={3}
        maxLength={2000}
        data-autofocus
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      {footer({ changes: { notes }, labels: {} })}
    </Stack>
  );
}

export function PaidFields({ footer, paid }: DraftProps & { paid: boolean }) {
  return footer({ changes: { paid }, labels: {} });
}
