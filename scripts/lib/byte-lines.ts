import { closeSync, openSync, readSync } from 'node:fs';

/** Calls `visit(start, end)` for each non-empty line of `bytes` (end excludes the newline), without decoding the whole buffer. */
export function forEachLine(bytes: Uint8Array, visit: (start: number, end: number) => void): void {
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    if (end > start) visit(start, end);
    start = end + 1;
  }
}

/**
 * Calls `visit(bytes, start, end)` for each non-empty line of the file at `path`, read in chunks
 * into one buffer used again and again (grown for a line longer than it): a file of 33 MB read
 * whole cost ~0.15 s more here, most of it the kernel giving the new memory's pages. `bytes` is
 * valid only during the call. Nothing is visited for a file that does not exist.
 */
export function forEachLineOfFile(path: string, visit: (bytes: Buffer, start: number, end: number) => void, chunkBytes = 1 << 20): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw cause;
  }
  try {
    let buffer = Buffer.allocUnsafeSlow(chunkBytes);
    /** Bytes at the start of the buffer not yet visited (a line the last chunk ended within). */
    let kept = 0;
    for (let position = 0; ; ) {
      if (kept === buffer.length) {
        const grown = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(grown, 0, 0, kept);
        buffer = grown;
      }
      const read = readSync(fd, buffer, kept, buffer.length - kept, position);
      position += read;
      const length = kept + read;
      const filled = buffer.subarray(0, length);
      let start = 0;
      for (let end = filled.indexOf(10); end >= 0; end = filled.indexOf(10, start)) {
        if (end > start) visit(buffer, start, end);
        start = end + 1;
      }
      if (read === 0) {
        if (length > start) visit(buffer, start, length);
        return;
      }
      buffer.copy(buffer, 0, start, length);
      kept = length - start;
    }
  } finally {
    closeSync(fd);
  }
}
