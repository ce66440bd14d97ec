import { z } from 'zod';
import { call } from './define';
import { idSchema } from './fields';

/** Readings one import may hold. */
export const maxReadingRows = 20_000;
/** The highest outlet number a reading may name. */
export const maxOutletIndex = 999;

/**
 * One counter reading as typed or read from a file. The cells are checked row by row by the service, so
 * that every refusal names its row: `outlet` is a 1-based number (blank: the device's own total), `at`
 * an ISO instant with an offset or a local date and time read in the device's site zone, `kwh` the
 * counter in kWh as decimal text (at most three decimals: whole watt-hours).
 */
export const readingRowSchema = z
  .object({
    /** The device's name, or its id. */
    device: z.union([idSchema, z.string({ error: 'must be a device name or id' }).trim().min(1, 'is required').max(80, 'must be at most 80 characters')]),
    outlet: z
      .union([z.number(), z.string().trim().max(12, 'must be at most 12 characters')])
      .nullable()
      .optional(),
    at: z.string({ error: 'must be a date and time' }).trim().min(1, 'is required').max(40, 'must be at most 40 characters'),
    kwh: z.string({ error: 'must be decimal text, like "1234.567"' }).trim().min(1, 'is required').max(40, 'must be at most 40 characters'),
    /** The counter was reset (or the meter replaced) before this reading: energy counts from 0. */
    reset: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .strict();
export type ReadingRowInput = z.input<typeof readingRowSchema>;

/** A row that was refused, or stored with a remark (a counter that went down without the reset flag). */
export type ReadingRowNote = { row: number; message: string };

/** What an import stored for one counter (a device's total, or one outlet's). */
export type ReadingsCounterSummary = {
  deviceId: number;
  deviceName: string;
  /** null: the device's own total. */
  outletIndex: number | null;
  /** The outlet did not exist and the import numbered it (manual devices only). */
  outletCreated: boolean;
  readings: number;
  fromAt: string;
  toAt: string;
};

export type ReadingsImportResult = {
  /** true when the readings are stored; false when only checked, or when any row was refused (then nothing is stored). */
  stored: boolean;
  rows: number;
  /** Refused rows with the reason, in row order: one refusal stores nothing. */
  refusals: ReadingRowNote[];
  /** Stored rows the person should know about: counters that went down without the reset flag (taken as resets), times read in a DST overlap. */
  remarks: ReadingRowNote[];
  counters: ReadingsCounterSummary[];
};

/** A stored reading as the device's readings table shows it. */
export type StoredReading = {
  at: string;
  /** null: the device's own total. */
  outletIndex: number | null;
  /** The counter as read or imported (kWh for an imported one; the device's raw unit for a polled one). */
  raw: string;
  counterWh: number;
  reset: boolean;
};

export const powerReadingCalls = {
  /**
   * Imports counter readings, for a manual device or to fill the gaps of a polled one, all or nothing: when
   * any row is refused nothing is stored and every refusal is listed. `check: true` only checks.
   */
  'power.readings.import': call<ReadingsImportResult>()(
    z
      .object({
        rows: z
          .array(readingRowSchema)
          .min(1, 'must hold at least one reading')
          .max(maxReadingRows, `must hold at most ${maxReadingRows.toLocaleString('en')} readings`),
        check: z.boolean({ error: 'must be true or false' }).default(false),
      })
      .strict(),
  ),
  /** A device's latest readings, newest first. */
  'power.readings.list': call<StoredReading[]>()(
    z.object({ deviceId: idSchema, limit: z.number().int().min(1).max(500, 'must be at most 500').default(50) }).strict(),
  ),
};
