import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { mailSettings } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { MailSettings } from '../../contract/mail';
import { recordAudit } from '../audit/record-audit';
import type { SecretBox } from '../secrets/secret-box';

type MailSettingsRow = typeof mailSettings.$inferSelect;
const MAIL_SETTINGS_ID = 1;

/** The server as the sender uses it, the password opened for the moment of the connection. */
export type SmtpServer = Omit<MailSettingsRow, 'id' | 'passwordEnc' | 'updatedAt'> & { password: string | null };

const readRow = (db: DbOrTx): MailSettingsRow | undefined => db.select().from(mailSettings).where(eq(mailSettings.id, MAIL_SETTINGS_ID)).get();

function toMailSettings(row: MailSettingsRow | undefined): MailSettings {
  if (!row)
    return {
      host: '',
      port: 587,
      security: 'starttls',
      username: '',
      passwordSet: false,
      fromName: '',
      fromAddress: '',
      replyTo: null,
      configured: false,
      updatedAt: null,
    };
  const { id: _id, passwordEnc, ...rest } = row;
  return { ...rest, passwordSet: passwordEnc !== null, configured: true };
}

/** What the audit keeps of the settings: everything but the password, and whether that was changed. */
function auditView(row: MailSettingsRow | undefined, passwordChanged: boolean) {
  if (!row) return undefined;
  const { passwordSet, configured: _configured, updatedAt: _updatedAt, ...rest } = toMailSettings(row);
  return { ...rest, passwordSet, passwordChanged };
}

export const getMailSettings = (db: DbOrTx): MailSettings => toMailSettings(readRow(db));

/** Saves the server; the password is sealed before it is stored, and kept when the input leaves it out. */
export function updateMailSettings(db: DbOrTx, input: ParsedInputOf<Contract['mail.settings.update']>, secrets: SecretBox, actor: string): MailSettings {
  return db.transaction((tx) => {
    const before = readRow(tx);
    const { password, ...fields } = input;
    const next: MailSettingsRow = {
      id: MAIL_SETTINGS_ID,
      ...fields,
      passwordEnc: password === undefined ? (before?.passwordEnc ?? null) : password === null ? null : secrets.seal(password),
      updatedAt: new Date().toISOString(),
    };
    tx.insert(mailSettings).values(next).onConflictDoUpdate({ target: mailSettings.id, set: next }).run();
    recordAudit(tx, {
      actor,
      action: 'mail_settings.updated',
      entity: 'mail_settings',
      entityId: MAIL_SETTINGS_ID,
      before: auditView(before, false),
      after: auditView(next, password !== undefined),
    });
    return toMailSettings(next);
  });
}

/** The saved server with its password opened, or null while e-mail is not set up. */
export function readSmtpServer(db: DbOrTx, secrets: SecretBox): SmtpServer | null {
  const row = readRow(db);
  if (!row) return null;
  const { id: _id, passwordEnc, updatedAt: _updatedAt, ...rest } = row;
  return { ...rest, password: passwordEnc === null ? null : openPassword(secrets, passwordEnc) };
}

/** A data folder copied from another computer keeps a password this computer's key cannot open. */
function openPassword(secrets: SecretBox, sealed: string): string {
  try {
    return secrets.open(sealed);
  } catch {
    throw new AppError('CONFLICT', 'The saved mail server password cannot be opened on this computer. Enter it again in Settings → E-mail and save.');
  }
}
