/**
 * What the PDF reader takes from pdf.js's operator list, in page space: every straight side of
 * a stroked or filled path (table borders and cell fills both mark cells), and runs of text in
 * vertical-writing fonts, whose glyphs pdf.js's text content can lose.
 */
import { OPS } from './pdfjs.ts';
import { apply, compose, IDENTITY, type Matrix, type Segment, type TextPiece } from './geometry.ts';
import { VerticalTextCollector } from './vertical-text.ts';

/** pdf.js path codes inside `constructPath` data. */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

const PAINTING = new Set<number>([
  OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke,
  OPS.closeFillStroke, OPS.closeEOFillStroke,
]);

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface Rulings {
  horizontal: Segment[];
  vertical: Segment[];
  /** Text shown in vertical-writing fonts, one piece per text object, placed at its first glyph. */
  verticalRuns: TextPiece[];
}

/** Straight segments of one path (curves only move the pen), in page space. */
function pathSegments(data: ArrayLike<number>, ctm: Matrix): Array<[number, number, number, number]> {
  const segments: Array<[number, number, number, number]> = [];
  let start: [number, number] = [0, 0];
  let pen: [number, number] = [0, 0];
  for (let i = 0; i < data.length; ) {
    const code = data[i++];
    if (code === MOVE_TO) {
      pen = apply(ctm, data[i]!, data[i + 1]!);
      start = pen;
      i += 2;
    } else if (code === LINE_TO) {
      const next = apply(ctm, data[i]!, data[i + 1]!);
      segments.push([pen[0], pen[1], next[0], next[1]]);
      pen = next;
      i += 2;
    } else if (code === CURVE_TO) {
      pen = apply(ctm, data[i + 4]!, data[i + 5]!);
      i += 6;
    } else if (code === QUAD_TO) {
      pen = apply(ctm, data[i + 2]!, data[i + 3]!);
      i += 4;
    } else if (code === CLOSE) {
      segments.push([pen[0], pen[1], start[0], start[1]]);
      pen = start;
    } else {
      break;
    }
  }
  return segments;
}

export function readOperators(list: OperatorList, pageWidth: number, pageHeight: number, verticalFonts: ReadonlySet<string>): Rulings {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  const text = new VerticalTextCollector(verticalFonts);
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.beginText) text.beginText();
    if (fn === OPS.setFont && args) text.setFont(String(args[0]), Number(args[1]));
    if (fn === OPS.setTextMatrix && args) text.setTextMatrix(Array.from(args[0] as ArrayLike<number>) as Matrix);
    if ((fn === OPS.moveText || fn === OPS.setLeadingMoveText) && args) text.moveText(Number(args[0]), Number(args[1]));
    if ((fn === OPS.showText || fn === OPS.showSpacedText) && args) text.show(args[0] as unknown[], ctm);
    if (fn === OPS.endText) text.flush();
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push(ctm);
    if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    if (fn === OPS.transform && args) ctm = compose(ctm, args as Matrix);
    if (fn === OPS.paintFormXObjectBegin && Array.isArray(args?.[0])) ctm = compose(ctm, args[0] as Matrix);
    if (fn !== OPS.constructPath || !args || !PAINTING.has(args[0] as number)) continue;
    const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
    if (!data) continue;
    const segments = pathSegments(data, ctm);
    const xs = segments.flatMap((s) => [s[0], s[2]]);
    const ys = segments.flatMap((s) => [s[1], s[3]]);
    const coversPage = Math.max(...xs) - Math.min(...xs) > 0.9 * pageWidth && Math.max(...ys) - Math.min(...ys) > 0.9 * pageHeight;
    if (coversPage) continue; // a page background, not a border
    for (const [x0, y0, x1, y1] of segments) {
      if (Math.abs(y1 - y0) < 1 && Math.abs(x1 - x0) >= 2) horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
      else if (Math.abs(x1 - x0) < 1 && Math.abs(y1 - y0) >= 2) vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
    }
  }
  text.flush();
  return { horizontal, vertical, verticalRuns: text.runs };
}
