// One group's live room as the page sees it: who is who and who is here, the moderation state, and the chat log on
// screen. Comings and goings are shown in the who-is-here list, never as lines of the conversation. Members' pages
// show a mute, a removal or a readmission only to the person it concerns; the facilitators' console shows them all.

import { el, fill, stamp } from './dom.js';
import { describe } from './words.js';

const TYPING_SHOWN_MS = 4000;
const PRESENCE_KINDS = new Set(['join', 'leave']);
const PERSONAL_KINDS = new Set(['mute', 'unmute', 'remove', 'readmit']);

export class Room {
  /**
   * options: groupId, me (the signed-in user), log (the <ol> of the chat, inside its scrolling box), typingHint (an element),
   * presenceList (an element for who is here, optional), facilitatorView (bool), messageTools(event) → extra nodes for
   * a message line (optional), onChange() after any change of state.
   */
  constructor(options) {
    Object.assign(this, options);
    this.people = new Map();
    this.facilitators = new Set();
    this.session = { number: 0, phase: null, status: 'planned' };
    this.state = emptyState();
    this.lines = new Map();
    this.pendingLines = new Map();
    this.typists = new Map();
    // A go-round turn with a time limit counts down on screen.
    setInterval(() => { if (this.state.round && this.state.round.turnUntil) this.changed(); }, 1000);
  }

  /** The group from GET /api/groups/{id}: names of members and facilitators. */
  setGroup(group) {
    this.group = group;
    for (const m of group.members || []) this.people.set(m.id, { ...m, role: 'member' });
    for (const f of group.facilitators || []) {
      this.people.set(f.id, { ...f, role: 'facilitator' });
      this.facilitators.add(f.id);
    }
    if (group.sessionStatus) this.session.status = group.sessionStatus;
    if (group.currentSession !== undefined) this.session.number = group.currentSession;
    if (group.phase) this.session.phase = group.phase;
  }

  name(id) {
    if (id === null || id === undefined) return 'nobody';
    const p = this.people.get(id);
    return p ? p.displayName : 'a member';
  }

  learn(from) {
    if (from && from.id !== undefined && !this.people.has(from.id)) {
      this.people.set(from.id, { id: from.id, displayName: from.displayName, role: 'member' });
    } else if (from && this.people.has(from.id)) {
      this.people.get(from.id).displayName = from.displayName;
    }
  }

  isMuted(id = this.me.id) {
    return this.state.muted.has(id);
  }

  joined(frame, { reconnect }) {
    if (!reconnect) {
      this.log.replaceChildren();
      this.lines.clear();
    }
    this.people.set(this.me.id, { ...(this.people.get(this.me.id) || {}), id: this.me.id, displayName: this.me.displayName,
      role: frame.you && frame.you.role === 'facilitator' ? 'facilitator' : 'member' });
    if (frame.you && frame.you.role === 'facilitator') this.facilitators.add(this.me.id);
    this.session = { ...this.session, ...frame.session };
    const s = frame.state || {};
    this.state = {
      locked: !!s.locked,
      muted: new Set(s.muted || []),
      mutedUntil: { ...(s.mutedUntil || {}) },
      hands: [...(s.hands || [])],
      floor: s.floor ?? null,
      slowModeSeconds: s.slowModeSeconds || 0,
      present: new Set(s.present || []),
      round: s.round || null,
      removedIds: new Set(s.removed || []),
      removed: false,
    };
    this.changed();
  }

  event(ev, { history }) {
    this.learn(ev.from);
    if (!history) this.apply(ev);
    this.render(ev);
    this.changed();
  }

