/** The template module's invariants: the one table the schema, parser, checks, CSV, site and bench read. */
import { describe, expect, it } from 'vitest';
import {
  APPLICANT_COLUMNS,
  APPLICANT_LABELS,
  APPLICATION_ROW_SPECS,
  APPLICATION_ROWS,
  BALANCE_ROWS,
  CASE_GROUP_LABELS,
  CASE_GROUPS,
  CASE_LABELS,
  CASE_OUTCOMES,
  OUTCOME_GROUP_KEYS,
  OUTCOME_GROUP_LABELS,
  OUTCOME_GROUPS,
  OUTCOME_ROWS,
  OUTCOME_ROWS_SINGLE_OTHER,
  PROACTIVE_COLUMN_LABELS,
  PROACTIVE_ITEM_LABELS,
  PROACTIVE_ITEM_SPECS,
  printedLabel,
  proactiveColumnsOf,
  ROW_LABELS,
  rowsOf,
  SPLIT_OTHER_ROWS,
} from '../src/lib/template.ts';
import * as schema from '../src/lib/schema.ts';
import { APPLICATION_ROW_PATTERNS, matchApplicationLabel, PROACTIVE_ITEMS } from '../src/lib/parse/template.ts';
import { compactLabel, normalizeText } from '../src/lib/parse/normalize.ts';
import { LABELS } from './support/template-text.ts';

const bothLanguages = (labels: Record<string, { zh: string; en: string }>, keys: readonly string[]) => {
  for (const key of keys) {
    expect(labels[key]?.zh, `${key} zh`).toMatch(/\S/);
    expect(labels[key]?.en, `${key} en`).toMatch(/\S/);
  }
};

describe('section 三 rows', () => {
  it('has 25 rows in the 2021 template and 23 in the 2019 one, which lacks the two split 其他处理 rows', () => {
    expect(rowsOf('2021')).toHaveLength(25);
    expect(rowsOf('2021')).toEqual(APPLICATION_ROWS);
    expect(rowsOf('2019')).toHaveLength(23);
    expect(SPLIT_OTHER_ROWS).toEqual(['other_no_correction', 'other_no_fee']);
    expect(rowsOf('2019')).toEqual(APPLICATION_ROWS.filter((r) => r !== 'other_no_correction' && r !== 'other_no_fee'));
    expect(rowsOf('2019')).toContain('other_misc');
  });

  it('starts with new and carried_over and ends with total_processed and carried_forward', () => {
    expect(APPLICATION_ROWS.slice(0, 2)).toEqual(['new', 'carried_over']);
    expect(APPLICATION_ROWS.slice(-2)).toEqual(['total_processed', 'carried_forward']);
    expect(new Set(APPLICATION_ROWS).size).toBe(APPLICATION_ROWS.length);
  });

  it('puts every row in exactly one outcome group, or in the balance rows', () => {
    for (const row of APPLICATION_ROWS) {
      const groups = OUTCOME_GROUP_KEYS.filter((g) => OUTCOME_GROUPS[g].includes(row));
      const balance = (BALANCE_ROWS as readonly string[]).includes(row) ? 1 : 0;
      expect(groups.length + balance, row).toBe(1);
    }
    expect([...BALANCE_ROWS].sort()).toEqual(['carried_forward', 'carried_over', 'new', 'total_processed']);
  });

  it('groups the rows as the template numbers them (（一）…（六）)', () => {
    expect(OUTCOME_GROUP_KEYS).toEqual(['granted', 'partly_granted', 'refused', 'unable', 'not_processed', 'other']);
    expect(OUTCOME_GROUP_KEYS.map((g) => OUTCOME_GROUPS[g].length)).toEqual([1, 1, 8, 3, 5, 3]);
    expect(OUTCOME_GROUPS.other).toEqual(['other_no_correction', 'other_no_fee', 'other_misc']);
    expect(OUTCOME_ROWS).toEqual(OUTCOME_GROUP_KEYS.flatMap((g) => OUTCOME_GROUPS[g]));
    expect(OUTCOME_ROWS).toHaveLength(21);
    expect(OUTCOME_ROWS_SINGLE_OTHER).toHaveLength(19);
    expect(OUTCOME_ROWS_SINGLE_OTHER.at(-1)).toBe('other_misc');
  });

  it('prints each row as the template does (the hand-written test support table)', () => {
    for (const row of APPLICATION_ROWS) expect(printedLabel(row), row).toBe(LABELS[row]);
    expect(printedLabel('other_misc', '2019')).toBe('（六）其他处理');
    expect(printedLabel('granted', '2019')).toBe('（一）予以公开');
  });

  it('labels every row, column and group in both languages', () => {
    bothLanguages(ROW_LABELS, APPLICATION_ROWS);
    bothLanguages(APPLICANT_LABELS, APPLICANT_COLUMNS);
    bothLanguages(OUTCOME_GROUP_LABELS, OUTCOME_GROUP_KEYS);
    bothLanguages(CASE_GROUP_LABELS, CASE_GROUPS);
    bothLanguages(CASE_LABELS, CASE_OUTCOMES);
    bothLanguages(PROACTIVE_ITEM_LABELS, PROACTIVE_ITEM_SPECS.map((i) => i.key));
    bothLanguages(PROACTIVE_COLUMN_LABELS, PROACTIVE_ITEM_SPECS.flatMap((i) => proactiveColumnsOf(i)));
    expect(APPLICANT_LABELS.natural).toEqual({ zh: '自然人', en: 'natural persons' });
  });

  it('words a one-row group as its row', () => {
    expect(OUTCOME_GROUP_LABELS.granted).toEqual(ROW_LABELS.granted);
    expect(OUTCOME_GROUP_LABELS.partly_granted).toEqual(ROW_LABELS.partly_granted);
  });
});

