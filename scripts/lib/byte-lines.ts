/** Calls `visit(start, end)` for each non-empty line of `bytes` (end excludes the newline), without decoding the whole buffer. */
export function forEachLine(bytes: Uint8Array, visit: (start: number, end: number) => void): void {
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    if (end > start) visit(start, end);
    start = end + 1;
  }
}
