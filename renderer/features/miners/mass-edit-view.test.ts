import { describe, expect, it } from 'vitest';
import { editTakesRowsOutOfView } from './mass-edit-view';
import { readMinerListView } from './miner-list-params';

const view = (query: string) => readMinerListView(new URLSearchParams(query));

describe('editTakesRowsOutOfView', () => {
  it('is true when the new value is one the filter excludes', () => {
    expect(editTakesRowsOutOfView({ paid: false }, view('paid=paid'))).toBe(true);
    expect(editTakesRowsOutOfView({ clientId: 7 }, view('client=3'))).toBe(true);
    expect(editTakesRowsOutOfView({ clientId: null }, view('client=3'))).toBe(true);
    expect(editTakesRowsOutOfView({ clientEmail: 'ops@b.example' }, view('client=3'), 9)).toBe(true);
    expect(editTakesRowsOutOfView({ state: 'rma' }, view('state=assigned'))).toBe(true);
    expect(editTakesRowsOutOfView({ siteId: 2 }, view('site=1'))).toBe(true);
    expect(editTakesRowsOutOfView({ siteId: 1 }, view('site=1&rack=4'))).toBe(true);
    expect(editTakesRowsOutOfView({ removeTags: ['HOT'] }, view('tag=hot'))).toBe(true);
  });

  it('is false when the rows still match, or the filter does not decide', () => {
    expect(editTakesRowsOutOfView({ paid: true }, view('paid=paid'))).toBe(false);
    expect(editTakesRowsOutOfView({ clientId: 3 }, view('client=3,7'))).toBe(false);
    expect(editTakesRowsOutOfView({ clientId: null }, view('client=none'))).toBe(false);
    expect(editTakesRowsOutOfView({ clientEmail: 'ops@b.example' }, view('client=3'))).toBe(false);
    expect(editTakesRowsOutOfView({ paid: false }, view('q=s21&status=online'))).toBe(false);
    expect(editTakesRowsOutOfView({ siteId: 1, rackId: 4 }, view('site=1&rack=4'))).toBe(false);
    expect(editTakesRowsOutOfView({ removeTags: ['hot'] }, view('tag=hot,vip'))).toBe(false);
    expect(editTakesRowsOutOfView({ notes: 'checked' }, view('paid=unpaid&client=2'))).toBe(false);
  });
});
