/**
 * Fills a ChartPanel (src/components/ChartPanel.astro): draws the view with ECharts, writes the
 * description, notes and table, and wires the CSV / PNG / SVG / embed buttons. Every text from
 * the data goes in through textContent, never innerHTML.
 */
import { dictionary } from '../i18n/index.ts';
import { frameText } from '../lib/charts/frame-text.ts';
import { fileName } from '../lib/charts/file-name.ts';
import { describe } from '../lib/charts/describe.ts';
import { buildOption, chartHeight, wrapText, type ChartOption } from '../lib/charts/option.ts';
import type { ChartState } from '../lib/charts/state.ts';
import { drawsNothing, type ChartView } from '../lib/charts/view.ts';
import { measureText, mountChart } from './chart.ts';
import { saveText, saveUrl } from './download.ts';
import { datasetVersionLabel, shareExtras } from './embed-dialog.ts';
import { lightPng } from './png.ts';
import { isDark, type PageEnv } from './env.ts';

export interface Panel {
  loading(): void;
  error(message: string): void;
  /** Draw a view; `custom` replaces the option built from it (the tile map), the table and CSV stay the view's. */
  show(state: ChartState, view: ChartView, years: number[], reports: number, custom?: (ctx: CustomContext) => ChartOption): void;
}

/** What a custom option (the tile map) is drawn with. */
export interface CustomContext {
  subtitle: string;
  source: string;
  dark: boolean;
  width: number;
  height: number;
  noData: string;
}

const HAN = /[\u3400-\u9fff]/;

/** The subtitle and source line wrapped to a width (lines joined by \n), for a custom option that does not wrap them itself. */
function wrapped(ctx: { subtitle: string; source: string }, width: number): { subtitle: string; source: string } {
  const inner = Math.max(160, width - 16);
  return {
    subtitle: wrapText(ctx.subtitle, inner, 12, measureText).join('\n'),
    source: wrapText(ctx.source, inner, 11, measureText).join('\n'),
  };
}

/**
 * Put text into an element; on an English page, runs of Chinese (agency and place names) go into
 * spans marked lang="zh-CN", so that screen readers voice them as Chinese.
 */
function setMixed(target: HTMLElement, text: string): void {
  if (document.documentElement.lang.startsWith('zh') || !HAN.test(text)) {
    target.textContent = text;
    return;
  }
  const parts = text.split(/([\u3400-\u9fff][\u3400-\u9fff\u3000-\u303f\uff00-\uffef]*)/);
  target.replaceChildren(
    ...parts.filter(Boolean).map((part) => (HAN.test(part) ? Object.assign(document.createElement('span'), { lang: 'zh-CN', textContent: part }) : document.createTextNode(part))),
  );
}

function el<T extends HTMLElement>(root: HTMLElement, selector: string): T | null {
  return root.querySelector<T>(selector);
}

