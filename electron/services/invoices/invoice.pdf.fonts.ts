import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Font } from 'fontkit';

/** DejaVu Sans (assets/fonts, copied from the dejavu-fonts-ttf package): Latin, Greek, Cyrillic and more. */
export type InvoiceFonts = { regular: Font; bold: Font };

/**
 * A parsed font where pdfkit's typings want a font's path: pdfkit 0.20 takes a fontkit font wherever it takes a
 * font (PDFFontFactory.open uses any object with `layout`), but its typings list only paths and bytes.
 */
export const pdfkitFont = (font: Font): string => font as unknown as string;

let loaded: Promise<InvoiceFonts> | null = null;

/** The assets/fonts folder, found by walking up from this file, like the migrations: works from source, from out/main (`serve` and the window) and inside app.asar. */
function fontsFolder(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const fonts = join(dir, 'assets', 'fonts');
    if (existsSync(join(fonts, 'DejaVuSans.ttf'))) return fonts;
    if (dirname(dir) === dir) throw new Error(`The invoice fonts (assets/fonts) were not found above ${start}.`);
  }
}

async function parsed(files: { regular: string; bold: string }): Promise<InvoiceFonts> {
  // Loaded when the first document prints, not when the app starts: fontkit is a large module.
  const { create } = await import('fontkit');
  const one = (file: string): Font => {
    const font = create(readFileSync(file));
    if (!('layout' in font)) throw new Error(`${file} is a font collection, not one font.`);
    return font;
  };
  return { regular: one(files.regular), bold: one(files.bold) };
}

/**
 * The invoice fonts, read and parsed once per process: pdfkit would parse a font file again for every
 * document registered with its path, and a batch prints hundreds. A parsed font is only read by pdfkit
 * (each document keeps its own subset of the glyphs it uses), so one can serve every document.
 */
export function invoiceFonts(start = dirname(fileURLToPath(import.meta.url))): Promise<InvoiceFonts> {
  if (!loaded) {
    const folder = fontsFolder(start);
    loaded = parsed({ regular: join(folder, 'DejaVuSans.ttf'), bold: join(folder, 'DejaVuSans-Bold.ttf') });
    // A failure is not kept: the next document tries again.
    loaded.catch(() => (loaded = null));
  }
  return loaded;
}
