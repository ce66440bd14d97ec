import { z } from 'zod';
import { call } from './define';
import { emailSchema, idSchema, obeying } from './fields';
import { maxTagLength, minerStates } from './miners';
import { minerFiltersSchema } from './miners.list';
import { lineTextProblem, multilineTextProblem } from './text-rules';

/** The most miners one mass edit may list by id; "select all N matching" sends the filter instead. */
export const maxMassEditIds = 20_000;

/** How long a mass edit can be undone, from the moment it was applied. */
export const undoWindowSeconds = 30;

export type MassEditResult = { changed: number; undoToken: string };

/** The miners picked in the Miners table, by id: a mass edit and a device action take the same list. */
export const selectedMinerIdsSchema = z
  .array(idSchema)
  .min(1, 'choose at least one miner')
  .max(maxMassEditIds, `must be at most ${maxMassEditIds} miners; select all matching instead`);

export const tagSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(maxTagLength, `must be at most ${maxTagLength} characters`)
  .regex(/^[^,;]*$/, 'must not contain commas or semicolons')
  .superRefine(obeying(lineTextProblem));

const changesSchema = z
  .object({
    /** Assign to this client; null unassigns. */
    clientId: idSchema.nullable().optional(),
    /** Assign to the client with this contact e-mail (as MoonOne does). */
    clientEmail: emailSchema.optional(),
    paid: z.boolean().optional(),
    state: z.enum(minerStates, { error: 'must be one of staged, unassigned, assigned, rma, retired' }).optional(),
    /** Another site takes the miners out of their racks unless a rack of that site is given too. */
    siteId: idSchema.nullable().optional(),
    /** The rack must belong to the site when both are given; a new rack leaves the position empty. */
    rackId: idSchema.nullable().optional(),
    /** Tags added to every miner (kept once when a miner has it already, whatever its case). */
    addTags: z.array(tagSchema).min(1).max(20).optional(),
    /** Tags taken off every miner that has them, any case. */
    removeTags: z.array(tagSchema).min(1).max(20).optional(),
    /** Replaces the miners' notes; an empty text clears them. */
    notes: z.string().trim().max(2000, 'must be at most 2000 characters').superRefine(obeying(multilineTextProblem)).optional(),
  })
  .strict()
  .refine((c) => Object.values(c).some((value) => value !== undefined), 'choose at least one thing to change')
  .refine((c) => c.clientId === undefined || c.clientEmail === undefined, {
    message: 'give either a client or a client e-mail, not both',
    path: ['clientEmail'],
  })
  .refine((c) => !(c.state === 'assigned' && c.clientId === null), {
    message: 'cannot be Assigned while the client is taken off; choose a client, or another state',
    path: ['state'],
  });

export type MinerChanges = z.output<typeof changesSchema>;

export const minerEditCalls = {
  /** Changes many miners in one transaction, audited per miner; the token undoes it for 30 seconds. */
  'miners.massEdit': call<MassEditResult>()(
    z
      .object({
        minerIds: selectedMinerIdsSchema.optional(),
        /** "Select all N matching": the list's filters, without paging. */
        filter: minerFiltersSchema.optional(),
        changes: changesSchema,
      })
      .strict()
      .refine((input) => (input.minerIds === undefined) !== (input.filter === undefined), {
        message: 'give either the miners to change or the filter that selects them',
        path: ['minerIds'],
      }),
  ),
  /** Puts back the values a mass edit replaced, as a new audited change. */
  'miners.massEdit.undo': call<{ restored: number }>()(z.object({ undoToken: z.string().trim().min(1).max(100) }).strict()),
};
