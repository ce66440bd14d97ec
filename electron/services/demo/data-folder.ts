import { AppError } from '../../contract/errors';

/** Shows a folder in the OS file manager: Electron's shell.openPath, which answers '' or why it failed. */
export type FolderOpener = (path: string) => Promise<string>;

export type DataFolder = {
  /** The folder holding the database, logs, secrets key and documents. */
  path: string;
  canOpen: boolean;
  /** `fromWindow`: the call came from the desktop window, not a browser over the network (which would open it on this PC). */
  open(fromWindow: boolean): Promise<{ opened: string }>;
};

/** The data folder, and (in the desktop app, where the window passes an opener) a way to show it; `serve` has none. */
export function createDataFolder(path: string, opener?: FolderOpener): DataFolder {
  return {
    path,
    canOpen: Boolean(opener),
    async open(fromWindow) {
      if (!opener || !fromWindow) throw new AppError('CONFLICT', `The data folder opens only in the desktop app's window. Copy its path instead: ${path}`);
      const failed = await opener(path);
      if (failed) throw new AppError('CONFLICT', `The data folder ${path} did not open: ${failed}`);
      return { opened: path };
    },
  };
}
