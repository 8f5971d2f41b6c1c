/** dictionary.json: every CSV column with Chinese and English labels (the data dictionary page). */
import { SECTORS } from '../agency/sectors.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import { CSV_COLUMNS } from './columns.ts';

export interface DictionaryFile {
  schema_version: number;
  columns: { name: string; field: string; type: 'text' | 'number'; zh: string; en: string; description: string }[];
  sectors: { key: string; zh: string; en: string }[];
}

export function buildDictionary(): DictionaryFile {
  return {
    schema_version: SCHEMA_VERSION,
    columns: CSV_COLUMNS.map(({ name, field, type, zh, en, description }) => ({ name, field, type, zh, en, description })),
    sectors: SECTORS.map(({ key, zh, en }) => ({ key, zh, en })),
  };
}
