/**
 * Ruling lines → table frames: the grid of column x-positions and row y-positions of each
 * ruled table on a page, and which grid slots are merged (no border drawn between them).
 */
import type { Segment, TextPiece } from './geometry.ts';
import { impliedRowRules } from './implied-rows.ts';

/** Lines closer than this (points) are one line: double borders, cell fills 0.2pt apart. */
const SNAP = 2.5;
/** Narrowest column and lowest row a table has; closer boundaries are one boundary. */
const MIN_COLUMN = 5;
const MIN_ROW = 3;

export interface Frame {
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom (descending y). */
  ys: number[];
  /** For each grid slot `[row][col]`, the id of the merged region it belongs to. */
  region: number[][];
}

/** Merges collinear segments that overlap or nearly touch (sorted sweeps, not pairwise). */
function mergeSegments(segments: Segment[]): Segment[] {
  const byPosition = [...segments].sort((s, t) => s.at - t.at);
  const lines: Segment[][] = [];
  for (const segment of byPosition) {
    const line = lines.at(-1);
    if (line && segment.at - line.at(-1)!.at <= SNAP) line.push(segment);
    else lines.push([segment]);
  }
  const merged: Segment[] = [];
  for (const line of lines) {
    const at = line.reduce((sum, s) => sum + s.at, 0) / line.length;
    let current: Segment | null = null;
    for (const segment of line.sort((s, t) => s.from - t.from)) {
      if (current && segment.from <= current.to + SNAP) current.to = Math.max(current.to, segment.to);
      else merged.push((current = { at, from: segment.from, to: segment.to }));
    }
  }
  return merged;
}

/** Positions closer than `tolerance` become one (their mean). */
function snapPositions(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const value of sorted) {
    const last = clusters.at(-1);
    if (last && value - last.at(-1)! <= tolerance) last.push(value);
    else clusters.push([value]);
  }
  return clusters.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** How much of [from, to] the segments at position `at` cover, as a share. */
function coverage(segments: Segment[], at: number, from: number, to: number, tolerance: number): number {
  let covered = 0;
  for (const s of segments) {
    if (Math.abs(s.at - at) > tolerance) continue;
    covered += Math.max(0, Math.min(to, s.to) - Math.max(from, s.from));
  }
  return covered / Math.max(to - from, 0.001);
}

function crosses(h: Segment, v: Segment): boolean {
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
}

/** Groups of ruling lines that touch each other: one group per table. */
function connectedGroups(horizontal: Segment[], vertical: Segment[]): Array<{ h: Segment[]; v: Segment[] }> {
  const parent = [...horizontal, ...vertical].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  horizontal.forEach((h, i) =>
    vertical.forEach((v, j) => {
      if (crosses(h, v)) parent[find(i)] = find(horizontal.length + j);
    }),
  );
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  const groupOf = (i: number): { h: Segment[]; v: Segment[] } => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { h: [], v: [] });
    return groups.get(root)!;
  };
  horizontal.forEach((h, i) => groupOf(i).h.push(h));
  vertical.forEach((v, j) => groupOf(horizontal.length + j).v.push(v));
  return [...groups.values()];
}

/**
 * Boundaries at the positions of the lines across, plus the far ends of the lines along when
 * they run past the outermost line across: a table cut by a page break has no closing border.
 */
function boundaries(across: Segment[], along: Segment[], tolerance: number): number[] {
  const positions = across.map((s) => s.at);
  const lowest = Math.min(...positions);
  const highest = Math.max(...positions);
  const start = Math.min(...along.map((s) => s.from));
  const end = Math.max(...along.map((s) => s.to));
  if (start < lowest - tolerance) positions.push(start);
  if (end > highest + tolerance) positions.push(end);
  return snapPositions(positions, tolerance);
}

function frameOf(h: Segment[], v: Segment[]): Frame | null {
  if (h.length === 0 || v.length === 0) return null;
  const xs = boundaries(v, h, MIN_COLUMN);
  const ys = boundaries(h, v, MIN_ROW).reverse();
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [top, bottom, left, right] = [ys[r]!, ys[r + 1]!, xs[c]!, xs[c + 1]!];
      if (c + 1 < cols && coverage(v, right, bottom, top, MIN_COLUMN) < 0.5) parent[find(r * cols + c + 1)] = find(r * cols + c);
      if (r + 1 < rows && coverage(h, bottom, left, right, MIN_ROW) < 0.5) parent[find((r + 1) * cols + c)] = find(r * cols + c);
    }
  }
  const region = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => find(r * cols + c)));
  return { xs, ys, region };
}

/**
 * Groups of lines, with each lone vertical line (one no line across touches) put in the group
 * whose vertical lines run exactly as far up and down: the edge of a tall cell cut by a page
 * break, whose fragment on the new page has no border across (`三、本年度办理结果`).
 */
function tableGroups(horizontal: Segment[], vertical: Segment[]): Array<{ h: Segment[]; v: Segment[] }> {
  const groups = connectedGroups(horizontal, vertical);
  const ruled = groups.filter((group) => group.h.length > 0);
  for (const line of groups.filter((group) => group.h.length === 0).flatMap((group) => group.v)) {
    const home = ruled.find((group) => Math.abs(Math.min(...group.v.map((s) => s.from)) - line.from) <= SNAP && Math.abs(Math.max(...group.v.map((s) => s.to)) - line.to) <= SNAP);
    home?.v.push(line);
  }
  return ruled;
}

/**
 * The ruled tables of a page; line groups too small to be a table are ignored. The pieces
 * supply row borders a table leaves out (see implied-rows.ts).
 */
export function findFrames(horizontal: Segment[], vertical: Segment[], pieces: TextPiece[]): Frame[] {
  return tableGroups(mergeSegments(horizontal), mergeSegments(vertical))
    .map((group) => frameOf([...group.h, ...impliedRowRules(group.h, group.v, pieces)], group.v))
    .filter((frame): frame is Frame => frame !== null && (frame.xs.length > 2 || frame.ys.length > 2));
}
