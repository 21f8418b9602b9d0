// A labelled "find a person" combobox (ARIA 1.2 pattern: suggestions as you type, arrow keys, Enter, Escape).
// `lookup(query)` answers `[{id, username, displayName}]`; the list's `data-query` is the query it shows. The field
// is named `name` so that a 400 naming it is shown under it (forms.js).

import { el, fill } from './dom.js';
import { field } from './forms.js';

export function personCombobox({ id, label, hint, name, lookup, words }) {
  const input = el('input', { id, autocomplete: 'off', maxLength: 100,
    attrs: { role: 'combobox', 'aria-expanded': 'false', 'aria-controls': `${id}-options`, 'aria-autocomplete': 'list' } });
  const list = el('ul', { id: `${id}-options`, class: 'suggestions', attrs: { role: 'listbox', 'aria-label': label }, hidden: true });
  const count = el('p', { class: 'visually-hidden', attrs: { role: 'status' } });
  let options = [];
  let active = -1;
  let chosen = null;
  let asked = 0;
  let timer;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (list.children[i]) input.setAttribute('aria-activedescendant', list.children[i].id);
  };
  const pick = (person) => {
    clearTimeout(timer);
    asked += 1;
    chosen = person;
    input.value = person.displayName;
    close();
  };
  const suggest = async () => {
    const query = input.value.trim();
    const mine = ++asked;
    let found;
    try {
      found = await lookup(query);
    } catch {
      return;
    }
    if (mine !== asked || document.activeElement !== input) return;
    list.dataset.query = query;
    options = found;
    fill(list, found.length ? found.map((p) => el('li', { id: `${id}-option-${p.id}`, class: 'suggestion',
      attrs: { role: 'option', 'aria-selected': 'false', 'data-user-id': p.id },
      on: { mousedown: (e) => e.preventDefault(), click: () => { pick(p); input.focus(); } } },
      el('span', { text: p.displayName }), el('span', { class: 'muted-text', text: ` ${p.username}` })))
      : el('li', { class: 'suggestion empty', attrs: { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, text: words.noMatch }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    count.textContent = words.suggestions(found.length);
    active = -1;
  };
  input.addEventListener('input', () => { chosen = null; clearTimeout(timer); timer = setTimeout(suggest, 200); });
  input.addEventListener('focus', () => { if (!input.value) suggest(); });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) { suggest(); return; }
      if (!options.length) return;
      highlight((active + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length);
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.stopPropagation();
      close();
    }
  });
  return {
    nodes: [field(label, input, name, hint), list, count],
    input,
    /** The account picked, or the suggestion whose name or username was typed in full. */
    chosen: () => chosen || options.find((p) => p.displayName === input.value.trim() || p.username === input.value.trim()) || null,
    reset: () => { input.value = ''; chosen = null; options = []; close(); },
  };
}
