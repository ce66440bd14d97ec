import { describe, expect, it } from 'vitest';
import { currencyLabel, currencyOptions } from './locale';

describe('currency names', () => {
  it('labels a currency with its code and its English name', () => {
    expect(currencyLabel('USD')).toBe('USD — US Dollar');
    expect(currencyLabel('NOK')).toBe('NOK — Norwegian Krone');
  });

  it('offers every currency the runtime knows, each with a name', () => {
    const options = currencyOptions();
    expect(options.length).toBeGreaterThan(100);
    expect(options.find((o) => o.value === 'EUR')?.label).toBe('EUR — Euro');
    expect(options.filter((o) => o.label === o.value).length).toBeLessThan(options.length / 10);
  });
});
