import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

/**
 * Every file the app hands over (an invoice PDF, an export, a spreadsheet, a settings file) is a download, and the
 * desktop window asks where to save it with the system's Save dialog. This names the file's kind in the dialog and
 * opens it in the folder the last file went to (kept in `save-folder.json` in the data folder), or in Downloads.
 */
const fileKinds: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV file', extensions: ['csv'] },
  json: { name: 'JSON file', extensions: ['json'] },
  txt: { name: 'Text file', extensions: ['txt'] },
  zip: { name: 'ZIP archive', extensions: ['zip'] },
};

export const saveFolderFile = (dataDir: string): string => join(dataDir, 'save-folder.json');

const saveFolderSchema = z.object({ folder: z.string().min(1) }).nullable();

/** The dialog for one file: its name in the folder given, its kind first in the filter (and any file after). */
export function saveDialogOptions(fileName: string, folder: string): SaveDialogOptions {
  const kind = fileKinds[extname(fileName).slice(1).toLowerCase()];
  return {
    title: `Save ${fileName}`,
    defaultPath: join(folder, fileName),
    filters: kind ? [kind, { name: 'All files', extensions: ['*'] }] : [],
  };
}

const isFolder = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** Where the last file was saved, while that folder still exists (a USB stick may be gone); else `fallback`. */
export function lastSaveFolder(dataDir: string, fallback: string): string {
  const saved = readJsonFile(saveFolderFile(dataDir), saveFolderSchema, null);
  return saved && isFolder(saved.folder) ? saved.folder : fallback;
}

/** What of Electron's DownloadItem this uses. */
type SavedFile = {
  getFilename(): string;
  getSavePath(): string;
  setSaveDialogOptions(options: SaveDialogOptions): void;
  once(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
};
/** What of Electron's Session this uses. */
type DownloadingSession = { on(event: 'will-download', listener: (event: unknown, item: SavedFile) => void): unknown };

/** Sets up the Save dialog of every download of the session, and remembers the folder of each file saved. */
export function askWhereToSave(session: DownloadingSession, dataDir: string, downloadsFolder: string, warn: (message: string) => void): void {
  let warned = false;
  session.on('will-download', (_event, item) => {
    item.setSaveDialogOptions(saveDialogOptions(item.getFilename(), lastSaveFolder(dataDir, downloadsFolder)));
    item.once('done', (_done, state) => {
      if (state !== 'completed' || !item.getSavePath()) return;
      try {
        writeJsonFile(saveFolderFile(dataDir), { folder: dirname(item.getSavePath()) });
      } catch (error) {
        if (!warned) warn(`Could not remember the folder files are saved to: ${error instanceof Error ? error.message : String(error)}`);
        warned = true;
      }
    });
  });
}
