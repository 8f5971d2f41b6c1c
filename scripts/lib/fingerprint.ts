/**
 * A stage's fingerprint: the SHA-256 of every source file its entry module imports, directly or
 * not (relative imports followed through the repository's .ts files), and the version of every
 * npm package among them. A change to any code a stage runs gives a new fingerprint, hence new
 * cache keys, with no version to bump by hand; a change elsewhere leaves it as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A value import (type-only imports change no output): `import … from '…'`, `export … from '…'`, `import('…')`, `import '…'`. */
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?!type\s)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** The repository: the nearest folder up from here holding src/lib (this code may run from a bundle under .cache/). */
export function repoRoot(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'src', 'lib'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`build cache: no src/lib above ${from}`);
    dir = up;
  }
  return dir;
}

/** The package a bare import names (`pdfjs-dist/legacy/…` → pdfjs-dist, `@a/b/c` → @a/b). */
const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** The fingerprint of the code `entries` (paths relative to `repo`) import. */
export function fingerprint(repo: string, entries: readonly string[]): string {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (abs: string) => {
    if (files.has(abs)) return;
    files.add(abs);
    for (const m of readFileSync(abs, 'utf8').matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2] ?? m[3]) as string;
      if (spec.startsWith('node:')) continue;
      if (!spec.startsWith('.')) packages.add(packageOf(spec));
      else {
        const target = resolve(dirname(abs), spec);
        const found = [target, `${target}.ts`, target.replace(/\.js$/, '.ts'), join(target, 'index.ts')].find((p) => p.endsWith('.ts') || p.endsWith('.mjs') ? existsSync(p) : false);
        if (found) visit(found);
        else if (existsSync(target)) files.add(target);
      }
    }
  };
  for (const entry of entries) visit(join(repo, entry));
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(`${relative(repo, file)}\u0000`).update(readFileSync(file)).update('\u0000');
  for (const name of [...packages].sort()) {
    const manifest = join(repo, 'node_modules', name, 'package.json');
    const version = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version : 'absent';
    hash.update(`${name}@${version}\u0000`);
  }
  return hash.digest('hex');
}
