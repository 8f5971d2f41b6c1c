/**
 * Build the site and serve it with `astro preview` on a free port, under a sub-path (to prove the
 * base path works), and launch Debian's Chromium through playwright-core. Used by the browser
 * tests and by scripts/measure-pages.ts. Never downloads a browser.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { FACTS_DIR, factFiles } from '../../src/lib/dataset/fact-files.ts';
import { DATA_FILES, type FactIndex, type FactsFile } from '../../src/lib/dataset/layout.ts';
import { columnFiles } from '../../src/lib/dataset/fact-columns.ts';
import { FACT_NUMBER_FIELDS } from '../../src/lib/facts.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const BASE_PATH = '/tp/';
/** Where the tests build the site (not dist/, which other work in this tree may be building). */
export const SITE_DIST = 'test/tmp/site-dist';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the browser tests need Debian's chromium ` +
        '(apt-get install -y chromium fonts-wqy-microhei; .ci/run does this).',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Site {
  /** Absolute URL of the site root, with trailing slash. */
  root: string;
  stop(): void;
}

export interface SiteOptions {
  /** Run `npm run build` first (build-data then astro build); otherwise only `astro build`. */
  buildData?: boolean;
  /** Extra environment for the build (e.g. a different data directory). */
  env?: Record<string, string>;
  /** Where to build (default test/tmp/site-dist: not dist/, which other work in this tree may be building). */
  outDir?: string;
  /** Serve outDir as it is, built before (with BASE_PATH): no build. */
  prebuilt?: boolean;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  try {
    execFileSync(command, args, { env, stdio: 'pipe' });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`${command} ${args.join(' ')} failed:\n${err.stderr?.toString() ?? ''}\n${err.stdout?.toString().slice(-2000) ?? ''}`);
  }
}

const LOCK = 'test/tmp/build.lock';

/** Run `build` holding a lock directory (mkdir is atomic), waiting up to 10 minutes for it; a lock older than that is stale. */
async function withBuildLock(build: () => void): Promise<void> {
  mkdirSync('test/tmp', { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 600_000 || Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 600_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Build (npm run build: build-data, then astro build) and start the preview server. */
export async function startSite(options: SiteOptions = {}): Promise<Site> {
  const port = await freePort();
  const root = `http://127.0.0.1:${port}${BASE_PATH}`;
  // Not vitest's environment (NODE_ENV=test, VITEST…): build as `npm run build` would.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|MODE$|BASE_URL$|TEST$)/.test(k)));
  const env = { ...inherited, SITE_URL: `http://127.0.0.1:${port}`, BASE_PATH, ...options.env };
  const outArgs = ['--outDir', options.outDir ?? SITE_DIST];
  // Test files run in parallel; their builds share public/data and .astro, so one builds at a time.
  if (!options.prebuilt) {
    await withBuildLock(() => {
      if (options.buildData ?? true) run('npm', ['run', 'build-data'], env);
      run('node', ['node_modules/astro/astro.js', 'build', ...outArgs], env);
    });
  }
  const server: ChildProcess = spawn(
    'node',
    ['node_modules/astro/astro.js', 'preview', '--port', String(port), '--host', '127.0.0.1', ...outArgs],
    { env, stdio: 'ignore', detached: false },
  );
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(root);
      if (res.ok) return { root, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`astro preview did not answer at ${root}`);
}

/**
 * Open `path` under `root` in a new page, collecting console errors and uncaught exceptions (and,
 * with `requests`, failed requests and HTTP errors); the page must answer 200.
 */
export async function openPage(
  browser: Browser,
  root: string,
  path: string,
  options: { width?: number; colorScheme?: 'light' | 'dark'; requests?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 }, acceptDownloads: true, colorScheme: options.colorScheme ?? 'light' });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  if (options.requests) {
    page.on('requestfailed', (r) => errors.push(`${path}: request failed ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${path}: HTTP ${r.status()} ${r.url()}`);
    });
  }
  const response = await page.goto(root + path, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return { page, errors };
}

/** Wait until a chart panel is past loading (drawn, empty or failed). */
export async function panelSettled(page: Page, selector = '[data-panel]'): Promise<void> {
  await page.waitForFunction((s) => {
    const el = document.querySelector<HTMLElement>(s);
    return !!el && !!el.dataset.state && el.dataset.state !== 'loading';
  }, selector);
}

/** Replace a built site's split fact files (under its data folder) with those of `facts`, split as the build splits them. */
export function replaceFactFiles(dataDir: string, facts: FactsFile): void {
  const before = readFactIndexFile(dataDir);
  rmSync(join(dataDir, FACTS_DIR), { recursive: true, force: true });
  for (const [path, bytes] of factFiles(facts, new Set<string>(FACT_NUMBER_FIELDS), facts.schema_version)) {
    mkdirSync(dirname(join(dataDir, path)), { recursive: true });
    writeFileSync(join(dataDir, path), bytes);
  }
  // The pages name the files they preload by their hash (Base.astro `preload`): renamed as a build from these facts names them.
  const after = readFactIndexFile(dataDir);
  if (!before || !after) return;
  const renames = Object.entries(before.columns).flatMap(([name, old]) => {
    const now = after.columns[name];
    if (!now) return [];
    const [a, b] = [columnFiles(old), columnFiles(now)];
    return [[a.file, b.file], ...(a.values && b.values ? [[a.values, b.values]] : [])] as [string, string][];
  });
  const site = dirname(dataDir);
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const html = readFileSync(path, 'utf8');
    if (!html.includes('rel="preload"')) continue;
    writeFileSync(path, renames.reduce((text, [from, to]) => text.replaceAll(`data/${from}"`, `data/${to}"`), html));
  }
}

function readFactIndexFile(dataDir: string): FactIndex | null {
  const path = join(dataDir, DATA_FILES.factIndex);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FactIndex) : null;
}

/** Wait until every report view on an agency page is drawn from its record (or says it could not be). */
export async function recordViewsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-record-view]')].every((v) => !!v.dataset.state));
}
