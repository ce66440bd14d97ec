import { z } from 'zod';
import { call } from './define';

export type AuditEntry = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  /** The client the change concerns (its own rows, its contacts, documents, prices, miners), when any. */
  clientId: number | null;
  before: unknown;
  after: unknown;
  /** What happened, as one sentence with names, never codes: "Task #41 “Replace PSU” assigned to Maria Lopez". */
  summary: string;
  /** The changed fields in words, one line each: "Status: Active → In Default". */
  changes: string[];
};

export type Page<T> = { rows: T[]; total: number };

export const auditCalls = {
  'audit.list': call<Page<AuditEntry>>()(
    z
      .object({
        entity: z.string().trim().min(1).max(40).optional(),
        entityId: z.string().trim().min(1).max(64).optional(),
        /** Everything about one client: the Activity tab (client, contacts, documents, pricing, its miners). */
        clientId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
};