  /** Moves the state on by one live event. */
  apply(ev) {
    const st = this.state;
    switch (ev.kind) {
      case 'join': st.present.add(ev.userId); break;
      case 'leave': st.present.delete(ev.userId); break;
      // What a session's end clears comes as events of its own (hand_lowered, floor, unlock, slow_mode, readmit).
      case 'session_started':
        this.session = { ...this.session, number: ev.number, phase: ev.phase, planPhase: ev.planPhase, status: 'live' };
        break;
      case 'session_ended':
        this.session = { ...this.session, number: ev.number, status: 'ended' };
        break;
      case 'readmit': if (ev.userId === this.me.id) st.removed = false; break;
      case 'participation_ended':
        st.hands = st.hands.filter((id) => id !== ev.userId);
        st.present.delete(ev.userId);
        if (st.floor === ev.userId) st.floor = null;
        if (ev.userId === this.me.id) st.removed = true;
        break;
      case 'mute':
        st.muted.add(ev.userId);
        if (ev.until) st.mutedUntil[ev.userId] = ev.until; else delete st.mutedUntil[ev.userId];
        break;
      case 'unmute': st.muted.delete(ev.userId); delete st.mutedUntil[ev.userId]; break;
      case 'lock': st.locked = true; break;
      case 'unlock': st.locked = false; break;
      case 'remove':
        st.hands = st.hands.filter((id) => id !== ev.userId);
        st.present.delete(ev.userId);
        st.removedIds.add(ev.userId);
        if (st.floor === ev.userId) st.floor = null;
        if (ev.userId === this.me.id) st.removed = true;
        break;
      case 'readmit':
        st.removedIds.delete(ev.userId);
        if (ev.userId === this.me.id) st.removed = false;
        break;
      case 'floor':
        st.floor = ev.userId ?? null;
        if (ev.userId != null) st.hands = st.hands.filter((id) => id !== ev.userId);
        break;
      case 'hand_raised': if (!st.hands.includes(ev.userId)) st.hands.push(ev.userId); break;
      case 'hand_lowered': st.hands = st.hands.filter((id) => id !== ev.userId); break;
      case 'slow_mode': st.slowModeSeconds = ev.seconds || 0; break;
      case 'round_started':
        st.round = { prompt: ev.prompt, order: ev.order || [], current: null, turnUntil: null };
        break;
      case 'round_turn':
        if (st.round) { st.round.current = ev.userId; st.round.turnUntil = ev.until || null; }
        st.floor = ev.userId;
        break;
      case 'round_ended': st.round = null; st.floor = null; break;
      case 'phase_changed': this.session = { ...this.session, phase: ev.phase }; break;
      default: break;
    }
  }

  /** Whether an event is a line of this page's conversation. */
  shown(ev) {
    if (PRESENCE_KINDS.has(ev.kind)) return false;
    if (PERSONAL_KINDS.has(ev.kind) && !this.facilitatorView) return ev.userId === this.me.id;
    return true;
  }

  render(ev) {
    if (ev.kind === 'message') {
      this.renderMessage(ev);
      return;
    }
    if (ev.kind === 'redact') {
      const line = this.lines.get(ev.targetSeq);
      if (line) this.blank(line);
    }
    if (!this.shown(ev)) return;
    if (ev.kind === 'session_started') {
      const day = new Date(ev.at || Date.now()).toLocaleDateString([], { day: 'numeric', month: 'long' });
      this.add(el('li', { class: 'divider', attrs: { 'data-seq': ev.seq } },
        el('span', { text: `Session ${ev.number} · ${day}` })));
      return;
    }
    const words = describe(ev, (id) => this.name(id), this.me.id);
    if (!words) return;
    const quiet = ev.kind === 'hand_raised' || ev.kind === 'hand_lowered';
    const major = ev.kind === 'session_ended' || ev.kind === 'phase_changed';
    this.add(el('li', { class: `system${quiet ? ' quiet' : ''}${major ? ' major' : ''}`, attrs: { 'data-seq': ev.seq } },
      el('span', { class: 'system-text', text: words }),
      el('time', { class: 'when', text: stamp(ev.at), attrs: { datetime: ev.at } })));
  }

