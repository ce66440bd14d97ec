/** Words of the mail domain shared by the schema, the services and the renderer. */

/** How the connection to the SMTP server is protected: none (plain, port 25), STARTTLS (587) or TLS from the first byte (465). */
export const mailSecurityModes = ['none', 'starttls', 'tls'] as const;
export type MailSecurity = (typeof mailSecurityModes)[number];

export const mailSecurityLabels: Record<MailSecurity, string> = {
  none: 'None (plain text)',
  starttls: 'STARTTLS',
  tls: 'TLS',
};

/** The port each mode usually listens on. */
export const mailDefaultPorts: Record<MailSecurity, number> = { none: 25, starttls: 587, tls: 465 };

/**
 * A message in the outbox. queued: waiting for its first try; sending: with the server now; sent: the server
 * accepted it; failed_retrying: a try failed and another is planned; failed: given up (the server refused it for
 * good, or it waited too long): `mail.outbox.retry` queues it again.
 */
export const mailStatuses = ['queued', 'sending', 'sent', 'failed_retrying', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export const mailStatusLabels: Record<MailStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed_retrying: 'Failed, retrying',
  failed: 'Failed',
};

/** What a message is about: the record it was written for (a test e-mail has none). */
export const mailRelatedKinds = ['invoice', 'statement', 'announcement', 'payment'] as const;
export type MailRelatedKind = (typeof mailRelatedKinds)[number];

/** The templates the office can edit; each has its own placeholders. */
export const mailTemplateKinds = ['invoice', 'statement', 'receipt', 'reminder'] as const;
export type MailTemplateKind = (typeof mailTemplateKinds)[number];

export const mailTemplateLabels: Record<MailTemplateKind, string> = {
  invoice: 'Invoice',
  statement: 'Statement',
  receipt: 'Payment receipt',
  reminder: 'Payment reminder',
};

const commonPlaceholders = ['organisation.name', 'client.name', 'client.company'] as const;
const invoicePlaceholders = ['invoice.number', 'invoice.total', 'invoice.amountDue', 'invoice.dueDate', 'invoice.issueDate', 'invoice.period'] as const;

/** Every placeholder a template may use, per template: `{{client.name}}`. */
export const mailPlaceholders: Record<MailTemplateKind | 'announcement', readonly string[]> = {
  invoice: [...commonPlaceholders, ...invoicePlaceholders],
  reminder: [...commonPlaceholders, ...invoicePlaceholders, 'invoice.daysOverdue'],
  statement: [...commonPlaceholders, 'statement.from', 'statement.to', 'statement.openingBalance', 'statement.closingBalance'],
  receipt: [...commonPlaceholders, 'payment.amount', 'payment.date', 'payment.reference', 'client.balance'],
  announcement: commonPlaceholders,
};
