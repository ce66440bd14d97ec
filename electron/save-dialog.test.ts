import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askWhereToSave, lastSaveFolder, saveDialogOptions, saveFolderFile } from './save-dialog';

const folders: string[] = [];
const newFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'hashdesk-save-'));
  folders.push(folder);
  return folder;
};
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A download as Electron's session hands it over: the dialog options it was given, and where the user saved it. */
class FakeDownload extends EventEmitter {
  options: SaveDialogOptions | null = null;
  constructor(
    private readonly fileName: string,
    public savePath = '',
  ) {
    super();
  }
  getFilename = () => this.fileName;
  getSavePath = () => this.savePath;
  setSaveDialogOptions = (options: SaveDialogOptions) => (this.options = options);
}

function sessionWith(dataDir: string, downloads: string, warn = vi.fn()) {
  const session = new EventEmitter();
  askWhereToSave(session as never, dataDir, downloads, warn);
  const download = (fileName: string) => {
    const item = new FakeDownload(fileName);
    session.emit('will-download', {}, item);
    return item;
  };
  return { download, warn };
}

describe('the Save dialog of a file the app hands over', () => {
  it("names the file's kind, with any file after it, and opens on its name in the folder", () => {
    expect(saveDialogOptions('INV-2026-0042.pdf', '/home/ops/Invoices')).toEqual({
      title: 'Save INV-2026-0042.pdf',
      defaultPath: join('/home/ops/Invoices', 'INV-2026-0042.pdf'),
      filters: [
        { name: 'PDF document', extensions: ['pdf'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    expect(saveDialogOptions('consumption-2026-11.XLSX', '/tmp').filters?.[0]).toEqual({ name: 'Excel workbook', extensions: ['xlsx'] });
    expect(saveDialogOptions('notes', '/tmp').filters).toEqual([]);
  });

  it('opens in Downloads first, then where the last file went; a cancelled save changes nothing', () => {
    const dataDir = newFolder();
    const downloads = newFolder();
    const invoices = join(newFolder(), 'Invoices');
    mkdirSync(invoices);
    const { download } = sessionWith(dataDir, downloads);

    const first = download('INV-1.pdf');
    expect(first.options?.defaultPath).toBe(join(downloads, 'INV-1.pdf'));
    first.savePath = join(invoices, 'INV-1.pdf');
    first.emit('done', {}, 'completed');
    expect(JSON.parse(readFileSync(saveFolderFile(dataDir), 'utf8'))).toEqual({ folder: invoices });

    const second = download('miners.csv');
    expect(second.options?.defaultPath).toBe(join(invoices, 'miners.csv'));
    second.savePath = join(downloads, 'miners.csv');
    second.emit('done', {}, 'cancelled');
    expect(download('INV-2.pdf').options?.defaultPath).toBe(join(invoices, 'INV-2.pdf'));
  });

  it('falls back to Downloads when the last folder is gone (a USB stick taken out) or the file is damaged', () => {
    const dataDir = newFolder();
    const downloads = newFolder();
    const stick = newFolder();
    const { download } = sessionWith(dataDir, downloads);
    const saved = download('a.pdf');
    saved.savePath = join(stick, 'a.pdf');
    saved.emit('done', {}, 'completed');
    expect(lastSaveFolder(dataDir, downloads)).toBe(stick);
    rmSync(stick, { recursive: true });
    expect(lastSaveFolder(dataDir, downloads)).toBe(downloads);
  });

  it('says once, not on every file, when the folder cannot be remembered', () => {
    const dataDir = newFolder();
    // A folder (not empty) where the file should be: the write's rename fails, even for root.
    mkdirSync(join(saveFolderFile(dataDir), 'in-the-way'), { recursive: true });
    const { download, warn } = sessionWith(dataDir, newFolder());
    for (const name of ['a.pdf', 'b.pdf']) {
      const item = download(name);
      item.savePath = join(tmpdir(), name);
      item.emit('done', {}, 'completed');
    }
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toMatch(/^Could not remember the folder files are saved to: /);
  });
});
