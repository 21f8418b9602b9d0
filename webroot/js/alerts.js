// The console's alert queue: every alert of the group not resolved yet, newest first, with the time since it was
// raised and who acknowledged it; "Acknowledge" and "Resolve" (an outcome and a note for facilitators only) close
// the loop on the server, and every change arrives again as an "alert" frame (docs/protocol.md). The queue is a bar
// with a count and the newest alert, over a drawer of them all that never takes more than a third of the screen;
// the drawer opens by itself when a new alert comes in. A PHQ-9 alert shows the answers, item 9 first.

import { get, post, optional } from './api.js';
import { el, fill, $, notify, clock } from './dom.js';
import { ALERTS, OUTCOMES, PHQ9_ANSWERS } from './words.js';

export class AlertQueue {
  /** `me` is the signed-in facilitator's id, `name(id)` answers a display name; `onMessage(seq)` and `onMember(id)` open what an alert points at. */
  constructor({ groupId, me, name, onMessage, onMember, onCount }) {
    this.groupId = groupId;
    this.me = me;
    this.name = name;
    this.onMessage = onMessage;
    this.onMember = onMember;
    this.onCount = onCount;
    this.alerts = new Map();
    this.resolving = null;
    this.cssrs = false;
    this.phq9 = null;
    this.answers = new Map();
    this.expanded = true;
    $('#alerts-toggle').addEventListener('click', () => { this.expanded = !this.expanded; this.render(); });
    setInterval(() => this.render(), 30_000);
  }

  async load() {
    const instruments = await optional('/api/instruments').catch(() => null);
    this.cssrs = Array.isArray(instruments) && instruments.some((i) => (i.id || i.name || i) === 'cssrs_screen');
    this.phq9 = Array.isArray(instruments) ? instruments.find((i) => i.id === 'phq9') || null : null;
    try {
      const list = await get(`/api/groups/${this.groupId}/alerts`);
      for (const a of list) this.alerts.set(a.id, a);
    } catch { /* shown when they arrive live */ }
    this.render();
  }

  /** An alert frame: a new alert is announced, a changed one replaces the old. */
  update(alert) {
    if (!alert) return;
    const isNew = !this.alerts.has(alert.id);
    this.alerts.set(alert.id, alert);
    if (isNew && alert.status === 'open') this.expanded = true;
    this.render();
    if (isNew && alert.status === 'open') announce(`New alert: ${ALERTS[alert.kind] || alert.kind} (${this.name(alert.userId)})`);
    else if (alert.escalatedAt && alert.status === 'open') announce(`Alert still open: ${ALERTS[alert.kind] || alert.kind} (${this.name(alert.userId)})`);
  }

  pending() {
    return [...this.alerts.values()].filter((a) => a.status !== 'resolved').sort((a, b) => b.id - a.id);
  }

  render() {
    const open = this.pending();
    $('#alerts').hidden = open.length === 0;
    this.onCount(open.filter((a) => a.status === 'open').length);
    $('#alert-count').textContent = String(open.length);
    const newest = open[0];
    $('#alert-latest').textContent = newest ? `Newest: ${ALERTS[newest.kind] || newest.kind} — ${this.name(newest.userId)}` : '';
    const toggle = $('#alerts-toggle');
    toggle.setAttribute('aria-expanded', String(this.expanded));
    toggle.textContent = this.expanded ? 'Hide the list' : `Show all ${open.length}`;
    $('#alert-list').hidden = !this.expanded;
    fill($('#alert-list'), open.map((a) => this.item(a)));
  }

  /** The answers of the PHQ-9 an alert is about, item 9 first; read once per alert. */
  phqAnswers(a) {
    const id = a.ref && a.ref.measureId;
    if (a.kind !== 'phq9_item9' || !id) return null;
    if (!this.answers.has(id)) {
      this.answers.set(id, null);
      get(`/api/groups/${this.groupId}/members/${a.userId}/measures`).then((list) => {
        const m = (list || []).find((x) => x.id === id);
        if (m && Array.isArray(m.answers)) { this.answers.set(id, m); this.render(); }
      }).catch(() => {});
    }
    const m = this.answers.get(id);
    if (!m) return null;
    const items = (this.phq9 && this.phq9.items) || [];
    const text = (i) => (items[i] && items[i].text) || `Item ${i + 1}`;
    const order = [8, 0, 1, 2, 3, 4, 5, 6, 7].filter((i) => i < m.answers.length);
    return el('div', { class: 'phq-answers' },
      el('p', { text: `PHQ-9 answers (total ${m.total}), item 9 first:` }),
      el('ol', {}, order.map((i) => el('li', { class: i === 8 ? 'item9' : null, attrs: { value: i + 1 } },
        `${text(i)}: ${m.answers[i]} (${PHQ9_ANSWERS[m.answers[i]] || m.answers[i]})`))));
  }

