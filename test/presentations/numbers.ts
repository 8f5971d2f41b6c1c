/** How a presentation prints a figure: digits, separators, and what stands for zero. */

export type ZeroMark = '0' | '—' | '-' | '/' | '';

export interface NumberStyle {
  fullWidth?: boolean;
  thousands?: boolean;
  zero?: ZeroMark;
}

const FULL_WIDTH_DIGIT = 0xff10;

export function formatNumber(value: number | null, style: NumberStyle = {}): string {
  if (value === null) return '';
  if (value === 0 && style.zero !== undefined && style.zero !== '0') return style.zero;
  let text = String(value);
  if (style.thousands) {
    const [whole = '', fraction] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  }
  if (style.fullWidth) text = text.replace(/[0-9]/g, (d) => String.fromCharCode(FULL_WIDTH_DIGIT + Number(d))).replace(/,/g, '，').replace(/\./g, '．');
  return text;
}
