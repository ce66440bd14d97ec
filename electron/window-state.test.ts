import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readWindowState, rememberWindowState, type Rect, windowPlacement, type WindowState, windowStateFile } from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 }; // 1080 p without a 40 px task bar
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const saved = (bounds: Rect, flags: Partial<WindowState> = {}): WindowState => ({ bounds, maximized: false, fullScreen: false, ...flags });

describe('where the main window opens', () => {
  it('opens at the default size, centred by Electron (no x/y), the first time', () => {
    expect(windowPlacement(null, [laptop])).toEqual({ bounds: { width: 1440, height: 900 }, maximized: false, fullScreen: false });
  });

  it('reopens exactly where it was closed, maximized or full screen as it was', () => {
    const bounds = { x: 2100, y: 120, width: 1600, height: 1000 };
    expect(windowPlacement(saved(bounds, { maximized: true }), [laptop, rightMonitor])).toEqual({ bounds, maximized: true, fullScreen: false });
    expect(windowPlacement(saved(bounds, { fullScreen: true }), [laptop, rightMonitor]).fullScreen).toBe(true);
  });

  it('moves a window closed on a monitor that is no longer attached back to the primary display, at the default size', () => {
    const onGoneMonitor = saved({ x: 2100, y: 120, width: 1600, height: 1000 }, { maximized: true });
    expect(windowPlacement(onGoneMonitor, [laptop])).toEqual({ bounds: { width: 1440, height: 900 }, maximized: false, fullScreen: false });
  });

  it('treats a window with only a sliver on a display as lost', () => {
    expect(windowPlacement(saved({ x: 1850, y: 100, width: 1200, height: 800 }), [laptop]).bounds).toEqual({ width: 1440, height: 900 });
    expect(windowPlacement(saved({ x: 100, y: 1000, width: 1200, height: 800 }), [laptop]).bounds).toEqual({ width: 1440, height: 900 });
  });

  it('pulls a window hanging over the edge fully onto the display that holds most of it', () => {
    expect(windowPlacement(saved({ x: 1000, y: -50, width: 1200, height: 800 }), [laptop]).bounds).toEqual({ x: 720, y: 0, width: 1200, height: 800 });
    // Mostly on the right monitor: it stays there, inside it.
    expect(windowPlacement(saved({ x: 1800, y: 900, width: 1400, height: 800 }), [laptop, rightMonitor]).bounds).toEqual({
      x: 1920,
      y: 600,
      width: 1400,
      height: 800,
    });
  });

  it('shrinks a window larger than the display it is on, but not below the minimum size', () => {
    const small: Rect = { x: 0, y: 0, width: 1366, height: 728 };
    expect(windowPlacement(saved({ x: 0, y: 0, width: 2400, height: 1300 }), [small]).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
    expect(windowPlacement(null, [small]).bounds).toEqual({ width: 1366, height: 728 });
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 560 };
    expect(windowPlacement(null, [tiny]).bounds).toEqual({ width: 1024, height: 640 });
    expect(windowPlacement(saved({ x: 0, y: 0, width: 700, height: 500 }), [tiny]).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 640 });
  });

  it('keeps displays left of or above the primary one (negative coordinates)', () => {
    const left: Rect = { x: -1920, y: -200, width: 1920, height: 1080 };
    expect(windowPlacement(saved({ x: -1700, y: -100, width: 1400, height: 900 }), [laptop, left]).bounds).toEqual({
      x: -1700,
      y: -100,
      width: 1400,
      height: 900,
    });
  });
});

describe('the saved window state', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hashdesk-window-'));
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A stand-in for the BrowserWindow: its events and the three getters the state is read from. */
  function fakeWindow(bounds: Rect) {
    const events = new EventEmitter();
    const window = {
      bounds,
      maximized: false,
      on: (event: string, listener: () => void) => events.on(event, listener),
      emit: (event: string) => events.emit(event),
      getNormalBounds: () => window.bounds,
      isMaximized: () => window.maximized,
      isFullScreen: () => false,
    };
    return window;
  }

  it('reads a missing, damaged or out-of-range file as no saved place', () => {
    expect(readWindowState(dir)).toBeNull();
    writeFileSync(windowStateFile(dir), '{"bounds": {"x": 1');
    expect(readWindowState(dir)).toBeNull();
    writeFileSync(windowStateFile(dir), JSON.stringify(saved({ x: 0, y: 0, width: -5, height: 900 })));
    expect(readWindowState(dir)).toBeNull();
    writeFileSync(windowStateFile(dir), JSON.stringify(saved({ x: 1e9, y: 0, width: 1400, height: 900 })));
    expect(readWindowState(dir)).toBeNull();
  });

  it('saves once a drag settles, not at every move event, and at once when the window closes', () => {
    const window = fakeWindow({ x: 10, y: 20, width: 1300, height: 800 });
    rememberWindowState(window, dir, () => {}, 500);
    for (let x = 10; x < 200; x += 10) {
      window.bounds = { ...window.bounds, x };
      window.emit('move');
      vi.advanceTimersByTime(50);
    }
    expect(existsSync(windowStateFile(dir))).toBe(false);
    vi.advanceTimersByTime(500);
    expect(readWindowState(dir)).toEqual(saved({ x: 190, y: 20, width: 1300, height: 800 }));

    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(readWindowState(dir)).toEqual(saved({ x: 190, y: 20, width: 1300, height: 800 }, { maximized: true }));
    expect(JSON.parse(readFileSync(windowStateFile(dir), 'utf8'))).toMatchObject({ maximized: true });
  });

  it('reports a file it cannot write once, and the window goes on', () => {
    mkdirSync(`${windowStateFile(dir)}.tmp`); // the temporary file's name is taken by a folder: even root cannot write it
    const warnings: string[] = [];
    const window = fakeWindow({ x: 0, y: 0, width: 1300, height: 800 });
    rememberWindowState(window, dir, (message) => warnings.push(message), 500);
    window.emit('resize');
    window.emit('close');
    window.emit('move');
    window.emit('close');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^The window's size and position could not be saved: /);
  });
});
