/** The build's side effects, passed in (tests give silent or in-memory ones). */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Writes under the output folder; paths are relative to it, with / separators. */
export interface OutputWriter {
  write(path: string, data: string | Uint8Array): void;
  /** Like write, on the thread pool (the build keeps parsing meanwhile); optional. */
  writeAsync?(path: string, data: Uint8Array): Promise<void>;
  remove(path: string): void;
  /** The bytes of a file already in the output, or null. */
  read(path: string): Uint8Array | null;
  /** File names directly in a folder of the output ([] when it does not exist). */
  list(dir: string): string[];
}

export const consoleLogger: Logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(`warning: ${m}`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {} };

/** Writes on the thread pool when the writer can, else now; settles when the file is written. */
export function writeSoon(writer: OutputWriter, path: string, data: Uint8Array): Promise<void> {
  return writer.writeAsync ? writer.writeAsync(path, data) : Promise.resolve(writer.write(path, data));
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
      await writeFile(prepared(path), data);
    },
    remove(path) {
      rmSync(join(outDir, path), { force: true });
    },
    read(path) {
      try {
        return readFileSync(join(outDir, path));
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
