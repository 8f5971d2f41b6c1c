/**
 * A web page printed to PDF by a browser, header and footer on: the print time and the page's
 * title above each page's content, its address and page count below (Chrome, Edge), or the
 * title and address above, the page count and time below (Firefox). Small hand-made PDFs.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/lib/extract/index.ts';
import { isBrowserFurniture, type PageEdge } from '../../src/lib/extract/pdf/browser-furniture.ts';
import type { PdfLine } from '../../src/lib/extract/pdf/page-blocks.ts';
import { gridRules, makePdf, type PdfPage, type PdfText } from './fixtures/make-pdf.ts';

const cjk = (x: number, y: number, text: string, size = 9): PdfText => ({ x, y, text, font: 'cjk', size });
const latin = (x: number, y: number, text: string, size = 10): PdfText => ({ x, y, text, size });

const ADDRESS = 'https://www.example.gov.cn/xxgk/ndbg/202403/t20240305_1.html';

/** Chrome's header and footer of page `n` of `count`, in the page's top and bottom margins. */
const chrome = (n: number, count: number): PdfText[] => [
  latin(24, 820, '2024/3/5 10:21', 8), cjk(230, 820, '某某县人民政府2023年政府信息公开工作年度报告', 8),
  latin(24, 15, ADDRESS, 8), latin(560, 15, `${n}/${count}`, 8),
];

/** Section 三's table cut by the page break: two rows on page 1, the rest on page 2. */
const columns = [50, 150, 300, 400];
const tablePages = (furniture: (n: number) => PdfText[]): PdfPage[] => [
  {
    texts: [
      ...furniture(1),
      cjk(50, 760, '三、收到和处理政府信息公开申请情况'),
      cjk(55, 712, '（三）不予公开'), cjk(155, 712, '1.属于国家秘密'), latin(320, 712, '2'),
      cjk(55, 662, '（四）无'), cjk(155, 666, '1.本机关不掌握相关'), cjk(155, 655, '政府信息'), latin(320, 662, '769'),
    ],
    rules: gridRules(columns, [730, 690, 640]),
  },
  {
    texts: [
      ...furniture(2),
      cjk(55, 762, '法提供'), cjk(155, 762, '2.没有现成信息'), latin(320, 762, '11'),
      cjk(55, 712, '（七）总计'), latin(320, 712, '3050'),
      cjk(50, 640, '四、政府信息公开行政复议、行政诉讼情况'),
    ],
    rules: gridRules(columns, [780, 740, 690]),
  },
];

const TABLE_TEXT = [
  '三、收到和处理政府信息公开申请情况',
  '| （三）不予公开 | 1.属于国家秘密 | 2 |',
  '| （四）无法提供 | 1.本机关不掌握相关政府信息 | 769 |',
  '| | 2.没有现成信息 | 11 |',
  '| （七）总计 | | 3050 |',
  '四、政府信息公开行政复议、行政诉讼情况',
];

describe('PDF printed by a browser: its header and footer', () => {
  it('are dropped from a two-page printout (Chrome), so the table cut by the page break is one table', async () => {
    const result = await extractText(makePdf(tablePages((n) => chrome(n, 2))), 'chrome.pdf');
    expect(result.error).toBeNull();
    expect(result.text.split('\n')).toEqual(TABLE_TEXT);
  });

  it('are dropped in Firefox\'s arrangement: title and address above, `第 1 页，共 2 页` and the time below', async () => {
    const firefox = (n: number): PdfText[] => [
      cjk(24, 820, '某某县人民政府2023年政府信息公开工作年度报告', 8), latin(400, 820, ADDRESS, 8),
      cjk(24, 15, `第 ${n} 页，共 2 页`, 8), latin(480, 15, '3/5/24, 10:21 AM', 8),
    ];
    const result = await extractText(makePdf(tablePages(firefox)), 'firefox.pdf');
    expect(result.text.split('\n')).toEqual(TABLE_TEXT);
  });

  it('are dropped from a one-page printout, the time written `3/5/24, 10:21 AM` and run into the title', async () => {
    const page: PdfPage = {
      texts: [
        latin(24, 820, '3/5/24, 10:21 AM', 8), cjk(88, 820, '某某县人民政府信息公开年报', 8),
        cjk(72, 700, '六、其他需要报告的事项'),
        latin(24, 15, `${ADDRESS} 1/1`, 8),
      ],
    };
    const result = await extractText(makePdf([page]), 'one-page.pdf');
    expect(result.text).toBe('六、其他需要报告的事项');
  });

  it('are told from the report\'s own first and last lines: a dated signature and an address in a sentence stay', async () => {
    const page: PdfPage = {
      texts: [
        cjk(72, 800, '某某县人民政府办公室'),
        cjk(72, 700, '六、其他需要报告的事项'),
        cjk(72, 60, '本报告电子版可在网址：'), latin(171, 60, 'https://www.example.gov.cn', 9),
        latin(400, 30, '2024-03-05 10:21', 9), cjk(480, 30, '发布', 9),
      ],
    };
    const result = await extractText(makePdf([page]), 'own-lines.pdf');
    expect(result.text.split('\n')).toEqual([
      '某某县人民政府办公室',
      '六、其他需要报告的事项',
      '本报告电子版可在网址：https://www.example.gov.cn',
      '2024-03-05 10:21发布',
    ]);
  });
});

