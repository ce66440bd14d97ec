import { Checkbox, Radio, ScrollArea, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { InvoiceDetail } from '../../../../electron/contract/invoices';
import { currencyDecimals, formatMoney, parseDecimal } from '../../../../electron/contract/money';
import { useCall } from '../../../api/useCall';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { moneyText } from '../../contracts/contract-format';
import { invoiceName } from '../invoice-format';
import { lineSubject } from './InvoiceLinesTable';

type Picked = Record<number, { on: boolean; amount: string }>;

/** What the picked lines credit before tax, in minor units; null while an amount is not a number. */
function creditedMinor(invoice: InvoiceDetail, picked: Picked): number | null {
  const decimals = currencyDecimals(invoice.currency);
  let sum = 0;
  for (const line of invoice.lines) {
    const pick = picked[line.position];
    if (!pick?.on) continue;
    const minor = parseDecimal(pick.amount.trim() || line.amount, decimals);
    if (minor === null) return null;
    sum += minor;
  }
  return sum;
}

/** A credit note against an issued invoice: all of it (taxes exactly), or chosen lines, each whole or an amount of it. */
export function CreditNoteDialog({ invoice, onClose }: { invoice: InvoiceDetail; onClose: () => void }) {
  const credit = useCall('invoices.creditNote', { quiet: true });
  const navigate = useNavigate();
  const [scope, setScope] = useState<'whole' | 'lines'>('whole');
  const [picked, setPicked] = useState<Picked>({});
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ reason?: string; lines?: string }>({});
  const name = invoiceName(invoice);
  const chosen = invoice.lines.filter((line) => picked[line.position]?.on);
  const sum = creditedMinor(invoice, picked);

  const setLine = (position: number, change: Partial<Picked[number]>) => {
    setProblem((now) => ({ ...now, lines: undefined }));
    setPicked((now) => ({ ...now, [position]: { ...(now[position] ?? { on: false, amount: '' }), ...change } }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      reason: reason.trim() ? undefined : 'Say why the invoice is credited',
      lines: scope === 'lines' && !chosen.length ? 'Pick at least one line' : undefined,
    };
    setProblem(found);
    if (found.reason || found.lines) return;
    const lines =
      scope === 'lines'
        ? chosen.map((line) => ({ position: line.position, ...(picked[line.position].amount.trim() ? { amount: picked[line.position].amount.trim() } : {}) }))
        : undefined;
    const outcome = await credit.run({ invoiceId: invoice.id, reason, ...(lines ? { lines } : {}) });
    if (!outcome.ok) return setProblem({ lines: outcome.error.fields?.lines });
    notifications.show({ color: 'green', title: 'Credit note issued', message: `${outcome.value.number} credits ${name}.` });
    onClose();
    navigate(`/invoices/${outcome.value.id}`);
  };

  return (
    <FormModal
      title={`Credit note for ${name}`}
      submitLabel="Issue credit note"
      saving={credit.running}
      procedure="invoices.creditNote"
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        The credit note gets its own number and negative amounts, and links to {name}, which stays as issued. All credit notes of an invoice together never
        exceed its total ({moneyText(invoice.total, invoice.currency)}).
      </Text>
      <Radio.Group label="Credit" value={scope} onChange={(value) => setScope(value as 'whole' | 'lines')}>
        <Stack gap="xs" mt={6}>
          <Radio value="whole" label={`The whole invoice, taxes included (${moneyText(invoice.total, invoice.currency)})`} />
          <Radio value="lines" label="Chosen lines (taxes on the credited sum at the invoice's rates)" />
        </Stack>
      </Radio.Group>
      {scope === 'lines' && (
        <ScrollArea.Autosize mah={220} type="auto">
          <Table verticalSpacing={4} aria-label="Lines to credit">
            <Table.Tbody>
              {invoice.lines.map((line) => (
                <Table.Tr key={line.position}>
                  <Table.Td w={36}>
                    <Checkbox
                      aria-label={`Credit line ${line.position}`}
                      checked={picked[line.position]?.on ?? false}
                      onChange={(e) => setLine(line.position, { on: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {line.position}. {lineSubject(line)}
                    </Text>
                  </Table.Td>
                  <Table.Td w={110}>
                    <TextInput
                      size="xs"
                      aria-label={`Amount to credit on line ${line.position}`}
                      placeholder={line.amount}
                      disabled={!picked[line.position]?.on}
                      value={picked[line.position]?.amount ?? ''}
                      onChange={(e) => setLine(line.position, { amount: e.currentTarget.value })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {scope === 'lines' && (
        <Text size="sm" c={problem.lines ? 'red' : 'dimmed'} role={problem.lines ? 'alert' : undefined}>
          {problem.lines ??
            (sum === null
              ? 'An amount is not a number like 12.50.'
              : `Lines credited: ${formatMoney(sum, invoice.currency)} before tax. A line left blank is credited whole.`)}
        </Text>
      )}
      <Textarea
        label="Reason"
        withAsterisk
        placeholder="e.g. Miner was offline for maintenance we caused"
        autosize
        minRows={2}
        value={reason}
        error={problem.reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setProblem((now) => ({ ...now, reason: undefined }));
        }}
      />
      <ErrorAlert title="No credit note issued" error={credit.error} />
    </FormModal>
  );
}
