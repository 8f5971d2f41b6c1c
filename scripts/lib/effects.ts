/** The build's side effects, passed in (tests give silent ones). */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256, writeAtomic } from './cache.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Writes under the output folder; paths are relative to it, with / separators. */
export interface OutputWriter {
  /** Writes the file (given whole or in parts) unless it holds these bytes already. */
  write(path: string, data: string | Uint8Array | readonly Uint8Array[]): void;
  remove(path: string): void;
  /** Whether the file holds bytes of this size and SHA-256. */
  holds(path: string, size: number, sha256: string): boolean;
  /** File names directly in a folder of the output ([] when there is none). */
  list(dir: string): string[];
}

export const consoleLogger: Logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(`warning: ${m}`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {} };

/** Writes into `outDir`: each file replaced whole (written aside, then renamed), and only when its bytes change. */
export function fsWriter(outDir: string): OutputWriter {
  return {
    write(path, data) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data instanceof Uint8Array ? data : Buffer.concat(data);
      const full = join(outDir, path);
      try {
        if (statSync(full).size === bytes.length && readFileSync(full).equals(bytes)) return;
      } catch {
        // not there yet
      }
      writeAtomic(full, bytes);
    },
    holds(path, size, hash) {
      const full = join(outDir, path);
      try {
        return statSync(full).size === size && sha256(readFileSync(full)) === hash;
      } catch {
        return false;
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

