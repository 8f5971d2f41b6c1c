/**
 * On every page: the language link carries the page's whole state across (the query, e.g. the
 * compare page's filters and chosen agencies, and the fragment), kept up to date as pages change
 * their URL with history.pushState / replaceState; and the agency search box in the header.
 */
import { dictionary } from '../i18n/index.ts';
import { searchAgencies, type SearchEntry } from '../lib/nav/search.ts';
import { pageEnv } from './env.ts';

const env = pageEnv();
const d = dictionary(env.lang);

function syncLanguageLink() {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-lang-switch]')) {
    const target = new URL(a.href, location.href);
    target.search = location.search;
    target.hash = location.hash;
    a.href = target.href;
  }
}

// Pages change their URL through the History API; every change is followed here.
for (const method of ['pushState', 'replaceState'] as const) {
  const original = history[method].bind(history);
  history[method] = (...args: Parameters<History['pushState']>) => {
    original(...args);
    syncLanguageLink();
  };
}
window.addEventListener('popstate', syncLanguageLink);
window.addEventListener('hashchange', syncLanguageLink);
syncLanguageLink();

function wireSearch(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  let entries: SearchEntry[] | null = null;
  let loading: Promise<void> | null = null;
  let active = -1;

  const load = () =>
    (loading ??= fetch(form.dataset.index ?? '')
      .then((r) => (r.ok ? (r.json() as Promise<SearchEntry[]>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((e) => {
        entries = e;
      })
      .catch((e: unknown) => {
        status.textContent = `${d.state.error}${e instanceof Error ? e.message : String(e)}`;
      }));

  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const highlight = (i: number) => {
    const all = options();
    active = all.length === 0 ? -1 : (i + all.length) % all.length;
    all.forEach((a, k) => a.parentElement!.setAttribute('aria-selected', String(k === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', all[active]!.parentElement!.id);
    else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const render = () => {
    const q = input.value;
    if (q.trim() === '') {
      list.replaceChildren();
      status.textContent = '';
      return close();
    }
    if (!entries) {
      status.textContent = d.nav2.searchLoading;
      void load().then(render);
      return;
    }
    const found = searchAgencies(entries, q, 20);
    list.replaceChildren(
      ...found.map((e, i) => {
        const li = document.createElement('li');
        li.id = `agency-search-option-${i}`;
        li.setAttribute('role', 'option');
        const a = document.createElement('a');
        a.href = `${form.dataset.root ?? '/'}${e.path}`;
        a.textContent = e.name;
        a.tabIndex = -1;
        const place = document.createElement('span');
        place.className = 'muted';
        place.lang = 'zh-CN';
        place.textContent = ` ${e.place} ${e.years.join(', ')}`;
        a.lang = 'zh-CN';
        li.append(a, place);
        return li;
      }),
    );
    status.textContent = found.length === 0 ? d.nav2.searchNone : d.nav2.searchResults(found.length);
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    highlight(found.length > 0 ? 0 : -1);
  };

  input.addEventListener('focus', () => void load(), { once: true });
  input.addEventListener('input', render);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Escape') {
      close();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = options()[Math.max(active, 0)];
    if (target) location.assign(target.href);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) setTimeout(close, 150);
  });
}

const searchForm = document.querySelector<HTMLFormElement>('[data-agency-search]');
if (searchForm) wireSearch(searchForm);
