import { describe, expect, it } from 'vitest';
import { countExtraFilters, listInput, readListView, writeListView } from './list-params';

describe('client list view in the URL', () => {
  it('round-trips every filter, sort and page', () => {
    const query =
      'q=acme&status=active%2Cin_default&from=2026-01-01&to=2026-06-30&group=2%2C3&manager=7&taxExempt=no&hasMiners=yes&hasContracts=no&owed=yes&archived=1&sort=name&dir=desc&page=3';
    const view = readListView(new URLSearchParams(query));
    expect(view).toMatchObject({
      search: 'acme',
      statuses: ['active', 'in_default'],
      groupIds: [2, 3],
      managerIds: [7],
      taxExempt: false,
      hasMiners: true,
      sort: 'name',
      dir: 'desc',
      page: 3,
    });
    expect(writeListView(view).toString()).toBe(query);
    expect(countExtraFilters(view)).toBe(9);
    expect(listInput(view)).toMatchObject({ offset: 100, limit: 50, search: 'acme' });
  });

  it('ignores values a hand-edited URL may carry, and keeps the default view plain', () => {
    const view = readListView(new URLSearchParams('status=bogus,active&group=x,5&sort=drop&page=-2&from=yesterday'));
    expect(view).toMatchObject({ statuses: ['active'], groupIds: [5], sort: 'id', page: 1, createdFrom: null });
    expect(writeListView(readListView(new URLSearchParams(''))).toString()).toBe('');
  });
});
