import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The workbook as openpyxl (another language's spreadsheet library) reads it: each sheet's rows as JSON. Written to `dir` first. */
export function readXlsx(base64: string, dir: string, name: string): Record<string, unknown[][]> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  const script = [
    'import json, sys, openpyxl',
    'book = openpyxl.load_workbook(sys.argv[1])',
    'print(json.dumps({s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}, default=str))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, unknown[][]>;
}
