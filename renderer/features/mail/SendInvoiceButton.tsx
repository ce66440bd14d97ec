import { Button, Menu, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconMail } from '@tabler/icons-react';
import type { InvoiceSummary } from '../../../electron/contract/invoices';
import type { InvoiceStatus } from '../../../electron/contract/invoices.vocab';
import { useCall } from '../../api/useCall';
import { useCanCall } from '../../api/usePermissions';
import { Permitted } from '../../components/Permitted';

/** Why an invoice in this status cannot be e-mailed, or null. */
const notSendable: Partial<Record<InvoiceStatus, string>> = {
  draft: 'Issue the invoice before sending it.',
  held: 'Held invoices are never sent: the client is In Default.',
  void: 'A void invoice is not sent.',
};

/**
 * Queues the invoice's e-mail with its PDF to the client's billing address (again, if it went before); an overdue
 * invoice can get the reminder instead. The answer names anything that was not sent.
 */
export function SendInvoiceButton({ invoice }: { invoice: Pick<InvoiceSummary, 'id' | 'kind' | 'status'> }) {
  const send = useCall('invoices.send', { failureTitle: 'The invoice was not sent' });
  const maySend = useCanCall('invoices.send').allowed;
  const run = async (template: 'invoice' | 'reminder') => {
    const outcome = await send.run({ ids: [invoice.id], template });
    if (outcome.ok) {
      const sent = outcome.value.queued.length > 0;
      notifications.show({
        color: sent ? 'green' : 'yellow',
        title: sent ? `${template === 'reminder' ? 'Reminder' : 'Invoice'} queued for e-mail` : 'Nothing was sent',
        message: sent ? `To ${outcome.value.queued[0].to.join(', ')}. See Mail → Outbox for its delivery.` : outcome.value.summary,
      });
    }
  };
  const refusal = notSendable[invoice.status];
  const owing = invoice.kind === 'invoice' && ['issued', 'partially_paid', 'overdue'].includes(invoice.status);
  const sendButton = (
    <Button variant="default" leftSection={<IconMail size={16} />} loading={send.running} onClick={() => void run('invoice')}>
      Send by e-mail
    </Button>
  );
  if (!maySend) return <Permitted procedure="invoices.send">{sendButton}</Permitted>;
  if (refusal)
    return (
      <Tooltip label={refusal}>
        <Button variant="default" leftSection={<IconMail size={16} />} data-disabled onClick={(event) => event.preventDefault()}>
          Send by e-mail
        </Button>
      </Tooltip>
    );
  if (!owing) return sendButton;
  return (
    <Button.Group>
      {sendButton}
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" px={6} aria-label="More ways to send">
            <IconChevronDown size={16} />
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void run('reminder')}>Send a payment reminder</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Button.Group>
  );
}
