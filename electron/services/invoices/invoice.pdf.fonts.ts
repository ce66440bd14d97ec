import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** DejaVu Sans (assets/fonts, copied from the dejavu-fonts-ttf package): Latin, Greek, Cyrillic and more. */
export type InvoiceFonts = { regular: string; bold: string };

let found: InvoiceFonts | null = null;

/**
 * Finds assets/fonts by walking up from this file, like the migrations: works from source, from out/main
 * (`serve` and the window) and inside app.asar (electron-builder packs assets/fonts).
 */
export function findInvoiceFonts(start = dirname(fileURLToPath(import.meta.url))): InvoiceFonts {
  if (found) return found;
  for (let dir = start; ; dir = dirname(dir)) {
    const fonts = join(dir, 'assets', 'fonts');
    if (existsSync(join(fonts, 'DejaVuSans.ttf'))) {
      found = { regular: join(fonts, 'DejaVuSans.ttf'), bold: join(fonts, 'DejaVuSans-Bold.ttf') };
      return found;
    }
    if (dirname(dir) === dir) throw new Error(`The invoice fonts (assets/fonts) were not found above ${start}.`);
  }
}
