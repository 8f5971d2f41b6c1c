import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/lib/extract/index.ts';
import { NO_TEXT_LAYER } from '../../src/lib/extract/pdf/index.ts';
import { gridRules, makePdf, utf16Hex, type PdfText } from './fixtures/make-pdf.ts';

/** One character a line, top to bottom, as side labels are set in many reports. */
function stacked(text: string, x: number, top: number, pitch: number): PdfText[] {
  return [...text].map((char, i) => ({ x, y: top - i * pitch, text: char, font: 'cjk' as const, size: 9 }));
}

const cjk = (x: number, y: number, text: string): PdfText => ({ x, y, text, font: 'cjk', size: 9 });
const num = (x: number, y: number, text: string): PdfText => ({ x, y, text, size: 10 });

describe('PDF: ruled tables rebuilt from geometry', () => {
  // Columns: side label | row label | 甲 | 乙. Rows (top→bottom): header, 3 outcome rows.
  const ys = [700, 680, 650, 600, 570];
  const rules = [
    ...gridRules([50, 420], ys),
    [50, 700, 50, 570], [420, 700, 420, 570],
    [80, 680, 80, 570], // the side label column only below the header
    [300, 700, 300, 570], [360, 700, 360, 570],
  ].map((r) => r as [number, number, number, number])
    // the side label spans the three outcome rows: no horizontal borders inside its column
    .filter(([x0, y0, x1, y1]) => !(y0 === y1 && (y0 === 650 || y0 === 600) && x0 === 50))
    .concat([[80, 650, 420, 650], [80, 600, 420, 600]]);
  const page = {
    rules,
    texts: [
      cjk(55, 687, '项目'), cjk(320, 687, '自然人'), cjk(380, 687, '总计'),
      ...stacked('三、本年度', 60, 670, 20),
      cjk(85, 662, '（一）予以公开'), num(320, 662, '12'), num(380, 662, '12'),
      cjk(85, 630, '（二）部分公开（区分处理的，'), cjk(85, 618, '只计这一情形）'), num(320, 622, '3'), num(380, 622, '3'),
      cjk(85, 582, '（三）不予公开'), num(320, 582, '0'), num(380, 582, '0'),
    ],
  };

  it('makes one pipe row per table row, merged cells once, wrapped labels and stacked side labels whole', async () => {
    const result = await extractText(makePdf([page]), 'table.pdf');
    expect(result.error).toBeNull();
    expect(result.format).toBe('pdf');
    expect(result.pages).toBe(1);
    expect(result.text.split('\n')).toEqual([
      '| 项目 | | 自然人 | 总计 |',
      '| 三、本年度 | （一）予以公开 | 12 | 12 |',
      '| | （二）部分公开（区分处理的，只计这一情形） | 3 | 3 |',
      '| | （三）不予公开 | 0 | 0 |',
    ]);
  });

  it('reads vertical text placed by line moves alone, two columns of it in one text object', async () => {
    const raw = [`BT /F3 9 Tf 60 690 Td ${utf16Hex('三、本年度')} Tj 40 0 Td ${utf16Hex('办理结果')} Tj ET`];
    const texts = [num(140, 650, '7'), num(60, 585, '1'), num(100, 585, '2'), num(140, 585, '3')];
    const pdf = makePdf([{ raw, rules: gridRules([50, 90, 130, 170], [700, 600, 580]), texts }]);
    const result = await extractText(pdf, 'columns.pdf');
    expect(result.text.split('\n')).toEqual(['| 三、本年度 | 办理结果 | 7 |', '| 1 | 2 | 3 |']);
  });

  it('reads a side label set in a vertical-writing font', async () => {
    const vertical = {
      ...page,
      texts: [...page.texts.filter((t) => t.x !== 60), { x: 60, y: 670, text: '三、本年度', font: 'cjk-vertical' as const, size: 9 }],
    };
    const result = await extractText(makePdf([vertical]), 'vertical.pdf');
    expect(result.text.split('\n')[1]).toBe('| 三、本年度 | （一）予以公开 | 12 | 12 |');
  });
});

