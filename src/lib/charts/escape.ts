/**
 * Agency names and prose come from files, not from us: anything put into HTML that the browser
 * parses (ECharts tooltips are HTML) goes through this first.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] as string);
}
