import { describe, expect, it } from 'vitest';
import { guardCsvText, guardXlsxText, unguardCellText } from './formula-guard';

const tricky = [
  "x;=cmd|' /C calc'!A0",
  '=HYPERLINK("http://127.0.0.1")',
  '+1;-2;@SUM(A1)',
  "'=already quoted",
  "x;''+two apostrophes",
  'plain; text; with spaces',
  '\t=tab first',
  "it's fine",
  ';=leading separator',
  '',
];

describe('the formula guard', () => {
  it('puts an apostrophe before every ;-separated part a spreadsheet could run', () => {
    expect(guardCsvText("x;=cmd|' /C calc'!A0")).toBe("x;'=cmd|' /C calc'!A0");
    expect(guardCsvText('+1;-2;@SUM(A1)')).toBe("'+1;'-2;'@SUM(A1)");
    expect(guardCsvText('plain; text')).toBe('plain; text');
  });

  it('leaves XLSX text as it is, except a part already starting with apostrophes before a risky character', () => {
    expect(guardXlsxText('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(guardXlsxText("x;'=y")).toBe("x;''=y");
  });

  it.each(tricky)('reads %j back as it was, from CSV and from XLSX', (text) => {
    expect(unguardCellText(guardCsvText(text))).toBe(text);
    expect(unguardCellText(guardXlsxText(text))).toBe(text);
  });

  it('reads the whole-cell guard of older exports as before', () => {
    expect(unguardCellText('\'=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(unguardCellText("'+1")).toBe('+1');
  });
});
