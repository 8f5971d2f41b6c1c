/** Shapes the PDF reader works with, all in PDF user space (points, y growing upwards). */

/** A run of text on the page (pdf.js splits its items further at spaces). */
export interface TextPiece {
  text: string;
  x0: number;
  x1: number;
  /** Bottom and top of the glyph box. */
  y0: number;
  y1: number;
  /** Font size, for gap and line-height thresholds. */
  size: number;
  vertical: boolean;
}

/** A horizontal ruling segment at `at` (its y) from `from` to `to` (x), or vertical at x from y to y. */
export interface Segment {
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  number: number;
  width: number;
  height: number;
  /** The page's /Rotate, in degrees. */
  rotation: number;
  pieces: TextPiece[];
  horizontal: Segment[];
  vertical: Segment[];
}

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** outer ∘ inner: apply `inner` first, then `outer` (PDF `cm` concatenation). */
export function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = inner;
  const [A, B, C, D, E, F] = outer;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function centerX(piece: TextPiece): number {
  return (piece.x0 + piece.x1) / 2;
}

export function centerY(piece: TextPiece): number {
  return (piece.y0 + piece.y1) / 2;
}

/**
 * Printed number, as it appears in a cell: `3119`, `3,119`, `96171.6`, `12%`, in full-width
 * digits too (`３１１９`); not a list label (`1.`, `2、`).
 */
export function isNumberText(text: string): boolean {
  return /^[-+]?\d[\d,]*(\.\d+)?%?$/.test(text.normalize('NFKC').trim());
}
