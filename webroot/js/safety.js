// The member's safety: a button that asks the facilitators for help at once and shows the deployment's crisis
// resources, and the member's own safety plan (Stanley-Brown: six short lists), written and kept on the server.

import { get, post, put } from './api.js';
import { el, fill, $, notify, dateLabel } from './dom.js';

export const PLAN_PARTS = {
  warningSigns: 'My warning signs',
  copingStrategies: 'Things I can do on my own to cope',
  distractions: 'People and places that take my mind off things',
  peopleToAsk: 'People I can ask for help',
  professionals: 'Professionals and services I can contact',
  safeEnvironment: 'Making my surroundings safe',
};

export function mountSafety(groupId, user) {
  $('#help-now').addEventListener('click', () => askForHelp(groupId));
  showPlan(`/api/groups/${groupId}/members/${user.id}/safety-plan`).catch(() => { $('#plan-panel').hidden = true; });
}

async function askForHelp(groupId) {
  const button = $('#help-now');
  button.disabled = true;
  try {
    const answer = await post(`/api/groups/${groupId}/help`);
    showResources(answer.resources, 'Your facilitator has been told. If you are in danger now, do not wait:');
  } catch {
    const resources = await get('/api/crisis-resources').catch(() => []);
    showResources(resources, 'We could not reach your facilitator. If you are in danger now, do not wait:');
  } finally {
    button.disabled = false;
  }
}

function showResources(resources, lead) {
  const box = $('#help-resources');
  box.hidden = false;
  fill(box, el('p', { text: lead }), el('ul', { class: 'resources' }, (resources || []).map((r) => el('li', {},
    el('strong', { text: r.name }),
    r.phone ? [' ', el('a', { attrs: { href: `tel:${r.phone.replace(/[^+\d]/g, '')}` }, text: r.phone })] : null,
    r.url ? [' ', el('a', { attrs: { href: r.url, rel: 'noopener', target: '_blank' }, text: r.url })] : null,
    r.text ? el('p', { text: r.text }) : null))));
  box.focus();
}

async function showPlan(path) {
  const plan = await get(path);
  const fields = Object.entries(PLAN_PARTS).map(([part, label]) => {
    const area = el('textarea', { id: `plan-${part}`, rows: 3, value: (plan[part] || []).join('\n'),
      attrs: { 'aria-describedby': 'plan-hint' } });
    return [el('label', { attrs: { for: area.id }, text: label }), area];
  });
  const status = el('p', { class: 'muted-text', attrs: { role: 'status' }, text: saved(plan) });
  const form = el('form', { id: 'plan-form', on: { submit: async (e) => {
    e.preventDefault();
    const body = {};
    for (const part of Object.keys(PLAN_PARTS)) {
      body[part] = $(`#plan-${part}`).value.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 10);
    }
    try {
      const stored = await put(path, body);
      status.textContent = saved(stored);
      notify('Safety plan saved.');
    } catch (err) { notify(`Could not save the plan: ${err.message}`, 'error'); }
  } } },
  el('p', { id: 'plan-hint', class: 'hint', text: 'One item per line, up to 10 in each list. Your facilitators can read it too.' }),
  fields.flat(), el('button', { type: 'submit', class: 'primary', text: 'Save safety plan' }), status);
  fill($('#plan-body'), form);
}

function saved(plan) {
  return plan.updatedAt ? `Last saved ${dateLabel(plan.updatedAt)}` : 'Not written yet';
}
