/** Every agency page, for the search box in the header (src/client/search.ts): name, place, pinyin initials. */
import type { APIRoute } from 'astro';
import { readReports } from '../components/dataset.ts';
import { groupAgencies } from '../lib/charts/agencies.ts';
import { pinyinInitials, type SearchEntry } from '../lib/nav/search.ts';

export const GET: APIRoute = () => {
  const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  const entries: SearchEntry[] = groupAgencies(readReports())
    .map((g) => {
      const a = g.reports[0]!.agency;
      return {
        name: g.name,
        place: [a.province, a.city, a.county].filter(Boolean).join(' '),
        path: `agency/${g.slug}/`,
        initials: pinyinInitials(g.name, collator),
        years: [...new Set(g.reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((x, y) => x - y),
      };
    })
    .sort((x, y) => x.name.localeCompare(y.name, 'zh'));
  return new Response(JSON.stringify(entries), { headers: { 'Content-Type': 'application/json' } });
};
