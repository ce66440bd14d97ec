import { describe, expect, it } from 'vitest';
import { describeChanges } from './describe-changes';

describe('describeChanges', () => {
  it('lists only the fields that changed, in words', () => {
    expect(describeChanges({ phone: '', status: 'active', updatedAt: 'a' }, { phone: '+47 1', status: 'active', updatedAt: 'b' })).toEqual([
      'Phone: — → +47 1',
    ]);
  });
  it('shows the first filled fields of a new record, without bookkeeping', () => {
    const lines = describeChanges(null, { id: 4, name: 'Acme', company: '', email: 'a@b.c', a: 1, b: 2, c: 3, d: 4, createdAt: 'x' });
    expect(lines).toEqual(['Name: Acme', 'Email: a@b.c', 'A: 1', 'B: 2', 'C: 3', '… and 1 more field']);
  });
  it('says Removed for a deletion', () => {
    expect(describeChanges({ name: 'x' }, null)).toEqual(['Removed']);
  });
});
