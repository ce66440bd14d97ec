import type { DbOrTx } from '../../../db/open-db';
import type { JournalKind } from '../../contract/payments';
import { effectiveCurrency } from '../clients/clients.pricing';
import { requireClient, type ClientRow } from '../clients/clients.guards';
import { clientJournalLines, type JournalLineMinor } from '../payments/payments.journal';
import { getSettings, readSettingsRow } from '../settings/settings.service';

/**
 * A customer statement: per currency, the balance before the period, each movement that changed it inside the
 * period, and the balance at its end. Read from the client's journal (clientJournalLines), the one place that sums
 * a client's money, so a statement's balances are the journal's. Allocations only move money between a payment and
 * an invoice and leave the balance alone, so a statement does not list them.
 */

/** One movement: `chargeMinor` raises what the client owes (invoice, refund), `creditMinor` lowers it (payment, credit note, void). */
export type StatementRow = { date: string; kind: JournalKind; description: string; chargeMinor: number; creditMinor: number; balanceMinor: number };

export type StatementSection = { currency: string; openingMinor: number; rows: StatementRow[]; closingMinor: number };

export type Statement = {
  client: ClientRow;
  organisation: { name: string; address: string; taxId: string; logoDataUrl: string | null };
  from: string;
  to: string;
  timeZone: string;
  sections: StatementSection[];
};

const movementKinds = new Set<JournalKind>(['invoice', 'credit_note', 'invoice_void', 'payment', 'refund']);

function describe(line: JournalLineMinor): string {
  switch (line.kind) {
    case 'invoice':
      return `Invoice ${line.source}`;
    case 'credit_note':
      return line.destination.startsWith('Client account') ? `Credit note ${line.source}` : `Credit note ${line.source} for ${line.destination}`;
    case 'invoice_void':
      return `Invoice ${line.destination.replace(/ \(void\)$/, '')} voided`;
    case 'payment':
      return `Payment #${line.paymentId} received: ${line.source}`;
    default:
      return `Refund of payment #${line.paymentId}${line.destination.replace(/^Refund to client/, '')}`;
  }
}

function section(currency: string, lines: readonly JournalLineMinor[], from: string, to: string): StatementSection {
  let openingMinor = 0;
  const rows: StatementRow[] = [];
  for (const line of lines) {
    if (line.date < from) openingMinor = line.balanceMinor;
    else if (line.date <= to && movementKinds.has(line.kind)) {
      rows.push({
        date: line.date,
        kind: line.kind,
        description: describe(line),
        chargeMinor: Math.max(line.deltaMinor, 0),
        creditMinor: Math.max(-line.deltaMinor, 0),
        balanceMinor: line.balanceMinor,
      });
    }
  }
  return { currency, openingMinor, rows, closingMinor: rows.at(-1)?.balanceMinor ?? openingMinor };
}

/** The statement of `clientId` from `from` to `to` (inclusive, YYYY-MM-DD in the organisation's calendar, as the journal dates them). */
export function buildStatement(db: DbOrTx, clientId: number, from: string, to: string): Statement {
  const client = requireClient(db, clientId);
  const lines = clientJournalLines(db, clientId).filter((line) => line.date <= to);
  const currencies = [...new Set(lines.map((line) => line.currency))].sort();
  const sections = currencies
    .map((currency) =>
      section(
        currency,
        lines.filter((line) => line.currency === currency),
        from,
        to,
      ),
    )
    .filter((s) => s.rows.length > 0 || s.openingMinor !== 0);
  const settings = getSettings(db);
  return {
    client,
    organisation: { name: settings.organisationName, address: settings.address, taxId: settings.taxId, logoDataUrl: settings.logoDataUrl },
    from,
    to,
    timeZone: readSettingsRow(db).timeZone,
    sections: sections.length ? sections : [{ currency: effectiveCurrency(db, client), openingMinor: 0, rows: [], closingMinor: 0 }],
  };
}
