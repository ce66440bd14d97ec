import { describe, expect, it } from 'vitest';
import { clearedFilters, countDrawerFilters, listKey, minerPageInput, readMinerListView, writeMinerListView } from './miner-list-params';

describe('miners view in the URL', () => {
  it('round-trips every filter, the sort and the open miner', () => {
    const query =
      'q=s21&status=offline%2Cwarning&client=12%2Cnone&site=1&rack=4%2C5&model=3&state=rma&paid=unpaid&tag=hot%2Caisle+3&below=150.5&sort=liveHashrate&dir=desc&miner=42';
    const view = readMinerListView(new URLSearchParams(query));
    expect(view).toMatchObject({
      search: 's21',
      statuses: ['offline', 'warning'],
      clientIds: [12, 'unassigned'],
      rackIds: [4, 5],
      states: ['rma'],
      paid: false,
      tags: ['hot', 'aisle 3'],
      hashrateBelowThs: '150.5',
      sort: 'liveHashrate',
      dir: 'desc',
      minerId: 42,
    });
    expect(writeMinerListView(view).toString()).toBe(query);
    expect(countDrawerFilters(view)).toBe(8);
    expect(minerPageInput(view, 2)).toMatchObject({ offset: 1000, limit: 500, clientIds: [12, 'unassigned'], paid: false, sort: 'liveHashrate' });
  });

  it('reads the clients list link (?client=12) and ignores what a hand-edited URL may carry', () => {
    expect(readMinerListView(new URLSearchParams('client=12'))).toMatchObject({ clientIds: [12], paid: null });
    const view = readMinerListView(new URLSearchParams('status=bogus,online&client=x,-1,7&paid=maybe&below=lots&sort=drop&miner=abc'));
    expect(view).toMatchObject({ statuses: ['online'], clientIds: [7], paid: null, hashrateBelowThs: null, sort: 'id', minerId: null });
    expect(writeMinerListView(readMinerListView(new URLSearchParams(''))).toString()).toBe('');
  });

  it('opening a miner keeps the list (and its selection); a filter or sort starts a new one; Clear all keeps sort and the open miner', () => {
    const view = readMinerListView(new URLSearchParams('paid=unpaid&sort=ip'));
    expect(listKey({ ...view, minerId: 9 })).toBe(listKey(view));
    expect(listKey({ ...view, dir: 'desc' })).not.toBe(listKey(view));
    expect(listKey({ ...view, tags: ['hot'] })).not.toBe(listKey(view));
    expect(writeMinerListView({ ...view, ...clearedFilters, minerId: 9 }).toString()).toBe('sort=ip&miner=9');
  });
});
