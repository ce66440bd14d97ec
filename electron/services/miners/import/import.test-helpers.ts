import type { Db } from '../../../../db/open-db';
import { actor } from '../../../../tests/helpers/client-fixtures';
import { contract, type Input } from '../../../contract';
import { commitImport } from './import.commit';
import { previewImport } from './import.preview';

export type ImportExtras = Partial<Input<'miners.import.preview'>>;

/** The import's input for a file given as base64, with the contract's defaults applied. */
export const importInput = (base64: string, extra: ImportExtras = {}) =>
  contract['miners.import.preview'].input.parse({ fileName: 'miners.csv', base64, ...extra });

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Preview and commit of a CSV text through the real services, as the tests' actor unless another is given. */
export function csvImport(db: Db) {
  return {
    preview: (csv: string, extra: ImportExtras = {}, by = actor) => previewImport(db, importInput(b64(csv), extra), by),
    commit: (csv: string, extra: ImportExtras = {}, by = actor) => commitImport(db, importInput(b64(csv), extra), by),
  };
}
