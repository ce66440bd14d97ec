import type { InvoiceDetail, InvoiceLine } from '../../electron/contract/invoices';

/** A billed line for PDF tests: a calculated miner line unless overridden. */
export function line(position: number, overrides: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    position,
    contractId: 7,
    contractNumber: 'HD-2026-0042',
    minerId: position,
    minerLabel: `S19-${String(position).padStart(4, '0')}`,
    method: 'calculated',
    quantity: '2414.750',
    unit: 'kWh',
    rate: '0.0685',
    amount: '165.41',
    explanation: 'Nominal power × hours online',
    ...overrides,
  };
}

/** An issued invoice to a client whose name and address need Unicode. */
export function sampleInvoice(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    id: 12,
    kind: 'invoice',
    number: 'INV-2026-000123',
    status: 'issued',
    clientId: 3,
    clientName: 'Zoë Łukasiewicz',
    contractId: 7,
    contractNumber: 'HD-2026-0042',
    period: '2026-03',
    issueDate: '2026-04-02',
    dueDate: '2026-04-17',
    currency: 'USD',
    subtotal: '1330.82',
    tax: '133.08',
    total: '1463.90',
    amountPaid: '0',
    amountDue: '1463.90',
    creditedInvoiceId: null,
    periodFrom: '2026-02-28T23:00:00.000Z',
    periodTo: '2026-03-31T22:00:00.000Z',
    timeZone: 'Europe/Warsaw',
    netDays: 15,
    lines: [
      line(1),
      line(2, { minerLabel: null, minerId: null, method: 'fixed', quantity: '1', unit: 'month', rate: '1000.00', amount: '1000.00' }),
      line(3, { method: 'hash', quantity: '120', unit: 'TH/s-day', rate: '0.0545', amount: '6.54', minerLabel: 'M50-0003' }),
      line(4, { amount: '158.87', minerLabel: 'M50-0004' }),
    ],
    taxes: [{ name: 'VAT', percent: '10', amount: '133.08' }],
    taxExemption: null,
    billTo: {
      name: 'Zoë Łukasiewicz',
      company: 'Müller GmbH',
      address: 'Königstraße 12\nHinterhaus',
      city: 'Kraków',
      zip: '30-001',
      country: 'Poland',
      taxId: 'PL1234567890',
      email: 'zoe@example.test',
    },
    organisation: {
      name: 'Northwind Hosting',
      address: '1 Power Road\nReykjavík',
      taxId: 'IS-998877',
      logoDataUrl: null,
      paymentInstructions: 'Bank: Íslandsbanki, IBAN IS14 0159 2600 7654 5510 7303 39\nBTC: bc1qexampleaddress0000000000000000000',
    },
    contracts: [{ id: 7, number: 'HD-2026-0042', type: 'hosted' }],
    notes: 'Thank you — děkujeme.',
    heldReason: null,
    reason: null,
    voidReason: null,
    voidedAt: null,
    issuedAt: '2026-04-02T08:00:00.000Z',
    creditNotes: [],
    credits: null,
    ...overrides,
  };
}
