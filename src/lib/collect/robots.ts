/**
 * robots.txt (RFC 9309): the rules of the group naming our product token, else of `*`; the
 * longest matching rule wins, Allow on a tie; `*` and `$` in patterns; Crawl-delay read too. Pure.
 */

export interface Robots {
  allow: string[];
  disallow: string[];
  /** Seconds, if the group asks for a delay between requests. */
  crawlDelay: number | null;
}

export const ALLOW_ALL: Robots = { allow: [], disallow: [], crawlDelay: null };
export const DISALLOW_ALL: Robots = { allow: [], disallow: ['/'], crawlDelay: null };

interface Group {
  agents: string[];
  allow: string[];
  disallow: string[];
  crawlDelay: number | null;
}

export function parseRobots(text: string, productToken: string): Robots {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.replace(/#.*/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = (match[1] ?? '').toLowerCase();
    const value = (match[2] ?? '').trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], allow: [], disallow: [], crawlDelay: null }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' && value) current.allow.push(value);
    else if (key === 'disallow' && value) current.disallow.push(value);
    else if (key === 'crawl-delay' && Number.isFinite(Number(value))) current.crawlDelay = Number(value);
  }
  const token = productToken.toLowerCase();
  const ours = groups.filter((g) => g.agents.some((a) => a === token));
  const chosen = ours.length > 0 ? ours : groups.filter((g) => g.agents.includes('*'));
  const delays = chosen.map((g) => g.crawlDelay).filter((d): d is number => d !== null);
  return {
    allow: chosen.flatMap((g) => g.allow),
    disallow: chosen.flatMap((g) => g.disallow),
    crawlDelay: delays.length > 0 ? Math.max(...delays) : null,
  };
}

/** The length of the match of a rule's pattern at the start of the path, or -1. */
function matchLength(pattern: string, path: string): number {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`).test(path) ? body.length : -1;
}

/** Whether the path (with its query) may be fetched. */
export function robotsAllow(robots: Robots, pathAndQuery: string): boolean {
  let best = -1;
  let allowed = true;
  for (const [rules, verdict] of [
    [robots.disallow, false],
    [robots.allow, true],
  ] as const) {
    for (const rule of rules) {
      const length = matchLength(rule, pathAndQuery);
      if (length > best || (length === best && length >= 0 && verdict)) {
        best = length;
        allowed = verdict;
      }
    }
  }
  return allowed;
}
