import { Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { useCall, useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isNotFound, isRecordId, notFoundShownInPage } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { ClientForm, clientToForm, emptyClient } from './ClientForm';
import { ClientNotFound } from './ClientNotFound';

export function NewClientPage() {
  const navigate = useNavigate();
  const create = useCall('clients.create', { quiet: true });
  return (
    <>
      <PageHeader title="Add client" description="Name, contact e-mail and manager are required." />
      <ClientForm
        initialValues={emptyClient}
        submitLabel="Add client"
        procedure="clients.create"
        saving={create.running}
        failureTitle="The client was not added"
        onCancel={() => navigate('/clients')}
        onSubmit={async (values) => {
          const outcome = await create.run(values);
          if (outcome.ok) {
            notifications.show({ color: 'green', title: 'Client added', message: `${outcome.value.name} is client #${outcome.value.id}.` });
            navigate(`/clients/${outcome.value.id}`);
          }
          return outcome;
        }}
      />
    </>
  );
}

export function EditClientPage() {
  const param = useParams().id ?? '';
  const id = Number(param);
  const navigate = useNavigate();
  const client = useQueryCall('clients.get', { id }, { ...notFoundShownInPage, enabled: isRecordId(id) });
  const update = useCall('clients.update', { quiet: true });
  if (!isRecordId(id) || isNotFound(client.error)) return <ClientNotFound id={param} />;
  if (!client.data) return client.error ? <ErrorAlert title="This client could not be loaded" error={client.error.apiError} /> : <Loader />;
  return (
    <>
      <PageHeader title={`Edit ${client.data.name}`} description={`Client #${id}`} />
      <ClientForm
        initialValues={clientToForm(client.data)}
        submitLabel="Save client"
        procedure="clients.update"
        saving={update.running}
        failureTitle="The client was not saved"
        onCancel={() => navigate(`/clients/${id}`)}
        onSubmit={async (values) => {
          const outcome = await update.run({ id, ...values });
          if (outcome.ok) {
            notifications.show({ color: 'green', title: 'Client saved', message: `${outcome.value.name} was updated.` });
            navigate(`/clients/${id}`);
          }
          return outcome;
        }}
      />
    </>
  );
}
