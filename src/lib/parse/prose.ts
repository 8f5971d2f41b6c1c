/**
 * Prose metrics (section 一 and 六): website visits and posts, new-media posts, followers and
 * reads, hotline tickets, fees charged; and the table figures the prose restates (for checks).
 * Each metric keeps the sentence it came from. A figure's channel (website or new media) is
 * the one last named in the paragraph, so `微信公众号关注量达到40.9万。全年推送…153条` counts as
 * new media.
 */
import type { MetricKey, MetricSource } from '../schema.ts';
import { QUANTITY_SOURCE, readQuantity } from './numbers.ts';

export interface ProseMetric {
  key: MetricKey;
  value: number;
  source: MetricSource;
}

export type RestatedFigure =
  | 'new'
  | 'total_processed'
  | 'carried_forward'
  | 'granted'
  | 'partly_granted'
  | 'refused'
  | 'unable'
  | 'not_processed'
  | 'other'
  | 'review'
  | 'litigation';

export interface Restatement {
  figure: RestatedFigure;
  value: number;
  sentence: string;
}

/**
 * A quantity, whole: not the first digits of a longer number, not a rate (`同比增长20%`, `增长2倍`,
 * `提高3个百分点`), which counts nothing, and not a date (`访问量2023年达45万次`).
 */
const Q = `(?<q>${QUANTITY_SOURCE})(?!(?<=\\d)[\\d.]|\\s*(?:%|％|‰|个百分点|倍|成|年|月|日))`;
/**
 * Most characters between a keyword and its figure (`发布…441条`): real sentences need a few dozen.
 * Unbounded lazy gaps made hostile text (a keyword repeated 20,000 times) take seconds per line.
 */
const GAP = 120;
const rx = (source: string) => new RegExp(source.replace('Q', Q).replaceAll('GAP', String(GAP)));

const WEBSITE = /网站|门户|官网|网页|网上/;
const NEW_MEDIA = /微信|公众号|新媒体|微博|抖音|视频号|两微一抖|客户端|头条号/;
/**
 * The channel a clause names first: group 1 for a website, group 2 for new media. At one
 * position the website words are tried first, so a tie goes to the website.
 */
const CHANNEL = new RegExp(`(${WEBSITE.source})|(${NEW_MEDIA.source})`);

/** Words each pattern opens with: a clause without any of them cannot match it. */
const POST_WORDS = ['发布', '公开', '公布', '推送', '更新', '刊发'];
const VISIT_WORDS = ['访问量', '访问总量', '访问次数', '访问人次', '点击量', '浏览量', '浏览次数', '阅读量'];
const FOLLOWER_WORDS = ['关注人数', '关注量', '关注用户', '粉丝', '订阅用户', '订阅人数'];
/** Any word of each list, for a test over a whole sentence. */
const POST_RX = new RegExp(POST_WORDS.join('|'));
/** The units a post count ends with (POSTS): a sentence without any counts no posts. */
const POST_UNITS = /[条篇则]/;
const VISIT_RX = new RegExp(VISIT_WORDS.join('|'));
const FOLLOWER_RX = new RegExp(FOLLOWER_WORDS.join('|'));
const POSTS = rx(String.raw`(?:发布|公开|公布|推送|更新|刊发)[^，,。；;]{0,GAP}?Q\s*(?:条|篇|则)(?!\S{0,4}(?:消息|短信))`);
const VISITS = rx(String.raw`(?:总访问量|访问量|访问总量|访问次数|访问人次|点击量|浏览量|浏览次数|阅读量)[^，,。；;\d]{0,6}?Q\s*(?:次|人次)?`);
const FOLLOWERS = rx(String.raw`(?:关注人数|关注量|关注用户|粉丝数?|订阅(?:用户|人数))[^，,。；;\d]{0,6}?Q\s*(?:人|个|户)?`);
const HOTLINE = rx(String.raw`(?:热线|工单)[^。；;]{0,GAP}?(?<![\d.])Q\s*(?:件|份|单|宗|个)`);
const FEES = rx(String.raw`收取[^。；;]{0,GAP}?Q\s*元`);
const ACTUAL_FEE_MENTION = rx(String.raw`实际收取[^。；;]{0,GAP}?元`);
const ACTUAL_FEES = rx(String.raw`实际收取[^。；;]{0,GAP}?Q\s*元`);
/** A clause can hold a figure: a digit, or a Chinese numeral before a unit. Others are skipped. */
const MAY_HOLD_FIGURE = /\d|[零〇一二两三四五六七八九十百千万亿](?:万|亿)?(?:多|余)?(?:条|篇|则|次|人|个|户|件|份|单|宗|元)/;
const NO_FEES = rx(String.raw`(?:没有|未|无|不)收取[^。；;]{0,GAP}?(?:费|费用)|未产生[^。；;]{0,GAP}?费`);

