/** What a page script needs to know about where it runs, from attributes the layout sets on <html>. */
import { isLang, type Lang } from '../i18n/index.ts';

export interface PageEnv {
  lang: Lang;
  /** Base path with a trailing slash, e.g. `/` or `/sub/`. */
  base: string;
  /**
   * Absolute site root with trailing slash: the address this page is served from (location's
   * origin + base), not the SITE_URL the build was given, so embed code and chart footers name
   * the site the reader is actually on.
   */
  root: string;
}

export function pageEnv(): PageEnv {
  const el = document.documentElement;
  const lang = el.dataset.lang;
  const base = `/${el.dataset.base ?? '/'}/`.replace(/\/+/g, '/');
  return { lang: isLang(lang) ? lang : 'zh', base, root: `${location.origin}${base}` };
}

/** Fetch a dataset file under public/data/, with an error that names the file. */
export async function fetchData<T>(env: PageEnv, file: string): Promise<T> {
  const url = `${env.base}data/${file}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export function isDark(): boolean {
  const theme = document.documentElement.dataset.theme;
  if (theme === 'dark') return true;
  if (theme === 'light') return false;
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}
