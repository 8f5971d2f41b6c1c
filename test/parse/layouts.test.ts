/**
 * One entry per layout quirk seen in real reports (../shared/SPEC.md §2). Each entry notes where
 * the quirk came from. Excerpts marked "seed" are taken from data/reports; the PDF-text layouts
 * are written here in the shape pdftotext gives (the corpus itself is tested in corpus.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { APPLICATION_ROWS, type ApplicationRow, type ReportRecord } from '../../src/lib/schema.ts';
import { CASES, LABELS, valuesOf } from '../support/template-text.ts';


const SECTION_2 = ['规章 0 0 0', '行政规范性文件 1 0 3', '行政许可 5', '行政处罚 2', '行政强制 0', '行政事业性收费 0'].join('\n');

function report(section3: string, section4 = '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0', section2 = SECTION_2): string {
  return [
    '某某市某某局',
    '2023年政府信息公开工作年度报告',
    '一、总体情况',
    '2023年，我局认真贯彻落实《条例》。',
    '二、主动公开政府信息情况',
    section2,
    '三、收到和处理政府信息公开申请情况',
    section3,
    '四、政府信息公开行政复议、行政诉讼情况',
    section4,
    '五、存在的主要问题及改进情况',
    '无。',
  ].join('\n');
}

const parse = (text: string) => parseReport(text, { file: 'test.txt', sha256: '', format: 'txt' });
/** The diagnostics' codes, in order. */
const codes = (record: ReportRecord) => record.diagnostics.map((d) => d.code);

function expectTable(record: ReportRecord) {
  for (const row of APPLICATION_ROWS) expect(Object.values(record.applications[row]), row).toEqual(valuesOf(row));
  expect(record.checks.filter((c) => !c.ok)).toEqual([]);
}

