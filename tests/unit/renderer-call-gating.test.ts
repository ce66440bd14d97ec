import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CallName, contract } from '../../electron/contract';
import { openAccessInfo, type Permission } from '../../electron/contract/permissions';
import { procedurePermissions } from '../../electron/contract/procedure-permissions';
import {
  callSitesOf,
  gateComponentsOf,
  gatedProceduresOf,
  importedFilesOf,
  readRendererFiles,
  type CallSite,
  unnamedCallsOf,
} from '../helpers/renderer-call-sites';

/**
 * Guard: every place the renderer calls a procedure that changes something is gated, in the UI, by that same
 * procedure's permission, so a role without it sees the control disabled with the reason, whichever way it reached
 * the screen (a button, a deep link, a shortcut). The server refuses in any case; this keeps the screens honest.
 *
 * How it reads the source (TypeScript's parser, no type checking):
 * - A CALL is `useCall('x')`, `useFormCall('x', …)`, `useConfirmDelete('x', …)`, `invoke('x', …)` or
 *   `invokeOrThrow('x', …)`. (`useQueryCall` is the read hook and is not looked at.)
 * - A call CHANGES something when the permission procedurePermissions gives it is neither an open level nor a `.view`:
 *   the contract does not mark reads and changes, but the table's rule is that reads need a `.view` (reports and
 *   previews included), so a `.view` procedure called through useCall (a PDF, an import preview) changes nothing.
 * - A GATE for 'x' is `useCanCall('x')`, `onlyIfPermitted('x', …)`, or `procedure=` naming 'x' on Permitted,
 *   PermittedMenuItem, PermittedFields, or any component that passes its own `procedure` on to one of these
 *   (PermittedSubmit, FormModal, SaveOrDiscard, ClientForm, Confirm…, found from the source). `procedure=` may be a
 *   list of names, a conditional, or a constant of the same file.
 * - The RULE: the file that makes the call gates the same procedure. A call made in a callback that the file hands to
 *   a child component (whose button runs it) is owned by that child's file instead, only where listed in `ownedBy`.
 */

const renderer = join(__dirname, '../../renderer');
const files = readRendererFiles(renderer);
const byPath = new Map(files.map((file) => [file.path, file]));

const callees = new Set(['useCall', 'useFormCall', 'useConfirmDelete', 'invoke', 'invokeOrThrow']);

/**
 * The wrappers that pass a procedure they are given on to a call (their callers name it, and are checked); a new
 * wrapper must be added here and to `callees`, or its calls would go unseen.
 */
const wrappers: Record<string, string> = {
  'api/client.ts': 'invoke and invokeOrThrow themselves',
  'api/useCall.ts': 'useQueryCall and useCall themselves',
  'api/first-reads.ts': 'prefetches the first reads of the start page (route.firstReads)',
  'components/useFormCall.ts': 'useFormCall: useCall with the failure shown under the form’s inputs',
  'components/useConfirmDelete.tsx': 'useConfirmDelete: gates its own Delete button with the procedure it is given',
};

/**
 * Levels no role lists (permissions.ts, openAccessInfo): whoever reaches the screen holds them, so their calls need no
 * gate. What the renderer calls at each level, at the time of writing:
 */
const needsNoGate: Record<keyof typeof openAccessInfo, string> = {
  // auth.signIn and auth.setupAdministrator: open before signing in (the sign-in and first-run screens).
  anyone: 'open before signing in',
  // auth.signOut, auth.changePassword: every signed-in person signs out and changes their own password.
  ownAccount: 'every signed-in person, for their own account',
  // apiTokens.create/revoke: each person's own API tokens (the service checks users.admin for anyone else's).
  signedIn: 'every member of staff signed in, whatever their role',
  // The client view's calls, all reads, made only on the screen a client's viewer sees.
  ownClient: 'a client’s own viewer, on their client view',
};

/**
 * Calls made in a callback the file hands to a child component, whose control runs it and carries the gate. The owner
 * must be a file this one imports, and must gate the procedure itself.
 */
