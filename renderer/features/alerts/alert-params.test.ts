import { describe, expect, it } from 'vitest';
import { alertListInput, readAlertView, writeAlertView } from './alert-params';

describe('alert list URL', () => {
  it('reads what it writes and keeps the defaults out of the URL', () => {
    const view = { status: 'resolved' as const, kind: 'temp_high' as const, siteId: 3, clientId: null, minerId: 12, page: 2 };
    const params = writeAlertView(view);
    expect(params.toString()).toBe('status=resolved&kind=temp_high&site=3&miner=12&page=2');
    expect(readAlertView(params)).toEqual(view);
    expect(writeAlertView(readAlertView(new URLSearchParams())).toString()).toBe('');
  });

  it('ignores what it does not know and pages by 50', () => {
    const view = readAlertView(new URLSearchParams('status=closed&kind=fan&site=-1&client=abc&page=0'));
    expect(view).toEqual({ status: 'active', kind: null, siteId: null, clientId: null, minerId: null, page: 1 });
    expect(alertListInput({ ...view, page: 3 })).toMatchObject({ offset: 100, limit: 50 });
  });
});
