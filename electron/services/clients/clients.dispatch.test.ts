import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';
import type { CallName } from '../../contract';

let t: DispatchDb['t'];
let log: DispatchDb['log'];
let run: DispatchDb['run'];
const rowCounts = () => t.db.$client.prepare('SELECT (SELECT count(*) FROM clients) AS clients, (SELECT count(*) FROM audit_log) AS audit').get();

beforeEach(() => ({ t, log, run } = openDispatchDb()));
afterEach(() => t.close());

describe('clients procedures through dispatch', () => {
  it('answers bad input with INVALID_INPUT and one reason per field, and changes nothing', async () => {
    const before = rowCounts();
    const outcome = await run('clients.create', { name: '', contactEmail: 'nope', managerId: 'x', country: 'Narnia' });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { name: 'is required', contactEmail: expect.stringMatching(/valid e-mail/), managerId: 'must be a record number', country: expect.any(String) },
      },
    });
    expect(outcome.ok ? '' : outcome.error.message).toMatch(/^Name: is required\. Contact e-mail: must be a valid e-mail/);
    expect(rowCounts()).toEqual(before);
  });

  it('answers a duplicate contact e-mail with CONFLICT naming the other client, and a reasonless default with a field error', async () => {
    const manager = await run('staff.create', { name: 'Ana' });
    expect(manager.ok).toBe(true);
    const managerId = manager.ok ? (manager.value as { id: number }).id : 0;
    const first = await run('clients.create', { name: 'Acme', contactEmail: 'ops@acme.com', managerId });
    const firstId = first.ok ? (first.value as { id: number }).id : 0;
    const before = rowCounts();
    expect(await run('clients.create', { name: 'Acme 2', contactEmail: 'OPS@acme.com', managerId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`Client #${firstId} "Acme" already uses ops@acme.com`) },
    });
    expect(await run('clients.setStatus', { id: firstId, status: 'in_default' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { reason: 'is required for In Default' } },
    });
    expect(rowCounts()).toEqual(before);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('answers every clients and staff read on an empty database without an unexpected failure', async () => {
    const reads: [CallName, unknown][] = [
      ['clients.list', {}],
      ['clients.groups.list', {}],
      ['staff.list', {}],
      ['clients.get', { id: 1 }],
      ['clients.pricing.list', { clientId: 1 }],
    ];
    for (const [name, input] of reads) {
      const outcome = await run(name, input);
      expect(outcome.ok || outcome.error.code === 'NOT_FOUND').toBe(true);
    }
    expect(log.error).not.toHaveBeenCalled();
  });
});
