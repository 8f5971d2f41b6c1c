import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/lib/extract/index.ts';
import { makeDocx } from './fixtures/make-docx.ts';

const TEMPLATE = '../shared/corpus/annual-report-template.docx';

describe('Word (.docx)', () => {
  it('reads paragraphs as lines and tables as pipe rows, honouring gridSpan and vMerge', async () => {
    const docx = makeDocx([
      { paragraph: '某某局2024年政府信息公开工作年度报告' },
      { paragraph: '三、收到和处理政府信息公开申请情况' },
      {
        table: [
          [{ text: '一、本年新收政府信息公开申请数量', gridSpan: 3 }, { text: '5' }, { text: '5' }],
          [{ text: '三、本年度\n办理结果', vMerge: 'restart' }, { text: '（一）予以公开', gridSpan: 2 }, { text: '3' }, { text: '3' }],
          [{ vMerge: 'continue' }, { text: '（三）不予公开', vMerge: 'restart' }, { text: '1.属于国家秘密' }, { text: '0' }, {}],
          [{ vMerge: 'continue' }, { vMerge: 'continue' }, { text: '2.其他法律行政法规禁止公开' }, { text: '2' }, { text: '2' }],
        ],
      },
      { paragraph: '四、政府信息公开行政复议、行政诉讼情况' },
    ]);
    const result = await extractText(docx, 'report.docx');
    expect(result.error).toBeNull();
    expect(result.format).toBe('docx');
    expect(result.text.split('\n')).toEqual([
      '某某局2024年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '| 一、本年新收政府信息公开申请数量 | | | 5 | 5 |',
      '| 三、本年度办理结果 | （一）予以公开 | | 3 | 3 |',
      '| | （三）不予公开 | 1.属于国家秘密 | 0 | |',
      '| | | 2.其他法律行政法规禁止公开 | 2 | 2 |',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
  });

  it('a zip that is not a Word document is an error value', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const result = await extractText(zipSync({ 'hello.txt': strToU8('hi') }), 'archive.docx');
    expect(result.error).toBe('archive.docx: zip archive without word/document.xml: not a Word .docx document, not read');
    expect(result.refusal).toBe('unsupported');
  });

  it('a truncated .docx is an error value', async () => {
    const bytes = makeDocx([{ paragraph: '一、总体情况' }]).subarray(0, 40);
    const result = await extractText(bytes, 'cut.docx');
    expect(result.format).toBe('docx');
    expect(result.error).toMatch(/^cut\.docx: /);
  });

  it.skipIf(!existsSync(TEMPLATE))('reads the blank national template as text with its tables, empty cells kept', async () => {
    const result = await extractText(new Uint8Array(readFileSync(TEMPLATE)), 'annual-report-template.docx');
    expect(result.error).toBeNull();
    const lines = result.text.split('\n');
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(lines).toContain(heading);
    }
    expect(lines).toContain('| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |');
    expect(lines).toContain('| 一、本年新收政府信息公开申请数量 | | | | | | | | | |');
    expect(lines).toContain('| | （三）不予公开 | 1.属于国家秘密 | | | | | | | |');
    expect(lines).toContain('| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |');
  });
});
