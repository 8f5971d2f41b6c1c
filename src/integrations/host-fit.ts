/**
 * The built site fits common static hosts (at most 1 GB, no file over 25 MiB): after `astro
 * build`, the dataset under dist/data/ is made the served form of public/data/:
 * - each record shard `reports/<shard>.jsonl` is served gzipped as `reports/<shard>.jsonl.gz`
 *   (about a tenth of the bytes; the agency page reads it with DecompressionStream);
 * - the all-years CSV, and any CSV over the file limit, is served only in its zip (layout.ts csvServed;
 *   the about page links the zip alone);
 * - any other file the manifest names (`files`) that is over the limit (agencies.json past about
 *   100,000 agencies; no page fetches it) is served gzipped as `<name>.gz`;
 * and dist/data/manifest.json says so (`files`, `csv: null`). public/data/ is left as built.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { csvServed, DATA_DIR, DATA_FILES, MAX_SERVED_FILE_BYTES, servedShardFile, type Download } from '../lib/dataset/layout.ts';
import { shardOfFileName } from '../lib/dataset/shards.ts';

export function fitForHosts(dist: string): { shards: number; csvLeftOut: string[]; gzipped: string[] } {
  const data = join(dist, DATA_DIR);
  const shardDir = join(data, 'reports');
  let shards = 0;
  if (existsSync(shardDir)) {
    for (const name of readdirSync(shardDir)) {
      const shard = shardOfFileName(name);
      if (shard === null) continue;
      const path = join(shardDir, name);
      writeFileSync(join(data, servedShardFile(shard)), gzipSync(readFileSync(path)));
      rmSync(path);
      shards++;
    }
  }
  const manifestPath = join(data, DATA_FILES.manifest);
  const csvLeftOut: string[] = [];
  const gzipped: string[] = [];
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { downloads?: (Omit<Download, 'csv'> & { csv: string | null })[]; files?: Record<string, string> };
    for (const download of manifest.downloads ?? []) {
      if (download.csv === null || csvServed(download as Download)) continue;
      rmSync(join(data, download.csv), { force: true });
      csvLeftOut.push(download.csv);
      download.csv = null;
    }
    for (const [key, name] of Object.entries(manifest.files ?? {})) {
      const path = join(data, name);
      if (key === 'reports' || !existsSync(path) || statSync(path).size <= MAX_SERVED_FILE_BYTES) continue;
      writeFileSync(`${path}.gz`, gzipSync(readFileSync(path)));
      rmSync(path);
      (manifest.files as Record<string, string>)[key] = `${name}.gz`;
      gzipped.push(name);
    }
    if (manifest.files) manifest.files.reports = servedShardFile('<shard>');
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}`);
  }
  return { shards, csvLeftOut, gzipped };
}

export function hostFit(): AstroIntegration {
  return {
    name: 'host-fit',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { shards, csvLeftOut, gzipped } = fitForHosts(fileURLToPath(dir));
        logger.info(`${shards} record shards gzipped${csvLeftOut.length ? `; served zipped only: ${csvLeftOut.join(', ')}` : ''}${gzipped.length ? `; served gzipped only: ${gzipped.join(', ')}` : ''}`);
      },
    },
  };
}