describe('PDF: a table running across pages', () => {
  const columns = [50, 150, 300, 400];
  const first = {
    texts: [
      cjk(50, 760, '三、收到和处理政府信息公开申请情况'),
      cjk(55, 712, '（三）不予公开'), cjk(155, 712, '1.属于国家秘密'), num(320, 712, '2'),
      cjk(55, 662, '（四）无'), cjk(155, 662, '1.本机关不掌握'), num(320, 662, '769'),
      num(290, 40, '- 3 -'),
    ],
    rules: gridRules(columns, [730, 690, 640]),
  };
  const second = {
    texts: [
      num(290, 800, '4'),
      cjk(55, 762, '法提供'), cjk(155, 762, '2.没有现成信息'), num(320, 762, '11'),
      cjk(55, 712, '（七）总计'), num(320, 712, '3050'),
      cjk(50, 640, '四、政府信息公开行政复议、行政诉讼情况'),
    ],
    rules: gridRules(columns, [780, 740, 690]),
  };

  it('joins the halves, mends the label cut by the page break and drops page numbers', async () => {
    const result = await extractText(makePdf([first, second]), 'two-pages.pdf');
    expect(result.error).toBeNull();
    expect(result.pages).toBe(2);
    expect(result.text.split('\n')).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '| （三）不予公开 | 1.属于国家秘密 | 2 |',
      '| （四）无法提供 | 1.本机关不掌握 | 769 |',
      '| | 2.没有现成信息 | 11 |',
      '| （七）总计 | | 3050 |',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
  });
});

describe('PDF: a row cut by a page break', () => {
  it('joins a row label wrapped onto the next page, and keeps a new row there apart', async () => {
    const columns = [50, 250, 300];
    const pages = [
      { texts: [cjk(55, 662, '（一）予以公开'), num(260, 662, '2'), cjk(55, 642, '（二）部分公开（区分处理的，'), num(260, 642, '4')], rules: gridRules(columns, [680, 655, 635]) },
      {
        texts: [cjk(55, 762, '只计这一情形）'), cjk(55, 742, '行政许可'), num(260, 742, '5'), cjk(55, 722, '行政处罚'), num(260, 722, '6')],
        rules: gridRules(columns, [780, 755, 735, 715]),
      },
    ];
    const result = await extractText(makePdf(pages), 'cut-row.pdf');
    expect(result.text.split('\n')).toEqual(['| （一）予以公开 | 2 |', '| （二）部分公开（区分处理的，只计这一情形） | 4 |', '| 行政许可 | 5 |', '| 行政处罚 | 6 |']);
  });
});

describe('PDF: the last row of a table alone on a page', () => {
  it('is still a table row, joined to the table before', async () => {
    const columns = [50, 250, 300, 350, 400];
    const pages = [
      { texts: [cjk(55, 662, '（七）总计'), num(260, 662, '21'), num(360, 662, '21'), cjk(55, 642, '（八）其他'), num(260, 642, '0'), num(360, 642, '0')], rules: gridRules(columns, [680, 655, 635]) },
      { texts: [cjk(55, 762, '四、结转下年度继续办理'), num(260, 762, '0'), num(360, 762, '0')], rules: gridRules(columns, [780, 755]) },
    ];
    const result = await extractText(makePdf(pages), 'last-row.pdf');
    // The empty third column survives only if the lone row is read as a table row.
    expect(result.text.split('\n')).toEqual(['| （七）总计 | 21 | | 21 |', '| （八）其他 | 0 | | 0 |', '| 四、结转下年度继续办理 | 0 | | 0 |']);
  });
});

describe('PDF: running headers and footers', () => {
  it('drops a line repeated at the top of every page and `第 N 页 共 M 页`, so a table still joins', async () => {
    const furniture = (n: number): PdfText[] => [cjk(250, 810, '某某县人民政府办公室'), cjk(260, 30, `第 ${n} 页 共 3 页`)];
    const columns = [50, 150, 250];
    const pages = [
      { texts: [...furniture(1), cjk(55, 662, '规章'), num(160, 662, '1'), cjk(55, 642, '行政规范性文件'), num(160, 642, '8')], rules: gridRules(columns, [680, 655, 635]) },
      { texts: [...furniture(2), cjk(55, 762, '行政许可'), num(160, 762, '5'), cjk(55, 742, '行政处罚'), num(160, 742, '6')], rules: gridRules(columns, [780, 755, 735]) },
      { texts: [...furniture(3), cjk(72, 700, '六、其他需要报告的事项')] },
    ];
    const result = await extractText(makePdf(pages), 'furniture.pdf');
    expect(result.text.split('\n')).toEqual(['| 规章 | 1 |', '| 行政规范性文件 | 8 |', '| 行政许可 | 5 |', '| 行政处罚 | 6 |', '六、其他需要报告的事项']);
  });
});

