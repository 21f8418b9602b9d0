// Enrolling members from the console: a "Find a member" combobox (combobox.js) that suggests accounts not yet
// enrolled as you type (GET /api/users/candidates?query=), a button "Enrol" (POST /api/groups/{id}/members), and who
// is enrolled.

import { get, post } from './api.js';
import { el, fill, notify } from './dom.js';
import { W } from './words.js';
import { errorLine, showError, clearErrors } from './forms.js';
import { personCombobox } from './combobox.js';
import { enrolmentClosed, closedEnrolmentNotice, hasEnded, endedText } from './participation.js';

const T = W.enrol;

/** Mounts the enrol panel into `box`; `onEnrolled()` reloads the group (the caller's roster follows). */
export function mountEnrol(box, groupId, group, onEnrolled) {
  const roster = el('ul', { class: 'plain-list enrol-roster', attrs: { 'aria-label': T.roster } });
  const enrolled = () => new Set((group.members || []).map((m) => m.id));
  const lookup = async (query) => (await get(`/api/users/candidates?query=${encodeURIComponent(query)}`)).users
    .filter((p) => !enrolled().has(p.id));
  const find = personCombobox({ id: 'enrol', label: T.find, hint: T.findHint, name: 'userId', lookup, words: T });

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
    find.reset();
    group.members = [...(group.members || []), { id: person.id, displayName: person.displayName }];
    renderRoster();
    onEnrolled();
    find.input.focus();
  };
  const form = el('form', { noValidate: true, class: 'enrol-form', on: { submit: async (e) => {
    e.preventDefault();
    clearErrors(form);
    fill(notice);
    const person = find.chosen();
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
  ...find.nodes, errorLine(),
  el('button', { type: 'submit', text: T.button }), notice);
  fill(box, el('h2', { text: T.title }), form, el('h3', { text: T.roster }), roster);
  renderRoster();
  return { update(next) { group = next; renderRoster(); } };
}
