import { describe, expect, it } from 'vitest';
import { createTimeoutWheel } from './timeout-wheel';

describe('timeout wheel', () => {
  it('expires each entry once after its deadline, earlier deadlines first, and stops when empty', async () => {
    const expired: string[] = [];
    const wheel = createTimeoutWheel<string>(5, (entry) => expired.push(entry));
    const now = Date.now();
    wheel.add(now + 40, 'late');
    wheel.add(now + 10, 'early');
    wheel.add(now - 100, 'overdue');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(expired).toEqual(['overdue', 'early', 'late']);
    wheel.add(Date.now() + 5, 'again');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(expired).toEqual(['overdue', 'early', 'late', 'again']);
  });

  it('forgets entries when cleared', async () => {
    const expired: number[] = [];
    const wheel = createTimeoutWheel<number>(5, (entry) => expired.push(entry));
    wheel.add(Date.now() + 10, 1);
    wheel.clear();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(expired).toEqual([]);
  });
});
