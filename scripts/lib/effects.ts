/** The build's side effects, passed in (tests give silent or in-memory ones). */
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Writes under the output folder; paths are relative to it, with / separators. */
export interface OutputWriter {
  write(path: string, data: string | Uint8Array): void;
  /** Like write, on the thread pool (the build keeps parsing meanwhile), of one buffer or several in turn; optional. */
  writeAsync?(path: string, data: Uint8Array | readonly Uint8Array[]): Promise<void>;
  remove(path: string): void;
  /** The bytes of a file already in the output (only its last `lastBytes`, when given), or null. */
  read(path: string, lastBytes?: number): Uint8Array | null;
  /** The size in bytes of a file already in the output, or null. */
  size(path: string): number | null;
  /** File names directly in a folder of the output ([] when it does not exist). */
  list(dir: string): string[];
}

export const consoleLogger: Logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(`warning: ${m}`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {} };

/**
 * Writes (flag 'w') or appends ('a') these parts to a file, in one gathered write (writev) on the
 * thread pool: the parts are never joined into one buffer first.
 */
export async function writeFileParts(path: string, flag: 'w' | 'a', parts: readonly Uint8Array[]): Promise<void> {
  const file = await open(path, flag);
  try {
    if (parts.length > 0) await file.writev(parts as Uint8Array[]);
  } finally {
    await file.close();
  }
}

/** Writes on the thread pool when the writer can, else now; settles when the file is written. `data` may come in parts, written in turn. */
export function writeSoon(writer: OutputWriter, path: string, data: Uint8Array | readonly Uint8Array[]): Promise<void> {
  if (writer.writeAsync) return writer.writeAsync(path, data);
  return Promise.resolve(writer.write(path, data instanceof Uint8Array ? data : Buffer.concat(data)));
}

export function fsWriter(outDir: string): OutputWriter {
  const made = new Set<string>();
  /** The file's full path, its folder made first if need be. */
  const prepared = (path: string) => {
    const full = join(outDir, path);
    const dir = dirname(full);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    return full;
  };
  return {
    write(path, data) {
      writeFileSync(prepared(path), data);
    },
    async writeAsync(path, data) {
      if (data instanceof Uint8Array) return writeFile(prepared(path), data);
      return writeFileParts(prepared(path), 'w', data);
    },
    remove(path) {
      rmSync(join(outDir, path), { force: true });
    },
    read(path, lastBytes) {
      try {
        if (lastBytes === undefined) return readFileSync(join(outDir, path));
        const fd = openSync(join(outDir, path), 'r');
        try {
          const size = fstatSync(fd).size;
          const tail = Buffer.alloc(Math.min(size, lastBytes));
          for (let at = 0; at < tail.length; ) {
            const read = readSync(fd, tail, at, tail.length - at, size - tail.length + at);
            if (read === 0) return null;
            at += read;
          }
          return tail;
        } finally {
          closeSync(fd);
        }
      } catch {
        return null;
      }
    },
    size(path) {
      try {
        return statSync(join(outDir, path)).size;
      } catch {
        return null;
      }
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
