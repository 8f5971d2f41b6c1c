/** Every file under a folder, path → bytes: for comparing two builds byte for byte. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function snapshot(dir: string, rel = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of snapshot(dir, path)) out.set(k, v);
    else out.set(path, readFileSync(join(dir, path)));
  }
  return out;
}
