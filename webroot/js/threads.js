// Private messages as threads: on the console one thread per member (their messages to the facilitators and the
// facilitators' to them), on a member's page their one thread with the facilitators. The server replays them on
// every join, so a thread survives a reload; each message is kept once by its id.

import { el, fill, stamp, notify } from './dom.js';

export class Threads {
  /**
   * options: box (the element holding the threads), me (the signed-in user), facilitatorView (bool),
   * name(id) → display name, members() → [{id, displayName}] (console: one thread each, even before any message),
   * onReply(memberId) (console: "Reply privately" chooses that member as the one to write to).
   */
  constructor(options) {
    Object.assign(this, options);
    this.byThread = new Map();
    this.seen = new Set();
    this.unread = new Map();
    this.open = new Set();
    this.startedAt = Date.now();
  }

  /** The member a private message belongs to: its writer when a member wrote, else the member it went to. */
  memberOf(w) {
    return w.to == null ? w.from.id : w.to;
  }

  add(w) {
    if (this.seen.has(w.id)) return;
    this.seen.add(w.id);
    const key = this.facilitatorView ? this.memberOf(w) : 'facilitators';
    const list = this.byThread.get(key) || [];
    list.push(w);
    list.sort((a, b) => a.id - b.id);
    this.byThread.set(key, list);
    const fromMe = w.from && w.from.id === this.me.id;
    if (!fromMe && !this.open.has(key)) this.unread.set(key, (this.unread.get(key) || 0) + 1);
    // A message replayed when the page opens is no news; one that arrives later is announced.
    const fresh = Date.now() - this.startedAt > 3000 && (!w.at || Date.now() - new Date(w.at).getTime() < 60_000);
    if (!fromMe && fresh) notify(`Private message from ${w.from.displayName}`);
    this.render();
  }

  render() {
    const keys = this.facilitatorView
      ? (this.members() || []).map((m) => m.id)
      : ['facilitators'];
    for (const key of this.byThread.keys()) if (!keys.includes(key)) keys.push(key);
    const shown = this.facilitatorView ? keys.filter((k) => this.byThread.has(k) || this.open.has(k)) : keys;
    if (!shown.length) {
      fill(this.box, el('p', { class: 'empty', text: 'No private messages yet. Choose a member under “To” to write to them privately.' }));
      return;
    }
    fill(this.box, shown.map((key) => this.thread(key)));
  }

  thread(key) {
    const list = this.byThread.get(key) || [];
    const title = this.facilitatorView ? `Private with ${this.name(key)}` : 'Private with the facilitators';
    const unread = this.unread.get(key) || 0;
    const details = el('details', { class: 'thread', attrs: { 'data-thread': key }, open: this.open.has(key) || !this.facilitatorView },
      el('summary', {}, title, el('span', { class: 'visually-hidden', text: ` (${list.length} messages)` }),
        unread ? el('span', { class: 'unread', text: `${unread} new` }) : null),
      list.length ? el('ol', { class: 'thread-list', attrs: { 'aria-label': title } }, list.map((w) => this.line(w)))
        : el('p', { class: 'empty thread-actions', text: 'Nothing yet.' }),
      this.facilitatorView && this.onReply ? el('div', { class: 'thread-actions' },
        el('button', { type: 'button', class: 'small', text: 'Reply privately', attrs: { 'aria-label': `Reply privately to ${this.name(key)}`, 'data-write': '' },
          on: { click: () => this.onReply(key) } })) : null);
    details.addEventListener('toggle', () => {
      if (details.open) { this.open.add(key); this.unread.delete(key); } else this.open.delete(key);
      const badge = details.querySelector('.unread');
      if (details.open && badge) badge.remove();
    });
    if (details.open) this.unread.delete(key);
    queueMicrotask(() => { const ol = details.querySelector('.thread-list'); if (ol) ol.scrollTop = ol.scrollHeight; });
    return details;
  }

  line(w) {
    const fromMe = w.from && w.from.id === this.me.id;
    const who = fromMe ? 'You' : w.from.displayName;
    const to = w.to == null ? 'to the facilitators' : (w.to === this.me.id ? 'to you' : `to ${this.name(w.to)}`);
    return el('li', { class: 'whisper-line', attrs: { 'data-whisper': w.id } },
      el('div', { class: 'meta' }, el('span', { class: 'who', text: `${who}, ${to}` }),
        el('time', { class: 'when', text: stamp(w.at), attrs: { datetime: w.at } })),
      w.text ? el('p', { class: 'body', text: w.text })
        : el('p', { class: 'body muted-text' }, el('em', { text: 'This message is no longer kept.' })));
  }
}
