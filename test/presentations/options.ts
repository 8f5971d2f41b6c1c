/** How a presentation lays the report out: the options every renderer reads. */
import type { NumberStyle } from './numbers.ts';

export interface DocOptions {
  /** How the title is printed in the body; `none`: not at all (only in <title>, or only in the signature). */
  title: 'plain' | 'wrapped' | 'spaced' | 'chinese-year' | 'niandu' | 'none';
  /** Whether the prose names the agency (else `本机关`). */
  proseNamesAgency: boolean;
  /** 落款 at the end: agency and date. */
  signature: boolean;
  /** `发布日期：…` under the title. */
  dateLine: boolean;
  /** Template numbering, an extra section that renumbers the rest, or `第X部分`. */
  headings: 'template' | 'renumbered' | 'part';
  /** `表三：…` above each template table. */
  captions: boolean;
  /** Tables after section 六 as 附表1–3. */
  appendix: boolean;
  numbers: NumberStyle;
  /** 总计 as the first applicant column. */
  totalFirst: boolean;
  /**
   * Section 三's header: the national template's three rows (a note cell over 3×3, 申请人情况 over the 7
   * applicant columns), or two rows with 申请人情况 as the corner cell over 2 rows.
   */
  header: 'national' | 'corner';
  /** Section 三's table cut in two by a page break: not, with its header again, or without. */
  split: 'none' | 'repeat-header' | 'bare';
  /** Section 三's row labels and section 四's headers: template punctuation, half-width, or spaced out. */
  labels: 'template' | 'halfwidth' | 'spaced';
  /** A sentence in 一 restating section 三's received and answered totals (a cross-check the parser can use). */
  proseRestates: boolean;
}

export const DEFAULT_OPTIONS: DocOptions = {
  title: 'plain',
  proseNamesAgency: true,
  signature: true,
  dateLine: true,
  headings: 'template',
  captions: false,
  appendix: false,
  numbers: {},
  totalFirst: false,
  proseRestates: false,
  header: 'national',
  labels: 'template',
  split: 'none',
};
