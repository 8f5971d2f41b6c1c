/**
 * What a bundle made by scripts/run-bundled.mjs is made from, as one SHA-256: every file under
 * src/ and scripts/ (its path and bytes), tsconfig.json and package.json, the esbuild version and
 * the build's options. A bundle is kept under this key and used again only while it is the same:
 * hashing the ~130 source files takes ~15 ms, bundling ~130 ms.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The key for the repository at `repo`, for bundles made with `options` (any JSON) by esbuild `version`. */
export function bundleKey(repo, options, version) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ options, version }));
  const add = (rel) => {
    hash.update(`\u0000${rel}\u0000`);
    hash.update(readFileSync(join(repo, rel)));
  };
  const walk = (rel) => {
    const names = readdirSync(join(repo, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of names) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  for (const dir of ['src', 'scripts']) if (existsSync(join(repo, dir))) walk(dir);
  for (const file of ['tsconfig.json', 'package.json']) if (existsSync(join(repo, file))) add(file);
  return hash.digest('hex');
}
