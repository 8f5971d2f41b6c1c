/**
 * A strict-enough XML well-formedness check for the SVG files the charts export (no XML parser
 * in the dependencies): tags balance, attribute values are quoted and hold no raw `<`, `&` or
 * their own quote, text holds no raw `<` or bare `&`. Returns the problems found.
 */
const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const ENTITY = /&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);/g;
const ATTRS = new RegExp(`^(?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*\\s*$`);

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const bareAmp = (s: string) => /&/.test(s.replace(ENTITY, ''));
  let i = 0;
  let roots = 0;
  while (i < xml.length) {
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end < 0) return [...problems, 'unclosed CDATA'];
      i = end + 3;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) return [...problems, 'unclosed comment'];
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) return [...problems, 'unclosed declaration'];
      i = end + 2;
    } else if (xml[i] === '<') {
      // A tag ends at the first '>' outside a quoted value.
      let j = i + 1;
      let quote: string | null = null;
      while (j < xml.length && (quote !== null || xml[j] !== '>')) {
        const ch = xml[j] as string;
        if (quote !== null && ch === quote) quote = null;
        else if (quote === null && (ch === '"' || ch === "'")) quote = ch;
        j++;
      }
      const tag = xml.slice(i + 1, j);
      i = j + 1;
      const close = new RegExp(`^/(${NAME})\\s*$`).exec(tag);
      if (close) {
        const open = stack.pop();
        if (open !== close[1]) problems.push(`</${close[1]}> closes <${open ?? 'nothing'}>`);
        continue;
      }
      const m = new RegExp(`^(${NAME})([^]*?)(/?)$`).exec(tag);
      if (!m) {
        problems.push(`bad tag <${tag.slice(0, 60)}>`);
        continue;
      }
      const [, name, attrs, selfClosing] = m as unknown as [string, string, string, string];
      if (!ATTRS.test(attrs)) problems.push(`bad attributes in <${name}${attrs.slice(0, 120)}>`);
      else if (bareAmp(attrs)) problems.push(`bare & in attributes of <${name}>`);
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    } else {
      const end = xml.indexOf('<', i);
      const text = xml.slice(i, end < 0 ? xml.length : end);
      if (bareAmp(text)) problems.push(`bare & in text: ${text.slice(0, 60)}`);
      if (stack.length === 0 && text.trim()) problems.push(`text outside the root: ${text.slice(0, 60)}`);
      i = end < 0 ? xml.length : end;
    }
  }
  if (stack.length) problems.push(`unclosed <${stack.join('> <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