describe('PDF: text pieces that touch', () => {
  it('join without a space (a ligature set apart from its word); pieces with a gap keep theirs', async () => {
    // Helvetica at 10pt: `fi` is 5pt wide, so `le.html` starts where it ends.
    const page: PdfPage = { texts: [latin(100, 700, 'fi'), latin(105, 700, 'le.html'), latin(130, 680, 'Page'), latin(156, 680, 'one')] };
    const result = await extractText(makePdf([page]), 'touching.pdf');
    expect(result.text.split('\n')).toEqual(['file.html', 'Page one']);
  });

  it('keep their space when one runs over the other (text drawn over text, not one word)', async () => {
    // Helvetica at 10pt: `AB` is 13.3pt wide, so `CD` at 110 starts 3.3pt inside it.
    const result = await extractText(makePdf([{ texts: [latin(100, 700, 'AB'), latin(110, 700, 'CD')] }]), 'overlap.pdf');
    expect(result.text).toBe('AB CD');
  });
});

describe('isBrowserFurniture: which edge lines are a browser\'s', () => {
  /** A line of parts set 8pt, each part 100pt right of the one before (far apart: separate parts). */
  const line = (...parts: string[]): PdfLine => {
    const pieces = parts.map((text, i) => ({ text, x0: 24 + 100 * i, x1: 24 + 100 * i + 60, y0: 18, y1: 26, size: 8, vertical: false }));
    return { kind: 'line', page: 1, line: { pieces, x0: 24, x1: pieces.at(-1)!.x1, y0: 18, y1: 26, size: 8 } };
  };
  const cases: Array<{ description: string; parts: string[]; edge: PageEdge; expected: boolean }> = [
    { description: 'Chrome, zh-CN: time and title', parts: ['2024/3/5 10:21', '某某县政府信息公开年报'], edge: 'top', expected: true },
    { description: 'Chrome, en-US: time and title', parts: ['3/5/24, 10:21 AM', 'Annual report'], edge: 'top', expected: true },
    { description: 'time with seconds and 下午', parts: ['2024-03-05 下午10:21:07'], edge: 'top', expected: true },
    { description: 'time run into a long title', parts: ['2024/3/5 10:21某某县人民政府2023年政府信息公开工作年度报告'], edge: 'top', expected: true },
    { description: 'Chrome: address and page count', parts: ['https://www.gov.cn/a.html', '2/5'], edge: 'bottom', expected: true },
    { description: 'address run into the page count', parts: ['file:///tmp/report.html 2/5'], edge: 'bottom', expected: true },
    { description: 'Firefox: page count and time', parts: ['第 2 页，共 5 页', '2024/3/5 10:21'], edge: 'bottom', expected: true },
    { description: 'Firefox: title and address', parts: ['某某县政府信息公开年报', 'http://www.example.gov.cn/'], edge: 'top', expected: true },
    { description: 'a time run into text at the bottom is the report\'s', parts: ['2024-03-05 10:21发布'], edge: 'bottom', expected: false },
    { description: 'a date without a time', parts: ['2024年3月5日'], edge: 'bottom', expected: false },
    { description: 'an address inside a sentence', parts: ['网址：https://www.example.gov.cn'], edge: 'bottom', expected: false },
    { description: 'an address followed by more than a page count', parts: ['https://www.example.gov.cn 欢迎访问'], edge: 'bottom', expected: false },
    { description: 'a table row of four parts', parts: ['2024/3/5 10:21', '1', '2', '3'], edge: 'bottom', expected: false },
  ];
  for (const { description, parts, edge, expected } of cases) {
    it(`${description}: ${expected ? 'browser' : 'report'}`, () => {
      expect(isBrowserFurniture(line(...parts), edge)).toBe(expected);
    });
  }
});

describe('PDF: a table header printed again atop the next page', () => {
  const columns = [50, 200, 260, 320];
  const header = (y: number): PdfText[] => [cjk(55, y, '项目'), cjk(205, y, '自然人'), cjk(265, y, '总计')];
  const row = (y: number, label: string, a: string, b: string): PdfText[] => [cjk(55, y, label), latin(210, y, a), latin(270, y, b)];

  it('is dropped, so the table reads as printed once', async () => {
    const pages: PdfPage[] = [
      { texts: [...header(712), ...row(682, '（一）予以公开', '2', '2')], rules: gridRules(columns, [730, 700, 670]) },
      { texts: [...header(762), ...row(732, '（二）部分公开', '4', '4')], rules: gridRules(columns, [780, 750, 720]) },
    ];
    const result = await extractText(makePdf(pages), 'repeated-header.pdf');
    expect(result.text.split('\n')).toEqual(['| 项目 | 自然人 | 总计 |', '| （一）予以公开 | 2 | 2 |', '| （二）部分公开 | 4 | 4 |']);
  });

  it('is told from a row of figures that happens to equal the first row: that row stays', async () => {
    const pages: PdfPage[] = [
      { texts: [...row(712, '', '0', '0'), ...row(682, '（一）予以公开', '2', '2')], rules: gridRules(columns, [730, 700, 670]) },
      { texts: [...row(762, '', '0', '0'), ...row(732, '（二）部分公开', '4', '4')], rules: gridRules(columns, [780, 750, 720]) },
    ];
    const result = await extractText(makePdf(pages), 'same-first-row.pdf');
    expect(result.text.split('\n')).toEqual(['| | 0 | 0 |', '| （一）予以公开 | 2 | 2 |', '| | 0 | 0 |', '| （二）部分公开 | 4 | 4 |']);
  });
});