/** A paragraph of prose and its sentences, cut once for every reader of the prose. */
export interface Paragraph {
  text: string;
  sentences: readonly string[];
}

/** The prose lines as paragraphs (see `paragraphs`), each cut into sentences. */
export function proseParagraphs(lines: readonly string[]): Paragraph[] {
  return paragraphs(lines).map((text) => ({ text, sentences: sentences(text) }));
}

/** Paragraphs with PDF line wraps undone: a line not ending a sentence runs on into the next. */
export function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.includes('|')) {
      if (current) out.push(current);
      current = '';
      continue;
    }
    current += line;
    if (/[。！？!?]$/.test(line)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * The paragraph's sentences, trimmed, empty ones dropped: cut after each of 。；;！!？? (as
 * `split(/(?<=[。；;！!？?])/)` cuts, never at the very end).
 */
function sentences(paragraph: string): string[] {
  const out: string[] = [];
  for (const piece of cutAfter(paragraph, /[。；;！!？?]/g)) {
    const sentence = piece.trim();
    if (sentence) out.push(sentence);
  }
  return out;
}

/**
 * The sentence cut after each ， and each , that is not a thousands separator (`1,234,567`: a
 * comma between digits), never at the very end.
 */
function clauses(sentence: string): string[] {
  return cutAfter(sentence, /，|(?<!\d),|,(?!\d)/g);
}

/**
 * `text` cut after each match of `marks` (a global pattern of single characters), never at the
 * very end. The pattern's native scan is faster than a loop over the characters.
 */
function cutAfter(text: string, marks: RegExp): string[] {
  const out: string[] = [];
  let from = 0;
  while (marks.test(text) && marks.lastIndex < text.length) {
    out.push(text.slice(from, marks.lastIndex));
    from = marks.lastIndex;
  }
  out.push(text.slice(from));
  return out;
}

/** A sentence speaking of a total to date; a cumulative figure; and the words that make one the year's. */
const TO_DATE = /截至|截止|至今|以来/;
const CUMULATIVE = /累计|总计|共计/;
const THIS_YEAR = /全年|本年|年度|今年|当年/;

/**
 * Words that make a figure something else than the year's count: a day's or a month's
 * (`日均访问量1200次`, `访问量日均…`), a price (`每件50元`), or a change (`较去年增加200条`; but
 * `增加到`, `增长至`: the count it came to). For a stock (followers) 新增 is a change too
 * (`新增粉丝3000人`); for a flow it is the year's count (`新增信息1200条`).
 */
const NOT_A_COUNT = /日均|月均|周均|平均|每日|每天|每周|每月|单日|每(?:件|页|份|次|人|条|个|项)|(?:增加|增长|增多|减少|下降|提升|提高|上升)(?![至到为])/;
const NOT_A_STOCK = /新增(?![至到为])/;
/** A figure right after the year it is compared with (`较2022年的800条增至1200条`, `由去年的1.2万人`): the earlier year's. */
const EARLIER_YEAR = /(?:较|比|由|从)(?:去年|上年|上一年度?|前一年|20\d{2}年)(?:同期)?的?\s*$/;

/** Where the match's figure starts: its last occurrence in the match (every pattern ends with it, then a unit). */
function figureStart(m: RegExpExecArray): number {
  return m[0].lastIndexOf(m.groups!.q!);
}

/**
 * The count a match gives (`stock`: at the year's end), or null: none, or the words before it in
 * its clause (a few before the match too) make it a day's, a price or a change (NOT_A_COUNT), or
 * the earlier year's (EARLIER_YEAR).
 */
