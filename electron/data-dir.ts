import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder Electron calls userData for "Hashdesk", so the browser mode and the desktop share one database by default. */
export function defaultDataDir(platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Hashdesk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Hashdesk');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Hashdesk');
}
