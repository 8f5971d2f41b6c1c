/**
 * Fills a ChartPanel (src/components/ChartPanel.astro): draws the view with ECharts, writes the
 * description, notes and table, and wires the CSV / PNG / SVG / embed buttons. Every text from
 * the data goes in through textContent, never innerHTML.
 */
import { dictionary, filtersSummary } from '../i18n/index.ts';
import { fileName } from '../lib/charts/file-name.ts';
import { describe } from '../lib/charts/describe.ts';
import { buildOption, chartHeight, type ChartOption } from '../lib/charts/option.ts';
import type { ChartState } from '../lib/charts/state.ts';
import type { ChartView } from '../lib/charts/view.ts';
import { mountChart } from './chart.ts';
import { saveText, saveUrl } from './download.ts';
import { datasetVersionLabel, shareExtras } from './embed-dialog.ts';
import { lightPng } from './png.ts';
import { isDark, type PageEnv } from './env.ts';

export interface Panel {
  loading(): void;
  error(message: string): void;
  /** Draw a view; `custom` replaces the option built from it (the tile map), the table and CSV stay the view's. */
  show(state: ChartState, view: ChartView, years: number[], reports: number, custom?: (ctx: { subtitle: string; source: string; dark: boolean; width: number; height: number }) => ChartOption): void;
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

  const setStatus = (text: string, kind: 'loading' | 'empty' | 'error' | 'ok') => {
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
      }
    }
  }

  return {
    loading: () => setStatus(d.state.loading, 'loading'),
    error(message) {
      chart.clear();
      setStatus(`${d.state.error}${message}`, 'error');
    },
    show(state, view, years, reports, custom) {
      const description = describe(view, dictionary(env.lang).describe);
      const ctx = { subtitle: filtersSummary(env.lang, { ...state.filters, agencies: state.agencies.length > 0 ? String(state.agencies.length) : null }, years, view.empty ? reports : view.coverage.reports, view.empty ? undefined : view.coverage.agencies), source: `${d.source} · ${d.nav2.citeShort(datasetVersionLabel())} · ${env.root}`, dark: isDark() };
      const height = custom ? Math.max(380, Math.min(640, canvas.clientWidth * 0.85)) : chartHeight(view);
      const option = custom ? custom({ ...ctx, width: canvas.clientWidth || 800, height }) : buildOption(view, ctx);
      const light = !ctx.dark ? option : custom ? custom({ ...ctx, dark: false, width: canvas.clientWidth || 800, height }) : buildOption(view, { ...ctx, dark: false });
      current = { state, view, option, light };
      el<HTMLElement>(root, '[data-description]')!.textContent = description;
      const notes = el<HTMLElement>(root, '[data-notes]')!;
      notes.replaceChildren(...view.notes.map((n) => Object.assign(document.createElement('li'), { textContent: n })));
      renderTable(view);
      const csv = buttons('csv');
      if (csv) {
        csv.textContent = d.actions.csv(view.table.rows.length);
        csv.disabled = view.empty;
      }
      for (const name of ['png', 'svg']) {
        const b = buttons(name);
        if (b) b.disabled = view.empty;
      }
      share.update(state, view);
      if (view.empty) {
        chart.clear();
        setStatus(d.state.empty, 'empty');
        return;
      }
      setStatus('', 'ok');
      chart.render(option, height);
    },
  };
}
