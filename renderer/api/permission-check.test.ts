import { describe, expect, it } from 'vitest';
import { type CallName, contract } from '../../electron/contract';
import { procedurePermissions } from '../../electron/contract/procedure-permissions';
import { permissionsOfRole } from '../../electron/contract/roles';
import { checkCall, checkCalls, checkPermission } from './permission-check';

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

describe('checkCalls: one action that calls several procedures', () => {
  it('is allowed only when every procedure is, and names the first one refused', () => {
    const upload = ['clients.documents.upload', 'contracts.update'] as const;
    expect(checkCalls(permissionsOfRole('manager'), upload)).toEqual({ allowed: true, granted: true, reason: null });
    // Billing edits neither clients nor contracts: the first refusal is the upload's.
    expect(checkCalls(permissionsOfRole('billing'), upload)).toEqual(checkCall(permissionsOfRole('billing'), 'clients.documents.upload'));
    const onlyContracts = new Set([...permissionsOfRole('viewer'), 'contracts.edit' as const]);
    expect(checkCalls(onlyContracts, upload).reason).toBe('Your role does not allow “Edit clients” (clients.edit).');
    expect(checkCalls(onlyContracts, ['contracts.update', 'contracts.activate'])).toEqual({ allowed: true, granted: true, reason: null });
  });

  it('allows but does not grant while auth.me has not answered', () => {
    expect(checkCalls(null, ['contracts.create', 'contracts.activate'])).toEqual({ allowed: true, granted: false, reason: null });
  });
});
