/**
 * One report as read, as HTML: its checks and diagnostics, section 三 (rows × applicant columns),
 * section 四, section 二, prose figures with their sentences, and where it stands among its peers.
 * The agency page's static HTML names the agency and its years; this view is drawn in the browser
 * (src/client/agency.ts) from the report's record, so a site of 100,000 agencies stays small.
 * Every text from a file goes through escapeHtml. Pure: record and figures in, HTML out.
 */
import { dictionary, measureLabel, type Lang } from '../../i18n/index.ts';
import { renderCheck, renderDiagnostic } from '../../i18n/diagnostics.ts';
import { escapeHtml as esc } from '../charts/escape.ts';
import { formatValue } from '../charts/option.ts';
import { roundFor, unitOf } from '../charts/view.ts';
import { METRIC_LABELS } from '../dataset/labels.ts';
import { idOfRecordLine, shardLines } from '../dataset/shards.ts';
import { MIN_N, type MeasureKey } from '../measures.ts';
import type { MetricKey, ReportRecord } from '../schema.ts';
import {
  APPLICANT_COLUMNS,
  APPLICANT_LABELS,
  CASE_GROUP_LABELS,
  CASE_GROUPS,
  CASE_LABELS,
  CASE_OUTCOMES,
  PROACTIVE_COLUMN_LABELS,
  PROACTIVE_ITEM_LABELS,
  ROW_LABELS,
  rowsOf,
} from '../template.ts';

/** A report's figure among its peers: measure, value, n, peers, p25, p50, p75 (quartiles null when too few); peer-figures.ts joins them. */
export type PeerRow = [MeasureKey, number | null, number | null, number, number | null, number | null, number | null];

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
const fmt = (m: MeasureKey, v: number | null) => esc(formatValue(unitOf(m), roundFor(unitOf(m), v)));
const table = (inner: string, attrs = '') => `<div class="chart-table-wrap"><table${attrs}>${inner}</table></div>`;

function checksHtml(record: ReportRecord, lang: Lang): string {
  const d = dictionary(lang);
  const failed = record.checks.filter((c) => !c.ok);
  const checks = failed.length === 0 ? `<p>${esc(d.agency.ok)} (${record.checks.length})</p>` : `<ul class="bad">${failed.map((c) => `<li data-rule="${esc(c.rule)}">${esc(renderCheck(c, lang))}</li>`).join('')}</ul>`;
  const notes = record.diagnostics.length === 0 ? `<p>${esc(d.agency.none)}</p>` : `<ul>${record.diagnostics.map((x) => `<li data-code="${esc(x.code)}">${esc(renderDiagnostic(x, lang))}</li>`).join('')}</ul>`;
  return `<h3>${esc(d.agency.checks)}</h3>${checks}<h3>${esc(d.agency.diagnostics)}</h3>${notes}`;
}

