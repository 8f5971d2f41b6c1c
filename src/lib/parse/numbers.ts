/**
 * Reading numbers as reports print them: table cells (`1,433`, `8862.02`, `-3`), and prose
 * quantities with Chinese units and hedges (`637万多次`, `80.37万次`, `约1200万次`, `1.2亿`,
 * `213万余人`, `三次`).
 */

const CELL_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Only ASCII digits (`s` is not empty). */
function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A cell printed as a dash or slash (`—`, `-`, `——`, `/`, `－`): the report's way of saying there
 * is nothing to count. Read as 0 by the table readers, which say so.
 */
export function isZeroMark(cell: string): boolean {
  return /^(?:[-—–―─/\\]{1,3}|无)$/.test(cell);
}

/** A table cell that is a number, or null when the cell is not purely numeric. */
export function parseCellNumber(cell: string): number | null {
  return readCellNumber(cell.trim());
}

/** parseCellNumber of a cell with no white space at either end. */
export function readCellNumber(s: string): number | null {
  const first = s.charCodeAt(0);
  // Cheap first test: a number starts with a digit or a sign.
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45)) return null;
  if (allDigits(s)) {
    // The usual cell (`0`, `1433`): CELL_NUMBER holds, and there is no comma to drop.
    const value = Number(s);
    return Number.isFinite(value) ? value : null;
  }
  if (!CELL_NUMBER.test(s)) return null;
  const value = Number(s.includes(',') ? s.replace(/,/g, '') : s);
  return Number.isFinite(value) ? value : null;
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * `三` → 3, `十二` → 12, `一百零五` → 105, `两千三百万` → 23000000, `一亿二千万` → 120000000;
 * digits without units read in place (`二〇二三` → 2023); null if not a numeral. 万 and 亿
 * close their own groups: the 万 in `一亿二千万` multiplies 二千, not the 亿 before it.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text === '' || [...text].some((ch) => !CHINESE_NUMERAL_CHARS.includes(ch))) return null;
  if (text.length > 1 && [...text].every((ch) => ch in DIGITS)) return Number([...text].map((ch) => DIGITS[ch]).join(''));
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch] ?? 0;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * (SMALL_UNITS[ch] ?? 1);
      digit = null;
    } else if (ch === '万') {
      const n = section + (digit ?? 0);
      wan += (n === 0 ? 1 : n) * 10_000;
      [section, digit] = [0, null];
    } else if (ch === '亿') {
      const n = wan + section + (digit ?? 0);
      yi += (n === 0 ? 1 : n) * 100_000_000;
      [wan, section, digit] = [0, 0, null];
    }
  }
  return yi + wan + section + (digit ?? 0);
}

export interface Quantity {
  value: number;
  approximate: boolean;
  /** The matched text, e.g. `637万多次`. */
  raw: string;
}

/**
 * Pattern for one prose quantity: a hedge word, an Arabic or Chinese number, an optional 万/亿
 * multiplier and an optional trailing hedge. Units (次, 人, 条 …) are matched by callers.
 * A number starts where its run of digits (or numerals) starts: without that, a pattern with a
 * lazy gap before the quantity tried every split of a long digit run (quadratic; minutes on
 * 30,000 digits run together), and digits right after numerals (`三千一百八十0份`, garbled text) are
 * not read as a figure of their own.
 */
export const QUANTITY_SOURCE = `(约|近|逾|超过|突破|超|大约)?\\s*((?<![\\d.${CHINESE_NUMERAL_CHARS}])(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|(?<![${CHINESE_NUMERAL_CHARS}])[${CHINESE_NUMERAL_CHARS}]+)\\s*(万|亿)?\\s*(多|余|以上|左右)?`;

const QUANTITY_AT_START = new RegExp(`^${QUANTITY_SOURCE}`);

/** Read a quantity like `637万多`, `约1200万`, `1.2亿`, `三`; null if it is not one. */
export function readQuantity(text: string): Quantity | null {
  const m = QUANTITY_AT_START.exec(text.trim());
  if (!m || !m[2]) return null;
  const base = /\d/.test(m[2]) ? Number(m[2].replace(/,/g, '')) : parseChineseNumeral(m[2]);
  if (base === null || !Number.isFinite(base)) return null;
  const multiplier = m[3] === '亿' ? 100_000_000 : m[3] === '万' ? 10_000 : 1;
  return {
    value: roundExact(base * multiplier),
    approximate: Boolean(m[1] || m[4]),
    raw: m[0].trim(),
  };
}

/** 80.37 × 10000 is 803699.9999… in floating point: round away representation error. */
function roundExact(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Math.abs(rounded - Math.round(rounded)) < 1e-6 ? Math.round(rounded) : rounded;
}
