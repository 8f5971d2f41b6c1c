/** dictionary.json: every CSV column with Chinese and English labels (the data dictionary page). */
import { SECTORS } from '../agency/sectors.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import { CSV_COLUMNS } from './columns.ts';
import { BOM, csvLines } from './csv.ts';

export interface DictionaryFile {
  schema_version: number;
  columns: { name: string; field: string; type: 'text' | 'number'; zh: string; en: string; description: string }[];
  sectors: { key: string; zh: string; en: string }[];
  levels: { key: string; zh: string; en: string }[];
  kinds: { key: string; zh: string; en: string }[];
}

export const LEVEL_LABELS = [
  { key: 'central', zh: '中央', en: 'Central' },
  { key: 'province', zh: '省级', en: 'Province' },
  { key: 'prefecture', zh: '地市级', en: 'Prefecture' },
  { key: 'county', zh: '县级', en: 'County' },
  { key: 'township', zh: '乡镇（街道）', en: 'Township' },
] as const;

export const KIND_LABELS = [
  { key: 'government', zh: '人民政府（街道办事处）', en: "People's government" },
  { key: 'department', zh: '政府部门', en: 'Department' },
] as const;

export function buildDictionary(): DictionaryFile {
  return {
    schema_version: SCHEMA_VERSION,
    columns: CSV_COLUMNS.map(({ name, field, type, zh, en, description }) => ({ name, field, type, zh, en, description })),
    sectors: SECTORS.map(({ key, zh, en }) => ({ key, zh, en })),
    levels: LEVEL_LABELS.map((l) => ({ ...l })),
    kinds: KIND_LABELS.map((k) => ({ ...k })),
  };
}

/**
 * The data dictionary as CSV (UTF-8 with BOM, CRLF): one row per column of the downloads
 * (column, type, Chinese label, English label, description), then the codes used in the level,
 * kind and sector columns. Shipped beside the downloads (data/dictionary.csv) and meant to go
 * into every whole-dataset zip as dictionary.csv.
 */
export function dictionaryCsv(dictionary: DictionaryFile = buildDictionary()): string {
  const rows: (string | number | null)[][] = [
    ['column', 'type', 'label_zh', 'label_en', 'description'],
    ...dictionary.columns.map((c) => [c.name, c.type, c.zh, c.en, c.description]),
    ...(['level', 'kind', 'sector'] as const).flatMap((column) =>
      (column === 'level' ? dictionary.levels : column === 'kind' ? dictionary.kinds : dictionary.sectors).map((v) => [
        `${column}=${v.key}`,
        'code',
        v.zh,
        v.en,
        `A value of the ${column} column.`,
      ]),
    ),
  ];
  return `${BOM}${rows.map((r) => csvLines([r]).replace(/\r\n$/, '')).join('\r\n')}\r\n`;
}
