import { eq } from 'drizzle-orm';
import type Mail from 'nodemailer/lib/mailer';
import type { DbOrTx } from '../../../db/open-db';
import { mailAttachments, type mailMessages } from '../../../db/schema';
import { renderInvoicePdf } from '../invoices/invoice.pdf';
import { getInvoice } from '../invoices/invoices.read';
import type { SmtpServer } from './mail.settings';
import { senderOf } from './mail.transport';

type MessageRow = typeof mailMessages.$inferSelect;

/** The e-mail as it leaves: the sender from Settings, the stored text, and its attachments (an invoice's PDF printed now). */
export async function composeMail(db: DbOrTx, row: MessageRow, server: SmtpServer): Promise<Mail.Options> {
  const files = db.select().from(mailAttachments).where(eq(mailAttachments.messageId, row.id)).orderBy(mailAttachments.id).all();
  const attachments: Mail.Attachment[] = [];
  for (const file of files) {
    const content = file.invoiceId === null ? file.content! : await renderInvoicePdf(getInvoice(db, file.invoiceId));
    attachments.push({ filename: file.fileName, contentType: file.contentType, content });
  }
  const cc = JSON.parse(row.ccJson) as string[];
  return {
    from: senderOf(server),
    to: JSON.parse(row.toJson) as string[],
    cc: cc.length ? cc : undefined,
    replyTo: server.replyTo ?? undefined,
    subject: row.subject,
    text: row.body,
    attachments,
    headers: { 'X-Hashdesk-Message': String(row.id) },
  };
}
