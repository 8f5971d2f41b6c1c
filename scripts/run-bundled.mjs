/**
 * `node scripts/run-bundled.mjs ENTRY.ts [args…]`: runs a TypeScript script as one esbuild bundle
 * with plain Node. Starting through tsx costs about a second (its loader compiles and resolves
 * each of ~80 modules through a hook thread), and as much again in every parse worker; a warm
 * build-data run at 100,000 reports has 5 seconds in all. The bundle (the entry and the stage
 * worker, npm packages left outside) is kept under .cache/ in a folder
 * named by what it is made from (scripts/lib/bundle-key.mjs: every source file's bytes, the
 * options, the esbuild version), so a run uses it again only while nothing it is made from has
 * changed; otherwise it is made afresh (~0.13 s). A bundle is kept only when the sources were the
 * same before and after it was made; folders unused for a day are removed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleKey } from './lib/bundle-key.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-bundled.mjs ENTRY.ts [args…]');
  process.exit(2);
}
const repo = fileURLToPath(new URL('..', import.meta.url));
const root = join(repo, '.cache');
mkdirSync(root, { recursive: true });

const options = {
  absWorkingDir: repo,
  entryPoints: { main: entry, 'stage-worker': 'scripts/lib/stage-worker.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
};
const esbuildVersion = JSON.parse(readFileSync(join(repo, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version;
const key = bundleKey(repo, options, esbuildVersion);
const kept = join(root, `bundle-${key.slice(0, 32)}`);

// Folders of bundles no run has used for a day, and of runs that were killed while bundling.
for (const name of readdirSync(root)) {
  const path = join(root, name);
  if (name.startsWith('bundle-') && path !== kept && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true });
}

let outdir = kept;
if (existsSync(join(kept, 'main.mjs'))) {
  const now = new Date();
  utimesSync(kept, now, now);
} else {
  const { build } = await import('esbuild');
  const made = mkdtempSync(join(root, 'bundle-new-'));
  await build({ ...options, outdir: made });
  if (bundleKey(repo, options, esbuildVersion) === key) {
    try {
      renameSync(made, kept);
    } catch {
      // Another run kept the same bundle first.
      rmSync(made, { recursive: true, force: true });
    }
  } else {
    // A source changed while it was bundled: this run uses what it made, and no run after it.
    outdir = made;
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
  }
}
process.argv = [process.argv[0], join(repo, entry), ...args];
await import(pathToFileURL(join(outdir, 'main.mjs')).href);
