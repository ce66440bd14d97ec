import { closeSync, existsSync, fchmodSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** Size of one log file before it is set aside; with `keep` old files the log takes at most (keep + 1) × this. */
export const maxLogBytes = 10 * 1024 * 1024;
export const keptLogFiles = 4;

/** The rotated files of `file`: hashdesk.log.1 is the most recent, hashdesk.log.4 the oldest. */
export const rotatedLogFile = (file: string, n: number) => `${file}.${n}`;

/**
 * A log destination for pino that rotates by size: when the next line would take the file past `maxBytes`,
 * hashdesk.log becomes hashdesk.log.1 (the older ones shift, the oldest is deleted) and a new file starts.
 * Files are created owner-only (0600), whatever the umask. Writes are synchronous: a desktop app logs
 * little, and a line written before a crash is a line kept.
 */
export function rotatingLogFile(file: string, options: { maxBytes?: number; keep?: number } = {}) {
  const maxBytes = options.maxBytes ?? maxLogBytes;
  const keep = options.keep ?? keptLogFiles;
  let fd = -1;
  let size = 0;
  const open = () => {
    fd = openSync(file, 'a', 0o600);
    fchmodSync(fd, 0o600); // a file an older version made 0644 is narrowed
    size = fstatSync(fd).size;
  };
  const rotate = () => {
    closeSync(fd);
    rmSync(rotatedLogFile(file, keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) if (existsSync(rotatedLogFile(file, n))) renameSync(rotatedLogFile(file, n), rotatedLogFile(file, n + 1));
    if (keep > 0) renameSync(file, rotatedLogFile(file, 1));
    else rmSync(file, { force: true });
    open();
  };
  open();
  return {
    write(line: string): boolean {
      if (fd < 0) return true; // a late line after close (a timer's) is dropped, not thrown
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      writeSync(fd, line);
      size += bytes;
      return true;
    },
    flush(): void {},
    end(): void {
      if (fd >= 0) closeSync(fd);
      fd = -1;
    },
  };
}
