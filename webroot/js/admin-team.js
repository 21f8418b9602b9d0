// The admin page's team of one group: its facilitators and supervisors, "Assign supervisor" (supervisor accounts
// found as you type, GET /api/users?role=supervisor), "Add co-facilitator" (GET …/facilitator-candidates), and
// removal of either after a confirmation dialog. Calls: GET/POST/DELETE /api/groups/{id}/supervisors,
// POST/DELETE /api/groups/{id}/facilitators.

import { get, post, call } from './api.js';
import { el, fill, $, notify } from './dom.js';
import { SUPERVISION as T } from './words.js';
import { errorLine, showError, clearErrors, openDialog } from './forms.js';
import { personCombobox } from './combobox.js';

let panel;

/**
 * Opens the team of `group` (a row of GET /api/admin/groups) below the groups overview, focus on its heading.
 * `onChange()` reloads the overview; `opener()` finds the button to give focus back to on close.
 */
export async function openTeam(group, { onChange, opener }) {
  if (!panel) {
    panel = el('section', { id: 'group-team', class: 'card', attrs: { 'aria-labelledby': 'group-team-title' } });
    $('#groups-overview').after(panel);
  }
  const state = { group, facilitators: [...(group.facilitators || [])], supervisors: [] };
  try {
    state.supervisors = await get(`/api/groups/${group.id}/supervisors`);
  } catch {
    notify(T.failed, 'error');
    return;
  }
  const close = () => {
    panel.hidden = true;
    const back = opener();
    if (back) back.focus();
  };
  const changed = async (focusSelector) => {
    group.facilitators = state.facilitators;
    render(state, changed, close);
    await onChange();
    const target = panel.querySelector(focusSelector);
    if (target) target.focus();
  };
  panel.hidden = false;
  panel.dataset.groupId = String(group.id);
  render(state, changed, close);
  panel.querySelector('h2').focus();
}

function render(state, changed, close) {
  const g = state.group;
  fill(panel,
    el('h2', { id: 'group-team-title', tabIndex: -1, text: T.title(g.name) }),
    el('h3', { id: 'team-facilitators-title', tabIndex: -1, text: T.facilitators }),
    people(state, 'facilitators', state.facilitators.length > 1, changed),
    el('h3', { id: 'team-supervisors-title', tabIndex: -1, text: T.supervisors }),
    state.supervisors.length ? people(state, 'supervisors', true, changed)
      : el('p', { class: 'muted-text', text: T.noSupervisors }),
    addForm(state, 'supervisors', changed),
    addForm(state, 'facilitators', changed),
    el('button', { type: 'button', class: 'quiet-button', text: T.close, on: { click: close } }));
}

function people(state, kind, removable, changed) {
  return el('ul', { class: 'plain-list team-list', attrs: { 'aria-labelledby': `team-${kind}-title`, 'data-team': kind } },
    state[kind].map((p) => el('li', { class: 'team-person', attrs: { 'data-user-id': p.id } },
      el('span', { text: p.displayName }),
      removable ? el('button', { type: 'button', class: 'small danger', on: { click: () => confirmRemoval(state, kind, p, changed) } },
        T.remove, el('span', { class: 'visually-hidden', text: ` ${p.displayName}` })) : null)));
}

function lookup(state, kind) {
  const groupId = state.group.id;
  if (kind === 'facilitators') {
    return (query) => get(`/api/groups/${groupId}/facilitator-candidates?query=${encodeURIComponent(query)}`);
  }
  return async (query) => {
    const params = new URLSearchParams({ role: 'supervisor', active: 'true', limit: '20' });
    if (query) params.set('query', query);
    const page = await get(`/api/users?${params}`);
    const already = new Set(state.supervisors.map((s) => s.id));
    return page.users.filter((u) => !already.has(u.id));
  };
}

function addForm(state, kind, changed) {
  const supervisors = kind === 'supervisors';
  const box = personCombobox({ id: supervisors ? 'assign-supervisor' : 'add-facilitator', name: 'userId',
    label: supervisors ? T.findSupervisor : T.findFacilitator,
    hint: supervisors ? T.findSupervisorHint : T.findFacilitatorHint, lookup: lookup(state, kind), words: T });
  const form = el('form', { noValidate: true, class: 'team-add stack', attrs: { 'data-team-form': kind }, on: { submit: async (e) => {
    e.preventDefault();
    clearErrors(form);
    const person = box.chosen();
    if (!person) {
      showError(form, { status: 400, message: `userId: ${T.choose}` });
      return;
    }
    try {
      const added = await post(`/api/groups/${state.group.id}/${kind}`, { userId: person.id });
      state[kind] = [...state[kind], { id: added.id, displayName: added.displayName }];
      notify(supervisors ? T.assigned(added.displayName) : T.added(added.displayName));
      await changed(`#${box.input.id}`);
    } catch (err) {
      const text = err.message || T.failed;
      showError(form, err.status >= 400 && err.status < 500 && err.status !== 403
        ? { status: 400, message: /^userId: /.test(text) ? text : `userId: ${text}` } : err);
    }
  } } },
  el('h3', { text: supervisors ? T.assignTitle : T.addTitle }), ...box.nodes, errorLine(),
  el('button', { type: 'submit', text: supervisors ? T.assign : T.addFacilitator }));
  return form;
}

function confirmRemoval(state, kind, person, changed) {
  const words = kind === 'supervisors' ? T.confirmSupervisor : T.confirmFacilitator;
  openDialog(T.confirmTitle, (close) => {
    const error = el('p', { class: 'form-error', attrs: { role: 'alert' } });
    return el('div', { class: 'stack' },
      el('p', { text: words(person.displayName, state.group.name) }), error,
      el('div', { class: 'button-row' },
        el('button', { type: 'button', text: T.cancel, on: { click: close } }),
        el('button', { type: 'button', class: 'danger', text: T.confirmYes, on: { click: async () => {
          try {
            await call('DELETE', `/api/groups/${state.group.id}/${kind}/${person.id}`, null);
          } catch (err) {
            error.textContent = err.status === 409 ? T.last : err.message || T.failed;
            return;
          }
          close();
          state[kind] = state[kind].filter((p) => p.id !== person.id);
          notify(T.removed(person.displayName));
          await changed(`#team-${kind}-title`);
        } } })));
  });
}