function countAt(m: RegExpExecArray, stock = false) {
  const q = m.groups?.q;
  const before = m.input.slice(Math.max(0, m.index - 4), m.index + figureStart(m));
  const lead = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(',')) + 1);
  if (!q || NOT_A_COUNT.test(lead) || (stock && NOT_A_STOCK.test(lead)) || EARLIER_YEAR.test(lead)) return null;
  return readQuantity(q);
}

/** `prose`: the section 一 paragraphs; `closing`: the lines of section 六 then section 一. */
export function readProseMetrics(prose: readonly Paragraph[], closing: readonly string[]): ProseMetric[] {
  const found = new Map<MetricKey, ProseMetric>();
  /** Keeps the match's count under `key` unless one came first; false when the match gives no count. */
  const put = (key: MetricKey, m: RegExpExecArray, sentence: string): boolean => {
    const q = countAt(m, key === 'wechat_followers');
    if (!q) return false;
    if (found.has(key)) return true;
    // The figure's own position: its last occurrence in the match, not the first (`热线12345共受理来电345件`).
    found.set(key, { key, value: q.value, source: { sentence, raw: m[0].slice(figureStart(m)).trim(), approximate: q.approximate } });
    return true;
  };

  for (const { text: paragraph, sentences: paragraphSentences } of prose) {
    // Each test below needs a channel word, a figure, or 热线/工单: a paragraph with none is skipped.
    const hotlineWords = paragraph.includes('热线') || paragraph.includes('工单');
    const paragraphNames = CHANNEL.test(paragraph);
    if (!hotlineWords && !paragraphNames && !MAY_HOLD_FIGURE.test(paragraph)) continue;
    let channel: 'website' | 'new_media' | null = null;
    for (const sentence of paragraphSentences) {
      // Once a sentence says `截至…` or `…以来`, a 累计 figure without 全年 or 本年度 is the total to date
      // (`截至2023年底，门户网站累计发布信息5.6万条`), not the year's: posts and visits skip it.
      let toDate = false;
      // Clauses matter for a channel word, or for a figure after the words of a pattern that can
      // fire: posts and visits need a channel, followers any channel but the website. The
      // channel changes only at a clause naming one, so without one it holds for the sentence.
      const names = paragraphNames && CHANNEL.test(sentence);
      const posts = (names || channel !== null) && POST_UNITS.test(sentence) && POST_RX.test(sentence);
      const visits = (names || channel !== null) && VISIT_RX.test(sentence);
      const followers = (names || channel !== 'website') && FOLLOWER_RX.test(sentence);
      const figures = (posts || visits || followers) && MAY_HOLD_FIGURE.test(sentence);
      for (const clause of names || figures ? clauses(sentence) : []) {
        if (names) {
          const named = CHANNEL.exec(clause);
          if (named) channel = named[1] !== undefined ? 'website' : 'new_media';
        }
        toDate ||= TO_DATE.test(clause);
        if (!figures || !MAY_HOLD_FIGURE.test(clause)) continue;
        const sinceLaunch = toDate && CUMULATIVE.test(clause) && !THIS_YEAR.test(clause);
        let m: RegExpExecArray | null;
        if (posts && channel && !sinceLaunch && holdsAny(clause, POST_WORDS) && (m = POSTS.exec(clause))) put(channel === 'website' ? 'website_posts' : 'wechat_posts', m, sentence);
        // `部分作品点击量突破10万` is one post's count, not the channel's total.
        if (visits && channel && !sinceLaunch && holdsAny(clause, VISIT_WORDS) && (m = VISITS.exec(clause)) && !/部分|单条|单篇|最高|个别/.test(clause)) put(channel === 'website' ? 'website_visits' : 'wechat_reads', m, sentence);
        if (followers && channel !== 'website' && holdsAny(clause, FOLLOWER_WORDS) && (m = FOLLOWERS.exec(clause))) put('wechat_followers', m, sentence);
      }
      const hotline = hotlineWords && (sentence.includes('热线') || sentence.includes('工单')) ? HOTLINE.exec(sentence) : null;
      if (hotline) put('hotline_tickets', hotline, sentence);
    }
  }

  for (const paragraph of paragraphs(closing)) {
    if (!paragraph.includes('收取') && !paragraph.includes('费')) continue;
    for (const sentence of sentences(paragraph)) {
      if (!sentence.includes('收取') && !sentence.includes('费')) continue;
      const fee = ACTUAL_FEE_MENTION.test(sentence) ? ACTUAL_FEES.exec(sentence) : FEES.exec(sentence);
      // A price (`收取标准为每件50元`) is no fee charged: the sentence may still say none was.
      const charged = fee !== null && put('fees_charged_yuan', fee, sentence);
      if (!charged && NO_FEES.test(sentence) && !found.has('fees_charged_yuan')) {
        found.set('fees_charged_yuan', { key: 'fees_charged_yuan', value: 0, source: { sentence, raw: NO_FEES.exec(sentence)![0], approximate: false } });
      }
    }
  }
  return [...found.values()];
}

