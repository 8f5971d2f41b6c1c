/** Blocks → a Word .docx whose tables are real Word tables (w:gridSpan, w:vMerge). Pure. */
import { makeDocx, type DocxBlock, type DocxCell } from '../extract/fixtures/make-docx.ts';
import type { Block } from './document.ts';
import { expand, type Table } from './grid.ts';

function docxTable(table: Table): DocxCell[][] {
  return expand(table).map((row) =>
    row.flatMap((slot): DocxCell[] => {
      if (!slot.firstCol) return [];
      const { cell } = slot;
      const gridSpan = cell.colSpan && cell.colSpan > 1 ? cell.colSpan : undefined;
      const merged = (cell.rowSpan ?? 1) > 1;
      if (!slot.firstRow) return [{ gridSpan, vMerge: 'continue' }];
      return [{ text: cell.text, gridSpan, vMerge: merged ? 'restart' : undefined }];
    }),
  );
}

export function renderDocx(blocks: Block[]): Uint8Array {
  const out: DocxBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'title') out.push(...block.lines.map((paragraph) => ({ paragraph })));
    else if (block.kind === 'heading' || block.kind === 'para') out.push({ paragraph: block.text });
    else {
      if (block.table.caption) out.push({ paragraph: block.table.caption });
      out.push({ table: docxTable(block.table) });
    }
  }
  return makeDocx(out);
}
