import { useState, type ReactNode } from 'react';
import type { InvoiceSummary } from '../../../electron/contract/invoices';
import type { RecordedPayment } from '../../../electron/contract/payments';
import { PaymentFollowUp } from './PaymentFollowUp';
import { RecordPaymentDialog } from './RecordPaymentDialog';

type Payer = { id: number; name: string; currency: string };

/** The Record payment dialog and what follows it (restore pools, set Active): `open()` it, render `dialogs` in the page. */
export function useRecordPayment(client: Payer | null): { open: (invoice?: InvoiceSummary) => void; dialogs: ReactNode } {
  const [asked, setAsked] = useState<{ invoice?: InvoiceSummary } | null>(null);
  const [recorded, setRecorded] = useState<RecordedPayment | null>(null);
  const dialogs = client && (
    <>
      {asked && (
        <RecordPaymentDialog
          clientId={client.id}
          clientName={client.name}
          currency={client.currency}
          invoice={asked.invoice}
          onRecorded={setRecorded}
          onClose={() => setAsked(null)}
        />
      )}
      {recorded && <PaymentFollowUp clientId={client.id} clientName={client.name} recorded={recorded} onClose={() => setRecorded(null)} />}
    </>
  );
  return { open: (invoice) => setAsked({ invoice }), dialogs };
}
