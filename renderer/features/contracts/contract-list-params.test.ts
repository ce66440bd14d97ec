import { describe, expect, it } from 'vitest';
import { contractListInput, readContractListView, writeContractListView } from './contract-list-params';

describe('contract list view in the URL', () => {
  it('reads what it wrote', () => {
    const view = readContractListView(
      new URLSearchParams('type=lease,om&status=active&client=4&site=2,3&expiring=30&queue=60&sort=endsAt&dir=asc&page=3&q=HD'),
    );
    expect(view).toEqual({
      search: 'HD',
      types: ['lease', 'om'],
      statuses: ['active'],
      clientIds: [4],
      siteIds: [2, 3],
      expiringWithinDays: 30,
      queueDays: 60,
      sort: 'endsAt',
      dir: 'asc',
      page: 3,
    });
    expect(readContractListView(writeContractListView(view))).toEqual(view);
  });

  it('keeps the plain address plain and drops values it does not know', () => {
    const view = readContractListView(new URLSearchParams('type=rental&status=open&expiring=-4&sort=price'));
    expect(writeContractListView(view).toString()).toBe('');
  });

  it('asks for the page shown', () => {
    const input = contractListInput(readContractListView(new URLSearchParams('page=2&expiring=0')));
    expect(input).toMatchObject({ offset: 50, limit: 50, expiringWithinDays: 0 });
  });
});
