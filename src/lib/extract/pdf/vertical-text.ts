/**
 * Text in vertical-writing fonts, read from pdf.js's operator list: pdf.js's text content can
 * lose some of its glyphs (seen with side labels such as `三、本年度办理结果` set in a vertical
 * font under a flipped text matrix). Each column of such text becomes one piece, placed at
 * its first glyph, which is all that is needed to put it in its table cell.
 */
import { apply, compose, IDENTITY, type Matrix, type TextPiece } from './geometry.ts';

/** Vertical presentation forms (`︑`, `︵`) back to ordinary punctuation (`、`, `（`). */
function verticalFormsToNormal(text: string): string {
  return text.replace(/[\uFE10-\uFE19\uFE30-\uFE4F]/g, (char) => char.normalize('NFKC'));
}

interface Glyph {
  unicode?: string;
}

export class VerticalTextCollector {
  readonly runs: TextPiece[] = [];
  private font = '';
  private fontSize = 0;
  /** The text line matrix: where the next glyph goes, before the page's transformation. */
  private lineMatrix: Matrix = IDENTITY;
  private current: TextPiece | null = null;

  constructor(private readonly verticalFonts: ReadonlySet<string>) {}

  beginText(): void {
    this.flush();
    this.lineMatrix = IDENTITY;
  }

  setFont(name: string, size: number): void {
    if (this.verticalFonts.has(name) !== this.verticalFonts.has(this.font)) this.flush();
    this.font = name;
    this.fontSize = size;
  }

  setTextMatrix(matrix: Matrix): void {
    this.flush();
    this.lineMatrix = matrix;
  }

  /** `Td`, `TD`: moves to the start of the next line by (tx, ty) in text space. */
  moveText(tx: number, ty: number): void {
    this.lineMatrix = compose(this.lineMatrix, [1, 0, 0, 1, tx, ty]);
  }

  show(glyphs: unknown[], ctm: Matrix): void {
    if (!this.verticalFonts.has(this.font)) return;
    const m = compose(ctm, this.lineMatrix);
    const [x, y] = apply(m, 0, 0);
    const size = Math.abs(this.fontSize * Math.hypot(m[2], m[3])) || 10;
    // A move sideways by more than a glyph starts another column of text.
    if (this.current && Math.abs(x - (this.current.x0 + this.current.x1) / 2) > 0.8 * size) this.flush();
    this.current ??= { text: '', x0: x - size / 2, x1: x + size / 2, y0: y - size, y1: y, size, vertical: true };
    for (const glyph of glyphs) if (glyph && typeof glyph === 'object') this.current.text += (glyph as Glyph).unicode ?? '';
  }

  flush(): void {
    if (this.current && this.current.text.trim() !== '') {
      this.runs.push({ ...this.current, text: verticalFormsToNormal(this.current.text.replace(/\s+/g, '')) });
    }
    this.current = null;
  }
}
