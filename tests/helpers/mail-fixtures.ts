import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { clients, invoices, settings } from '../../db/schema';
import { contract, type Input } from '../../electron/contract';
import { createInvoiceBatches } from '../../electron/services/invoices/invoices.batch';
import { updateMailSettings } from '../../electron/services/mail/mail.settings';
import { createSecretBox, type SecretBox } from '../../electron/services/secrets/secret-box';
import { actor } from './client-fixtures';
import { activeWith, openContractsDb } from './contract-fixtures';

/**
 * The contracts world (Acme and Boreal in New York time) with March 2026 invoiced: Acme's invoice issued,
 * Boreal's held (Boreal is In Default), and the organisation named Northwind Hosting. A secret box of its own.
 */
export async function openMailWorld() {
  const w = openContractsDb();
  w.db.update(settings).set({ organisationName: 'Northwind Hosting' }).run();
  activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'infinity', pricePerThsDay: '0.05', contractedThs: '100' }, []);
  activeWith(w.db, { clientId: w.boreal.id, siteId: w.site.id, type: 'infinity', pricePerThsDay: '0.04', contractedThs: '50' }, []);
  w.db.update(clients).set({ status: 'in_default' }).where(eq(clients.id, w.boreal.id)).run();
  await createInvoiceBatches(w.db).run({ period: '2026-03', skipExisting: false, issue: true }, actor);
  const all = w.db.select().from(invoices).all();
  const issued = all.find((row) => row.clientId === w.acme.id)!;
  const held = all.find((row) => row.clientId === w.boreal.id)!;
  const secrets: SecretBox = createSecretBox(randomBytes(32));
  return { ...w, secrets, issued, held };
}

export type MailWorld = Awaited<ReturnType<typeof openMailWorld>>;

/** Points the outbox at a server on 127.0.0.1:port (plain SMTP unless told), through the real settings service. */
export function useSmtp(world: Pick<MailWorld, 'db' | 'secrets'>, port: number, fields: Partial<Input<'mail.settings.update'>> = {}) {
  const input = contract['mail.settings.update'].input.parse({
    host: '127.0.0.1',
    port,
    security: 'none',
    fromName: 'Northwind Billing',
    fromAddress: 'billing@northwind.test',
    replyTo: 'accounts@northwind.test',
    ...fields,
  });
  return updateMailSettings(world.db, input, world.secrets, actor);
}
