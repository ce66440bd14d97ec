import { describe, expect, it } from 'vitest';
import { type CallName, contract } from '../../electron/contract';
import { procedurePermissions } from '../../electron/contract/procedure-permissions';
import { permissionsOfRole } from '../../electron/contract/roles';
import { checkCall, checkPermission } from './permission-check';

describe('checkCall: the renderer gates a button by the procedure it triggers', () => {
  it('reads the permission from procedurePermissions, for every procedure and built-in role', () => {
    for (const role of ['viewer', 'manager', 'billing', 'technician'] as const) {
      const held = permissionsOfRole(role);
      for (const name of Object.keys(contract) as CallName[]) {
        expect(checkCall(held, name), `${role} ${name}`).toEqual(checkPermission(held, procedurePermissions[name]));
        expect(checkCall(held, name).allowed, `${role} ${name}`).toBe(held.has(procedurePermissions[name]));
      }
    }
  });

  it('says which permission is missing, in the words the server uses', () => {
    const viewer = permissionsOfRole('viewer');
    expect(checkCall(viewer, 'clients.create')).toEqual({
      allowed: false,
      granted: false,
      reason: 'Your role does not allow “Edit clients” (clients.edit).',
    });
    expect(checkCall(permissionsOfRole('technician'), 'invoices.generateBatch').reason).toBe(
      'Your role does not allow “Edit invoices and payments” (billing.edit).',
    );
    expect(checkCall(permissionsOfRole('billing'), 'invoices.generateBatch')).toEqual({ allowed: true, granted: true, reason: null });
  });

  it('allows (but does not grant) until auth.me has answered: the server refuses in any case', () => {
    expect(checkCall(null, 'miners.massEdit')).toEqual({ allowed: true, granted: false, reason: null });
  });
});
