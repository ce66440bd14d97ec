import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clients } from '../../../db/schema';
import type { CallName, Handlers } from '../../contract';
import { AppError } from '../../contract/errors';
import { type ClientRef, clientScopeOf, requireInClientScope, requireOwnManager } from './client-scope';
import { clientScopeRules, type ScopeRule } from './client-scope.rules';

/** The ids of the clients a manager manages, for cutting a result down. */
function managedClientIds(db: DbOrTx, managerId: number): ReadonlySet<number> {
  return new Set(
    db
      .select({ id: clients.id })
      .from(clients)
      .where(eq(clients.managerId, managerId))
      .all()
      .map((row) => row.id),
  );
}

type AnyHandler = (input: unknown, ctx: Parameters<Handlers[CallName]>[1]) => Promise<unknown>;
type AnyRule = {
  touches?: (input: unknown) => ClientRef[];
  narrow?: (input: unknown, managerId: number, mine: () => readonly number[]) => unknown;
  manager?: (input: unknown) => number;
  keep?: (result: unknown, mine: (id: number) => boolean) => unknown;
  refused?: string;
};

/**
 * The one gate of "only the clients they manage": every procedure with a rule runs it for a scoped caller before the
 * service (refusing another manager's client), and cuts its result after. Unscoped callers pass straight through.
 */
export function withClientScope(db: DbOrTx, handlers: Handlers): Handlers {
  const scoped: Record<string, AnyHandler> = { ...(handlers as unknown as Record<string, AnyHandler>) };
  for (const [name, rule] of Object.entries(clientScopeRules) as [CallName, ScopeRule<CallName>][]) {
    const inner = scoped[name];
    const { touches, narrow, manager, keep, refused } = rule as unknown as AnyRule;
    scoped[name] = async (input, ctx) => {
      const scope = clientScopeOf(db, ctx.origin);
      if (!scope) return inner(input, ctx);
      if (refused) throw new AppError('FORBIDDEN', refused);
      requireInClientScope(db, scope, touches?.(input) ?? []);
      if (manager) requireOwnManager(scope, manager(input));
      let managed: ReadonlySet<number> | undefined;
      const mine = () => (managed ??= managedClientIds(db, scope.managerId));
      const result = await inner(narrow ? narrow(input, scope.managerId, () => [...mine()]) : input, ctx);
      if (!keep) return result;
      return keep(result, (id) => mine().has(id));
    };
  }
  return scoped as unknown as Handlers;
}
