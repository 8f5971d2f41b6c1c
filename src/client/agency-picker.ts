/**
 * The compare page's "choose agencies" box (as Our World in Data's "edit countries"): the chosen
 * agencies as removable chips, and a text box that lists the agencies whose name holds what is
 * typed. The choice lives in the chart state (`a=` in the URL); this only shows and edits it. The
 * list of agencies is fetched when the box is first used.
 */
import { dictionary, type Lang } from '../i18n/index.ts';
import { choiceLabel, type AgencyChoice } from '../lib/nav/agencies.ts';
import { normaliseQuery } from '../lib/nav/search.ts';

export interface AgencyPicker {
  show(chosen: readonly string[]): void;
}

export function agencyPicker(root: HTMLElement, lang: Lang, loadChoices: () => Promise<AgencyChoice[]>, onChange: (chosen: string[]) => void): AgencyPicker {
  const d = dictionary(lang).nav2;
  const chips = root.querySelector<HTMLUListElement>('[data-chips]')!;
  const input = root.querySelector<HTMLInputElement>('[data-agency-input]')!;
  const list = root.querySelector<HTMLUListElement>('[data-agency-options]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-agency-clear]')!;
  let chosen: string[] = [];
  let active = -1;
  let choices: readonly AgencyChoice[] | null = null;
  let loading: Promise<void> | null = null;
  const load = () =>
    (loading ??= loadChoices().then(
      (c) => {
        choices = c;
        renderOptions();
      },
      (e: unknown) => {
        input.setCustomValidity(`${dictionary(lang).state.error}${e instanceof Error ? e.message : String(e)}`);
        input.reportValidity();
      },
    ));

  const matches = (q: string) => {
    const n = normaliseQuery(q);
    if (n === '' || !choices) return [];
    return choices.filter((c) => !chosen.includes(c.key) && normaliseQuery(c.label).includes(n)).slice(0, 20);
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const mark = (i: number) => {
    const items = [...list.children] as HTMLElement[];
    active = items.length === 0 ? -1 : (i + items.length) % items.length;
    items.forEach((li, k) => li.setAttribute('aria-selected', String(k === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', items[active]!.id);
  };
  const add = (key: string) => {
    input.value = '';
    close();
    onChange([...chosen, key]);
    input.focus();
  };
  const renderOptions = () => {
    const found = matches(input.value);
    list.replaceChildren(
      ...found.map((c, i) => {
        const li = document.createElement('li');
        li.id = `agency-option-${i}`;
        li.setAttribute('role', 'option');
        li.dataset.key = c.key;
        li.textContent = c.label;
        const years = document.createElement('span');
        years.className = 'muted';
        years.textContent = ` ${c.years.join(', ')}`;
        li.append(years);
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          add(c.key);
        });
        return li;
      }),
    );
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    mark(found.length > 0 ? 0 : -1);
  };

  input.addEventListener('focus', () => void load());
  input.addEventListener('input', () => {
    void load();
    renderOptions();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      mark(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const key = (list.children[active] as HTMLElement | undefined)?.dataset.key;
      if (key) add(key);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  clear.addEventListener('click', () => onChange([]));

  return {
    show(next) {
      chosen = [...next];
      chips.replaceChildren(
        ...chosen.map((key) => {
          const li = document.createElement('li');
          li.lang = 'zh-CN';
          const name = choiceLabel(key);
          li.append(name);
          const remove = document.createElement('button');
          remove.type = 'button';
          remove.textContent = '×';
          remove.setAttribute('aria-label', d.agenciesRemove(name));
          remove.addEventListener('click', () => onChange(chosen.filter((k) => k !== key)));
          li.append(remove);
          return li;
        }),
      );
      clear.hidden = chosen.length === 0;
    },
  };
}
