import { z } from 'zod';
import { call } from './define';
import { blankAsNull, dateSchema, decimalTextSchema, fileNameSchema, idSchema, nameText, optionalEmailSchema, optionalText, phoneSchema } from './fields';

export const contactRoles = ['owner', 'billing', 'technical'] as const;
export type ContactRole = (typeof contactRoles)[number];

/** A person on the client's team (the Team tab). */
export type ClientContact = {
  id: number;
  clientId: number;
  name: string;
  email: string | null;
  phone: string;
  role: ContactRole;
  createdAt: string;
  updatedAt: string;
};

/** File types the Legal tab accepts; the type is read from the file's first bytes, not its name. */
export const documentMimeTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type DocumentMime = (typeof documentMimeTypes)[number];
/** 7 MB: base64 adds a third, and the HTTP transport takes at most 10 MB per request. */
export const maxDocumentBytes = 7 * 1024 * 1024;

export type ClientDocument = {
  id: number;
  clientId: number;
  fileName: string;
  mime: DocumentMime;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
};

/** One row of a client's price history; rows are never overwritten, a new valid-from date adds one. */
export type ClientPrice = {
  id: number;
  clientId: number;
  /** YYYY-MM-DD in the site's calendar. */
  validFrom: string;
  /** 10⁻⁶ currency units per kWh (68_500 = 0.0685); null = the global rate from settings. */
  energyRateMicroPerKwh: number | null;
  /** Minor units of `currency` per miner per month; null = no hosting fee. */
  hostingFeeMinorPerMinerMonth: number | null;
  /** The client's effective billing currency the fee is in. */
  currency: string;
  createdAt: string;
  actor: string;
};

export type ClientPricing = { rows: ClientPrice[]; currentId: number | null };

export type ClientGroup = { id: number; name: string; description: string; clientCount: number };

const contactFields = {
  name: nameText(120),
  email: optionalEmailSchema,
  phone: phoneSchema,
  role: z.enum(contactRoles, { error: 'must be owner, billing or technical' }),
};

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;
const byId = z.object({ id: idSchema }).strict();
const byClient = z.object({ clientId: idSchema }).strict();

export const clientRecordCalls = {
  'clients.contacts.list': call<ClientContact[]>()(byClient),
  'clients.contacts.create': call<ClientContact>()(z.object({ clientId: idSchema, ...contactFields }).strict()),
  'clients.contacts.update': call<ClientContact>()(z.object({ id: idSchema, ...contactFields }).strict()),
  'clients.contacts.delete': call<{ id: number }>()(byId),

  /** Newest first, without content. */
  'clients.documents.list': call<ClientDocument[]>()(byClient),
  'clients.documents.upload': call<ClientDocument>()(
    z
      .object({
        clientId: idSchema,
        fileName: fileNameSchema(200),
        base64: z
          .string({ error: 'is required' })
          .min(1, 'is empty: choose a file')
          .regex(base64Pattern, 'is not valid base64')
          .refine((b64) => Math.floor((b64.length * 3) / 4) <= maxDocumentBytes + 2, 'must be at most 7 MB'),
      })
      .strict(),
  ),
  /** The file with its content, to open or save. */
  'clients.documents.get': call<ClientDocument & { base64: string }>()(byId),
  'clients.documents.delete': call<{ id: number }>()(byId),

  /** Adds a row to the price history; the same valid-from date twice is refused. Decimal text, like "0.0685" and "25.00". */
  'clients.pricing.set': call<ClientPrice>()(
    z
      .object({
        clientId: idSchema,
        validFrom: dateSchema,
        energyRatePerKwh: blankAsNull(decimalTextSchema),
        hostingFeePerMinerMonth: blankAsNull(decimalTextSchema),
      })
      .strict(),
  ),
  /** Newest valid-from first, with the row in force today. */
  'clients.pricing.list': call<ClientPricing>()(byClient),

  'clients.groups.list': call<ClientGroup[]>()(z.object({}).strict()),
  'clients.groups.create': call<ClientGroup>()(z.object({ name: nameText(80), description: optionalText(500) }).strict()),
};
