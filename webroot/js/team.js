// The console's "Team" section: the group's facilitators (owner and co-facilitators are equals) and supervisors;
// facilitators add a co-facilitator found by name and remove one after a confirmation. A supervisor sees the console
// read-only: every control that writes carries `data-write` and is hidden (the server refuses such calls anyway).

import { get, post, call } from './api.js';
import { el, fill, $, notify } from './dom.js';
import { TEAM } from './words.js';

/** True when the signed-in account supervises the group: the page becomes read-only and says so. */
export function applyStanding(group) {
  const supervisor = group.you && group.you.role === 'supervisor';
  document.body.classList.toggle('read-only', supervisor);
  if (!supervisor) return false;
  const titles = $('.topbar .titles');
  if (titles && !$('#read-only-label')) {
    titles.append(el('p', { id: 'read-only-label', class: 'read-only-label', text: TEAM.readOnly }),
      el('p', { class: 'read-only-hint', text: TEAM.readOnlyHint }));
  }
  const skip = $('a.skip');
  if (skip) { skip.href = '#log-box'; skip.textContent = 'Skip to the conversation'; }
  return true;
}

/** Fills the team panel of the console and keeps it current after each change. */
export function mountTeam(groupId, group, me) {
  const panel = $('#team-panel');
  if (!panel) return;
  const state = { group, searching: false };
  const render = () => renderTeam(panel, groupId, state, me);
  state.reload = async () => {
    try { state.group = await get(`/api/groups/${groupId}`); } catch { /* the last view stays */ }
    render();
  };
  panel.hidden = false;
  render();
}

function renderTeam(panel, groupId, state, me) {
  const g = state.group;
  const facilitator = !(g.you && g.you.role === 'supervisor');
  const facilitators = g.facilitators || [];
  const supervisors = g.supervisors || [];
  const canRemove = facilitator && facilitators.length > 1;
  fill($('#team-body', panel),
    el('h3', { id: 'team-facilitators', text: TEAM.facilitators }),
    el('ul', { class: 'plain-list team-list', attrs: { 'aria-labelledby': 'team-facilitators' } },
      facilitators.map((f) => el('li', { class: 'team-person', attrs: { 'data-team-id': f.id } },
        el('span', { text: f.id === me.id ? `${f.displayName} ${TEAM.you}` : f.displayName }),
        canRemove ? el('button', { type: 'button', class: 'small danger', attrs: { 'data-write': '', 'data-action': 'remove-facilitator' },
          on: { click: (e) => confirmRemoval(groupId, f, e.currentTarget, state) } },
        TEAM.remove, el('span', { class: 'visually-hidden', text: ` ${f.displayName}` })) : null))),
    el('h3', { id: 'team-supervisors', text: TEAM.supervisors }),
    supervisors.length
      ? el('ul', { class: 'plain-list team-list', attrs: { 'aria-labelledby': 'team-supervisors' } },
        supervisors.map((s) => el('li', { class: 'team-person', text: s.id === me.id ? `${s.displayName} ${TEAM.you}` : s.displayName })))
      : el('p', { class: 'muted-text', text: TEAM.noSupervisors }),
    facilitator ? el('p', { class: 'muted-text', text: TEAM.supervisorsByAdmin }) : null,
    facilitator ? addForm(groupId, state) : null);
}

function addForm(groupId, state) {
  const input = el('input', { id: 'team-query', type: 'search', maxLength: 100, autocomplete: 'off',
    attrs: { 'aria-describedby': 'team-error' } });
  const error = el('p', { id: 'team-error', class: 'field-error', attrs: { 'aria-live': 'polite' } });
  const results = el('ul', { id: 'team-results', class: 'plain-list team-results', attrs: { 'aria-label': TEAM.add } });
  const search = async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      const found = await get(`/api/groups/${groupId}/facilitator-candidates?query=${encodeURIComponent(input.value.trim())}`);
      if (!found.length) {
        fill(results);
        error.textContent = TEAM.noneFound;
        return;
      }
      fill(results, found.map((c) => el('li', { class: 'team-person' },
        el('span', { text: `${c.displayName} (${c.username})` }),
        el('button', { type: 'button', class: 'small', attrs: { 'data-action': 'add-facilitator' },
          on: { click: () => add(groupId, c, state, error, input) } },
        TEAM.addOne, el('span', { class: 'visually-hidden', text: ` ${c.displayName}` })))));
      results.querySelector('button')?.focus();
    } catch (err) {
      error.textContent = err.message || TEAM.failed;
    }
  };
  return el('form', { class: 'team-add', attrs: { 'data-write': '' }, on: { submit: search } },
    el('h3', { text: TEAM.add }),
    el('label', { htmlFor: 'team-query', text: TEAM.findLabel }),
    el('div', { class: 'inline-form' }, input, el('button', { type: 'submit', text: TEAM.find })),
    error, results);
}

async function add(groupId, candidate, state, error, input) {
  try {
    await post(`/api/groups/${groupId}/facilitators`, { userId: candidate.id });
    notify(TEAM.added(candidate.displayName));
    await state.reload();
    $('#team-query')?.focus();
  } catch (err) {
    error.textContent = err.message || TEAM.failed;
    input.focus();
  }
}

/** A modal dialog that asks before removing; focus goes back to the button that opened it. */
function confirmRemoval(groupId, person, opener, state) {
  const dialog = el('dialog', { class: 'confirm-dialog', attrs: { 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' } });
  const close = () => { dialog.close(); dialog.remove(); if (opener.isConnected) opener.focus(); };
  const yes = el('button', { type: 'button', class: 'danger', text: TEAM.confirmYes, on: { click: async () => {
    try {
      await call('DELETE', `/api/groups/${groupId}/facilitators/${person.id}`, null);
      dialog.close();
      dialog.remove();
      notify(TEAM.removed(person.displayName));
      await state.reload();
      $('#team-query')?.focus();
    } catch (err) {
      close();
      notify(err.status === 409 ? TEAM.last : err.message || TEAM.failed, 'error');
    }
  } } });
  fill(dialog, el('h2', { id: 'confirm-title', text: TEAM.confirmTitle }),
    el('p', { id: 'confirm-text', text: TEAM.confirmText(person.displayName) }),
    el('div', { class: 'inline-form' }, el('button', { type: 'button', text: TEAM.cancel, on: { click: close } }), yes));
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(); });
  document.body.append(dialog);
  dialog.showModal();
  dialog.querySelector('button').focus();
}
