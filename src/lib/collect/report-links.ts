/**
 * Which links on a list column lead to a 政府信息公开工作年度报告: those whose text (or `title`
 * attribute) names one, and, on a page whose title names the column, links named by a year
 * alone (`2023年度`, `2023年`, `2023`). Everything else is skipped with the reason. Pure.
 */

export type LinkVerdict =
  | { keep: true; by: 'text' | 'title_attribute' | 'column_title_and_year' }
  | { keep: false; reason: 'not_a_report' | 'about_a_report' };

const squeeze = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, '');

/** Text that names an annual report on government information disclosure (年报 for short; cut-off titles too). */
export function namesReport(text: string): boolean {
  return /信息公开.{0,8}?(年度报|年报)/.test(squeeze(text));
}

/** A notice, interpretation or review about reports, not a report itself. */
function isAboutReport(text: string): boolean {
  return /通知|编制|解读|图解|问答|评议|评估|考核|培训|公示/.test(squeeze(text));
}

export function judgeLink(link: { text: string; title: string }, pageTitle: string): LinkVerdict {
  const by = namesReport(link.text) ? 'text' : namesReport(link.title) ? 'title_attribute' : null;
  if (by) return isAboutReport(by === 'text' ? link.text : link.title) ? { keep: false, reason: 'about_a_report' } : { keep: true, by };
  if (namesReport(pageTitle) && /^(19|20)\d\d(年度?)?$/.test(squeeze(link.text))) return { keep: true, by: 'column_title_and_year' };
  return { keep: false, reason: 'not_a_report' };
}
