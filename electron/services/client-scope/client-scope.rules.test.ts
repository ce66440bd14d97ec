import { describe, expect, it } from 'vitest';
import { type CallName, contract } from '../../contract';
import { clientScopeRules, scopedInService } from './client-scope.rules';

/** The keys of an input object, through zod's wrappers (refine, transform, default). */
function inputKeys(schema: unknown): string[] {
  let current = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown; schema?: unknown } };
  for (let depth = 0; depth < 5 && current && !current.shape; depth++)
    current = (current.def?.in ?? current.def?.innerType ?? current.def?.schema) as typeof current;
  return current?.shape ? Object.keys(current.shape) : [];
}

/** Procedures naming a client in their input that deliberately have no rule, with why. */
const unscopedOnPurpose: Partial<Record<CallName, string>> = {};

describe('client scope rules', () => {
  it('cover every procedure whose input names a client, or say why not', () => {
    const naming = (Object.keys(contract) as CallName[]).filter((name) =>
      inputKeys(contract[name].input).some((key) => ['clientId', 'clientIds', 'sourceId', 'survivorId', 'target'].includes(key)),
    );
    const uncovered = naming.filter((name) => !(name in clientScopeRules) && !scopedInService.includes(name) && !(name in unscopedOnPurpose));
    expect(uncovered).toEqual([]);
    expect(naming.length).toBeGreaterThan(20);
  });

  it('name only procedures the contract has', () => {
    for (const name of [...Object.keys(clientScopeRules), ...scopedInService, ...Object.keys(unscopedOnPurpose)]) expect(contract).toHaveProperty([name]);
  });
});