  item(a) {
    const seq = a.ref && a.ref.seq;
    const state = a.status === 'acknowledged'
      ? `Acknowledged by ${a.acknowledgedBy === this.me ? 'you' : this.name(a.acknowledgedBy)}` : 'Not acknowledged yet';
    return el('li', { class: `alert-item alert-${a.status}`, attrs: { 'data-alert': a.id } },
      el('p', {},
        el('strong', { text: ALERTS[a.kind] || a.kind }), ` — ${this.name(a.userId)}, `,
        el('time', { attrs: { datetime: a.at }, text: `${since(a.at)} (${clock(a.at)})` }),
        a.ref && a.ref.reason ? el('span', { class: 'alert-reason', text: ` “${a.ref.reason}”` }) : null),
      el('p', { class: 'alert-state', text: a.escalatedAt ? `${state} · escalated` : state }),
      this.phqAnswers(a),
      el('div', { class: 'alert-actions' },
        seq ? el('button', { type: 'button', text: 'Show the message', on: { click: () => this.onMessage(seq) } }) : null,
        el('button', { type: 'button', text: 'View member', on: { click: () => this.onMember(a.userId) } }),
        a.kind === 'phq9_item9' && this.cssrs
          ? el('button', { type: 'button', text: 'Screen (C-SSRS)', attrs: { 'data-write': '' }, on: { click: () => this.onMember(a.userId, 'cssrs_screen') } }) : null,
        a.status === 'open'
          ? el('button', { type: 'button', class: 'primary', text: 'Acknowledge', attrs: { 'data-write': '' }, on: { click: () => this.acknowledge(a) } }) : null,
        el('button', { type: 'button', text: 'Resolve', attrs: { 'aria-expanded': String(this.resolving === a.id), 'data-write': '' },
          on: { click: () => { this.resolving = this.resolving === a.id ? null : a.id; this.render(); } } })),
      this.resolving === a.id ? this.resolveForm(a) : null);
  }

  resolveForm(a) {
    const outcome = el('select', { id: `outcome-${a.id}`, required: true },
      el('option', { value: '', text: 'Choose…' }),
      Object.entries(OUTCOMES).map(([value, text]) => el('option', { value, text })));
    const note = el('textarea', { id: `note-${a.id}`, rows: 2, maxLength: 2000 });
    return el('form', { class: 'resolve-form', on: { submit: (e) => { e.preventDefault(); this.resolve(a, outcome.value, note.value); } } },
      el('label', { attrs: { for: outcome.id }, text: 'Outcome' }), outcome,
      el('label', { attrs: { for: note.id }, text: 'Note (seen by facilitators only)' }), note,
      el('button', { type: 'submit', class: 'primary', text: 'Save resolution' }));
  }

  async acknowledge(a) {
    try {
      this.update(await post(`/api/groups/${this.groupId}/alerts/${a.id}/acknowledge`));
    } catch (e) { notify(`Could not acknowledge: ${e.message}`, 'error'); }
  }

  async resolve(a, outcome, note) {
    if (!outcome) { notify('Choose an outcome first.', 'error'); return; }
    try {
      this.resolving = null;
      this.update(await post(`/api/groups/${this.groupId}/alerts/${a.id}/resolve`, note.trim() ? { outcome, note } : { outcome }));
      notify('Alert resolved.');
    } catch (e) { notify(`Could not resolve: ${e.message}`, 'error'); }
  }
}

function since(iso) {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 24 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`;
}

/** A new alert: a toast, a flash of the queue (still when reduced motion is asked for) and a short tone. */
function announce(text) {
  notify(text, 'error');
  const box = $('#alerts');
  if (!matchMedia('(prefers-reduced-motion: reduce)').matches) {
    box.classList.remove('alert-flash');
    void box.offsetWidth;
    box.classList.add('alert-flash');
  }
  try {
    const audio = new (window.AudioContext || window.webkitAudioContext)();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 660;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.6);
    tone.onended = () => audio.close();
  } catch { /* no sound where the browser forbids it */ }
}