/**
 * `words`: a sentence can match `pattern` only if it holds one of them (each pattern opens with
 * its words), so the pattern is not run on sentences without any.
 */
const RESTATEMENTS: readonly { figure: RestatedFigure; pattern: RegExp; words: readonly string[] }[] = [
  { figure: 'new', pattern: rx(String.raw`(?:收到|受理|新收)[^。；;，,]{0,GAP}?申请[^。；;，,\d]{0,6}?Q\s*(?:件|宗|个|份)`), words: ['收到', '受理', '新收'] },
  { figure: 'total_processed', pattern: rx(String.raw`(?:答复办结|办结|答复)[^。；;，,\d]{0,4}?Q\s*(?:件|宗)`), words: ['办结', '答复'] },
  { figure: 'carried_forward', pattern: rx(String.raw`结转(?:20\d{2}年|下一?年度?)[^。；;，,\d]{0,8}?Q\s*(?:件|宗)`), words: ['结转'] },
  { figure: 'granted', pattern: rx(String.raw`(?<!不)予以公开的?Q\s*(?:件|宗)`), words: ['予以公开'] },
  { figure: 'partly_granted', pattern: rx(String.raw`部分公开的?Q\s*(?:件|宗)`), words: ['部分公开'] },
  { figure: 'refused', pattern: rx(String.raw`不予公开的?Q\s*(?:件|宗)`), words: ['不予公开'] },
  { figure: 'unable', pattern: rx(String.raw`无法提供的?Q\s*(?:件|宗)`), words: ['无法提供'] },
  { figure: 'not_processed', pattern: rx(String.raw`不予处理的?Q\s*(?:件|宗)`), words: ['不予处理'] },
  { figure: 'other', pattern: rx(String.raw`其他处理的?Q\s*(?:件|宗)`), words: ['其他处理'] },
  { figure: 'review', pattern: rx(String.raw`行政复议[^。；;，,\d]{0,3}?Q\s*(?:件|宗|起)`), words: ['行政复议'] },
  { figure: 'litigation', pattern: rx(String.raw`行政诉讼[^。；;，,\d]{0,3}?Q\s*(?:件|宗|起)`), words: ['行政诉讼'] },
];

/** Every word of RESTATEMENTS: a sentence with none of them restates nothing. */
const RESTATEMENT_WORDS = new RegExp(RESTATEMENTS.flatMap((r) => r.words).join('|'));

function holdsRestatement(text: string): boolean {
  return /\d/.test(text) && RESTATEMENT_WORDS.test(text);
}

function holdsAny(text: string, words: readonly string[]): boolean {
  for (const word of words) if (text.includes(word)) return true;
  return false;
}

/** Table figures the prose restates, first mention of each. */
export function readRestatements(prose: readonly Paragraph[]): Restatement[] {
  const out = new Map<RestatedFigure, Restatement>();
  for (const paragraph of prose) {
    // A restated table figure is printed in digits, in a sentence holding a word of its pattern.
    if (!holdsRestatement(paragraph.text)) continue;
    for (const sentence of paragraph.sentences) {
      if (!holdsRestatement(sentence)) continue;
      for (const { figure, pattern, words } of RESTATEMENTS) {
        if (out.has(figure) || !holdsAny(sentence, words)) continue;
        const m = pattern.exec(sentence);
        const q = m ? countAt(m) : null;
        if (q && !q.approximate && /\d/.test(q.raw)) out.set(figure, { figure, value: q.value, sentence });
      }
    }
  }
  return [...out.values()];
}
