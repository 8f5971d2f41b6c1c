/**
 * `node scripts/run-bundled.mjs ENTRY.ts [args…]`: runs a TypeScript script as one esbuild bundle
 * with plain Node. Starting through tsx costs about a second (its loader compiles and resolves
 * each of ~80 modules through a hook thread), and as much again in every parse worker; a warm
 * build-data run at 100,000 reports has 5 seconds in all. The bundle (the entry and the parse,
 * listing and facts.json workers, npm packages left outside) is made afresh on every run, in ~0.1 s, in a folder of its own
 * under .cache/, removed when the process exits: it can never be stale.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-bundled.mjs ENTRY.ts [args…]');
  process.exit(2);
}
const repo = fileURLToPath(new URL('..', import.meta.url));
const root = join(repo, '.cache');
mkdirSync(root, { recursive: true });
// Folders left by runs that were killed: gone after an hour.
for (const name of readdirSync(root)) {
  const path = join(root, name);
  if (name.startsWith('bundle-') && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
}
const outdir = mkdtempSync(join(root, 'bundle-'));
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));

await build({
  absWorkingDir: repo,
  entryPoints: { main: entry, 'parse-worker': 'scripts/lib/parse-worker.ts', 'list-worker': 'scripts/lib/list-worker.ts', 'facts-worker': 'scripts/lib/facts-worker.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  outdir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
process.argv = [process.argv[0], join(repo, entry), ...args];
await import(pathToFileURL(join(outdir, 'main.mjs')).href);
