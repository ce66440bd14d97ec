import type { z } from 'zod';

/** One API procedure: its zod input schema; the result type rides along for the compiler only. */
export type Call<I extends z.ZodTypeAny, R> = { input: I; result?: R };

/** `call<Result>()(inputSchema)` declares a procedure with a typed result. */
export const call =
  <R>() =>
  <I extends z.ZodTypeAny>(input: I): Call<I, R> => ({ input });

export type InputOf<C> = C extends Call<infer I extends z.ZodTypeAny, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends Call<infer I extends z.ZodTypeAny, unknown> ? z.output<I> : never;
export type ResultOf<C> = C extends Call<z.ZodTypeAny, infer R> ? R : never;

/** One page of a list with the total over all pages and per-status counts that ignore the status filter. */
export type ListPage<Row, Status extends string> = { rows: Row[]; total: number; statusCounts: Record<Status, number> };