describe('the parser keyword table', () => {
  it('has a pattern for every row, in template order, with the wording compacted', () => {
    expect(APPLICATION_ROW_PATTERNS.map((p) => p.row)).toEqual(APPLICATION_ROWS);
    const pattern = (row: string) => APPLICATION_ROW_PATTERNS.find((p) => p.row === row)!;
    expect(pattern('partly_granted').label).toBe('部分公开区分处理的只计这一情形不计其他情形');
    expect(pattern('refused_three_safeties').label).toBe('危及三安全一稳定');
    expect(pattern('other_no_correction').label).toBe('申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请');
  });

  it('recognises every row from its printed label', () => {
    for (const row of APPLICATION_ROWS) {
      expect(matchApplicationLabel(compactLabel(normalizeText(printedLabel(row)))), row).toEqual({ kind: 'row', row });
    }
    // The 2019 template's single row: other_misc when its numbers follow (src/lib/parse/applications.ts).
    expect(matchApplicationLabel(compactLabel(printedLabel('other_misc', '2019')))).toEqual({ kind: 'other_group' });
  });

  it('gives every section 二 item keywords and its columns of both versions', () => {
    expect(PROACTIVE_ITEMS.map((i) => i.key)).toEqual(PROACTIVE_ITEM_SPECS.map((i) => i.key));
    for (const item of PROACTIVE_ITEMS) expect(item.keywords.length, item.key).toBeGreaterThan(0);
    expect(PROACTIVE_ITEMS.find((i) => i.key === 'fees')).toMatchObject({ columns2021: ['amount_wan_yuan'], columns2019: ['previous_count', 'change'] });
    expect(proactiveColumnsOf(PROACTIVE_ITEM_SPECS.find((i) => i.key === 'other_services')!)).toEqual(['decisions', 'previous_count', 'change']);
  });
});

describe('section 四', () => {
  it('has three groups of five cells', () => {
    expect(CASE_GROUPS).toEqual(['review', 'litigation_direct', 'litigation_after_review']);
    expect(CASE_OUTCOMES).toEqual(['upheld', 'corrected', 'other', 'pending', 'total']);
  });
});

describe('schema.ts', () => {
  it('re-exports the same key lists', () => {
    expect(schema.APPLICATION_ROWS).toBe(APPLICATION_ROWS);
    expect(schema.APPLICANT_COLUMNS).toBe(APPLICANT_COLUMNS);
    expect(schema.CASE_OUTCOMES).toBe(CASE_OUTCOMES);
    expect(schema.OUTCOME_GROUPS).toBe(OUTCOME_GROUPS);
    expect(APPLICATION_ROW_SPECS.map((r) => r.key)).toEqual(Object.keys(schema.emptyApplications()));
  });
});
