/** The build's side effects, passed in (tests give silent ones). */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './cache.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Writes under the output folder; paths are relative to it, with / separators. */
export interface OutputWriter {
  /** Writes the file (given whole or in parts) unless it holds these bytes already. */
  write(path: string, data: string | Uint8Array | readonly Uint8Array[]): void;
  remove(path: string): void;
  /** The file's bytes, or null when it cannot be read. */
  read(path: string): Buffer | null;
  /** The file's inode, size, mtime and ctime (ns), which any write to it changes; null when there is none. */
  stat(path: string): FileStat | null;
  /** File names directly in a folder of the output ([] when there is none). */
  list(dir: string): string[];
}

export type FileStat = [ino: string, size: string, mtimeNs: string, ctimeNs: string];

export const consoleLogger: Logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(`warning: ${m}`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {} };

/** A logger that keeps every message, in order, in `messages` (for tests that read what a build said). */
export const listLogger = (messages: string[]): Logger => ({ info: (m) => messages.push(m), warn: (m) => messages.push(m) });

/** Whether the file holds exactly these parts, one after another. */
function holdsParts(path: string, parts: readonly Uint8Array[]): boolean {
  try {
    if (statSync(path).size !== parts.reduce((n, p) => n + p.length, 0)) return false;
    const file = readFileSync(path);
    let at = 0;
    for (const part of parts) {
      if (Buffer.compare(file.subarray(at, at + part.length), part) !== 0) return false;
      at += part.length;
    }
    return true;
  } catch {
    return false;
  }
}

/** Writes into `outDir`: each file replaced whole (written aside, then renamed), and only when its bytes change. */
export function fsWriter(outDir: string): OutputWriter {
  return {
    write(path, data) {
      const parts = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
      const full = join(outDir, path);
      if (holdsParts(full, parts)) return;
      writeAtomic(full, parts);
    },
    read(path) {
      try {
        return readFileSync(join(outDir, path));
      } catch {
        return null;
      }
    },
    stat(path) {
      try {
        const s = statSync(join(outDir, path), { bigint: true });
        return [String(s.ino), String(s.size), String(s.mtimeNs), String(s.ctimeNs)];
      } catch {
        return null;
      }
    },
    remove(path) {
      rmSync(join(outDir, path), { force: true });
    },
    list(dir) {
      try {
        return readdirSync(join(outDir, dir), { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
      } catch {
        return [];
      }
    },
  };
}