const ownedBy: { file: string; procedure: CallName; owner: string; why: string }[] = [
  {
    file: 'features/contracts/wizard/ContractWizardPages.tsx',
    procedure: 'contracts.activate',
    owner: 'features/contracts/wizard/DetailsStep.tsx',
    why: 'useAfterSave runs as DetailsStep’s onSaved, after its "Save and activate" button',
  },
  {
    file: 'features/contracts/wizard/ContractWizardPages.tsx',
    procedure: 'contracts.assignEquipment',
    owner: 'features/contracts/wizard/DetailsStep.tsx',
    why: 'useAfterSave puts miners picked in the Miners table on the draft after DetailsStep’s "Next" button',
  },
  {
    file: 'features/invoices/batch/BatchDialog.tsx',
    procedure: 'invoices.generateBatch',
    owner: 'features/invoices/batch/BatchForm.tsx',
    why: 'BatchForm’s Generate button submits the batch the dialog starts',
  },
  {
    file: 'features/sites/SiteDrawer.tsx',
    procedure: 'sites.rooms.delete',
    owner: 'features/sites/RoomCard.tsx',
    why: 'RoomCard’s delete icon asks for the confirmation (whose Delete button useConfirmDelete gates too)',
  },
  {
    file: 'features/sites/SiteDrawer.tsx',
    procedure: 'sites.racks.delete',
    owner: 'features/sites/RoomCard.tsx',
    why: 'RoomCard’s rack delete icon asks for the confirmation (whose Delete button useConfirmDelete gates too)',
  },
];

const openLevels = new Set<Permission>(Object.keys(needsNoGate) as Permission[]);
/** A name the contract does not know counts as changing (and the first test names it). */
const changes = (procedure: string) => {
  const permission = procedurePermissions[procedure as CallName] as Permission | undefined;
  return !permission || (!openLevels.has(permission) && !permission.endsWith('.view'));
};

const gateComponents = gateComponentsOf(files, new Set(['Permitted', 'PermittedMenuItem', 'PermittedFields']));
const gateCalls = new Set(['useCanCall', 'onlyIfPermitted']);
const gatedIn = new Map(files.map((file) => [file.path, gatedProceduresOf(file, gateComponents, gateCalls)]));
const sites: CallSite[] = files.flatMap((file) => callSitesOf(file, callees));
const changingSites = sites.filter((site) => changes(site.procedure));

const ownerOf = (site: CallSite) => ownedBy.find((entry) => entry.file === site.file && entry.procedure === site.procedure);
const isGated = (site: CallSite) => gatedIn.get(site.file)!.has(site.procedure) || Boolean(ownerOf(site));
const where = (site: CallSite) => `renderer/${site.file}:${site.line} ${site.callee}('${site.procedure}')`;

describe('every changing call in the renderer is gated by its own procedure', () => {
  it('finds the calls: every one names a procedure of the contract, and only the wrappers pass one on unnamed', () => {
    expect(changingSites.length).toBeGreaterThan(100);
    expect(sites.filter((site) => !(site.procedure in contract)).map(where)).toEqual([]);
    const unnamed = files.flatMap((file) => unnamedCallsOf(file, callees)).filter((call) => !(call.file in wrappers));
    expect(unnamed, 'a new wrapper of a call: list it in `wrappers` and its name in `callees`').toEqual([]);
  });

  it('knows every open level of the permissions, and finds the gate components that forward a procedure', () => {
    expect(Object.keys(needsNoGate).sort()).toEqual(Object.keys(openAccessInfo).sort());
    for (const forwarding of ['PermittedSubmit', 'FormModal', 'SaveOrDiscard', 'Confirm']) expect(gateComponents).toContain(forwarding);
  });

  it('each changing call has a gate for the same procedure in its file (or its listed owner)', () => {
    expect(changingSites.filter((site) => !isGated(site)).map(where)).toEqual([]);
  });

  it('each owner listed is imported by the file, gates the procedure itself, and is still needed', () => {
    for (const entry of ownedBy) {
      const label = `${entry.file} → ${entry.owner} (${entry.procedure})`;
      expect(importedFilesOf(byPath.get(entry.file)!, new Set(byPath.keys())), label).toContain(entry.owner);
      expect(gatedIn.get(entry.owner), label).toContain(entry.procedure);
      expect(gatedIn.get(entry.file)!.has(entry.procedure), `${label}: the file gates it itself now, drop the entry`).toBe(false);
      expect(
        changingSites.some((site) => site.file === entry.file && site.procedure === entry.procedure),
        `${label}: no such call any more`,
      ).toBe(true);
    }
  });

  it('finds the calls of the open levels (sign in, sign out, one’s own password) and asks no gate of them', () => {
    const open = sites.filter((site) => openLevels.has(procedurePermissions[site.procedure as CallName]));
    // The sign-in, sign-out and password screens call these without a gate, and are meant to.
    for (const procedure of ['auth.signIn', 'auth.signOut', 'auth.changePassword'] as const)
      expect(
        open.map((site) => site.procedure),
        procedure,
      ).toContain(procedure);
  });
});
