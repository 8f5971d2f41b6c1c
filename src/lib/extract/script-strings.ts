/**
 * A report held in a JavaScript string (`var content = "<table…"`, `document.write('…')`,
 * `$("#x").html("…")`, `{"content":"…"}`): the string literals are found by a small scanner that
 * knows quotes, escapes, comments and regular expressions, adjacent literals joined by `+` are
 * joined, and escapes (`\"`, `\n`, `\/`, `\uXXXX`, `\x3c`, …) are undone. Nothing is evaluated
 * and no script runs: a string built from variables is read only in its literal pieces.
 */

/** One string value in code: a literal, or literals joined by `+`. */
interface ScriptString {
  value: string;
  /** Whether the code appends it to what came before (`s += "…"`, `document.write("…")`), rather than starting a new value. */
  appends: boolean;
}

const ESCAPE = /\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r\n|[\s\S]))/g;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '', '\r': '', '\r\n': '', '\u2028': '', '\u2029': '' };

/** The value of a string literal's body (between its quotes): escapes undone as JavaScript does; an invalid one keeps its letter. */
export function unescapeLiteral(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(ESCAPE, (whole, braced?: string, u4?: string, x2?: string, other?: string) => {
    const hex = braced ?? u4 ?? x2;
    if (hex !== undefined) {
      const code = Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const char = other ?? '';
    return SIMPLE_ESCAPES[char] ?? char;
  });
}

/** After which character a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

/** Index just past a string literal opened at `start`, or -1 when a line ends first (not a literal). */
function literalEnd(code: string, start: number): number {
  const quote = code[start];
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if ((c === '\n' || c === '\r') && quote !== '`') return -1;
  }
  return -1;
}

/** Index just past a regular expression literal opened at `start` (flags included), or start + 1 when it is none. */
function regexEnd(code: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === '\n' || c === '\r') return start + 1;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      let end = i + 1;
      while (end < code.length && /[a-z]/i.test(code[end] as string)) end++;
      return end;
    }
  }
  return start + 1;
}

/** Whether the code before `index` appends what follows: ends with `+=`, `write(` or `writeln(`. */
function appendsAt(code: string, index: number): boolean {
  const before = code.slice(Math.max(0, index - 24), index).trimEnd();
  return before.endsWith('+=') || /\bwrite(?:ln)?\s*\($/.test(before);
}

/** The string values in JavaScript code, in order: literals joined by `+` are one value. */
export function scriptStrings(code: string): ScriptString[] {
  const found: ScriptString[] = [];
  let current: ScriptString | null = null;
  let afterPlus = false;
  let last = '';
  let i = 0;
  while (i < code.length) {
    const c = code[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      i = end < 0 ? code.length : end;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      const end = literalEnd(code, i);
      if (end < 0) {
        current = null;
        last = c;
        i++;
        continue;
      }
      const value = unescapeLiteral(code.slice(i + 1, end - 1));
      if (current && afterPlus) current.value += value;
      else found.push((current = { value, appends: appendsAt(code, i) }));
      afterPlus = false;
      last = c;
      i = end;
    } else if (c === '+' && current && !afterPlus && code[i + 1] !== '+' && code[i + 1] !== '=') {
      afterPlus = true;
      last = c;
      i++;
    } else if (c === '/' && BEFORE_REGEX.has(last)) {
      i = regexEnd(code, i);
      current = null;
      afterPlus = false;
      last = '/';
    } else {
      current = null;
      afterPlus = false;
      last = c;
      i++;
    }
  }
  return found;
}

const CJK = /[\u3400-\u9fff]/;
/** An HTML tag (`<td>`, `</tr>`, `<br/>`, `<p class=…>`): markup rather than a text's `<`. */
export const HTML_MARKUP = /<\/?[a-z][a-z0-9]*(?:[\s/>])/i;

export interface ScriptReport {
  /** The strings' values joined: HTML when `markup`, else text. */
  value: string;
  markup: boolean;
  /** How many string values it was made from. */
  strings: number;
}

/**
 * The report held in the string values of some code: the values that hold CJK text or markup
 * and are at least a tenth as long as the longest such, in order, each appended value
 * (`s += …`, `document.write(…)`) joined to the one before. Null when no value holds either.
 */
export function reportFromScripts(codes: readonly string[]): ScriptReport | null {
  const values: string[] = [];
  for (const code of codes) {
    for (const string of scriptStrings(code)) {
      if (string.appends && values.length > 0) values[values.length - 1] += string.value;
      else values.push(string.value);
    }
  }
  const holding = values.filter((value) => CJK.test(value) || HTML_MARKUP.test(value));
  if (holding.length === 0) return null;
  const longest = Math.max(...holding.map((value) => value.length));
  const kept = [...new Set(holding.filter((value) => value.length * 10 >= longest))];
  const value = kept.join('\n');
  return { value, markup: HTML_MARKUP.test(value), strings: kept.length };
}

const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SCRIPT_TYPE = /\btype\s*=\s*["']?([^"'\s>]+)/i;

/** The code of a page's inline scripts (JavaScript or JSON; templates and external scripts left out). */
export function pageScripts(html: string): string[] {
  const codes: string[] = [];
  for (const match of html.matchAll(SCRIPT_ELEMENT)) {
    const [, attributes = '', code = ''] = match;
    const type = SCRIPT_TYPE.exec(attributes)?.[1]?.toLowerCase();
    if (type && !/javascript|ecmascript|^module$|json/.test(type)) continue;
    if (code.trim() !== '') codes.push(code);
  }
  return codes;
}

/** Text that is JavaScript or JSON rather than a page or a report: it opens with an assignment, a call that writes, or an object. */
const SCRIPT_OPENING = /^(?:(?:var|let|const)\s+[\w$]+\s*=|[\w$.]+\s*(?:\+?=)\s*["'`]|document\.write(?:ln)?\s*\(|(?:\$|jQuery)\s*\(|\{\s*["'\w]|\[\s*[{"'])/;

export function looksLikeScript(text: string): boolean {
  return SCRIPT_OPENING.test(text.slice(0, 256).replace(/^[\uFEFF\s]+/, ''));
}
