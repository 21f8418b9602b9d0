// The WebSocket side of the contract for one group: hello, join (with `after` when catching up), commands
// answered by ack or error through their `ref`, and reconnection with backoff that loses no message.

import { token, refresh } from './api.js';

const MAX_BACKOFF_MS = 15_000;
// A server that shuts down says goodbye and closes with 1012: come back at once, to another node.
const SERVICE_RESTART = 1012;
const MOVE_DELAY_MS = 300;
const ACK_TIMEOUT_MS = 15_000;

export function newId() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** A refused command: the contract's error code and message. */
export class FrameError extends Error {
  constructor(code, message) {
    super(message || code);
    this.code = code;
  }
}

/**
 * handlers: onStatus(status) with status one of connecting, live, moving (the server restarts: a calm, short
 * reconnection), reconnecting, stopped;
 * onJoined(joined, { reconnect }); onEvent(event, { history }); onSignal(frame) for typing, alert and whisper;
 * onStopped(code, message) when the server refuses the join for good.
 */
export class GroupSocket {
  constructor(groupId, handlers) {
    this.groupId = groupId;
    this.handlers = handlers;
    this.ws = null;
    this.lastSeen = null;
    this.joinedSeq = 0;
    this.pending = new Map();
    this.outbox = new Map();
    this.refs = 0;
    this.attempt = 0;
    this.stopped = false;
    this.moving = false;
    this.everJoined = false;
    this.ready = false;
    this.timer = null;
    this.lastTypingSent = 0;
    addEventListener('online', () => this.reconnectNow());
    // A refreshed token renews this socket's sign-in before the old token expires.
    addEventListener('holdspace:token', () => {
      if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type: 'hello', token: token(), ref: 'renew' }));
    });
  }

  start() {
    this.open();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.ws) this.ws.close(1000, 'bye');
  }

  status(value) {
    this.handlers.onStatus && this.handlers.onStatus(value);
  }

  open() {
    if (this.stopped) return;
    this.ready = false;
    this.status(this.moving ? 'moving' : this.everJoined ? 'reconnecting' : 'connecting');
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}/ws`);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', token: token(), ref: 'hello' }));
    ws.onmessage = (m) => {
      let frame;
      try { frame = JSON.parse(m.data); } catch { return; }
      this.onFrame(frame);
    };
    ws.onclose = (closed) => {
      if (this.ws !== ws) return;
      this.ready = false;
      if (closed.code === SERVICE_RESTART) this.moving = true;
      for (const [ref, p] of this.pending) {
        if (!this.outbox.has(ref)) {
          clearTimeout(p.timer);
          p.reject(new FrameError('offline', 'Not connected; the action was not sent.'));
          this.pending.delete(ref);
        }
      }
      this.retryLater();
    };
  }

  retryLater() {
    if (this.stopped) return;
    this.status(this.moving ? 'moving' : 'reconnecting');
    // The first try after a goodbye comes soon: the balancer already sends new sockets to the nodes that stay.
    const first = this.moving && this.attempt === 0;
    const base = first ? MOVE_DELAY_MS : Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt);
    this.attempt += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.open(), base * (0.75 + Math.random() * 0.5));
  }

  reconnectNow() {
    if (this.stopped || (this.ws && this.ws.readyState <= WebSocket.OPEN)) return;
    clearTimeout(this.timer);
    this.attempt = 0;
    this.open();
  }

  sendJoin() {
    const join = { type: 'join', groupId: this.groupId, ref: 'join' };
    if (this.lastSeen !== null) join.after = this.lastSeen;
    this.ws.send(JSON.stringify(join));
  }

  /** Joins again on the open socket (after a readmission), catching up from the last event seen. */
  rejoin() {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.sendJoin();
    else this.reconnectNow();
  }

  onFrame(frame) {
    switch (frame.type) {
      case 'welcome': {
        if (frame.ref === undefined || frame.ref === 'hello') this.sendJoin();
        break;
      }
      case 'joined': {
        const reconnect = this.everJoined;
        this.everJoined = true;
        this.joinedSeq = frame.lastSeq;
        this.ready = true;
        this.attempt = 0;
        this.moving = false;
        this.handlers.onJoined(frame, { reconnect });
        this.status('live');
        this.flushOutbox();
        break;
      }
      case 'event': {
        if (frame.groupId !== this.groupId) return;
        if (this.lastSeen !== null && frame.seq <= this.lastSeen) return;
        this.lastSeen = frame.seq;
        this.handlers.onEvent(frame, { history: frame.seq <= this.joinedSeq });
        break;
      }
      case 'ack': this.settle(frame.ref, null, frame); break;
      case 'goodbye': this.moving = true; break;
      case 'error': this.onError(frame); break;
      default:
        if (frame.groupId === undefined || frame.groupId === this.groupId) {
          this.handlers.onSignal && this.handlers.onSignal(frame);
        }
    }
  }

  onError(frame) {
    if (frame.code === 'unauthenticated') {
      // The token ran out or was refused: get a fresh one (a 401 there goes to the sign-in page) and reconnect.
      refresh().catch(() => {});
      return;
    }
    if (frame.ref === 'join') {
      if (frame.code === 'forbidden') {
        // Removed from the session: the socket stays open, so that a readmission reaches it and it can join again.
        this.handlers.onStopped && this.handlers.onStopped(frame.code, frame.message);
      } else if (frame.code === 'not_found') {
        this.stopped = true;
        this.handlers.onStopped && this.handlers.onStopped(frame.code, frame.message);
        this.ws.close(1000, 'refused');
      }
      return;
    }
    if (frame.ref && this.pending.has(frame.ref)) {
      this.settle(frame.ref, new FrameError(frame.code, frame.message));
      return;
    }
    this.handlers.onSignal && this.handlers.onSignal(frame);
  }

  settle(ref, error, ack) {
    const p = this.pending.get(ref);
    if (!p) return;
    if (error && error.code === 'unavailable' && this.outbox.has(ref)) return; // resent on the next connection
    clearTimeout(p.timer);
    this.pending.delete(ref);
    this.outbox.delete(ref);
    if (error) p.reject(error); else p.resolve(ack);
  }

  /** A command frame; resolves with its ack, rejects with a FrameError. */
  send(type, fields = {}) {
    return new Promise((resolve, reject) => {
      if (!this.ready) {
        reject(new FrameError('offline', 'Not connected right now; please try again in a moment.'));
        return;
      }
      const ref = `r${++this.refs}`;
      const timer = setTimeout(() => {
        this.pending.delete(ref);
        reject(new FrameError('timeout', 'No answer from the server.'));
      }, ACK_TIMEOUT_MS);
      this.pending.set(ref, { resolve, reject, timer });
      this.ws.send(JSON.stringify({ type, groupId: this.groupId, ref, ...fields }));
    });
  }

  /**
   * A message: kept until acknowledged and sent again after a reconnection with the same clientId, so that
   * it is stored once whatever happens to the connection.
   */
  say(text, clientId = newId()) {
    const ref = `s${++this.refs}`;
    const frame = { type: 'say', groupId: this.groupId, text, clientId, ref };
    return new Promise((resolve, reject) => {
      this.pending.set(ref, { resolve, reject, timer: null });
      this.outbox.set(ref, frame);
      if (this.ready) this.ws.send(JSON.stringify(frame));
    });
  }

  flushOutbox() {
    for (const frame of this.outbox.values()) this.ws.send(JSON.stringify(frame));
  }

  /** Tells the others that this person is typing, at most every two seconds. */
  typing() {
    const now = Date.now();
    if (!this.ready || now - this.lastTypingSent < 2000) return;
    this.lastTypingSent = now;
    this.ws.send(JSON.stringify({ type: 'typing', groupId: this.groupId }));
  }
}