describe('PDF: prose', () => {
  it('joins lines of a paragraph wrapped by the page width, keeps headings apart', async () => {
    const lines = ['一、总体情况', '（一）主动公开情况。2024年，市政府网站主动公开', '政府信息5500余条，网站总访问量637万次。', '二、主动公开政府信息情况'];
    const pdf = makePdf([{ texts: [
      cjk(72, 760, lines[0]!), cjk(90, 740, lines[1]!), cjk(72, 725, lines[2]!), cjk(90, 705, lines[3]!),
      cjk(72, 690, '这一行很长很长很长很长很长很长很长很长很长很长很长'),
    ] }]);
    const result = await extractText(pdf, 'prose.pdf');
    expect(result.text.split('\n').slice(0, 3)).toEqual([
      '一、总体情况',
      '（一）主动公开情况。2024年，市政府网站主动公开政府信息5500余条，网站总访问量637万次。',
      '二、主动公开政府信息情况',
    ]);
  });

  it('leaves text set glyph by glyph alone (its first glyphs line up, but are no stack)', async () => {
    // Glyphs a little apart, so that pdf.js keeps them as separate items.
    const glyphs = (text: string, y: number): PdfText[] => [...text].map((char, i) => cjk(72 + 13 * i, y, char));
    const pdf = makePdf([{ texts: [...glyphs('一、总体情况', 760), ...glyphs('二、主动公开', 740), ...glyphs('三、收到申请', 720)] }]);
    const result = await extractText(pdf, 'glyphs.pdf');
    expect(result.text.split('\n')).toEqual(['一、总体情况', '二、主动公开', '三、收到申请']);
  });

  it('splits a line with wide gaps (a table drawn without borders) into cells', async () => {
    const pdf = makePdf([{ texts: [cjk(72, 700, '行政许可'), num(300, 700, '447228'), cjk(72, 680, '行政处罚'), num(300, 680, '3985758')] }]);
    const result = await extractText(pdf, 'borderless.pdf');
    expect(result.text.split('\n')).toEqual(['| 行政许可 | 447228 |', '| 行政处罚 | 3985758 |']);
  });
});

describe('PDF: a table drawn without any borders', () => {
  it('splits rows into cells at wide gaps and puts a stacked side label back together', async () => {
    const texts = [
      ...stacked('三、本年度', 60, 700, 14),
      cjk(100, 700, '（一）予以公开'), num(300, 700, '1288'), num(360, 700, '1362'),
      cjk(100, 680, '（二）部分公开'), num(300, 680, '447'), num(360, 680, '454'),
      cjk(100, 660, '（三）不予公开'), num(300, 660, '2'), num(360, 660, '2'),
    ];
    const result = await extractText(makePdf([{ texts }]), 'borderless-table.pdf');
    expect(result.text.split('\n')).toEqual([
      '| 三、本年度 | （一）予以公开 | 1288 | 1362 |',
      '| （二）部分公开 | 447 | 454 |',
      '| （三）不予公开 | 2 | 2 |',
    ]);
  });
});

describe('PDF: what cannot be read comes back as an error value', () => {
  it('a PDF with no text layer', async () => {
    const result = await extractText(makePdf([{ rules: gridRules([50, 200, 300], [700, 650, 600]) }]), 'scan.pdf');
    expect(result.error).toBe(`scan.pdf: ${NO_TEXT_LAYER}`);
    expect(result.text).toBe('');
    expect(result.pages).toBe(1);
  });

  it('a broken PDF', async () => {
    const result = await extractText(new TextEncoder().encode('%PDF-1.4\nthis is not a pdf body'), 'broken.pdf');
    expect(result.format).toBe('pdf');
    expect(result.error).toMatch(/^broken\.pdf: PDF could not be opened: /);
  });
});

