/**
 * Text normalisation before any parsing: one line ending, full-width ASCII forms folded to
 * half-width (digits, letters, punctuation such as （）：，｜), ideographic and no-break spaces to
 * plain spaces. Chinese quotes and CJK text are kept as printed.
 */
export function normalizeText(text: string): string {
  // One pass over the characters: faster than a chain of regex replacements on long reports.
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
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
