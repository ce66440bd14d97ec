import { z } from 'zod';
import { call } from './define';
import { idSchema, nameText, optionalEmailSchema, phoneSchema } from './fields';

/** A member of the facility's staff; managers of clients. The roles issue extends them to logins. */
export type StaffMember = {
  id: number;
  name: string;
  email: string | null;
  phone: string;
  active: boolean;
  /** Clients (not archived) this person manages. */
  clientCount: number;
  createdAt: string;
  updatedAt: string;
};

const staffFields = {
  name: nameText(120),
  email: optionalEmailSchema,
  phone: phoneSchema,
  active: z.boolean().default(true),
};

export const staffCalls = {
  /** Everyone, active first then by name; inactive people stay listed so old clients still show their manager. */
  'staff.list': call<StaffMember[]>()(z.object({ includeInactive: z.boolean().default(true) }).strict()),
  'staff.create': call<StaffMember>()(z.object(staffFields).strict()),
  /** Replaces every field: send the whole form. */
  'staff.update': call<StaffMember>()(z.object({ id: idSchema, ...staffFields }).strict()),
};
