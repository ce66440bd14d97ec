import { Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../electron/contract';
import { siteCalls, type Site, type SiteDetail } from '../../../electron/contract/sites';
import { FormModal } from '../../components/FormModal';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { organisationDefaultText, timeZones } from './time-zones';

type FormValues = Input<'sites.create'>;

/** Add (site = null) or edit a site; `onSaved` gets the stored site. Mount it while the form is open. */
export function SiteFormModal(props: { site: Site | null; organisationTimeZone: string; onSaved: (site: SiteDetail) => void; onClose: () => void }) {
  const { site } = props;
  const form = useForm<FormValues>({
    initialValues: { name: site?.name ?? '', timeZone: site?.timeZone ?? null, address: site?.address ?? '', notes: site?.notes ?? '' },
    validate: validateWith(siteCalls['sites.create'].input),
  });
  const create = useFormCall('sites.create', form, { failureTitle: 'The site was not added' });
  const update = useFormCall('sites.update', form, { failureTitle: 'The site was not saved' });

  const submit = form.onSubmit(async (values) => {
    const outcome = site ? await update.run({ id: site.id, ...values }) : await create.run(values);
    if (!outcome.ok) return;
    notifications.show({
      color: 'green',
      title: site ? 'Site saved' : 'Site added',
      message: site ? `${outcome.value.name} was saved.` : `${outcome.value.name} was added. Add its rooms or containers and racks next.`,
    });
    props.onSaved(outcome.value);
  });

  return (
    <FormModal
      title={site ? `Edit ${site.name}` : 'Add site'}
      submitLabel="Save site"
      saving={create.running || update.running}
      procedure={site ? 'sites.update' : 'sites.create'}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <TextInput label="Site name" withAsterisk data-autofocus placeholder="Midland TX" {...form.getInputProps('name')} />
      <Select
        label="Time zone"
        searchable
        clearable
        data={timeZones}
        placeholder={organisationDefaultText(props.organisationTimeZone)}
        description="Days, billing periods and due dates at this site follow this calendar. Leave it empty to follow the organisation's."
        nothingFoundMessage="No time zone by that name"
        {...form.getInputProps('timeZone')}
      />
      <Textarea label="Address" autosize minRows={2} {...form.getInputProps('address')} />
      <Textarea label="Notes" autosize minRows={2} description="Access, power feed, contacts on site…" {...form.getInputProps('notes')} />
    </FormModal>
  );
}
