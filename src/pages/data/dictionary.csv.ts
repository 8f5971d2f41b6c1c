/** The data dictionary as a CSV (every column of the downloads, labels in Chinese and English), beside the downloads. */
import type { APIRoute } from 'astro';
import { dictionaryCsv } from '../../lib/dataset/dictionary.ts';

export const GET: APIRoute = () => new Response(dictionaryCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
