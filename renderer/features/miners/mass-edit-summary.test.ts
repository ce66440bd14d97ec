import { describe, expect, it } from 'vitest';
import { describeMinerChanges, massEditSentence } from './mass-edit-summary';

describe('mass edit in words', () => {
  it('says how many miners change and what, in the order of the form', () => {
    expect(massEditSentence(240, { clientId: 7, paid: false }, { client: 'Acme Mining' })).toBe('Change 240 miners: client → Acme Mining; paid → unpaid');
    expect(massEditSentence(1, { paid: true })).toBe('Change 1 miner: paid → paid');
    expect(massEditSentence(12_345, { state: 'rma' })).toBe('Change 12,345 miners: state → RMA');
  });

  it('names the client by e-mail when the dialog found no name for it', () => {
    expect(describeMinerChanges({ clientEmail: 'ops@acme.com' })).toEqual(['client → the client with e-mail ops@acme.com']);
    expect(describeMinerChanges({ clientEmail: 'ops@acme.com' }, { client: 'Acme Mining' })).toEqual(['client → Acme Mining']);
  });

  it('tells unassigning, moves, tags and notes apart', () => {
    expect(describeMinerChanges({ clientId: null, siteId: 3, rackId: null }, { site: 'Odessa TX' })).toEqual([
      'client → no client',
      'site → Odessa TX',
      'rack → no rack',
    ]);
    expect(describeMinerChanges({ addTags: ['hot', 'aisle-3'], removeTags: ['new'] })).toEqual(['add tags hot, aisle-3', 'remove tags new']);
    expect(describeMinerChanges({ notes: '' })).toEqual(['notes → cleared']);
    expect(describeMinerChanges({ notes: 'Fan 2 replaced under warranty on 12 March, keep an eye on it' })).toEqual([
      'notes → "Fan 2 replaced under warranty on 12 Mar…"',
    ]);
  });
});