function tablesHtml(record: ReportRecord, lang: Lang): string {
  const d = dictionary(lang);
  // A 2019 report has no split 其他处理 rows; a report with no template read shows all 25.
  const rows = rowsOf(record.template ?? '2021');
  const heads = APPLICANT_COLUMNS.map((c) => `<th class="num" scope="col" title="${esc(APPLICANT_LABELS[c][lang])}"><span class="th-full">${esc(APPLICANT_LABELS[c][lang])}</span><span class="th-short" aria-hidden="true">${esc(d.charts.applicantShort[c])}</span></th>`).join('');
  const body = rows.map((r) => `<tr><th scope="row">${esc(ROW_LABELS[r][lang])}</th>${APPLICANT_COLUMNS.map((c) => `<td class="num">${cell(record.applications[r][c])}</td>`).join('')}</tr>`).join('');
  let html = table(`<caption>${esc(d.agency.applications)}</caption><thead><tr><td></td>${heads}</tr></thead><tbody>${body}</tbody>`, ' data-applications');
  const caseHeads = CASE_OUTCOMES.map((c) => `<th class="num" scope="col">${esc(CASE_LABELS[c][lang])}</th>`).join('');
  const caseRows = CASE_GROUPS.map((g) => `<tr><th scope="row">${esc(CASE_GROUP_LABELS[g][lang])}</th>${CASE_OUTCOMES.map((c) => `<td class="num">${cell(record[g][c])}</td>`).join('')}</tr>`).join('');
  html += table(`<caption>${esc(d.agency.review)}</caption><thead><tr><td></td>${caseHeads}</tr></thead><tbody>${caseRows}</tbody>`);
  const proactive = Object.entries(record.proactive);
  if (proactive.length > 0) {
    const items = proactive.map(([item, cols]) => `<tr><th scope="row">${esc(PROACTIVE_ITEM_LABELS[item]?.[lang] ?? item)}</th><td>${esc(Object.entries(cols).map(([c, v]) => `${PROACTIVE_COLUMN_LABELS[c]?.[lang] ?? c}: ${cell(v)}`).join(' · '))}</td></tr>`);
    html += `<table><caption>${esc(d.agency.proactive)}</caption><tbody>${items.join('')}</tbody></table>`;
  }
  const metricKeys = Object.keys(record.metrics) as MetricKey[];
  if (metricKeys.length > 0) {
    const items = metricKeys.map((k) => {
      const source = record.metric_sources[k];
      const sentence = source ? `“${source.sentence}”` : '';
      return `<tr><th scope="row">${esc(METRIC_LABELS[k]?.[lang] ?? k)}</th><td class="num">${cell(record.metrics[k])}${source?.approximate ? ` (${esc(d.agency.approximate)})` : ''}</td><td class="sentence"${lang === 'en' ? ' lang="zh-CN"' : ''}>${esc(sentence)}</td></tr>`;
    });
    html += `<table><caption>${esc(d.agency.metrics)}</caption><tbody>${items.join('')}</tbody></table>`;
  }
  return html;
}

function peersHtml(rows: readonly PeerRow[], lang: Lang): string {
  const d = dictionary(lang);
  const peerCount = Math.max(0, ...rows.map((p) => p[3]));
  if (rows.length === 0 || peerCount === 0) return '';
  const head = [d.about.measure, d.agency.value, d.agency.p25, d.agency.p50, d.agency.p75, 'n'].map((h, i) => `<th${i ? ' class="num"' : ''} scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(([m, value, n, peers, p25, p50, p75]) => {
      const quartiles = [p25, p50, p75].map((q) => `<td class="num">${peers < MIN_N ? `<span class="muted">${esc(d.stats.tooFew)}</span>` : fmt(m, q)}</td>`).join('');
      return `<tr data-peer="${esc(m)}"><th scope="row">${esc(measureLabel(lang, m))}</th><td class="num">${fmt(m, value)}${n !== null ? `<span class="muted"> (${n})</span>` : ''}</td>${quartiles}<td class="num">${peers}</td></tr>`;
    })
    .join('');
  return `<h3>${esc(d.agency.peers)}</h3><p class="muted">${esc(d.agency.peerNote(peerCount))}</p>${table(`<thead><tr>${head}</tr></thead><tbody>${body}</tbody>`)}<p class="muted" data-min-n-rule>${esc(d.stats.peersNote(MIN_N))} ${esc(d.stats.rule(MIN_N))}</p>`;
}

/** The report's view: checks and diagnostics, its tables as read, its peers. */
export function recordViewHtml(record: ReportRecord, lang: Lang, peers: readonly PeerRow[]): string {
  return checksHtml(record, lang) + tablesHtml(record, lang) + peersHtml(peers, lang);
}

/** The record of report `id` among a shard file's lines (shards.ts), or null. */
export function recordInShard(text: string, id: string): ReportRecord | null {
  for (const line of shardLines(text)) if (idOfRecordLine(line) === id) return JSON.parse(line) as ReportRecord;
  return null;
}
