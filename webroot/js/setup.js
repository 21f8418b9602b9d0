// A facilitator's set-up: the "New group" form on "Your groups", with the session plan previewed as it is typed,
// from the protocol's data (GET /api/protocols).

import { get, post } from './api.js';
import { el, fill } from './dom.js';
import { W, phaseName } from './words.js';
import { field, errorLine, showError, clearErrors, zonedToInstant, whenIn } from './forms.js';

const T = W.setup;

/**
 * The phase of each session 1…count from a protocol's `phases`, `[{phase, from, to}]`, where a negative number
 * counts from the end (-1 is the last session).
 */
function planPhases(protocol, count) {
  const at = (v) => (v < 0 ? count + 1 + v : v);
  const out = [];
  for (let n = 1; n <= count; n += 1) {
    const hit = protocol.phases.find((r) => n >= at(r.from) && n <= at(r.to));
    out.push(hit ? hit.phase : null);
  }
  return out;
}

function zones() {
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return { here, all: [...new Set(['UTC', here, ...all])].sort() };
}

/** The same wall-clock time `weeks` weeks after a `YYYY-MM-DDTHH:MM` value. */
function weeksLater(local, weeks) {
  const d = new Date(`${local}:00Z`);
  d.setUTCDate(d.getUTCDate() + 7 * weeks);
  return d.toISOString().slice(0, 16);
}

function nextWeekAt18() {
  const d = new Date(Date.now() + 7 * 86400000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T18:00`;
}

/** Puts the "New group" button (and, when opened, its form) into `box`. */
export function mountGroupSetup(box) {
  const open = el('button', { type: 'button', class: 'primary', text: T.newGroup, attrs: { 'aria-expanded': 'false' } });
  const area = el('div', { class: 'setup-area' });
  open.addEventListener('click', async () => {
    const shown = open.getAttribute('aria-expanded') === 'true';
    open.setAttribute('aria-expanded', String(!shown));
    if (shown) {
      fill(area);
      return;
    }
    try {
      fill(area, await groupForm());
      area.querySelector('input').focus();
    } catch {
      fill(area, el('p', { class: 'form-error', attrs: { role: 'alert' }, text: T.protocolsFailed }));
    }
  });
  fill(box, open, area);
}

async function groupForm() {
  const protocols = await get('/api/protocols');
  const name = el('input', { maxLength: 120, autocomplete: 'off' });
  const protocol = el('select', {}, protocols.map((p) => el('option', { value: p.id, text: `${p.name} (${p.id})` })));
  const count = el('input', { type: 'number', inputMode: 'numeric' });
  const first = el('input', { type: 'datetime-local', value: nextWeekAt18() });
  const z = zones();
  const zone = el('select', {}, z.all.map((id) => el('option', { value: id, text: id.replace(/_/g, ' '), selected: id === z.here })));
  const countField = field(T.sessions, count, 'sessionCount', ' ');
  const preview = el('ol', { class: 'plan-preview', attrs: { 'aria-label': T.preview, tabindex: '0' } });
  const runs = el('p', { class: 'plan-runs', attrs: { 'aria-live': 'polite' } });
  const chosen = () => protocols.find((p) => p.id === protocol.value) || protocols[0];
  const fitCount = () => {
    const p = chosen();
    count.min = p.minSessions;
    count.max = p.maxSessions;
    const n = Number(count.value);
    if (!count.value || n < p.minSessions || n > p.maxSessions) count.value = String(p.minSessions);
    countField.querySelector('.hint').textContent = T.sessionsHint(p.minSessions, p.maxSessions);
  };
  const render = () => {
    const p = chosen();
    const n = Number(count.value);
    if (!Number.isInteger(n) || n < 1 || n > (p.maxSessions || 52)) {
      fill(preview);
      runs.textContent = T.previewEmpty;
      return;
    }
    const phases = planPhases(p, n);
    fill(preview, phases.map((phase, i) => {
      const at = first.value ? zonedToInstant(weeksLater(first.value, i), zone.value) : null;
      return el('li', { class: `plan-item phase-${phase}` },
        el('span', { class: 'plan-number', text: T.session(i + 1) }),
        el('span', { class: 'plan-phase', text: phaseName(phase) }),
        el('span', { class: 'plan-when', text: at ? whenIn(at, zone.value) : '' }));
    }));
    const parts = [];
    phases.forEach((phase, i) => {
      const lastRun = parts[parts.length - 1];
      if (lastRun && lastRun.phase === phase) lastRun.to = i + 1;
      else parts.push({ phase, from: i + 1, to: i + 1 });
    });
    runs.textContent = parts.map((r) => T.phaseRun(phaseName(r.phase), r.from, r.to)).join(' · ');
  };
  protocol.addEventListener('change', () => { fitCount(); render(); });
  for (const control of [name, count, first, zone]) control.addEventListener('input', render);
  zone.addEventListener('change', render);
  fitCount();
  const form = el('form', { noValidate: true, class: 'grid-form setup-form', attrs: { 'aria-label': T.title }, on: { submit: async (e) => {
    e.preventDefault();
    clearErrors(form);
    const body = { name: name.value.trim(), protocol: protocol.value, sessionCount: Number(count.value), timeZone: zone.value };
    const at = first.value ? zonedToInstant(first.value, zone.value) : null;
    if (at) body.firstSessionAt = at;
    try {
      const group = await post('/api/groups', body);
      location.assign(`console.html?group=${encodeURIComponent(group.id)}`);
    } catch (err) {
      showError(form, err);
    }
  } } },
  el('h2', { text: T.title }),
  field(T.name, name, 'name'), field(T.protocol, protocol, 'protocol'), countField,
  field(T.first, first, 'firstSessionAt', T.firstHint), field(T.zone, zone, 'timeZone'),
  el('h3', { text: T.preview }), runs, preview, errorLine(),
  el('button', { type: 'submit', class: 'primary', text: T.create }));
  render();
  return form;
}
