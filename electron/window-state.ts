import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

/**
 * The main window opens where it was closed: its normal (not maximized) bounds, and whether it was maximized or full
 * screen, kept in `window-state.json` in the data folder. A saved place is checked against the displays attached now,
 * so a window closed on a monitor that is gone reopens on the primary one instead of off screen.
 */
export type Rect = { x: number; y: number; width: number; height: number };
export type Size = { width: number; height: number };
export type WindowState = { bounds: Rect; maximized: boolean; fullScreen: boolean };
/** What the window is created with: x and y are left out when Electron should centre it. */
export type WindowPlacement = { bounds: Size & Partial<Pick<Rect, 'x' | 'y'>>; maximized: boolean; fullScreen: boolean };

export const defaultWindowSize: Size = { width: 1440, height: 900 };
export const minimumWindowSize: Size = { width: 1024, height: 640 };
/** Less of the window than this on any display (in both directions) and it is treated as lost. */
const minimumVisible: Size = { width: 160, height: 80 };

const pixels = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: pixels, y: pixels, width: pixels.positive(), height: pixels.positive() }),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});

export const windowStateFile = (dataDir: string): string => join(dataDir, 'window-state.json');

export const readWindowState = (dataDir: string): WindowState | null => readJsonFile(windowStateFile(dataDir), stateSchema.nullable(), null);

const overlap = (a: Rect, b: Rect): Size => ({
  width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
  height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
});

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

/** A size that fits the work area, never below the window's minimum (a smaller screen gets a window it can scroll). */
const fitSize = (size: Size, area: Rect): Size => ({
  width: clamp(size.width, minimumWindowSize.width, area.width),
  height: clamp(size.height, minimumWindowSize.height, area.height),
});

/**
 * Where to open the window. `workAreas` are the displays' work areas (without task bars and docks), the primary first.
 * The saved place is kept on the display holding most of it, shrunk to fit and moved fully onto it; with no saved
 * place, or one on no display now attached, the default size is centred on the primary display.
 */
export function windowPlacement(saved: WindowState | null, workAreas: Rect[]): WindowPlacement {
  const primary = workAreas[0];
  const fresh = (): WindowPlacement => ({ bounds: primary ? fitSize(defaultWindowSize, primary) : defaultWindowSize, maximized: false, fullScreen: false });
  if (!saved || !primary) return fresh();
  const best = workAreas
    .map((area) => ({ area, seen: overlap(saved.bounds, area) }))
    .sort((a, b) => b.seen.width * b.seen.height - a.seen.width * a.seen.height)[0];
  if (!best || best.seen.width < minimumVisible.width || best.seen.height < minimumVisible.height) return fresh();
  const { area } = best;
  const size = fitSize(saved.bounds, area);
  const x = clamp(saved.bounds.x, area.x, area.x + area.width - size.width);
  const y = clamp(saved.bounds.y, area.y, area.y + area.height - size.height);
  return { bounds: { x, y, ...size }, maximized: saved.maximized, fullScreen: saved.fullScreen };
}

/**
 * Saves the window's state a moment after it stops moving (a drag fires many events), and at once on `flush` (the
 * window is closing). A file that cannot be written is reported once through `warn` and never stops the app.
 */
function windowStateSaver(dataDir: string, warn: (message: string) => void, delayMs = 500) {
  let pending: WindowState | null = null;
  let timer: NodeJS.Timeout | null = null;
  let warned = false;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const state = pending;
    pending = null;
    try {
      writeJsonFile(windowStateFile(dataDir), state);
    } catch (error) {
      if (!warned) warn(`The window's size and position could not be saved: ${(error as Error).message}`);
      warned = true;
    }
  };
  const update = (state: WindowState) => {
    pending = state;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
    timer.unref();
  };
  return { update, flush };
}

/** The part of a BrowserWindow the state is read from (a test passes an event emitter). */
export type TrackedWindow = {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'enter-full-screen' | 'leave-full-screen' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
};

/** Saves the window's state in the data folder whenever it is moved, resized, maximized or closed. */
export function rememberWindowState(window: TrackedWindow, dataDir: string, warn: (message: string) => void, delayMs?: number): void {
  const saver = windowStateSaver(dataDir, warn, delayMs);
  const remember = () => saver.update({ bounds: window.getNormalBounds(), maximized: window.isMaximized(), fullScreen: window.isFullScreen() });
  for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) window.on(event, remember);
  window.on('close', () => {
    remember();
    saver.flush();
  });
}
