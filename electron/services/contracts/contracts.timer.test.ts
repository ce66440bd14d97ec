import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeWith, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { getContractDetail } from './contracts.read';
import { createContractTimer } from './contracts.timer';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  w.t.close();
});

describe('the renewal timer', () => {
  it('catches up soon after the app starts, then renews at each end on its one-minute tick, until stopped', async () => {
    const january = new Date('2026-01-20T12:00:00Z');
    const m2m = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, term: 'm2m', startsAt: '2026-01-01', noticeDays: 5 }, [w.miners.acme1.id], january);
    let clock = new Date('2026-02-01T05:00:00.000Z'); // the first end, passed while the app was closed
    const log = { error: vi.fn(), info: vi.fn() };
    const timer = createContractTimer(w.db, { schedule: true, now: () => clock, log });
    expect(getContractDetail(w.db, m2m.id, clock).status).toBe('active');
    await vi.advanceTimersByTimeAsync(2_000);
    const renewed = getContractDetail(w.db, m2m.id, clock);
    expect(renewed.status).toBe('renewed');
    clock = new Date(renewed.renewedTo ? getContractDetail(w.db, renewed.renewedTo.id, clock).endsAt : '');
    await vi.advanceTimersByTimeAsync(60_000);
    const second = getContractDetail(w.db, renewed.renewedTo!.id, clock);
    expect(second).toMatchObject({ status: 'renewed', number: 'HD-2026-0002' });
    timer.shutdown();
    clock = new Date('2027-01-01T00:00:00Z');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(getContractDetail(w.db, second.renewedTo!.id, clock).status).toBe('active'); // stopped: nothing settled any more
    expect(log.error).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith({ outcome: { renewed: 1, ended: 0, terminated: 0, expiring: 0 } }, 'contracts settled');
  });
});