describe('section 三 layouts', () => {
  it('label n n n n n n n rows (pdftotext -raw)', () => {
    const text = APPLICATION_ROWS.map((r) => `${LABELS[r]} ${valuesOf(r).join(' ')}`).join('\n');
    const record = parse(report(text));
    expectTable(record);
    expect(record.diagnostics).toEqual([]);
  });

  it('one cell a line with blank lines between (seed 000, 004)', () => {
    const text = APPLICATION_ROWS.map((r) => [LABELS[r], ...valuesOf(r)].join('\n\n')).join('\n\n');
    expectTable(parse(report(text)));
  });

  it('one cell a line, zero printed as —, - or / (a web copy of a table that prints dashes for none)', () => {
    const marks = ['—', '-', '/'];
    const text = APPLICATION_ROWS.map((r) => [LABELS[r], ...valuesOf(r).map((v, c) => (v === 0 ? marks[c % 3]! : String(v)))].join('\n')).join('\n');
    const record = parse(report(text));
    expectTable(record);
    expect(record.diagnostics).toContainEqual(expect.objectContaining({ code: 'zero_marks_inferred', section: 'applications' }));
  });

  it('总计 printed as the first column, positions unknown (aligned text): the header and the rows\' sums say so', () => {
    const header = ['申请人情况', '总计 自然人 法人或其他组织', '商业企业 科研机构 社会公益组织 法律服务机构 其他'];
    const rows = APPLICATION_ROWS.map((r) => {
      const v = valuesOf(r);
      return `${LABELS[r]}   ${[v[6], ...v.slice(0, 6)].join('   ')}`;
    });
    const record = parse(report([...header, ...rows].join('\n')));
    expectTable(record);
    expect(record.diagnostics).toContainEqual(expect.objectContaining({ code: 'applications_total_first' }));
  });

  it('one cell a line, labels spaced out as a justified PDF line copies them (`3 . 其 他`)', () => {
    const spaced = (label: string) => label.replace(/^(\d)\./, '$1 . ').split('').join(' ').replace(/\s+/g, ' ');
    const text = APPLICATION_ROWS.map((r) => [spaced(LABELS[r]), ...valuesOf(r)].join('\n')).join('\n');
    const record = parse(report(text));
    expectTable(record);
  });

  it('cells ending ` |` with `||` filler lines (seed 001)', () => {
    const text = APPLICATION_ROWS.map((r) => [`${LABELS[r]} |`, ...valuesOf(r).map((v) => `${v} |`), '||'].join('\n')).join('\n');
    expectTable(parse(report(text)));
  });

  it('markdown rows with a shifted empty column, tables split mid-section (seed 002)', () => {
    const rows = APPLICATION_ROWS.map((r, i) =>
      i % 2 ? `| | ${LABELS[r]} | | ${valuesOf(r).join(' | ')} | |` : `| ${LABELS[r]} | ${valuesOf(r).join(' | ')} |`,
    );
    rows.splice(10, 0, '', '| | | | | | | | | |', '|---|---|---|---|---|---|---|---|---|');
    expectTable(parse(report(rows.join('\n'))));
  });

  it('pdftotext -layout: side labels one character a line, page footer inside the table, a label wrapped around its numbers', () => {
    const lines: string[] = [];
    for (const row of APPLICATION_ROWS) {
      const numbers = valuesOf(row).join('        ');
      if (row === 'partly_granted') {
        lines.push('      （二）部分公开（区分处理的，只计这一情', `                  ${numbers}`, '      形，不计其他情形）');
      } else if (row === 'refused_law_prohibited') {
        lines.push('三、', `本            ${LABELS[row]}     ${numbers}`, '年');
      } else {
        lines.push(`             ${LABELS[row]}            ${numbers}`);
      }
      if (row === 'unable_not_held') lines.push('', '-4-', '     法提供');
    }
    const record = parse(report(lines.join('\n')));
    expectTable(record);
    expect(record.diagnostics).toEqual([]);
  });

  it('PDF text read column by column: a block printed as 7 columns of k figures (pdftotext, scrambled)', () => {
    const head = APPLICATION_ROWS.slice(0, 4).map((r) => `${LABELS[r]}\n\n${valuesOf(r).join('\n\n')}`);
    const block = APPLICATION_ROWS.slice(4, 12);
    const columns = [0, 1, 2, 3, 4, 5, 6].map((c) => block.map((r) => valuesOf(r)[c]).join('\n'));
    const labels = block.map((r) => LABELS[r]).join('\n');
    const tail = APPLICATION_ROWS.slice(12).map((r) => `${LABELS[r]}\n\n${valuesOf(r).join('\n\n')}`);
    const record = parse(report([...head, columns.join('\n\n'), labels, ...tail].join('\n\n')));
    expectTable(record);
    expect(codes(record)).toContain('applications_column_major');
  });

  it('labels printed after their numbers (pdftotext): rows placed by template order and checked by arithmetic', () => {
    const numbers = APPLICATION_ROWS.map((r) => valuesOf(r).join('\n\n')).join('\n\n');
    const labels = APPLICATION_ROWS.slice(2, 6).map((r) => LABELS[r]).join('\n');
    const record = parse(report(`${LABELS.new}\n\n${numbers}\n\n${labels}`));
    expectTable(record);
  });

  it('sparse rows with zeros dropped (seed 003): inferred cells are diagnostics', () => {
    const text = [
      '一、本年新收政府信息公开申请数量 | 6 | 6 | |||||||',
      '二、上年结转政府信息公开申请数量 | 0 | ||||||||',
      '三、本年度办理结果 | (一)予以公开 | 6 | 6 | ||||||',
      '(七)总计 | 6 | 6 | ||||||',
      '四、结转下年度继续办理 | 0 |',
    ].join('\n');
    const record = parse(report(text));
    expect(Object.values(record.applications.new)).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(Object.values(record.applications.carried_over)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Object.values(record.applications.granted)).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(record.diagnostics.filter((d) => d.code === 'applications_single_figure_as_natural').map((d) => [d.row, d.values])).toEqual([
      ['new', { printed: [6, 6], total: 6 }],
      ['granted', { printed: [6, 6], total: 6 }],
      ['total_processed', { printed: [6, 6], total: 6 }],
    ]);
    expect(record.diagnostics.find((d) => d.code === 'applications_zero_rows_inferred')?.values).toEqual({ printed: 1, rows: ['carried_over', 'carried_forward'] });
    expect(record.diagnostics.find((d) => d.code === 'applications_rows_not_found')?.values.rows).toContain('partly_granted');
  });

  it('a sparse row whose figures cannot be placed keeps only its total, with a diagnostic', () => {
    const record = parse(report('一、本年新收政府信息公开申请数量 | 3 | 2 | 5 |'));
    expect(record.applications.new).toEqual({ natural: null, commercial: null, research: null, social: null, legal: null, other: null, total: 5 });
    expect(record.diagnostics.find((d) => d.code === 'applications_total_kept')).toMatchObject({ row: 'new', line: 13, values: { printed: [3, 2, 5] } });
  });

  it('the 2019 template: 其他处理 is a single row and the split rows stay null', () => {
    const rows = APPLICATION_ROWS.filter((r) => r !== 'other_no_correction' && r !== 'other_no_fee');
    const text = rows.map((r) => `${r === 'other_misc' ? '(六) 其他处理' : LABELS[r]} ${valuesOf(r).join(' ')}`).join('\n');
    const record = parse(report(text).replace('2023年', '2020年'));
    expect(record.template).toBe('2019');
    expect(Object.values(record.applications.other_misc)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(record.applications.other_no_fee.total).toBeNull();
    expect(record.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('one cell a line where PDF text set two close cells on one line (`12 181`): still one row of seven cells', () => {
    // pdftotext (reading order) of a printed table: a row's last two cells are close enough to share a line.
    const rows = APPLICATION_ROWS.map((r) => {
      const v = valuesOf(r).map(String);
      return [LABELS[r], ...v.slice(0, 5), `${v[5]} ${v[6]}`].join('\n\n');
    });
    const record = parse(report(rows.join('\n\n')));
    expectTable(record);
    // A row label with its figures on one line stays a row of its own (`label 5 5`: a sparse row).
    const sparse = parse(report([`${LABELS.new} 6 6`, ...APPLICATION_ROWS.slice(1).map((r) => [LABELS[r], ...valuesOf(r)].join('\n'))].join('\n')));
    expect(sparse.applications.new).toEqual({ natural: 6, commercial: 0, research: 0, social: 0, legal: 0, other: 0, total: 6 });
  });

  it('one cell a line where a tall label cell wraps around its first figures (`…其政府信息` / `150` / `公开申请` / `25` …)', () => {
    const rows = APPLICATION_ROWS.map((r) => {
      const v = valuesOf(r).map(String);
      // The label's tail names no row: it is set among the row's figures, as pdftotext orders a tall cell.
      return r === 'partly_granted' ? ['（二）部分公开（区分处理的，只计', v[0], '这一情形，不计其他情形）', ...v.slice(1)] : [LABELS[r], ...v];
    });
    expectTable(parse(report(rows.flat().join('\n\n'))));
    // The tail in two pieces, and a side label's piece with it (`（六）其他处` / `理`), all among the figures.
    const pieces = APPLICATION_ROWS.map((r) => {
      const v = valuesOf(r).map(String);
      return r === 'other_no_correction' ? [`（六）其他处 ${LABELS[r].slice(0, 12)}`, v[0], '理', LABELS[r].slice(12), ...v.slice(1)] : [LABELS[r], ...v];
    });
    expectTable(parse(report(pieces.flat().join('\n\n'))));
  });

  describe('a total wrapped in its narrow cell, one digit a line (full-width digits in a printed PDF, as pdftotext gives them)', () => {
    // The test table times 13: every identity still holds, and each total that is not 0 has two digits, not the same two.
    const scaled = (r: ApplicationRow) => valuesOf(r).map((v) => v * 13);
    const wraps = (r: ApplicationRow) => scaled(r)[6]! >= 10;
    const digits = (r: ApplicationRow) => [...String(scaled(r)[6])];
    const six = (r: ApplicationRow) => scaled(r).slice(0, 6).map(String);
    const expectScaled = (record: ReportRecord) => {
      for (const row of APPLICATION_ROWS) expect(Object.values(record.applications[row]), row).toEqual(scaled(row));
      expect(record.checks.filter((c) => !c.ok)).toEqual([]);
      const wrapped = record.diagnostics.filter((d) => d.code === 'applications_wrapped_total');
      expect(wrapped.map((d) => d.values.total)).toEqual(APPLICATION_ROWS.filter(wraps).map((r) => scaled(r)[6]));
    };
    /** Each row as its lines: `wrapped` for a row whose total wraps, else the label and its seven cells one a line (or on its line). */
    const table = (wrapped: (r: ApplicationRow) => string[], join = '\n', oneLine = false) =>
      APPLICATION_ROWS.map((r) => (wraps(r) ? wrapped(r) : oneLine ? [`${LABELS[r]} ${scaled(r).join(' ')}`] : [LABELS[r], ...scaled(r).map(String)]).join(join)).join(join);

    it('after a line of the row\'s six figures (pdftotext -raw), or one digit above it and one below (-layout)', () => {
      expectScaled(parse(report(table((r) => [`${LABELS[r]} ${six(r).join(' ')}`, ...digits(r)], '\n', true))));
      // -layout keeps a blank line between rows ('' below).
      expectScaled(parse(report(table((r) => [digits(r)[0]!, `${LABELS[r]} ${six(r).join(' ')}`, ...digits(r).slice(1), ''], '\n', true))));
    });

    it('next to six figures one a line: after them, just after the label, or just before it (pdftotext, reading order)', () => {
      // Cells apart by a blank line, the digits of the wrapped cell on lines one after another.
      const cells = (lines: string[]) => lines.join('\n\n');
      expectScaled(parse(report(table((r) => [cells([LABELS[r], ...six(r)]), digits(r).join('\n')], '\n\n'))));
      expectScaled(parse(report(table((r) => [LABELS[r], digits(r).join('\n'), cells(six(r))], '\n\n'))));
      expectScaled(parse(report(table((r) => [digits(r).join('\n'), cells([LABELS[r], ...six(r)])], '\n\n'))));
    });

    it('digits that do not give the sum of the six are not joined', () => {
      const record = parse(report(table((r) => [`${LABELS[r]} ${six(r).join(' ')}`, ...[...digits(r)].reverse()], '\n', true)));
      expect(codes(record)).not.toContain('applications_wrapped_total');
      expect(record.applications.new.total).not.toBe(scaled('new')[6]);
    });

    it('the last figures of a row that adds up are no pieces of the next row\'s total, nor is a row that adds up given another', () => {
      // One cell a line, every row whole: 3.其他 ends `1` / `2`, and 总计's six make 12 (as in the bench's reports).
      const rows: Partial<Record<ApplicationRow, number[]>> = { other_misc: [1, 0, 0, 0, 0, 1, 2], total_processed: [4, 0, 0, 0, 0, 8, 12] };
      const text = APPLICATION_ROWS.map((r) => [LABELS[r], ...(rows[r] ?? valuesOf(r))].join('\n')).join('\n');
      const record = parse(report(text));
      expect(codes(record)).not.toContain('applications_wrapped_total');
      expect(Object.values(record.applications.total_processed)).toEqual(rows.total_processed);
    });
  });

  describe('a row whose cells wrapped in their narrow columns, several of them (full-width digits in a printed PDF, as pdftotext sets them)', () => {
    // Seed 001's 本年新收 row, 161 8 0 0 0 12 181, as pdftotext -raw sets it when 161, 12 and 181 wrap.
    const WRAPPED = ['１６', '１', '８ ０ ０ ０', '１', '２', '１８', '１'];
    const text = (lines: string[]) => [LABELS.new, ...lines, `${LABELS.carried_over} ２ ０ ０ ０ ０ １ ３`].join('\n');

    it('the one way of joining the pieces that makes the row add up is read, said with its pieces', () => {
      const record = parse(report(text(WRAPPED)));
      expect(Object.values(record.applications.new)).toEqual([161, 8, 0, 0, 0, 12, 181]);
      expect(Object.values(record.applications.carried_over)).toEqual([2, 0, 0, 0, 0, 1, 3]);
      expect(record.diagnostics.find((d) => d.code === 'applications_wrapped_cells')?.values).toEqual({ pieces: ['16/1', '1/2', '18/1'], cells: [161, 8, 0, 0, 0, 12, 181] });
    });

    it('pdftotext -layout centres each wrapped cell on its row: the piece above and the one below that start together are one cell', () => {
      const pad = (n: number) => ' '.repeat(n);
      const layout = (below: string) =>
        [
          `${pad(50)}１６${pad(25)}１ １８`,
          `${pad(15)}${LABELS.new}${pad(24)}８   ０     ０       ０`,
          below,
          '',
          `三、本年度办理${pad(43)}１１${pad(25)}１ １２`,
          `${pad(26)}${LABELS.granted}${pad(22)}１   ０     ０       ０`,
          `   结果${pad(46)}４${pad(25)}０ ５`,
          '',
          `${LABELS.carried_over} ２ ０ ０ ０ ０ １ ３`,
        ].join('\n');
      const record = parse(report(layout(`${pad(51)}１${pad(25)}２ １`)));
      expect(Object.values(record.applications.new)).toEqual([161, 8, 0, 0, 0, 12, 181]);
      expect(Object.values(record.applications.granted)).toEqual([114, 1, 0, 0, 0, 10, 125]);
      expect(record.diagnostics.filter((d) => d.code === 'applications_wrapped_cells').map((d) => d.values.pieces)).toEqual([
        ['16/1', '1/2', '18/1'],
        ['11/4', '1/0', '12/5'],
      ]);
      // Pieces below that do not start where those above do are not joined.
      const apart = parse(report(layout(`${pad(56)}１${pad(20)}２ １`)));
      expect(apart.diagnostics.filter((d) => d.code === 'applications_wrapped_cells')).toHaveLength(1);
      expect(apart.applications.new.natural).not.toBe(161);
    });

    it('pieces no joining of which adds up are not joined', () => {
      const record = parse(report(text(['１６', '１', '８ ０ ０ ０', '１', '２', '１８', '２'])));
      expect(codes(record)).not.toContain('applications_wrapped_cells');
      expect(record.applications.new.total).not.toBe(182);
    });
  });

  it('总计 first under a header whose narrow columns stack their characters (`总 自然` / `计 人 商业企`)', () => {
    const header = ['申请人情况', '法人或其他组织', '总 自然', '计 人 商业企 科研机 社会公益 法律服务 其', '业 构 组织 机构 他'];
    const rows = APPLICATION_ROWS.map((r) => {
      const v = valuesOf(r);
      return `${LABELS[r]}   ${[v[6], ...v.slice(0, 6)].join('   ')}`;
    });
    const record = parse(report([...header, ...rows].join('\n')));
    expectTable(record);
    expect(codes(record)).toContain('applications_total_first');
  });

  describe('a row\'s total that a page break moved (pdftotext of a printed page sets the cell after the page\'s footer)', () => {
    /** The report with some rows printed otherwise (each row's label then its figures, one a line). */
    const printed = (rows: Partial<Record<ApplicationRow, (figures: string[]) => string[]>>) =>
      report(APPLICATION_ROWS.flatMap((r) => rows[r]?.(valuesOf(r).map(String)) ?? [LABELS[r], ...valuesOf(r).map(String)]).join('\n'));
    /** 上年结转's six figures without their total. */
    const sixOnly = (v: string[]) => [LABELS.carried_over, ...v.slice(0, 6)];
    /** The diagnostic saying so: the row's first figure is on the line after `rowLabel`, its total on the line after `totalAfter`'s (1-based). */
    const moved = (text: string, rowLabel: string, totalAfter: string) => {
      const lines = text.split('\n');
      return [{ code: 'applications_total_moved', section: 'applications', line: lines.indexOf(rowLabel) + 2, values: { total: 1, from: lines.indexOf(totalAfter) + 2 } }];
    };

    it('six figures before a label: the next lone figure, their sum, is their total', () => {
      // 上年结转's total (1) printed after the last outcome label (3.其他's label after its figures, and the moved cell after it).
      const text = printed({ carried_over: sixOnly, other_misc: (v) => [...v, LABELS.other_misc, '1'] });
      const record = parse(text);
      expectTable(record);
      expect(record.diagnostics.filter((d) => d.section === 'applications')).toEqual(moved(text, LABELS.carried_over, LABELS.other_misc));
    });

    it('six figures run on into the next row\'s seven (its label moved past the break with the total): six cells and a total to come', () => {
      // The page's end: 予以公开's label, the footer, then 上年结转's total.
      const text = printed({ carried_over: sixOnly, granted: (v) => v, refused_query: (v) => [LABELS.granted, '-3-', '1', LABELS.refused_query, ...v] });
      const record = parse(text);
      expectTable(record);
      expect(record.diagnostics.filter((d) => d.section === 'applications')).toEqual(moved(text, LABELS.carried_over, '-3-'));
    });

    it('a lone figure that is not the six\'s sum is not taken as their total', () => {
      const record = parse(printed({ carried_over: sixOnly, other_misc: (v) => [...v, LABELS.other_misc, '2'] }));
      expect(codes(record)).not.toContain('applications_total_moved');
      expect(record.applications.carried_over.total).not.toBe(2);
    });

    it('a figure moved out of a row read on one line: set aside as stray, the balance gives the row it left', () => {
      // 上年结转 printed on one line without its total (1), which comes after the last outcome label.
      const record = parse(printed({ carried_over: (v) => [`${LABELS.carried_over} ${v.slice(0, 6).join(' ')}`], other_misc: (v) => [...v, LABELS.other_misc, '1'] }));
      expectTable(record);
      expect(codes(record)).toEqual(expect.arrayContaining(['applications_stray_figure', 'applications_row_from_balance']));
      expect(record.diagnostics.find((d) => d.code === 'applications_row_from_balance')).toMatchObject({ row: 'carried_over', values: { printed: [1, 0, 0, 0, 0, 0], cells: [1, 0, 0, 0, 0, 0, 1] } });
    });
  });

  it('labels with misprints, other numbering and spacing still name their rows', () => {
    const variants: Partial<Record<ApplicationRow, string>> = {
      refused_law_prohibited: '2.其他法律行政止公开',
      not_processed_excessive: '4、无正当理由大量反复 申请',
      partly_granted: '(二) 部分公开',
      total_processed: '（七） 总 计',
    };
    const text = APPLICATION_ROWS.map((r) => `${variants[r] ?? LABELS[r]} ${valuesOf(r).join(' ')}`).join('\n');
    const record = parse(report(text));
    expectTable(record);
    // Only the misprint is a departure from the template's wording; spacing and numbering are not.
    expect(record.diagnostics).toEqual([
      { code: 'applications_damaged_label', section: 'applications', row: 'refused_law_prohibited', line: 18, values: { label: '2.其他法律行政止公开' } },
    ]);
  });

  describe('one cell a line with a blank line between cells, a zero printed as a blank cell (an empty paragraph: two more blank lines)', () => {
    /** The test table with its 商业企业 figures under 法律服务机构 (every identity still holds), so that positions matter. */
    const moved = (r: ApplicationRow) => {
      const v = [...valuesOf(r)];
      [v[1], v[4]] = [v[4]!, v[1]!];
      return v;
    };
    const cellsOf = (r: ApplicationRow, values = moved(r)) => [LABELS[r], ...values.map((v) => (v === 0 ? '' : String(v)))];
    const text = (newRow: string[] = cellsOf('new'), join = '\n\n') => APPLICATION_ROWS.map((r) => (r === 'new' ? newRow : cellsOf(r)).join(join)).join(join);

    it('blank lines place each figure in its column, and blank cells are 0 where the row adds up', () => {
      const record = parse(report(text()));
      for (const row of APPLICATION_ROWS) expect(Object.values(record.applications[row]), row).toEqual(moved(row));
      expect(record.checks.filter((c) => !c.ok)).toEqual([]);
      expect(codes(record)).toEqual(['applications_blank_cells_inferred']);
    });

    it('seeds 000 and 004 (real web copies in this layout) with every zero blank read as with their zeros printed', () => {
      for (const seed of ['000_fea7b730deba7205.txt', '004_d14223c41a91255a.txt']) {
        const text = readFileSync(`data/reports/${seed}`, 'utf8');
        const blanked = text.split('\n').map((line) => (line.trim() === '0' ? '' : line)).join('\n');
        const [printed, blank] = [parse(text), parse(blanked)];
        expect(blank.applications, seed).toEqual(printed.applications);
        expect(codes(blank), seed).toContain('applications_blank_cells_inferred');
        expect(blank.checks.filter((c) => !c.ok), seed).toEqual(printed.checks.filter((c) => !c.ok));
      }
    });

    it('a row whose blank lines do not fit the layout is read as a sparse row: only its total kept, unless the balance gives its cells', () => {
      // Two blank lines between 5 and 1: neither one cell gap nor a blank cell.
      const misspaced = [LABELS.new, '5\n', '', '', '', '1', '', '6'];
      const record = parse(report(text(misspaced)));
      // The other three rows of 本年新收 + 上年结转 = 总计 + 结转下年度 are whole: they give its cells.
      expect(Object.values(record.applications.new)).toEqual(moved('new'));
      expect(codes(record)).toContain('applications_row_from_balance');
      expect(codes(record)).not.toContain('applications_total_kept');
      expect(Object.values(record.applications.granted)).toEqual(moved('granted'));
      // With 总计 misspaced as well, two rows of the balance are short: neither settles the other, totals only.
      const both = APPLICATION_ROWS.map((r) => (r === 'new' ? misspaced : r === 'total_processed' ? [LABELS[r], '6\n', '', '', '', '1', '', '7'] : cellsOf(r)).join('\n\n')).join('\n\n');
      const twice = parse(report(both));
      expect(twice.applications.new).toEqual({ natural: null, commercial: null, research: null, social: null, legal: null, other: null, total: 6 });
      expect(codes(twice)).toContain('applications_total_kept');
      expect(codes(twice)).not.toContain('applications_row_from_balance');
    });

    it('a row that does not add up with its blank cells as 0 is not placed by its blank lines', () => {
      const record = parse(report(text(cellsOf('new', [5, 0, 0, 0, 1, 0, 7]))));
      expect(record.applications.new.legal).toBeNull();
      expect(record.applications.new.total).toBe(7);
      expect(codes(record)).toContain('applications_row_not_adding_up');
    });

    it('cells on consecutive lines: a blank line is no cell', () => {
      const record = parse(report(text(undefined, '\n')));
      expect(record.applications.new.legal).toBeNull();
      expect(codes(record)).not.toContain('applications_blank_cells_inferred');
    });
  });

  describe('text aligned with spaces, a zero printed as a blank cell (a fixed-width copy, pdftotext -layout)', () => {
    /** The test table with its 商业企业 figures under 法律服务机构 (every identity still holds), so that positions matter. */
    const moved = (r: ApplicationRow) => {
      const v = [...valuesOf(r)];
      [v[1], v[4]] = [v[4]!, v[1]!];
      return v;
    };
    const HEADER = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const wide = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
    /**
     * Labels in a 70-column field, then seven cells each two columns wider than its header word.
     * `display`: columns counted as a fixed-width font shows them (a CJK character takes two),
     * headers at the cell's left, figures at its right. `chars`: counted in characters (as
     * pdftotext sets a line), both centred in the cell. `figureAt` moves a column's figures.
     */
    function aligned(count: 'display' | 'chars', figureAt: (c: number) => number = (c) => c) {
      const size = count === 'display' ? wide : (t: string) => t.length;
      const starts = HEADER.reduce<number[]>((at, word, c) => [...at, c === 0 ? 70 : at[c - 1]! + size(HEADER[c - 1]!) + 2], []);
      const widthOf = (c: number) => size(HEADER[Math.floor(c)]!) + 2;
      const cell = (c: number, text: string, right: boolean) => {
        const start = starts[Math.floor(c)]! + (c % 1) * widthOf(c);
        return Math.round(start + (count === 'chars' ? (widthOf(c) - size(text)) / 2 : right ? widthOf(c) - size(text) : 0));
      };
      const place = (line: string, at: number, text: string) => `${line}${' '.repeat(Math.max(1, at - size(line)))}${text}`;
      const header = HEADER.reduce((line, word, c) => place(line, cell(c, word, false), word), '申请人情况');
      const rows = APPLICATION_ROWS.map((r) =>
        moved(r).reduce((line, v, c) => (v === 0 ? line : place(line, cell(figureAt(c), String(v), true), String(v))), LABELS[r]),
      );
      return [header, ...rows].join('\n');
    }

    it('each figure is read under the header column it stands beneath, counted either way; blank cells are 0 where the row adds up', () => {
      for (const count of ['display', 'chars'] as const) {
        const record = parse(report(aligned(count)));
        for (const row of APPLICATION_ROWS) expect(Object.values(record.applications[row]), `${count} ${row}`).toEqual(moved(row));
        expect(record.checks.filter((c) => !c.ok)).toEqual([]);
        expect(codes(record), count).toEqual(['applications_columns_by_position', 'applications_blank_cells_inferred']);
      }
    });

    it('pdftotext -layout of a printed table (seed 003, its zeros blanked): counted in characters, its figures stand under their headers though the CJK headers drift', () => {
      const pad = (n: number) => ' '.repeat(n);
      const text = [
        `${pad(58)}申请人情况`,
        `${pad(3)}（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）${pad(21)}法人或其他组织`,
        `${pad(49)}自然${pad(21)}总`,
        `${pad(50)}人 商业企 科研机 社会公益 法律服务 其 计`,
        `${pad(53)}业 构 组织 机构 他`,
        `${pad(15)}${LABELS.new}${pad(18)}6${pad(22)}6`,
        `三、本年度办理${pad(17)}${LABELS.granted}${pad(18)}2${pad(22)}2`,
        `${pad(24)}${LABELS.unable_not_held}${pad(11)}4${pad(22)}4`,
      ].join('\n');
      const record = parse(report(text));
      expect(codes(record)).toContain('applications_columns_by_position');
      expect(codes(record)).not.toContain('applications_single_figure_as_natural');
      for (const [row, v] of [['new', 6], ['granted', 2], ['unable_not_held', 4]] as const) {
        expect(record.applications[row], row).toEqual({ natural: v, commercial: 0, research: 0, social: 0, legal: 0, other: 0, total: v });
      }
    });

    it('a figure half-way between two columns places nothing by position: the rows are read as sparse rows, with their diagnostics', () => {
      // The 法律服务机构 figures stand half-way between 社会公益组织 and 法律服务机构.
      const record = parse(report(aligned('chars', (c) => (c === 4 ? 3.5 : c))));
      expect(codes(record)).not.toContain('applications_columns_by_position');
      expect(record.applications.new).toEqual({ natural: null, commercial: null, research: null, social: null, legal: null, other: null, total: 6 });
      expect(codes(record)).toContain('applications_total_kept');
    });
  });

  it('a table that breaks its own accounting rule keeps the printed figures and fails the check', () => {
    const text = APPLICATION_ROWS.map((r) => `${LABELS[r]} ${(r === 'carried_forward' ? [2, 0, 0, 0, 0, 0, 2] : valuesOf(r)).join(' ')}`).join('\n');
    const record = parse(report(text));
    expect(record.applications.carried_forward.total).toBe(2);
    const failed = record.checks.filter((c) => !c.ok).map((c) => `${c.rule} ${c.column}`);
    expect(failed).toContain('applications_balance total');
    expect(failed).toContain('applications_balance natural');
    expect(record.checks.find((c) => c.rule === 'applications_balance' && c.column === 'natural')?.values).toEqual({ new: 5, carried_over: 1, total_processed: 6, carried_forward: 2 });
  });
});

describe('section 二 layouts: an item with blank cells', () => {
  const section3 = APPLICATION_ROWS.map((r) => `${LABELS[r]} ${valuesOf(r).join(' ')}`).join('\n');
  const withSection2 = (section2: string) => parse(report(section3, undefined, section2));
  const proactiveCodes = (record: ReportRecord) => record.diagnostics.filter((d) => d.section === 'proactive').map((d) => `${d.code} ${d.row ?? ''}`.trim());

  it('a pipe row keeps its empty cells: each figure read in its column, the blank cells null', () => {
    const record = withSection2(['| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| 规章 | | | 5 |', '| 行政规范性文件 | 1 | | 3 | |', '| 行政许可 | 5 |', '| 行政处罚 | 2 |', '| 行政强制 | 0 |', '| 行政事业性收费 | 0 |'].join('\n'));
    expect(record.proactive.regulations).toEqual({ issued: null, repealed: null, in_force: 5 });
    // An empty cell past the item's columns (a wider table's) is no blank cell of the item.
    expect(record.proactive.normative_documents).toEqual({ issued: 1, repealed: null, in_force: 3 });
    expect(proactiveCodes(record)).toEqual(['proactive_blank_cells regulations', 'proactive_blank_cells normative_documents', 'proactive_figure_count']);
  });

  it('one cell a line with a blank line between cells (seed 000, a web copy): a blank cell is read from its blank lines', () => {
    const text = readFileSync('data/reports/000_fea7b730deba7205.txt', 'utf8').split('\n');
    const printed = parse(text.join('\n'));
    expect(printed.proactive.normative_documents).toEqual({ issued: 4, repealed: 5, in_force: 8 });
    const [start, end] = ['二、主动公开', '三、收到和处理'].map((heading) => text.findIndex((l) => l.includes(heading)));
    for (const [figure, column] of [['4', 'issued'], ['5', 'repealed'], ['8', 'in_force']] as const) {
      // The figure's line in section 二 emptied: its cell printed blank (section 二's other figures are 0).
      const blanked = parse(text.map((l, i) => (i > start! && i < end! && l.trim() === figure ? '' : l)).join('\n'));
      expect(blanked.proactive.normative_documents, figure).toEqual({ ...printed.proactive.normative_documents, [column]: null });
      expect(blanked.proactive.regulations, figure).toEqual(printed.proactive.regulations);
      expect(proactiveCodes(blanked), figure).toContain('proactive_blank_cells normative_documents');
    }
  });

  it('figures without their columns (blank cells dropped, as PDF text drops them) are not read in order: the item is left null and says so', () => {
    const record = withSection2(SECTION_2.replace('行政规范性文件 1 0 3', '行政规范性文件 1 3'));
    expect(record.proactive.normative_documents).toEqual({ issued: null, repealed: null, in_force: null });
    expect(record.diagnostics).toContainEqual({ code: 'proactive_item_unplaced', section: 'proactive', row: 'normative_documents', values: { found: 2, expected: 3 } });
    expect(record.proactive.regulations).toEqual({ issued: 0, repealed: 0, in_force: 0 });
  });

  it('blank lines that do not fit the layout place nothing', () => {
    const cells = ['规章', '0', '0', '0', '行政规范性文件', '1', '', '3', '行政许可', '5', '行政处罚', '2', '行政强制', '0', '行政事业性收费', '0'];
    const fits = withSection2(cells.join('\n\n'));
    expect(fits.proactive.normative_documents).toEqual({ issued: 1, repealed: null, in_force: 3 });
    // One blank line between cells, but two before 3: neither a cell's gap nor a blank cell.
    const record = withSection2(cells.join('\n\n').replace('\n\n\n\n3', '\n\n\n3'));
    expect(record.proactive.normative_documents).toEqual({ issued: null, repealed: null, in_force: null });
    expect(proactiveCodes(record)).toContain('proactive_item_unplaced normative_documents');
  });
});

describe('section 四 layouts', () => {
  it('15 cells on one line', () => {
    const record = parse(report('', '72 64 178 37 351 13 4 8 1 26 12 1 1 6 20'));
    expect(Object.values(record.review)).toEqual([72, 64, 178, 37, 351]);
    expect(Object.values(record.litigation_direct)).toEqual([13, 4, 8, 1, 26]);
    expect(Object.values(record.litigation_after_review)).toEqual([12, 1, 1, 6, 20]);
  });

  it('runs printed out of order between header fragments are placed by each group adding up (pdftotext)', () => {
    const text = '总计\n\n72\n\n64\n\n178\n\n37\n\n结 果\n\n12\n\n1\n\n1\n\n6\n\n总计\n\n351\n\n维持\n\n13\n\n4\n\n8\n\n1\n\n26\n\n总计\n\n20';
    const record = parse(report('', text));
    expect(Object.values(record.review)).toEqual([72, 64, 178, 37, 351]);
    expect(Object.values(record.litigation_direct)).toEqual([13, 4, 8, 1, 26]);
    expect(Object.values(record.litigation_after_review)).toEqual([12, 1, 1, 6, 20]);
    expect(codes(record)).toContain('cases_reordered');
  });

  it('blank cells in a positional markdown row stay null (seed 002)', () => {
    const record = parse(report('', '| | | | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'));
    expect(Object.values(record.review)).toEqual([null, null, null, null, null]);
    expect(Object.values(record.litigation_direct)).toEqual([0, 0, 0, 0, 0]);
    expect(record.diagnostics.find((d) => d.code === 'cases_blank_cells')?.values).toEqual({ blank: 5 });
  });

  it('one cell a line with a blank line between, a zero printed as a blank cell (two more blank lines): read by position', () => {
    const header = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'];
    const cells = (values: number[]) => [...header, ...values.map((v) => (v === 0 ? '' : String(v)))].join('\n\n');
    const record = parse(report('', cells(CASES)));
    expect(Object.values(record.review)).toEqual([1, 0, 0, 1, 2]);
    expect(Object.values(record.litigation_direct)).toEqual([0, 1, 0, 0, 1]);
    // A group with no figure at all stays blank: no arithmetic could catch a wrong guess there.
    expect(Object.values(record.litigation_after_review)).toEqual([null, null, null, null, null]);
    expect(record.diagnostics.find((d) => d.code === 'cases_blank_cells_inferred')?.values).toEqual({ count: 5 });
    // A group whose total is blank (0 in a report that breaks its own rule) keeps its figures where they stand.
    const broken = parse(report('', cells([10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0])));
    expect(Object.values(broken.review)).toEqual([10, 1, null, null, null]);
    expect(broken.litigation_after_review.upheld).toBe(5);
  });

  describe('text aligned with spaces, a zero printed as a blank cell (a fixed-width copy)', () => {
    const WORDS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    /** The three groups' headers on one line, each word in a cell two columns wider than it, figures at the cell's right; `shift` moves a cell's figure. */
    function aligned(values: readonly number[], shift: (cell: number) => number = () => 0) {
      const width = (w: string) => 2 * w.length + 2;
      const starts = [0, 1, 2].flatMap(() => WORDS).reduce<number[]>((at, w, i, all) => [...at, i === 0 ? 4 : at[i - 1]! + width(all[i - 1]!)], []);
      const header = [0, 1, 2].flatMap(() => WORDS).reduce((line, w, i) => `${line}${' '.repeat(starts[i]! - [...line].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0))}${w}`, '');
      const figures = values.reduce((line, v, i) => {
        if (v === 0) return line;
        const end = starts[i]! + width(WORDS[i % 5]!) + shift(i);
        return `${line}${' '.repeat(end - String(v).length - line.length)}${v}`;
      }, '');
      return ['行政复议        行政诉讼', '                未经复议直接起诉                              复议后起诉', header, figures].join('\n');
    }

    it('each figure is read in the cell of the header it stands beneath; a group adds up with its blank cells as 0', () => {
      const record = parse(report('', aligned(CASES)));
      expect(Object.values(record.review)).toEqual([1, 0, 0, 1, 2]);
      expect(Object.values(record.litigation_direct)).toEqual([0, 1, 0, 0, 1]);
      expect(codes(record)).toContain('cases_columns_by_position');
    });

    it('figures whose places would not make each group add up are not placed by position', () => {
      // 复议's 总计 stands under 直接起诉's 结果维持: neither group would add up.
      const record = parse(report('', aligned(CASES, (cell) => (cell === 4 ? 10 : 0))));
      expect(codes(record)).not.toContain('cases_columns_by_position');
      expect(Object.values(record.review)).toEqual([null, null, null, null, null]);
    });
  });

  it('14 of 15 cells (PDF text moved one out of the table): placed only where one place alone makes every group add up', () => {
    const record = parse(report('', '1 1 0 0 2 1 0 0 0 1 2 0 1 0'));
    expect([record.review, record.litigation_direct, record.litigation_after_review].flatMap((g) => Object.values(g))).toEqual([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]);
    expect(codes(record)).toContain('cases_cell_from_sums');
    // 1 0 0 1: the missing cell could be 上 upheld (0 1 0 0 1) or 其他 (1 0 0 0 1): nothing is kept.
    const open = parse(report('', '1 0 0 1 0 0 0 0 0 0 0 0 0 0'));
    expect(Object.values(open.review)).toEqual([null, null, null, null, null]);
    expect(codes(open)).toContain('cases_too_few_figures');
  });

  it('only some zeros printed (seed 003): all zero by inference, with a diagnostic', () => {
    const record = parse(report('', '0 | 0 | 0 |'));
    expect(Object.values(record.litigation_after_review)).toEqual([0, 0, 0, 0, 0]);
    expect(record.diagnostics.find((d) => d.code === 'cases_zeros_inferred')?.values).toEqual({ printed: 3 });
  });

  it('a group that does not add up is kept as printed and fails its check', () => {
    const record = parse(report('', '10 1 0 0 0 0 0 0 0 0 5 0 0 0 0'));
    expect(record.review.total).toBe(0);
    expect(record.checks.find((c) => c.rule === 'cases_group_sum' && c.row === 'review')?.ok).toBe(false);
  });
});

describe('metadata and page text', () => {
  it('reads agency and year from a title with the year first, behind page chrome (seed 000)', () => {
    const text = '长者专区\n\n2023年东莞市住房公积金管理中心政府信息公开工作年度报告\n\n发布机构:本网 发布日期:2024-01-23\n【打印】\n' + report('').split('\n').slice(2).join('\n');
    const record = parse(text);
    expect([record.agency.name, record.year, record.published]).toEqual(['东莞市住房公积金管理中心', 2023, '2024-01-23']);
  });

  it('a title whose year PDF text set apart (`年XX局…工作年` / `2023` / `度报告`), or whose 公开 it split over two lines', () => {
    const body = report('').split('\n').slice(2).join('\n');
    for (const title of ['年某某市某某局政府信息公开工作年\n2023\n度报告', '年某某市某某局政府信息公开工作年\n度报告\n2023', '2023年某某市某某局政府信息公\n开工作年度报告']) {
      const record = parse(`${title}\n${body}`);
      expect([record.agency.name, record.year], title).toEqual(['某某市某某局', 2023]);
    }
    // A name never opens with 年: a year's remnant is not read as part of it.
    const remnant = parse(`年某某市某某局政府信息公开工作年度报告\n${body}`);
    expect(remnant.agency.name ?? '').not.toMatch(/^年/);
  });

  it('reads the agency from the prose when there is no title line (seed 001)', () => {
    const text = report('').split('\n').slice(2).join('\n').replace('我局', '北京住房公积金管理中心(以下简称公积金中心)');
    const record = parse(text);
    expect(record.agency.name).toBe('北京住房公积金管理中心');
    expect(record.year).toBe(2023);
    expect(record.diagnostics.find((d) => d.code === 'agency_name_from_prose')?.values).toEqual({ name: '北京住房公积金管理中心' });
  });

  it('ignores spam injected into the prose (seed 003) and a date inside the reporting year', () => {
    const text = report('').replace('认真贯彻落实', '以雷速体育,雷速直播新时代').replace('2023年政府信息公开工作年度报告', '2023年政府信息公开年度报告\n(2024年1月12日)');
    const record = parse(text);
    expect([record.agency.name, record.published]).toEqual(['某某市某某局', '2024-01-12']);
  });

  it('a news article is not a report: a record with an error, not a crash', () => {
    const record = parse('东莞召开全市经济工作会议\n会议指出，2023年全市经济稳中向好。');
    expect(record.error).toMatch(/not an annual report/);
    expect(record.applications.new.total).toBeNull();
  });

  it('an empty file is an error', () => {
    expect(parse('').error).toBe('empty file');
  });
});

describe('prose metrics keep the sentence they came from', () => {
  const withProse = (prose: string) => parse(report('').replace('2023年，我局认真贯彻落实《条例》。', prose));

  it('website visits and posts, new-media followers with hedges (seed 000)', () => {
    const record = withProse('2023年,通过门户网站发布信息1433条,总访问量达637万多次;微信公众号发布信息137条,关注人数达213万余人。');
    expect(record.metrics).toMatchObject({ website_posts: 1433, website_visits: 6_370_000, wechat_posts: 137, wechat_followers: 2_130_000 });
    expect(record.metric_sources.website_visits).toMatchObject({ raw: '637万多次', approximate: true });
    expect(record.metric_sources.wechat_followers?.sentence).toMatch(/关注人数达213万余人/);
  });

  it('a figure takes the channel last named in its paragraph (seed 002)', () => {
    const record = withProse('“中山公积金”微信公众号关注量达到40.9万。2020全年推送信息153条，全年点击量134.7万人次。');
    expect(record.metrics).toMatchObject({ wechat_followers: 409_000, wechat_posts: 153, wechat_reads: 1_347_000 });
    expect(record.metrics.website_visits).toBeUndefined();
  });

  it('one post’s views and messages pushed to people are not channel totals (seed 001)', () => {
    const record = withProse('全年通过“两微一抖”共制作发布32期、82个解读宣传信息,部分作品点击量突破10万。微信公众号向2.6万投诉人推送6.9万条微信消息。');
    expect(record.metrics).toEqual({});
  });

  it('a fee’s rate is not the fees charged: 标准为每件50元 reads nothing, 未收取 reads 0', () => {
    const record = withProse('本年度依申请公开信息处理费的收取标准为每件50元，全年未收取信息处理费。');
    expect(record.metrics).toEqual({ fees_charged_yuan: 0 });
  });

  it('hotline tickets and fees (seed 004)', () => {
    const r = withProse('妥善做好12345政府热线工单回复工作,2023年共处理工单31800份,均按时答复。全年收取信息处理费 3940 元。');
    expect(r.metrics).toMatchObject({ hotline_tickets: 31_800, fees_charged_yuan: 3940 });
  });

  it('a day’s or a month’s visits are not the year’s; the year’s figure in the next clause is', () => {
    expect(withProse('门户网站日均访问量1200次。').metrics).toEqual({});
    expect(withProse('门户网站访问量日均1200次，全年访问量43.8万次。').metrics).toEqual({ website_visits: 438_000 });
    expect(withProse('门户网站全年浏览量超过50万人次，日均访问量约1300次。').metrics).toEqual({ website_visits: 500_000 });
  });

  it('a rate is no count: 同比增长20% reads nothing, in a metric or in a restated table figure', () => {
    expect(withProse('门户网站访问量同比增长20%，达到45万次。').metrics.website_visits).toBeUndefined();
    expect(withProse('门户网站访问量达45万次，同比增长20%。').metrics).toEqual({ website_visits: 450_000 });
    expect(withProse('微信公众号粉丝数增长1.5倍，达到3.2万人。').metrics.wechat_followers).toBeUndefined();
    const text = APPLICATION_ROWS.map((r) => `${LABELS[r]} ${valuesOf(r).join(' ')}`).join('\n');
    const record = parse(report(text).replace('2023年，我局认真贯彻落实《条例》。', '2023年，收到政府信息公开申请同比增长20%。'));
    expect(record.checks.filter((c) => c.rule === 'prose_restates_table')).toEqual([]);
  });

  it('thousands separators: 1,234,567 is one figure, not a clause ending at its comma', () => {
    const record = withProse('门户网站发布信息1,200条,访问量3,456,789次。');
    expect(record.metrics).toEqual({ website_posts: 1200, website_visits: 3_456_789 });
    expect(record.metric_sources.website_visits?.raw).toBe('3,456,789次');
  });

  it('a total to date (截至…累计, …以来) is not the year’s posts or visits; followers, a stock, are read as of the date', () => {
    expect(withProse('截至2023年12月31日，门户网站累计发布信息5.6万条，本年度发布信息8000条。').metrics).toEqual({ website_posts: 8000 });
    expect(withProse('门户网站开通以来累计访问量1.2亿次，2023年访问量560万次。').metrics).toEqual({ website_visits: 5_600_000 });
    expect(withProse('截至12月底，门户网站全年累计发布信息1200条。').metrics).toEqual({ website_posts: 1200 });
    expect(withProse('截至年底，政务微信公众号关注人数达3.2万人。').metrics).toEqual({ wechat_followers: 32_000 });
  });

  it('a change is no count (较去年增加200条, 新增粉丝3000人); the count it came to is (增加到, 增至)', () => {
    expect(withProse('门户网站发布信息较去年增加200条。').metrics).toEqual({});
    expect(withProse('门户网站访问量较上年增加10万次。').metrics).toEqual({});
    expect(withProse('热线工单较去年增加200件。').metrics).toEqual({});
    expect(withProse('政务微信公众号新增粉丝3000人。').metrics).toEqual({});
    expect(withProse('门户网站发布信息1200条，比上年增加200条。').metrics).toEqual({ website_posts: 1200 });
    expect(withProse('门户网站访问量增长至45万次。').metrics).toEqual({ website_visits: 450_000 });
    expect(withProse('政务微信公众号关注人数增至2.5万人。').metrics).toEqual({ wechat_followers: 25_000 });
    // Posts are a flow: the year's new posts are its posts.
    expect(withProse('门户网站全年新增发布信息1200条。').metrics).toEqual({ website_posts: 1200 });
    // The figure of the year compared with is not this year's.
    expect(withProse('全年在门户网站发布信息数量较2022年的800条增至1200条。').metrics.website_posts).toBeUndefined();
    expect(withProse('政务微信公众号粉丝量由去年的1.2万人增至1.5万人。').metrics.wechat_followers).toBeUndefined();
    // A change in another clause of the sentence says nothing of this figure.
    expect(withProse('12345热线受理量较去年增长，全年受理工单5.6万件。').metrics).toEqual({ hotline_tickets: 56_000 });
  });

  it('a lower bound (突破1万, 超500万) is read as approximate', () => {
    const record = withProse('政务微信公众号粉丝量突破1万人。门户网站访问量超500万次。');
    expect(record.metrics).toEqual({ wechat_followers: 10_000, website_visits: 5_000_000 });
    expect(record.metric_sources.wechat_followers).toMatchObject({ raw: '突破1万人', approximate: true });
    expect(record.metric_sources.website_visits).toMatchObject({ raw: '超500万次', approximate: true });
  });

  it('a year is no count: 访问量2023年达45万次 reads no 2023', () => {
    expect(withProse('门户网站访问量2023年达45万次。').metrics.website_visits).toBeUndefined();
  });

  it('访问总量 and 访问人次 name the visits too', () => {
    expect(withProse('政府门户网站访问总量达230万次。').metrics).toEqual({ website_visits: 2_300_000 });
    expect(withProse('全年门户网站访问人次达12万。').metrics).toEqual({ website_visits: 120_000 });
  });

  it('the prose restating a table figure is checked against the table (seed 004)', () => {
    const text = APPLICATION_ROWS.map((r) => `${LABELS[r]} ${valuesOf(r).join(' ')}`).join('\n');
    const record = parseReport(
      report(text).replace('2023年，我局认真贯彻落实《条例》。', '2023年，共收到政府信息公开申请6件，答复办结8件。'),
      { file: 'x.txt', sha256: '', format: 'txt' },
    );
    const prose = record.checks.filter((c) => c.rule === 'prose_restates_table');
    expect(prose.map((c) => [c.row, c.ok, c.values.prose, c.values.table])).toEqual([
      ['new', true, 6, 6],
      ['total_processed', false, 8, 7],
    ]);
  });
});
