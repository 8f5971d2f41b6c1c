/**
 * Word (.docx) → normalised text: paragraphs as lines, tables (`w:tbl`) as pipe rows with
 * `w:gridSpan` (column span) and `w:vMerge` (row span) honoured.
 */
import { unzipSync } from 'fflate';
import { childElements, parseXml, type DomNode } from './dom.ts';
import { joinText, renderTable, type GridCell } from './table.ts';
import type { Extracted } from './types.ts';

function attr(node: DomNode | undefined, name: string): string | undefined {
  return node?.attribs?.[name];
}

function property(node: DomNode, container: string, name: string): DomNode | undefined {
  const props = childElements(node, container)[0];
  return props ? childElements(props, name)[0] : undefined;
}

/** Text of a paragraph: its runs' `w:t`, tabs and breaks, in order (inserted text included). */
function paragraphText(paragraph: DomNode): string {
  let text = '';
  const visit = (node: DomNode): void => {
    for (const child of node.children ?? []) {
      if (child.type === 'text') continue;
      const name = child.name ?? '';
      if (name === 'w:t') text += (child.children ?? []).map((t) => t.data ?? '').join('');
      else if (name === 'w:tab') text += ' ';
      else if (name === 'w:br' || name === 'w:cr') text += '\n';
      else if (name === 'w:del' || name === 'w:instrText' || name === 'w:pPr' || name === 'w:rPr') continue;
      else visit(child);
    }
  };
  visit(paragraph);
  return text.split('\n').map((part) => part.replace(/\s+/g, ' ').trim()).reduce(joinText, '');
}

/** Paragraph texts inside a node (a cell, or content-control wrapper), nested tables flattened. */
function textLines(node: DomNode): string[] {
  const lines: string[] = [];
  for (const child of childElements(node)) {
    if (child.name === 'w:p') lines.push(paragraphText(child));
    else if (child.name === 'w:tbl' || child.name === 'w:sdt' || child.name === 'w:sdtContent' || child.name === 'w:tr' || child.name === 'w:tc') lines.push(...textLines(child));
  }
  return lines.filter((line) => line !== '');
}

/** A row's `w:tc` elements, looking through content controls and custom XML wrappers. */
function rowCells(row: DomNode): DomNode[] {
  return childElements(row).flatMap((child) => {
    if (child.name === 'w:tc') return [child];
    if (child.name === 'w:sdt') return childElements(child, 'w:sdtContent').flatMap(rowCells);
    if (child.name === 'w:customXml') return rowCells(child);
    return [];
  });
}

function tableRows(table: DomNode): DomNode[] {
  return childElements(table).flatMap((child) => {
    if (child.name === 'w:tr') return [child];
    if (child.name === 'w:sdt') return childElements(child, 'w:sdtContent').flatMap(tableRows);
    return [];
  });
}

export function tableLines(table: DomNode): string[] {
  const cells: GridCell[] = [];
  /** The cell that currently owns each grid column, for vertical merges. */
  const openByColumn = new Map<number, GridCell>();
  let cols = 0;
  const rows = tableRows(table);
  rows.forEach((row, rowIndex) => {
    let col = Number(attr(property(row, 'w:trPr', 'w:gridBefore'), 'w:val') ?? 0) || 0;
    for (const tc of rowCells(row)) {
      const colSpan = Math.max(1, Number(attr(property(tc, 'w:tcPr', 'w:gridSpan'), 'w:val') ?? 1) || 1);
      const vMerge = property(tc, 'w:tcPr', 'w:vMerge');
      const text = textLines(tc).reduce(joinText, '');
      const above = openByColumn.get(col);
      if (vMerge && attr(vMerge, 'w:val') !== 'restart' && above && above.colSpan === colSpan) {
        above.rowSpan = rowIndex - above.row + 1;
        if (text !== '') above.text = joinText(above.text, text);
      } else {
        const cell: GridCell = { row: rowIndex, col, rowSpan: 1, colSpan, text };
        cells.push(cell);
        openByColumn.set(col, cell);
      }
      col += colSpan;
    }
    cols = Math.max(cols, col);
  });
  return renderTable({ rows: rows.length, cols, cells });
}

function bodyLines(node: DomNode): string[] {
  const lines: string[] = [];
  for (const child of childElements(node)) {
    if (child.name === 'w:p') lines.push(paragraphText(child));
    else if (child.name === 'w:tbl') lines.push(...tableLines(child));
    else if (child.name === 'w:sdt' || child.name === 'w:sdtContent' || child.name === 'w:customXml') lines.push(...bodyLines(child));
  }
  return lines.filter((line) => line !== '');
}

export function extractDocx(bytes: Uint8Array): Extracted {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => /^word\/document\d*\.xml$/.test(file.name) });
  } catch (cause) {
    return { format: 'docx', text: '', diagnostics: [], error: `not a readable .docx (zip) file: ${(cause as Error).message}` };
  }
  const documentXml = files['word/document.xml'] ?? Object.values(files)[0]; // some writers name it document2.xml
  if (!documentXml) return { format: 'docx', text: '', diagnostics: [], error: 'zip file has no word/document.xml: not a Word .docx document' };
  const root = parseXml(new TextDecoder('utf-8').decode(documentXml));
  const body = childElements(root, 'w:document').flatMap((doc) => childElements(doc, 'w:body'))[0];
  if (!body) return { format: 'docx', text: '', diagnostics: [], error: 'word/document.xml has no w:body' };
  const text = bodyLines(body).join('\n');
  return { format: 'docx', text, diagnostics: [], error: text === '' ? 'Word document has no text' : null };
}
