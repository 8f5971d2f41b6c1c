/**
 * Ways real report text gets damaged on its way to us, as fast-check arbitraries: lines dropped,
 * duplicated or swapped; spam and noise inserted (`雷速体育`, random CJK, digits in prose, stray
 * table rows, a second section heading); full-/half-width swaps; truncation; wrong decoding (GBK
 * bytes read as UTF-8, Latin-1 mojibake), a BOM, CRLF; table figures renumbered or scaled (so that
 * a number the parser invents cannot hide among the report's own small numbers); another report
 * pasted after this one; a flood of numbers (up to 30,000) somewhere in the text; a line of one
 * of the parser's keywords repeated up to 15,000 times. Each mutation is a plain value, so a failing case prints readably.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';

export type Mutation =
  | { kind: 'drop_line'; at: number }
  | { kind: 'duplicate_line'; at: number }
  | { kind: 'swap_lines'; a: number; b: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'width'; toFull: boolean; every: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'gbk_as_utf8'; from: number; lines: number }
  | { kind: 'latin1_mojibake'; from: number; lines: number }
  | { kind: 'bom' }
  | { kind: 'crlf' }
  | { kind: 'renumber'; start: number }
  | { kind: 'scale'; factor: number }
  | { kind: 'append_report'; other: number }
  | { kind: 'flood'; at: number; count: number; layout: 'lines' | 'pipes' | 'spaces' }
  | { kind: 'repeat'; at: number; word: string; times: number }
  | { kind: 'chinese_numerals'; every: number }
  /** A zero alone on its line printed as nothing (every `every`-th one): blank cells of a table one cell a line. */
  | { kind: 'blank_zeros'; every: number };

/** Words the parser's patterns key on: a line of one of them repeated must not stall it. */
const KEYWORDS = ['发布', '公开', '热线', '工单', '收取', '未收取', '实际收取', '收到', '申请', '访问量', '粉丝', '行政复议', '条', '件', '元', '万', '1', '1,', '一', '|', '| 1 ', '（七）总计', '结转'];

const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const cjkText = fc.array(cjk, { minLength: 1, maxLength: 30 }).map((a) => a.join(''));

/** Text that turns up inside real pages, and text built to confuse a table reader. */
const noise: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '雷速体育',
    '雷速体育直播 2024欧洲杯 免费观看',
    '长者专区',
    '头部 ico',
    '分享到: 微信 微博 QQ空间',
    '【打印】【关闭】',
    '主办单位:某某市人民政府办公室 网站标识码:4419000001 粤ICP备05070829号',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '一、本年新收政府信息公开申请数量',
    '（七）总计',
    '| | | | | | | |',
    '||',
    '---',
    '2023年东莞市某某局政府信息公开工作年度报告',
  ),
  cjkText,
  fc.tuple(cjkText, fc.nat({ max: 99999 }), cjkText).map(([a, n, b]) => `${a}${n}${b}`),
  fc.array(fc.nat({ max: 9999 }), { minLength: 1, maxLength: 16 }).map((ns) => `| ${ns.join(' | ')} |`),
  fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 16 }).map((ns) => ns.join(' ')),
  fc.nat({ max: 999999 }).map(String),
  fc.string({ maxLength: 40 }),
);

export function mutationArb(reports: number): fc.Arbitrary<Mutation> {
  const pos = fc.nat({ max: 1_000_000 });
  return fc.oneof(
    { weight: 3, arbitrary: pos.map((at) => ({ kind: 'drop_line' as const, at })) },
    { weight: 2, arbitrary: pos.map((at) => ({ kind: 'duplicate_line' as const, at })) },
    { weight: 2, arbitrary: fc.tuple(pos, pos).map(([a, b]) => ({ kind: 'swap_lines' as const, a, b })) },
    { weight: 4, arbitrary: fc.tuple(pos, noise).map(([at, text]) => ({ kind: 'insert' as const, at, text })) },
    { weight: 1, arbitrary: fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 5 })).map(([toFull, every]) => ({ kind: 'width' as const, toFull, every })) },
    { weight: 1, arbitrary: pos.map((at) => ({ kind: 'truncate' as const, at })) },
    { weight: 1, arbitrary: fc.tuple(pos, fc.integer({ min: 1, max: 40 })).map(([from, lines]) => ({ kind: 'gbk_as_utf8' as const, from, lines })) },
    { weight: 1, arbitrary: fc.tuple(pos, fc.integer({ min: 1, max: 40 })).map(([from, lines]) => ({ kind: 'latin1_mojibake' as const, from, lines })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'crlf' as const }) },
    { weight: 2, arbitrary: fc.integer({ min: 100_000, max: 900_000 }).map((start) => ({ kind: 'renumber' as const, start })) },
    { weight: 2, arbitrary: fc.constantFrom(7, 13, 1009, 100_003).map((factor) => ({ kind: 'scale' as const, factor })) },
    { weight: 1, arbitrary: fc.nat({ max: Math.max(0, reports - 1) }).map((other) => ({ kind: 'append_report' as const, other })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(pos, fc.constantFrom(8, 15, 1000, 30_000), fc.constantFrom('lines' as const, 'pipes' as const, 'spaces' as const))
        .map(([at, count, layout]) => ({ kind: 'flood' as const, at, count, layout })),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((every) => ({ kind: 'chinese_numerals' as const, every })) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 4 }).map((every) => ({ kind: 'blank_zeros' as const, every })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(pos, fc.constantFrom(...KEYWORDS), fc.constantFrom(50, 3000, 15_000))
        .map(([at, word, times]) => ({ kind: 'repeat' as const, at, word, times })),
    },
  );
}