export function createPanel(root: HTMLElement, env: PageEnv): Panel {
  const d = dictionary(env.lang);
  const canvas = el<HTMLElement>(root, '[data-canvas]')!;
  const status = el<HTMLElement>(root, '[data-status]')!;
  const chart = mountChart(canvas);
  let current: { state: ChartState; view: ChartView; option: ChartOption; light: ChartOption } | null = null;
  const share = shareExtras(root, env);
  // The layout depends on the width: when the chart's width changes (a phone turned, a window
  // resized, an embed narrowed), draw it again for the new width.
  let shown: { state: ChartState; view: ChartView; years: number[]; reports: number; custom?: (ctx: CustomContext) => ChartOption } | null = null;
  let drawnWidth = 0;
  let pending = 0;
  new ResizeObserver(() => {
    if (!shown || chart.width() === drawnWidth) return;
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      if (shown && chart.width() !== drawnWidth) panel.show(shown.state, shown.view, shown.years, shown.reports, shown.custom);
    });
  }).observe(canvas);

  const rawTotalsLink = () => {
    const params = new URLSearchParams(location.search);
    params.set('basis', 'all');
    return Object.assign(document.createElement('a'), { href: `${location.pathname}?${params}`, textContent: d.state.showRaw, className: 'raw-totals' });
  };
  /** The chart drawn at build time, and the query of the view it shows ('' the view without one). */
  const picture = root.querySelector('[data-drawn]');
  const drawnSearch = picture?.hasAttribute('data-swapped') ? location.search : '';
  /** The chart drawn at build time, and its notes, give way to whatever the script shows. */
  const dropDrawn = () => {
    root.querySelector('[data-drawn]')?.remove();
    const notes = root.querySelector('[data-drawn-notes]');
    notes?.replaceChildren();
    notes?.removeAttribute('data-drawn-notes');
  };
  const setStatus = (text: string, kind: 'loading' | 'empty' | 'error' | 'ok') => {
    dropDrawn();
    status.textContent = text;
    status.dataset.kind = kind;
    root.dataset.state = kind;
  };

  const buttons = (name: string) => el<HTMLButtonElement>(root, `[data-action="${name}"]`);
  const tableWrap = el<HTMLElement>(root, '[data-table-wrap]');
  const embedBox = el<HTMLElement>(root, '[data-embed-box]');
  const toggle = (button: HTMLButtonElement | null, box: HTMLElement | null, labels?: [string, string]) => {
    button?.addEventListener('click', () => {
      if (!box) return;
      box.hidden = !box.hidden;
      button.setAttribute('aria-expanded', String(!box.hidden));
      if (labels) button.textContent = box.hidden ? labels[0] : labels[1];
    });
  };
  toggle(buttons('table'), tableWrap, [d.actions.showTable, d.actions.hideTable]);
  toggle(buttons('embed'), embedBox);
  buttons('csv')?.addEventListener('click', async () => {
    if (!current) return;
    const { tableToCsv } = await import('../lib/charts/csv.ts');
    saveText(tableToCsv(current.view.table), fileName(current.state, 'csv'), 'text/csv;charset=utf-8');
  });
  buttons('png')?.addEventListener('click', () => {
    // Light whatever the screen's theme: drawn again off screen when the chart on screen is dark.
    if (current) saveUrl(current.light === current.option ? chart.toPng('#ffffff') : lightPng(current.light, canvas.clientWidth, canvas.clientHeight), fileName(current.state, 'png'));
  });
  buttons('svg')?.addEventListener('click', async () => {
    if (current) saveText(await chart.toSvg(current.option), fileName(current.state, 'svg'), 'image/svg+xml');
  });
  buttons('copy')?.addEventListener('click', async () => {
    const area = el<HTMLTextAreaElement>(root, '[data-embed-code]');
    if (!area) return;
    area.select();
    try {
      await navigator.clipboard.writeText(area.value);
      buttons('copy')!.textContent = d.actions.copied;
    } catch {
      // Clipboard refused (insecure context): the text is selected for Ctrl+C.
    }
  });

  function renderTable(view: ChartView) {
    const table = el<HTMLTableElement>(root, '[data-table]');
    if (!table) return;
    table.replaceChildren();
    table.createCaption().textContent = view.title;
    const head = table.createTHead().insertRow();
    for (const c of view.table.columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.append(th);
    }
    const body = table.createTBody();
    for (const row of view.table.rows) {
      const tr = body.insertRow();
      for (const value of row) {
        const td = tr.insertCell();
        td.textContent = value === null ? '—' : String(value);
        if (typeof value === 'number') td.className = 'num';
        // A Chinese name on an English page is read (and hyphenated, and voiced) as Chinese.
        else if (env.lang === 'en' && HAN.test(td.textContent)) td.lang = 'zh-CN';
      }
    }
  }

  const panel: Panel = {
    loading() {
      // The chart drawn at build time shows the view without parameters, or the view the page's
      // address named when it has images (components/csp.ts): it stays while that view loads.
      if (picture?.isConnected && drawnSearch === (location.search.length <= 1 ? '' : location.search)) root.dataset.state = 'loading';
      else setStatus(d.state.loading, 'loading');
    },
    error(message) {
      chart.clear();
      setStatus(`${d.state.error}${message}`, 'error');
    },
    show(state, view, years, reports, custom) {
      shown = { state, view, years, reports, custom };
      const description = describe(view, dictionary(env.lang).describe);
      const ctx = { ...frameText(env.lang, state, view, years, reports, datasetVersionLabel(), env.root), dark: isDark() };
      const width = chart.width();
      drawnWidth = width;
      const height = custom ? Math.max(380, Math.min(640, width * 0.85)) : chartHeight(view, ctx.subtitle, ctx.source, width, measureText);
      const draw = (dark: boolean) =>
        custom
          ? custom({ ...ctx, ...wrapped(ctx, width), dark, width, height, noData: d.charts.noData })
          : buildOption(view, { ...ctx, dark, width, measure: measureText, lang: env.lang });
      const option = draw(ctx.dark);
      // The PNG is light whatever the screen's theme (drawn again off screen when the chart is dark).
      const light = ctx.dark ? draw(false) : option;
      // The image's accessible name is the chart's title; the description says what it shows.
      canvas.setAttribute('aria-label', view.title);
      current = { state, view, option, light };
      setMixed(el<HTMLElement>(root, '[data-description]')!, description);
      dropDrawn();
      const notes = el<HTMLElement>(root, '[data-notes]')!;
      notes.replaceChildren(...view.notes.map((n) => Object.assign(document.createElement('li'), { textContent: n })));
      renderTable(view);
      const csv = buttons('csv');
      if (csv) {
        csv.textContent = d.actions.csv(view.table.rows.length);
        csv.disabled = view.empty;
      }
      // A custom chart (the tile map) draws its tiles even with no value: "too few" is what it shows then.
      const nothing = view.empty || (!custom && drawsNothing(view));
      for (const name of ['png', 'svg']) {
        const b = buttons(name);
        if (b) b.disabled = nothing;
      }
      share.update(state, view);
      if (nothing) {
        chart.clear();
        setStatus(view.empty ? d.state.empty : d.state.noFigure, 'empty');
        // Like with like found no agency in every year: the raw totals are one click away (same view otherwise).
        if (!view.empty && view.comparison?.basis === 'matched' && view.comparison.matched === 0) status.append(rawTotalsLink());
        return;
      }
      setStatus('', 'ok');
      chart.render(option, height);
    },
  };
  return panel;
}
