/**
 * What a chart panel offers for sharing, besides the downloads: the "cite this" line under the
 * chart (dataset version and date, the address of this view), and the embed dialog: a choice of
 * style (light, dark, follow the reader, plain) and the iframe code, built from the address this
 * page is served from, with a height that shows the whole chart where the host strips scripts.
 */
import { dictionary } from '../i18n/index.ts';
import { EMBED_STYLES, embedHeight, embedOptions, embedUrl, iframeSnippet, type EmbedStyle } from '../lib/charts/embed.ts';
import { chartHeight } from '../lib/charts/option.ts';
import type { ChartState } from '../lib/charts/state.ts';
import type { ChartView } from '../lib/charts/view.ts';
import type { PageEnv } from './env.ts';

export interface ShareExtras {
  update(state: ChartState, view: ChartView): void;
}

/** The dataset version the layout printed on <html> (`2026-12-02 · 3f2a9c1b`). */
export function datasetVersionLabel(): string {
  return document.documentElement.dataset.version ?? '';
}

/** The citation of a chart: its title, the dataset version, the address of this view (its Chinese readable, not percent-escaped). */
export function citeText(env: PageEnv, title: string, url = location.href): string {
  return dictionary(env.lang).nav2.citeText(title, datasetVersionLabel(), readableUrl(url));
}

function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export function shareExtras(root: HTMLElement, env: PageEnv): ShareExtras {
  const d = dictionary(env.lang);
  const box = root.querySelector<HTMLElement>('[data-embed-box]');
  const code = root.querySelector<HTMLTextAreaElement>('[data-embed-code]');
  const cite = document.createElement('p');
  cite.className = 'chart-cite';
  cite.dataset.cite = '';
  (root.querySelector('[data-notes]') ?? root.querySelector('.chart-frame'))?.after(cite);

  let style: EmbedStyle = 'auto';
  let current: { state: ChartState; view: ChartView } | null = null;
  const note = document.createElement('p');
  note.className = 'muted';
  note.dataset.embedHeight = '';
  if (box && code) {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'embed-options';
    const legend = document.createElement('legend');
    legend.textContent = d.nav2.embedTheme;
    fieldset.append(legend);
    const group = `${root.id || 'chart'}-embed-style`;
    for (const s of EMBED_STYLES) {
      const label = document.createElement('label');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = group;
      radio.value = s;
      radio.checked = s === style;
      radio.dataset.embedStyle = s;
      radio.addEventListener('change', () => {
        style = s;
        write();
      });
      label.append(radio, d.nav2.themes[s] ?? s);
      fieldset.append(label);
    }
    code.before(fieldset);
    code.after(note);
  }

  function write() {
    if (!current || !code) return;
    const { state, view } = current;
    const options = embedOptions(style);
    const height = embedHeight(chartHeight(view), view.notes.length, options.plain);
    code.value = iframeSnippet(embedUrl(env.root, env.lang, state, options), view.title, env.root, height);
    note.textContent = d.nav2.embedHeight(height);
  }

  return {
    update(state, view) {
      current = { state, view };
      cite.textContent = `${d.nav2.cite}${citeText(env, view.title)}`;
      write();
    },
  };
}
