// Enrolling members from the console: a "Find a member" combobox that suggests accounts as you type
// (GET /api/users/candidates?query=), a button "Enrol" (POST /api/groups/{id}/members), and who is enrolled.

import { get, post } from './api.js';
import { el, fill, notify } from './dom.js';
import { W } from './words.js';
import { field, errorLine, showError, clearErrors } from './forms.js';
import { enrolmentClosed, closedEnrolmentNotice, hasEnded, endedText } from './participation.js';

const T = W.enrol;

/** Mounts the enrol panel into `box`; `onEnrolled()` reloads the group (the caller's roster follows). */
export function mountEnrol(box, groupId, group, onEnrolled) {
  const input = el('input', { id: 'enrol-find', autocomplete: 'off', maxLength: 100,
    attrs: { role: 'combobox', 'aria-expanded': 'false', 'aria-controls': 'enrol-options', 'aria-autocomplete': 'list' } });
  const list = el('ul', { id: 'enrol-options', class: 'suggestions', attrs: { role: 'listbox', 'aria-label': T.find }, hidden: true });
  const count = el('p', { class: 'visually-hidden', attrs: { role: 'status' } });
  const roster = el('ul', { class: 'plain-list enrol-roster', attrs: { 'aria-label': T.roster } });
  let options = [];
  let active = -1;
  let chosen = null;
  let asked = 0;
  let timer;
  const enrolled = () => new Set((group.members || []).map((m) => m.id));

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0 && list.children[i]) input.setAttribute('aria-activedescendant', list.children[i].id);
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
      found = await get(`/api/users/candidates?query=${encodeURIComponent(query)}`);
    } catch {
      return;
    }
    if (mine !== asked) return;
    list.dataset.query = query;
    const people = found.users.filter((p) => !enrolled().has(p.id));
    options = people;
    fill(list, people.length ? people.map((p, i) => el('li', { id: `enrol-option-${p.id}`, class: 'suggestion',
      attrs: { role: 'option', 'aria-selected': 'false', 'data-user-id': p.id },
      on: { mousedown: (e) => e.preventDefault(), click: () => { pick(p); input.focus(); } } },
      el('span', { text: p.displayName }), el('span', { class: 'muted-text', text: ` ${p.username}` })))
      : el('li', { class: 'suggestion empty', attrs: { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, text: T.noMatch }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    count.textContent = T.suggestions(people.length);
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
      const step = e.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + options.length) % options.length);
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape') {
      close();
    }
  });

  const renderRoster = () => {
    const members = group.members || [];
    fill(roster, members.length ? members.map((m) => el('li', { class: hasEnded(m) ? 'ended' : null, attrs: { 'data-user-id': m.id } },
      m.displayName, hasEnded(m) ? el('span', { class: 'muted-text', text: ` — ${endedText(m)}` }) : null,
      m.enrolOverrideReason ? el('span', { class: 'muted-text', text: ` — ${W.participation.lateReason(m.enrolOverrideReason)}` }) : null))
      : el('li', { class: 'muted-text', text: T.nobody }));
  };
  const notice = el('div', { class: 'enrol-notice' });
  const admitted = (person) => {
    notify(T.enrolled(person.displayName));
    fill(notice);
    input.value = '';
    chosen = null;
    group.members = [...(group.members || []), { id: person.id, displayName: person.displayName }];
    renderRoster();
    onEnrolled();
    input.focus();
  };
  const form = el('form', { noValidate: true, class: 'enrol-form', on: { submit: async (e) => {
    e.preventDefault();
    clearErrors(form);
    fill(notice);
    const person = chosen || options.find((p) => p.displayName === input.value.trim() || p.username === input.value.trim());
    if (!person) {
      showError(form, { status: 400, message: `userId: ${T.choose}` });
      return;
    }
    try {
      await post(`/api/groups/${groupId}/members`, { userId: person.id });
      admitted(person);
    } catch (err) {
      if (enrolmentClosed(err)) fill(notice, await closedEnrolmentNotice(groupId, group, person, err, admitted));
      else showError(form, err);
    }
  } } },
  field(T.find, input, 'userId', T.findHint), list, count, errorLine(),
  el('button', { type: 'submit', text: T.button }), notice);
  fill(box, el('h2', { text: T.title }), form, el('h3', { text: T.roster }), roster);
  renderRoster();
  return { update(next) { group = next; renderRoster(); } };
}
