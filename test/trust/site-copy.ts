/**
 * The site built from a folder of reports of our choosing, without touching this working tree:
 * the project (src, scripts, public without data, config) is copied into a temp folder with
 * node_modules linked, build-data writes that copy's public/data, and `astro build` runs there.
 * Served by `astro preview` under the same base path as the browser tests (test/browser/site.ts,
 * whose Chromium launcher and free-port helper are reused).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildData } from '../../scripts/lib/build.ts';
import { fsWriter, silentLogger } from '../../scripts/lib/effects.ts';
import { BASE_PATH, freePort } from '../browser/site.ts';

export interface SiteCopy {
  /** The copied project. */
  root: string;
  /** Its built site. */
  dist: string;
}

const REPO = resolve('.');

/** Copy the project, build its dataset from `reports` (file name → text or bytes) and build the site. */
export async function buildSiteCopy(reports: Record<string, string | Uint8Array>): Promise<SiteCopy> {
  const root = mkdtempSync(join(tmpdir(), 'trust-site-'));
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(REPO, f), join(root, f));
  for (const d of ['src', 'scripts']) cpSync(join(REPO, d), join(root, d), { recursive: true });
  mkdirSync(join(root, 'public'));
  for (const e of readdirSync(join(REPO, 'public'), { withFileTypes: true })) {
    if (e.name !== 'data') cpSync(join(REPO, 'public', e.name), join(root, 'public', e.name), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  const dir = join(root, 'reports');
  mkdirSync(dir);
  for (const [name, data] of Object.entries(reports)) writeFileSync(join(dir, name), data);
  const out = join(root, 'public', 'data');
  await buildData(
    { reportsDir: dir, outDir: out, agenciesFile: null, cacheRoot: null, workers: 0 },
    { logger: silentLogger, writer: fsWriter(out) },
  );
  buildAstro(root);
  return { root, dist: join(root, 'dist') };
}

function env(port = 0): NodeJS.ProcessEnv {
  // Not vitest's environment: build as `npm run build` would (as test/browser/site.ts does).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|MODE$|BASE_URL$|TEST$)/.test(k)));
  return { ...inherited, SITE_URL: `http://127.0.0.1:${port}`, BASE_PATH };
}

/** (Re)build the copy's site, e.g. after changing a file in it. */
export function buildAstro(root: string): void {
  try {
    execFileSync('node', ['node_modules/astro/astro.js', 'build'], { cwd: root, env: env(), stdio: 'pipe' });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`astro build in ${root} failed:\n${err.stderr?.toString() ?? ''}\n${err.stdout?.toString().slice(-2000) ?? ''}`);
  }
}

/** Serve the built copy; returns the site root URL (with the base path) and a stop function. */
export async function serveSiteCopy(copy: SiteCopy): Promise<{ root: string; stop: () => void }> {
  const port = await freePort();
  const root = `http://127.0.0.1:${port}${BASE_PATH}`;
  const server = spawn('node', ['node_modules/astro/astro.js', 'preview', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: copy.root,
    env: env(port),
    stdio: 'ignore',
  });
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(root)).ok) return { root, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`astro preview did not answer at ${root}`);
}
