// A facilitator's set-up: the "New group" form on "Your groups", with the session plan previewed as it is typed,
// from the protocol's data (GET /api/protocols, or the built-in protocols when the server has no such call).

import { post, optional } from './api.js';
import { el, fill } from './dom.js';
import { W, phaseName } from './words.js';
import { field, errorLine, showError, clearErrors, zonedToInstant, whenIn } from './forms.js';

const T = W.setup;

/** The built-in protocols (src/main/resources/protocols/protocols.json), used when GET /api/protocols answers 404. */
const BUILT_IN = [
  { id: 'ipt', name: 'Interpersonal Psychotherapy in a group', minSessions: 12, maxSessions: 16, initialSessions: 3, terminationSessions: 2 },
  { id: 'ipt-individual', name: 'Interpersonal Psychotherapy, one member', minSessions: 12, maxSessions: 16, initialSessions: 3, terminationSessions: 2 },
  { id: 'dit', name: 'Dynamic Interpersonal Therapy', minSessions: 16, maxSessions: 16, initialSessions: 4, terminationSessions: 4 },
];

export async function loadProtocols() {
  const listed = await optional('/api/protocols').catch(() => null);
  return Array.isArray(listed) && listed.length ? listed : BUILT_IN;
}

/**
 * The phase of each session 1…count. A protocol's `phases` may list `{phase, from, to}` (or `first`/`last`, or a
 * `sessions` list); otherwise the initial and termination lengths apply (IPT's 3 and 2 by default).
 */
export function planPhases(protocol, count) {
  const out = [];
  const ranges = Array.isArray(protocol.phases) ? protocol.phases : [];
  for (let n = 1; n <= count; n += 1) {
    const hit = ranges.find((r) => {
      if (!r || typeof r !== 'object') return false;
      if (Array.isArray(r.sessions)) return r.sessions.includes(n);
      const from = r.from ?? r.first;
      const to = r.to ?? r.last;
      return Number.isInteger(from) && Number.isInteger(to) && n >= from && n <= to;
    });
    if (hit) out.push(hit.phase || hit.name);
    else {
      const initial = protocol.initialSessions ?? 3;
      const termination = protocol.terminationSessions ?? 2;
      out.push(n <= initial ? 'initial' : n > count - termination ? 'termination' : 'middle');
    }
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
    fill(area, await groupForm());
    area.querySelector('input').focus();
  });
  fill(box, open, area);
}

async function groupForm() {
  const protocols = await loadProtocols();
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
