/**
 * Text normalisation before any parsing: one line ending, full-width ASCII forms folded to
 * half-width (digits, letters, punctuation such as （）：，｜), ideographic and no-break spaces to
 * plain spaces. Chinese quotes and CJK text are kept as printed.
 */
export function normalizeText(text: string): string {
  let out = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  out = out.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  out = out.replace(/[\u3000\u00A0\u2002-\u200B\u202F\u205F]/g, ' ');
  out = out.replace(/[\u200C\u200D\u2060\uFEFF]/g, '');
  // Enumeration commas used as numbering dots (`1、`) and the CJK full stop-like dot `．` are left
  // to the label matchers; only the table pipe variants are unified here.
  out = out.replace(/[│┃¦]/g, '|');
  return out;
}

/** Remove spaces and punctuation that vary between reports, for comparing labels. */
export function compactLabel(text: string): string {
  return text.replace(/[\s|:;,.、()（）【】\[\]“”"'‘’《》<>·\-—_]/g, '');
}
