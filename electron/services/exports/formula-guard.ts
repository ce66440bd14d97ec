/**
 * Spreadsheet formula injection: a cell a spreadsheet program could run as a formula (text starting with
 * = + - @, or a tab or return) is written so that it stays text. European Excel splits CSV at ";" as well
 * as at the delimiter, so each ";"-separated part of a text is guarded on its own, and a text holding ";"
 * is quoted. One guard for every export; the importer undoes it with `unguardCellText`.
 */
const risky = /^'*[=+\-@\t\r]/;
/** A part the guard wrote: one added apostrophe before (maybe more apostrophes and) a risky character. */
const guarded = /^'+[=+\-@\t\r]/;

const eachPart = (text: string, change: (part: string) => string) => text.split(';').map(change).join(';');

/** For CSV: an apostrophe before every risky part ("x;=cmd" → "x;'=cmd"), which a spreadsheet shows as text. */
export const guardCsvText = (text: string) => eachPart(text, (part) => (risky.test(part) ? `'${part}` : part));

/** A CSV value holding ";" is quoted, so Excel set to ";" as its list separator keeps it in one cell. */
export const needsCsvQuotes = (value: unknown) => typeof value === 'string' && value.includes(';');

/**
 * For XLSX: the text as it is, written as a text cell (never a formula), with the Text format so an edit
 * keeps it text; only a part that already starts with apostrophes before a risky character gets one more,
 * so the importer reads every text back as it was.
 */
export const guardXlsxText = (text: string) => eachPart(text, (part) => (guarded.test(part) ? `'${part}` : part));

/** Whether an XLSX text cell should carry the Text number format: it starts like a formula. */
export const startsLikeFormula = (text: string) => /^[=+\-@\t\r]/.test(text);

/** Takes the guard's apostrophe off each part again (exports of older versions guarded the whole cell only; they read the same). */
export const unguardCellText = (text: string) => eachPart(text, (part) => (guarded.test(part) ? part.slice(1) : part));