  renderMessage(ev) {
    const mine = ev.from && ev.from.id === this.me.id;
    const byFacilitator = ev.from && this.facilitators.has(ev.from.id);
    const body = el('p', { class: 'body' });
    const line = el('li', {
      class: `msg${mine ? ' mine' : ''}${byFacilitator ? ' by-facilitator' : ''}`,
      attrs: { 'data-seq': ev.seq },
    },
    el('div', { class: 'meta' },
      el('span', { class: 'who', text: mine ? 'You' : (ev.from ? ev.from.displayName : 'Someone') }),
      byFacilitator ? el('span', { class: 'badge badge-facilitator', text: 'Facilitator' }) : null,
      el('time', { class: 'when', text: stamp(ev.at), attrs: { datetime: ev.at } })),
    body);
    if (ev.redacted || ev.text === undefined || ev.text === null) this.blank(line, body);
    else body.textContent = ev.text;
    if (this.messageTools && !ev.redacted) {
      const tools = this.messageTools(ev);
      if (tools) line.append(el('div', { class: 'tools' }, tools));
    }
    this.lines.set(ev.seq, line);
    const pending = mine && ev.clientId ? this.pendingLines.get(ev.clientId) : null;
    if (pending) {
      this.pendingLines.delete(ev.clientId);
      pending.replaceWith(line);
    } else {
      this.add(line);
    }
    if (ev.from) this.typists.delete(ev.from.id);
    this.renderTyping();
  }

  blank(line, body = line.querySelector('.body')) {
    line.classList.add('redacted');
    fill(body, el('em', { text: 'This message was removed by the facilitator.' }));
    const tools = line.querySelector('.tools');
    if (tools) tools.remove();
  }

  /** Shows my message at once, marked as sending, until its event arrives. */
  pending(clientId, text) {
    const line = el('li', { class: 'msg mine pending' },
      el('div', { class: 'meta' }, el('span', { class: 'who', text: 'You' }), el('span', { class: 'when', text: 'sending…' })),
      el('p', { class: 'body', text }));
    this.pendingLines.set(clientId, line);
    this.add(line);
  }

  /** A message the server refused: its line goes (the text goes back to the message box for another try). */
  withdraw(clientId) {
    const line = this.pendingLines.get(clientId);
    if (!line) return;
    this.pendingLines.delete(clientId);
    line.remove();
  }

  add(node) {
    const box = this.log.parentElement;
    const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 120;
    this.log.append(node);
    if (nearBottom || node.classList.contains('mine')) box.scrollTop = box.scrollHeight;
  }

  typing(from) {
    if (!from || from.id === this.me.id) return;
    this.learn(from);
    this.typists.set(from.id, Date.now());
    this.renderTyping();
    setTimeout(() => this.renderTyping(), TYPING_SHOWN_MS + 50);
  }

  renderTyping() {
    if (!this.typingHint) return;
    const now = Date.now();
    const names = [...this.typists].filter(([, t]) => now - t < TYPING_SHOWN_MS).map(([id]) => this.name(id));
    this.typingHint.textContent = names.length === 0 ? '' :
      names.length === 1 ? `${names[0]} is typing…` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`;
  }

  /** Who is here: facilitators first, then members, each once however many tabs they have open. */
  renderPresence() {
    if (!this.presenceList) return;
    const here = [...this.state.present].map((id) => ({ id, name: this.name(id), facilitator: this.facilitators.has(id) }))
      .sort((a, b) => (b.facilitator - a.facilitator) || a.name.localeCompare(b.name));
    const key = here.map((p) => `${p.id}:${p.name}`).join('|');
    if (this.presenceList.dataset.key === key) return;
    this.presenceList.dataset.key = key;
    fill(this.presenceList, here.map((p) => el('li', { attrs: { 'data-user-id': p.id } },
      el('span', { text: p.id === this.me.id ? `${p.name} (you)` : p.name }),
      p.facilitator ? el('span', { class: 'present-role', text: 'facilitator' }) : null)));
  }

  /** The time left of the current go-round turn as m:ss, or '' when it has no limit. */
  turnLeft() {
    const until = this.state.round && this.state.round.turnUntil;
    if (!until) return '';
    const seconds = Math.max(0, Math.ceil((new Date(until).getTime() - Date.now()) / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  changed() {
    this.renderPresence();
    this.onChange && this.onChange();
  }
}

function emptyState() {
  return {
    locked: false, muted: new Set(), mutedUntil: {}, hands: [], floor: null, slowModeSeconds: 0,
    present: new Set(), round: null, removedIds: new Set(), removed: false,
  };
}
