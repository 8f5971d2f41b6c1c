/** Every character normalizeText changes (below: CR, spaces, zero-width marks, pipes, full-width forms). */
const CHANGED = /[\r\u00a0\u00a6\u2002-\u200d\u202f\u205f\u2060\u2502\u2503\u3000\ufeff\uff01-\uff5e]/;

/**
 * Text normalisation before any parsing: one line ending, full-width ASCII forms folded to
 * half-width (digits, letters, punctuation such as （）：，｜), ideographic and no-break spaces to
 * plain spaces. Chinese quotes and CJK text are kept as printed.
 */
export function normalizeText(text: string): string {
  // Many texts need no change: one native scan finds the first character that does, if any.
  const first = text.search(CHANGED);
  if (first < 0) return text;
  // One pass over the rest: faster than a chain of regex replacements on long reports.
  let out = '';
  let from = 0;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x7f) {
      if (c !== 0x0d) continue;
      out += text.slice(from, i) + (text.charCodeAt(i + 1) === 0x0a ? '' : '\n');
      from = i + 1;
      continue;
    }
    // CJK text and most punctuation: nothing between U+3000 and U+FEFF is changed.
    if (c > 0x3000 && c < 0xfeff) continue;
    let replacement: string;
    if (c >= 0xff01 && c <= 0xff5e) replacement = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0 || (c >= 0x2002 && c <= 0x200b) || c === 0x202f || c === 0x205f) replacement = ' ';
    else if (c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) replacement = '';
    // Table pipe variants: │ ┃ ¦
    else if (c === 0x2502 || c === 0x2503 || c === 0x00a6) replacement = '|';
    else continue;
    out += text.slice(from, i) + replacement;
    from = i + 1;
  }
  return out + text.slice(from);
}

/** Remove spaces and punctuation that vary between reports, for comparing labels. */
export function compactLabel(text: string): string {
  return text.replace(/[\s|:;,.、()（）【】\[\]“”"'‘’《》<>·\-—_]/g, '');
}
