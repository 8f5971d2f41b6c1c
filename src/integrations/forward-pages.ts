/**
 * After `astro build`: the forwarding page of every earlier address of every agency (agencies.json
 * `former`), in each language, written straight into dist/ (src/lib/nav/forward-page.ts). At
 * 100,000 reports these are ~200,000 pages of a few hundred bytes: made here they cost neither
 * the page renderer's time and memory nor the site stylesheet's link. An address that is already
 * a page of the site is never overwritten (the build fails, naming it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LANGS } from '../i18n/index.ts';
import type { AgencyIndexFile } from '../lib/dataset/agency-index.ts';
import { DATA_DIR, DATA_FILES } from '../lib/dataset/layout.ts';
import { forwardPageHtml } from '../lib/nav/forward-page.ts';

/** Writes the forwarding pages under `dist` for the agency index it serves; returns how many. */
export function writeForwardPages(dist: string, base: string, site: string | null): number {
  const indexPath = join(dist, DATA_DIR, DATA_FILES.agencies);
  if (!existsSync(indexPath)) return 0;
  const { agencies } = JSON.parse(readFileSync(indexPath, 'utf8')) as AgencyIndexFile;
  let written = 0;
  for (const lang of LANGS) {
    const langDir = lang === 'zh' ? dist : join(dist, lang);
    for (const agency of agencies) {
      for (const former of agency.former) {
        const dir = join(langDir, 'agency', former);
        const file = join(dir, 'index.html');
        if (existsSync(file)) throw new Error(`${file}: the earlier address ${former} of agency ${agency.id} is a page of the site already`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, forwardPageHtml({ lang, name: agency.name, agencyId: agency.id, base, site }));
        written++;
      }
    }
  }
  return written;
}

export function forwardPages(): AstroIntegration {
  let base = '/';
  let site: string | null = null;
  return {
    name: 'forward-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? null;
      },
      'astro:build:done': ({ dir, logger }) => {
        logger.info(`${writeForwardPages(fileURLToPath(dir), base, site)} forwarding pages of earlier agency addresses`);
      },
    },
  };
}
