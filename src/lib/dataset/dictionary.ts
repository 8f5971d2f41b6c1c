/** dictionary.json: every CSV column with Chinese and English labels (the data dictionary page). */
import { SECTORS } from '../agency/sectors.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import { CSV_COLUMNS } from './columns.ts';

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
