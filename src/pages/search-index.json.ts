/** Every agency page, for the search box in the header (src/client/search.ts): name, place, pinyin initials. */
import type { APIRoute } from 'astro';
import { readAgencies } from '../components/dataset.ts';
import { agencyYears } from '../lib/dataset/agency-index.ts';
import { pinyinInitials, type SearchEntry } from '../lib/nav/search.ts';

export const GET: APIRoute = () => {
  const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  const entries: SearchEntry[] = readAgencies()
    .map((a) => ({
      name: a.name,
      place: [a.province, a.city, a.county].filter(Boolean).join(' '),
      path: `agency/${a.id}/`,
      initials: pinyinInitials(a.name, collator),
      years: agencyYears(a),
    }))
    .sort((x, y) => x.name.localeCompare(y.name, 'zh'));
  return new Response(JSON.stringify(entries), { headers: { 'Content-Type': 'application/json' } });
};