const lineAt = (lines: readonly string[], at: number) => (lines.length === 0 ? 0 : at % lines.length);

/** Apply to each number that is a whole table cell (a pipe cell, or a space-separated token on a line of numbers). */
function mapTableNumbers(text: string, f: (n: number) => number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.includes('|')) return line.split('|').map((cell) => (/^\s*\d+\s*$/.test(cell) ? cell.replace(/\d+/, (d) => String(f(Number(d)))) : cell)).join('|');
      if (/^[\s\d]+$/.test(line) && /\d/.test(line)) return line.replace(/\d+/g, (d) => String(f(Number(d))));
      return line;
    })
    .join('\n');
}

export function applyMutation(text: string, m: Mutation, others: readonly string[]): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'drop_line':
      lines.splice(lineAt(lines, m.at), 1);
      return lines.join('\n');
    case 'duplicate_line': {
      const i = lineAt(lines, m.at);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'swap_lines': {
      const [a, b] = [lineAt(lines, m.a), lineAt(lines, m.b)];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'insert':
      lines.splice(lineAt(lines, m.at), 0, m.text);
      return lines.join('\n');
    case 'width': {
      let n = 0;
      return m.toFull
        ? text.replace(/[\x21-\x7e]/g, (ch) => (n++ % m.every === 0 ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch))
        : text.replace(/[\uff01-\uff5e]/g, (ch) => (n++ % m.every === 0 ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch));
    }
    case 'truncate':
      return text.slice(0, text.length === 0 ? 0 : m.at % text.length);
    case 'gbk_as_utf8':
    case 'latin1_mojibake': {
      const from = lineAt(lines, m.from);
      const slice = lines.slice(from, from + m.lines).join('\n');
      const garbled =
        m.kind === 'gbk_as_utf8'
          ? new TextDecoder('utf-8').decode(iconv.encode(slice, 'gbk'))
          : Buffer.from(slice, 'utf8').toString('latin1');
      return [...lines.slice(0, from), garbled, ...lines.slice(from + m.lines)].join('\n');
    }
    case 'bom':
      return `\uFEFF${text}`;
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'renumber': {
      let next = m.start;
      return mapTableNumbers(text, () => (next += 7));
    }
    case 'scale':
      return mapTableNumbers(text, (n) => n * m.factor);
    case 'append_report':
      return `${text}\n${others[m.other % Math.max(1, others.length)] ?? ''}`;
    case 'chinese_numerals': {
      // Prose only: lines without table pipes that hold words, not just numbers; not `1.` / `1、` enumerations.
      let n = 0;
      return lines
        .map((line) =>
          line.includes('|') || !/[\u4e00-\u9fff]/.test(line)
            ? line
            : line.replace(/(?<![\d.,])\d{1,9}(?![\d.,、)）])/g, (d) => (n++ % m.every === 0 ? toChinese(Number(d)) : d)),
        )
        .join('\n');
    }
    case 'blank_zeros': {
      let n = 0;
      return lines.map((line) => (line.trim() === '0' && n++ % m.every === 0 ? '' : line)).join('\n');
    }
    case 'repeat':
      lines.splice(lineAt(lines, m.at), 0, m.word.repeat(m.times));
      return lines.join('\n');
    case 'flood': {
      const numbers = Array.from({ length: m.count }, (_, i) => String(i % 10));
      const block = m.layout === 'lines' ? numbers.join('\n') : m.layout === 'pipes' ? `| ${numbers.join(' | ')} |` : numbers.join(' ');
      lines.splice(lineAt(lines, m.at), 0, block);
      return lines.join('\n');
    }
  }
}

export function applyMutations(text: string, ms: readonly Mutation[], others: readonly string[]): string {
  return ms.reduce((t, m) => applyMutation(t, m, others), text);
}

const CN = '零一二三四五六七八九';

/** Below 10,000, as printed: 四百四十一, 一千零五, 十二. */
function chineseBelow10k(x: number, leading: boolean): string {
  let out = '';
  let zero = false;
  for (const [unit, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
    const d = Math.floor(x / unit) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === 10 && out === '' && leading ? '' : CN[d]) + name;
  }
  return out;
}

/** 441 → 四百四十一, 6370000 → 六百三十七万, 120000000 → 一亿二千万. */
export function toChinese(n: number): string {
  if (n === 0) return '零';
  const [yi, wan, rest] = [Math.floor(n / 1e8), Math.floor(n / 1e4) % 1e4, n % 1e4];
  let out = yi > 0 ? `${chineseBelow10k(yi, true)}亿` : '';
  if (wan > 0) out += `${out && wan < 1000 ? '零' : ''}${chineseBelow10k(wan, !out)}万`;
  if (rest > 0) out += `${out && rest < 1000 ? '零' : ''}${chineseBelow10k(rest, !out)}`;
  return out;
}