describe('PDF: input as Node gives it', () => {
  it('reads a Buffer (from readFileSync) and leaves the caller’s bytes intact', async () => {
    const pdf = makePdf([{ texts: [cjk(72, 700, '一、总体情况')] }]);
    const buffer = Buffer.from(pdf);
    const result = await extractText(buffer, 'buffer.pdf');
    expect(result.text).toBe('一、总体情况');
    expect(buffer.byteLength).toBe(pdf.byteLength);
    expect((await extractText(buffer, 'again.pdf')).text).toBe('一、总体情况');
  });
});

describe('PDF: a table without borders between its rows', () => {
  it('keeps each line of figures a row, a wrapped label with its figures', async () => {
    const rules = gridRules([50, 250, 300, 350], [700, 600]);
    const texts = [
      cjk(55, 686, '（一）予以公开'), num(260, 686, '2'), num(310, 686, '2'),
      cjk(55, 668, '（二）部分公开（区分处理的，'), cjk(55, 656, '只计这一情形）'), num(260, 662, '4'), num(310, 662, '4'),
      cjk(55, 638, '（三）不予公开'), num(260, 638, '0'), num(310, 638, '0'),
      cjk(55, 618, '（七）总计'), num(260, 618, '6'), num(310, 618, '6'),
    ];
    const result = await extractText(makePdf([{ rules, texts }]), 'open-rows.pdf');
    expect(result.text.split('\n')).toEqual([
      '| （一）予以公开 | 2 | 2 |',
      '| （二）部分公开（区分处理的，只计这一情形） | 4 | 4 |',
      '| （三）不予公开 | 0 | 0 |',
      '| （七）总计 | 6 | 6 |',
    ]);
  });
});

describe('PDF: a heading boxed into a table', () => {
  it('a full-width row holding a section heading is prose', async () => {
    const rules = [...gridRules([50, 300], [720, 700]), ...gridRules([50, 200, 300], [700, 680, 660])];
    const texts = [cjk(55, 706, '三、收到和处理政府信息公开申请情况'), cjk(55, 686, '规章'), num(210, 686, '1'), cjk(55, 666, '行政规范性文件'), num(210, 666, '8')];
    const result = await extractText(makePdf([{ rules, texts }]), 'heading.pdf');
    expect(result.text.split('\n')).toEqual(['三、收到和处理政府信息公开申请情况', '| 规章 | 1 |', '| 行政规范性文件 | 8 |']);
  });
});

describe('PDF: borders drawn as fills', () => {
  it('reads borders drawn as thin filled rectangles', async () => {
    const xs = [50, 200, 300];
    const ys = [700, 680, 660];
    const rects: Array<[number, number, number, number, number]> = [
      ...ys.map((y): [number, number, number, number, number] => [50, y - 0.3, 250, 0.6, 0]),
      ...xs.map((x): [number, number, number, number, number] => [x - 0.3, 660, 0.6, 40, 0]),
    ];
    const texts = [cjk(55, 686, '规章'), num(210, 686, '1'), cjk(55, 666, '行政规范性文件'), num(210, 666, '8')];
    const result = await extractText(makePdf([{ rects, texts }]), 'fills.pdf');
    expect(result.text.split('\n')).toEqual(['| 规章 | 1 |', '| 行政规范性文件 | 8 |']);
  });

  it('keeps paragraphs whose line boxes touch a table out of it, and the table’s title row in it', async () => {
    // Word's PDF export can put a white box behind each line of a paragraph; here they touch the table.
    const lineBoxes: Array<[number, number, number, number, number]> = [
      [50, 760, 250, 20, 1], [50, 740, 250, 20, 1], [50, 720, 250, 20, 1],
    ];
    const rules = [...gridRules([50, 300], [720, 700]), ...gridRules([50, 200, 300], [700, 680, 660])];
    const texts = [
      cjk(55, 765, '二、主动公开政府信息情况'), cjk(80, 745, '说明文字'),
      cjk(55, 706, '第二十条第（一）项'),
      cjk(55, 686, '规章'), num(210, 686, '1'), cjk(55, 666, '行政规范性文件'), num(210, 666, '8'),
    ];
    const result = await extractText(makePdf([{ rects: lineBoxes, rules, texts }]), 'boxes.pdf');
    expect(result.text.split('\n')).toEqual(['二、主动公开政府信息情况', '说明文字', '| 第二十条第（一）项 | |', '| 规章 | 1 |', '| 行政规范性文件 | 8 |']);
  });
});

