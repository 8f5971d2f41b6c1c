/**
 * Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies) for series,
 * shades of one hue per outcome group for the outcome mix, and a sequential scale (light to
 * dark blue, readable without hue) for the tile map.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const OKABE_ITO_DARK = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442', '#BBBBBB'];

function hex(n: number): string {
  return Math.round(Math.max(0, Math.min(255, n))).toString(16).padStart(2, '0');
}

/** Mix a #rrggbb colour with white (t = 0 … 1). */
export function tint(color: string, t: number): string {
  const v = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return `#${v.map((c) => hex(c + (255 - c) * t)).join('')}`;
}

const GROUP_HUES: [RegExp, string][] = [
  [/^granted$/, '#009E73'],
  [/^partly_granted$/, '#56B4E9'],
  [/^refused_/, '#D55E00'],
  [/^unable_/, '#E69F00'],
  [/^not_processed_/, '#CC79A7'],
  [/^other$/, '#999999'],
  [/^upheld$/, '#0072B2'],
  [/^corrected$/, '#D55E00'],
  [/^pending$/, '#999999'],
];

/** One colour per part of a breakdown: parts of the same group share a hue, lighter as they go. */
export function partColors(parts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return parts.map((part) => {
    const hue = GROUP_HUES.find(([re]) => re.test(part))?.[1] ?? '#E69F00';
    const n = seen.get(hue) ?? 0;
    seen.set(hue, n + 1);
    return tint(hue, Math.min(n * 0.14, 0.75));
  });
}

const SEQUENTIAL = ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];

/** Colour of a value on a 5-step scale between min and max (null: no data, grey). */
export function sequentialColor(value: number | null, min: number, max: number): string {
  if (value === null) return '#d9d9d9';
  const t = max > min ? (value - min) / (max - min) : 0.5;
  return SEQUENTIAL[Math.min(SEQUENTIAL.length - 1, Math.floor(t * SEQUENTIAL.length))] as string;
}
export { SEQUENTIAL };
