import { describe, expect, it } from 'vitest';
import { maxReadingRows } from '../../../electron/contract/power.readings';
import { maxReadingsFileBytes, readReadingsCsv } from './readings-csv';

const read = (text: string) => readReadingsCsv(text, text.length);

describe('readReadingsCsv', () => {
  it('reads the columns by name in any order and case, outlet and reset optional', () => {
    expect(read('\uFEFFkWh,Device,at,Outlet,Reset\n1234.567,Panel B,2026-03-01T00:00,2,\n5, 7 ,2026-03-02T00:00Z,,yes\n\n')).toEqual({
      ok: true,
      rows: [
        { device: 'Panel B', outlet: '2', at: '2026-03-01T00:00', kwh: '1234.567', reset: false },
        { device: '7', outlet: null, at: '2026-03-02T00:00Z', kwh: '5', reset: true },
      ],
    });
    expect(read('device,at,kwh\n"Panel, B",2026-03-01T00:00,1\n')).toMatchObject({ ok: true, rows: [{ device: 'Panel, B', reset: false }] });
  });

  it('refuses a file of the wrong shape with the reason', () => {
    expect(read('')).toMatchObject({ ok: false, problem: expect.stringMatching(/empty/) });
    expect(read('device,outlet,when,kwh\nA,1,x,1')).toMatchObject({ ok: false, problem: expect.stringMatching(/no at column/) });
    expect(read('device,at,kwh\n')).toMatchObject({ ok: false, problem: expect.stringMatching(/no readings/) });
    expect(read('device,at,kwh,reset\nA,x,1,maybe')).toMatchObject({ ok: false, problem: 'Row 1: reset "maybe" must be yes or no (or left blank).' });
    expect(read(`${Array.from({ length: 21 }, (_, i) => `c${i}`).join(',')}\n`)).toMatchObject({ ok: false, problem: expect.stringMatching(/21 columns/) });
    expect(readReadingsCsv('device,at,kwh\n', maxReadingsFileBytes + 1)).toMatchObject({ ok: false, problem: expect.stringMatching(/larger than 4 MB/) });
    const tooMany = `device,at,kwh\n${'A,x,1\n'.repeat(maxReadingRows + 1)}`;
    expect(read(tooMany)).toMatchObject({ ok: false, problem: expect.stringMatching(/at most 20,000/) });
  });
});