describe('PDF: a group label’s cell printed across a page break', () => {
  it('joins the table when the cell’s part on the new page has no text and no border across', async () => {
    const pages = [
      {
        texts: [cjk(55, 712, '三、本年度办理结果'), cjk(155, 712, '（三）不予公开'), num(320, 712, '2'), cjk(155, 662, '（四）无法提供'), num(320, 662, '769')],
        // the side label's cell spans both rows: the border between them starts right of it
        rules: [...gridRules([50, 150, 300, 400], [730, 640]), [150, 690, 400, 690] as [number, number, number, number]],
      },
      {
        texts: [cjk(155, 762, '（五）不予处理'), num(320, 762, '11'), cjk(155, 712, '（六）其他处理'), num(320, 712, '3')],
        // its part on this page: only the line at its left edge, no line across it
        rules: [...gridRules([150, 300, 400], [780, 740, 690]), [50, 690, 50, 780] as [number, number, number, number]],
      },
    ];
    const result = await extractText(makePdf(pages), 'tall-cell.pdf');
    expect(result.text.split('\n')).toEqual([
      '| 三、本年度办理结果 | （三）不予公开 | 2 |',
      '| | （四）无法提供 | 769 |',
      '| | （五）不予处理 | 11 |',
      '| | （六）其他处理 | 3 |',
    ]);
  });

  it('keeps figures in full-width digits on both sides of the break apart', async () => {
    const pages = [
      { texts: [cjk(55, 662, '（一）予以公开'), cjk(260, 662, '５'), cjk(55, 642, '3.其他'), cjk(260, 642, '９')], rules: gridRules([50, 250, 300], [680, 655, 635]) },
      { texts: [cjk(55, 762, '总计'), cjk(260, 762, '１４５'), cjk(55, 742, '四、结转'), cjk(260, 742, '０')], rules: gridRules([50, 250, 300], [780, 755, 735]) },
    ];
    const result = await extractText(makePdf(pages), 'fullwidth-break.pdf');
    expect(result.text.split('\n')).toEqual(['| （一）予以公开 | ５ |', '| 3.其他 | ９ |', '| 总计 | １４５ |', '| 四、结转 | ０ |']);
  });
});

describe('PDF: lines in one ruled row that are not rows of their own', () => {
  it('a list number set apart from its label (`1.`) is no figure', async () => {
    const texts = [cjk(55, 680, '（六）其他处理'), num(155, 680, '1.'), cjk(165, 680, '申请人无正当理由逾期'), cjk(155, 665, '不补正'), num(320, 672, '0')];
    const result = await extractText(makePdf([{ texts, rules: gridRules([50, 150, 300, 400], [700, 650]) }]), 'list-number.pdf');
    expect(result.text.split('\n')).toEqual(['| （六）其他处理 | 1.申请人无正当理由逾期不补正 | 0 |']);
  });

  it('a figure wrapped in a narrow cell stays one figure of its row, and the next row is a row', async () => {
    const texts = [
      cjk(55, 672, '（一）予以公开'), cjk(160, 672, '１２'), cjk(210, 679, '１'), cjk(210, 665, '４'),
      cjk(55, 652, '（二）部分公开'), cjk(160, 652, '３'), cjk(210, 652, '３'),
    ];
    const result = await extractText(makePdf([{ texts, rules: gridRules([50, 150, 200, 230], [700, 640]) }]), 'wrapped-figure.pdf');
    expect(result.text.split('\n')).toEqual(['| （一）予以公开 | １２ | １４ |', '| （二）部分公开 | ３ | ３ |']);
  });

  it('lines of figures with a blank cell are still rows of their own', async () => {
    const texts = [cjk(55, 686, '（一）予以公开'), num(260, 686, '2'), num(310, 686, '2'), cjk(55, 662, '（二）部分公开'), num(310, 662, '4')];
    const result = await extractText(makePdf([{ texts, rules: gridRules([50, 250, 300, 350], [700, 650]) }]), 'blank-cell.pdf');
    expect(result.text.split('\n')).toEqual(['| （一）予以公开 | 2 | 2 |', '| （二）部分公开 | | 4 |']);
  });
});
