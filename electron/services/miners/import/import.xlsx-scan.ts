import { inflateRawSync } from 'node:zlib';
import { maxImportRows } from '../../../contract/miners.import';
import { columnLetter, maxImportCells, maxImportColumns, refuse, thousands, tooManyCells, tooManyRows } from './import.limits';

/** What the parts of one XLSX file may unpack to, together: a workbook of 20,000 miners takes a fraction of it. */
export const maxXlsxUnpackedBytes = 100 * 1024 * 1024;

type ZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };

const unreadable = () =>
  refuse(
    'The file looks like an XLSX workbook but cannot be read; it may be damaged or password-protected. Open it in Excel and save it again, or save it as CSV UTF-8.',
  );

/** The zip's central directory: every part's name, compression and place. */
function zipEntries(bytes: Buffer): ZipEntry[] {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end -= 1) {
    if (bytes.readUInt32LE(end) !== 0x06054b50) continue;
    const count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw unreadable();
      const nameLength = bytes.readUInt16LE(at + 28);
      entries.push({
        name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
        method: bytes.readUInt16LE(at + 10),
        compressedSize: bytes.readUInt32LE(at + 20),
        localOffset: bytes.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    return entries;
  }
  throw unreadable();
}

/** One part unpacked, never past `budget` bytes: a small file that unpacks to gigabytes (a zip bomb) stops here. */
function unpack(bytes: Buffer, entry: ZipEntry, budget: number): Buffer {
  const header = entry.localOffset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== 0x04034b50) throw unreadable();
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  const tooLarge = () =>
    refuse(
      `The workbook unpacks to more than ${maxXlsxUnpackedBytes / 1024 / 1024} MB, more than a list of ${thousands(maxImportRows)} miners needs. Save only the miners sheet as a new workbook, or as CSV UTF-8, and import that file.`,
    );
  if (entry.method === 0) {
    if (data.length > budget) throw tooLarge();
    return data;
  }
  if (entry.method !== 8) throw unreadable();
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw unreadable();
  }
}

/** Sheet tab names by part name ("xl/worksheets/sheet2.xml" → "Notes"), read from the workbook and its relations. */
function sheetNames(parts: Map<string, string>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of (parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const match of (parts.get('xl/workbook.xml') ?? '').matchAll(/<(?:[\w-]+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const id = /\bid="([^"]*)"/.exec(match[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name && part) names.set(part, name);
  }
  return names;
}

const columnNumber = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/**
 * Walks one worksheet's XML for its cells, without building them: a cell right of the last column an
 * import reads is refused here, before the spreadsheet library gives each row an array as wide as its
 * farthest cell (4,000 cells in column XFD would otherwise cost seconds and gigabytes).
 */
function scanWorksheet(xml: string, sheet: string | undefined, totals: { rows: number; cells: number }): void {
  let row = 0;
  let column = 0;
  let rowFilled = false;
  const where = sheet ? ` on sheet "${sheet}"` : '';
  for (const match of xml.matchAll(/<(?:[\w-]+:)?(row|c)\b([^>]*?)(\/?)>/g)) {
    const [, tag, attributes, selfClosing] = match;
    if (tag === 'row') {
      if (rowFilled) totals.rows += 1;
      row = Number(/\br="(\d+)"/.exec(attributes)?.[1] ?? row + 1);
      column = 0;
      rowFilled = false;
      continue;
    }
    const address = /\br="([A-Z]{1,3})\d+"/.exec(attributes);
    column = address ? columnNumber(address[1]) : column + 1;
    const filled = selfClosing === '';
    if (column > maxImportColumns) {
      const last = columnLetter(maxImportColumns - 1);
      const cell = `${columnLetter(column - 1)}${row}${where}`;
      throw refuse(
        `Cell ${cell} ${filled ? 'is' : 'has formatting'} beyond column ${last}: an import reads at most ${maxImportColumns} columns (A to ${last}). Delete the columns after ${last}, or move their data left, and save the file again.`,
      );
    }
    if (filled) {
      rowFilled = true;
      if ((totals.cells += 1) > maxImportCells) throw tooManyCells();
    }
  }
  if (rowFilled) totals.rows += 1;
}

/**
 * Checks an XLSX file before it is opened: it unpacks within the size limit, no worksheet has a cell
 * beyond the last column an import reads, the workbook holds at most the cells, and its first sheet the rows, one import takes.
 */
export function assertXlsxWithinLimits(bytes: Buffer): void {
  const parts = new Map<string, string>();
  let budget = maxXlsxUnpackedBytes;
  for (const entry of zipEntries(bytes)) {
    if (entry.name.endsWith('/')) continue;
    const unpacked = unpack(bytes, entry, budget);
    budget -= unpacked.length;
    if (/^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/i.test(entry.name)) parts.set(entry.name, unpacked.toString('utf8'));
  }
  const names = sheetNames(parts);
  const first = names.keys().next().value ?? 'xl/worksheets/sheet1.xml';
  const totals = { rows: 0, cells: 0 };
  for (const [part, xml] of parts) {
    if (!/^xl\/worksheets\//i.test(part)) continue;
    totals.rows = 0;
    scanWorksheet(xml, names.size > 1 ? names.get(part) : undefined, totals);
    if (part === first && totals.rows > maxImportRows + 1) throw tooManyRows(totals.rows - 1);
  }
}
