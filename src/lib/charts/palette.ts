/**
 * Colours, chosen so that a chart reads on white paper, on a dark screen and for the common
 * colour-vision deficiencies:
 * - series: the Okabe–Ito hues, darkened where needed so that every one has at least 3:1
 *   contrast against the light background (lightened for the dark one);
 * - breakdowns (the outcome mix): one hue family per outcome group, every part its own colour,
 *   picked (farthest-point in CIELAB, within each family's hue range) so that no two parts are
 *   alike, all at 3:1 or more against the background;
 * - the tile map: a sequential blue scale whose lowest step stands clearly apart from no-data.
 * test/charts/palette.test.ts computes the contrast ratios and colour differences from these.
 */
export const LIGHT_BACKGROUND = '#ffffff';
export const DARK_BACKGROUND = '#1b1b1b';

/** Line and bar series (Okabe–Ito order: blue, orange, green, purple, violet, ochre, crimson, grey). */
export const SERIES_LIGHT = ['#0072B2', '#C25A00', '#007F5F', '#B0487F', '#5E4FA2', '#8F6A00', '#D1294B', '#4D4D4D'];
export const SERIES_DARK = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#9E8FD6', '#D8B365', '#F07589', '#BBBBBB'];

/** Breakdown families: a part key pattern and its colours, lightest last (light theme, dark theme). */
const FAMILIES: { match: RegExp; light: string[]; dark: string[] }[] = [
  { match: /^granted$/, light: ['#259A48'], dark: ['#87F49A'] },
  { match: /^partly_granted$/, light: ['#1590C2'], dark: ['#05BEFB'] },
  {
    match: /^refused_/,
    light: ['#702E01', '#850837', '#A50200', '#B40735', '#A23F04', '#DA6310', '#F83773', '#F24847'],
    dark: ['#FF4F72', '#F85D3E', '#FF8075', '#FF8438', '#FF8FA4', '#FEA776', '#FDADA3', '#FFD4C2'],
  },
  { match: /^unable_/, light: ['#514700', '#AF6D08', '#98870B'], dark: ['#AA9607', '#E49D33', '#FFD972'] },
  {
    match: /^not_processed_/,
    light: ['#7F0263', '#49308E', '#9450B1', '#8578E1', '#CD5DB2'],
    dark: ['#A77CE3', '#EE76C8', '#BFB1FF', '#EFA7FE', '#F5C8FE'],
  },
  // Reconsideration and litigation outcomes.
  { match: /^upheld$/, light: ['#0072B2'], dark: ['#56B4E9'] },
  { match: /^corrected$/, light: ['#C25A00'], dark: ['#E69F00'] },
  { match: /^pending$/, light: ['#8F6A00'], dark: ['#D8B365'] },
  // 其他处理 (outcome mix) and 其他结果 (review mix): never in the same chart.
  { match: /^other$/, light: ['#6E6E6E'], dark: ['#A0A0A0'] },
];

/** One colour per part of a breakdown: parts of the same group share a hue family, each its own colour. */
export function partColors(parts: readonly string[], dark = false): string[] {
  const used = new Map<number, number>();
  let spare = 0;
  return parts.map((part) => {
    const family = FAMILIES.findIndex((f) => f.match.test(part));
    if (family < 0) {
      const list = dark ? SERIES_DARK : SERIES_LIGHT;
      return list[spare++ % list.length] as string;
    }
    const n = used.get(family) ?? 0;
    used.set(family, n + 1);
    const list = dark ? FAMILIES[family]!.dark : FAMILIES[family]!.light;
    return list[n % list.length] as string;
  });
}

/** The tile map's scale, light to dark, and the no-data colour of each theme. */
export const SEQUENTIAL = ['#9ecae1', '#6baed6', '#2171b5', '#08519c', '#08306b'];
export const NO_DATA_LIGHT = '#f0f0f0';
export const NO_DATA_DARK = '#3a3a3a';

/** Colour of a value on a 5-step scale between min and max (null: no data). */
export function sequentialColor(value: number | null, min: number, max: number, dark = false): string {
  if (value === null) return dark ? NO_DATA_DARK : NO_DATA_LIGHT;
  const t = max > min ? (value - min) / (max - min) : 0.5;
  return SEQUENTIAL[Math.min(SEQUENTIAL.length - 1, Math.floor(t * SEQUENTIAL.length))] as string;
}

function channels(color: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
}

const linear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(color: string): number {
  const [r, g, b] = channels(color).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIELAB (D65) of a #rrggbb colour. */
export function toLab(color: string): [number, number, number] {
  const [r, g, b] = channels(color).map(linear) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** Colour difference ΔE*ab (CIE76): about 2 is just noticeable, 10 or more is plainly different. */
export function deltaE(a: string, b: string): number {
  const p = toLab(a);
  const q = toLab(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** Black-ish or white text, whichever reads better on a fill. */
export function textOn(fill: string): string {
  return contrastRatio(fill, '#1f1f1f') >= contrastRatio(fill, '#ffffff') ? '#1f1f1f' : '#ffffff';
}
