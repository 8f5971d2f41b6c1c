/**
 * Finding an agency by any part of its name: the index the build writes (one entry an agency page)
 * and the match the search box runs. Chinese matches as a substring of the name or its place;
 * Latin letters match the pinyin initials of the name (北京住房公积金管理中心 → bjzfgjjglzx).
 *
 * Full pinyin needs a dictionary of readings, which the project does not have (no dependency may
 * be added): initials come from the pinyin collation the JavaScript runtime already carries
 * (Intl.Collator 'zh-u-co-pinyin'), by finding between which two boundary characters a character
 * sorts. A character with two readings gets the collation's one; the place names that read
 * otherwise are corrected below.
 */

export interface SearchEntry {
  /** The agency's name as its page shows it. */
  name: string;
  /** Province, city, county: where it is. */
  place: string;
  /** Path of its page under the language root, e.g. `agency/000_fea7b730deba7205/`. */
  path: string;
  /** Pinyin initials of the name, lower case (empty when the runtime lacks pinyin collation). */
  initials: string;
  years: number[];
}

const LETTERS = 'abcdefghjklmnopqrstwxyz';
/** The first character of each initial in pinyin order (no word begins with i, u or v). */
const BOUNDARIES = [...'阿八嚓哒妸发旮哈讥咔垃妈拏噢妑七呥扨它穵夕丫帀'];
/** Readings the collation gets wrong in place names. */
const PHRASES: [string, string][] = [['重庆', 'cq'], ['长沙', 'cs'], ['长春', 'cc'], ['长治', 'cz'], ['厦门', 'xm'], ['西藏', 'xz'], ['蚌埠', 'bb'], ['六安', 'la'], ['乐山', 'ls'], ['番禺', 'py']];
const HAN = /[\u3400-\u9fff]/;

/** Pinyin initials of a text: one letter a Han character, other letters and digits kept (lower case), the rest dropped. */
export function pinyinInitials(text: string, collator: Intl.Collator): string {
  if (!supportsPinyin(collator)) return '';
  let out = '';
  let pos = 0;
  while (pos < text.length) {
    const phrase = PHRASES.find(([p]) => text.startsWith(p, pos));
    if (phrase) {
      out += phrase[1];
      pos += phrase[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(pos) as number);
    if (HAN.test(ch)) out += initialOf(ch, collator);
    else if (/[0-9a-z]/i.test(ch)) out += ch.toLowerCase();
    pos += ch.length;
  }
  return out;
}

function initialOf(ch: string, collator: Intl.Collator): string {
  let letter = '';
  for (let i = 0; i < BOUNDARIES.length; i++) if (collator.compare(BOUNDARIES[i] as string, ch) <= 0) letter = LETTERS[i] as string;
  return letter;
}

/** Whether the collator orders Han characters by pinyin (a runtime without the data orders them by code point). */
export function supportsPinyin(collator: Intl.Collator): boolean {
  return collator.compare('北', '京') < 0 && collator.compare('京', '住') < 0 && collator.compare('阿', '八') < 0;
}

/** Fold what a reader types: trim, lower case, full-width Latin to half-width, spaces dropped. */
export function normaliseQuery(query: string): string {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/**
 * Entries matching the query, best first: a name that starts with it, then a name that holds it,
 * then a place that holds it, then pinyin initials that start with / hold it. Ties keep the
 * index order.
 */
export function searchAgencies(entries: readonly SearchEntry[], query: string, limit = 20): SearchEntry[] {
  const q = normaliseQuery(query);
  if (q === '') return [];
  const latin = /^[a-z0-9]+$/.test(q);
  const scored: { e: SearchEntry; score: number; i: number }[] = [];
  entries.forEach((e, i) => {
    const name = normaliseQuery(e.name);
    let score = -1;
    if (name.startsWith(q)) score = 0;
    else if (name.includes(q)) score = 1;
    else if (normaliseQuery(e.place).includes(q)) score = 2;
    else if (latin && e.initials.startsWith(q)) score = 3;
    else if (latin && e.initials.includes(q)) score = 4;
    if (score >= 0) scored.push({ e, score, i });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, limit)
    .map((s) => s.e);
}
