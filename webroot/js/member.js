// The member's page: the group's live session as a chat, hand and floor, banners, my own work, help now and my
// safety plan.

import { requireSignIn, signOut, groupFromAddress, loadGroup } from './api.js';
import { GroupSocket, newId } from './socket.js';
import { Room } from './room.js';
import { el, fill, $, notify, clock } from './dom.js';
import { phaseName, errorText } from './words.js';
import { mountMyWork } from './mywork.js';
import { mountSafety } from './safety.js';
import { mountCalendar } from './calendar.js';

const user = requireSignIn();
const groupId = groupFromAddress();
let connection = 'connecting';
let stoppedReason = null;
let room;
let socket;

if (user && !groupId) location.assign('index.html');
else if (user) start();

async function start() {
  $('#signout').addEventListener('click', () => { signOut(); location.assign('index.html'); });
  const group = await loadGroup(groupId, 'This group is not one of yours.',
    text => fill($('#banners'), el('p', { class: 'banner banner-stop', text })));
  if (!group) return;
  $('#group-name').textContent = group.name;
  document.title = `Holdspace · ${group.name}`;
  room = new Room({
    groupId, me: user, log: $('#log'), typingHint: $('#typing'), onChange: render,
  });
  room.setGroup(group);
  room.sessionCount = group.sessionCount;
  render();
  socket = new GroupSocket(groupId, {
    onStatus: (s) => { connection = s; render(); },
    onJoined: (frame, how) => room.joined(frame, how),
    onEvent: (ev, how) => room.event(ev, how),
    onSignal,
    onStopped: (code) => {
      stoppedReason = code === 'forbidden' ? 'removed' : 'gone';
      render();
    },
  });
  socket.start();
  wireCompose();
  mountMyWork(groupId, user).catch(() => {});
  mountSafety(groupId, user);
  mountCalendar($('#calendar-panel'));
}

function onSignal(frame) {
  if (frame.type === 'typing') room.typing(frame.from);
  else if (frame.type === 'whisper') showWhisper(frame);
  else if (frame.type === 'error') notify(errorText(frame.code, frame.message), 'error');
}

function showWhisper(w) {
  const fromMe = w.from && w.from.id === user.id;
  room.add(el('li', { class: 'whisper' },
    el('div', { class: 'meta' },
      el('span', { class: 'who', text: fromMe ? 'You, privately to the facilitator' : `${w.from.displayName}, privately to you` }),
      el('time', { class: 'when', text: clock(w.at) })),
    el('p', { class: 'body', text: w.text })));
}

function canWrite() {
  const st = room.state;
  if (connection !== 'live' || stoppedReason || st.removed) return { ok: false, why: 'You are not connected right now.' };
  if (room.session.status !== 'live') return { ok: false, why: errorText('not_live') };
  if (room.isMuted()) return { ok: false, why: errorText('muted') };
  if (st.locked && st.floor !== user.id) return { ok: false, why: errorText('locked') };
  return { ok: true };
}

function wireCompose() {
  const text = $('#compose-text');
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $('#compose').requestSubmit();
    }
  });
  text.addEventListener('input', () => { if (text.value.trim()) socket.typing(); });
  $('#compose').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = text.value.trim();
    if (!value) return;
    const verdict = canWrite();
    if (!verdict.ok) {
      notify(verdict.why, 'error');
      return;
    }
    text.value = '';
    if ($('#private').checked) {
      socket.send('whisper', { text: value }).catch((err) => {
        text.value = value;
        notify(errorText(err.code, err.message), 'error');
      });
      return;
    }
    const clientId = newId();
    room.pending(clientId, value);
    socket.say(value, clientId).catch((err) => {
      room.failed(clientId);
      notify(errorText(err.code, err.message), 'error');
    });
  });
  $('#hand').addEventListener('click', () => {
    const raised = room.state.hands.includes(user.id);
    socket.send(raised ? 'lower_hand' : 'raise_hand').catch((err) => notify(errorText(err.code, err.message), 'error'));
  });
  $('#pass').addEventListener('click', () => {
    socket.send('pass').catch((err) => notify(errorText(err.code, err.message), 'error'));
  });
}

function render() {
  if (!room) return;
  const s = room.session;
  const st = room.state;
  const count = room.sessionCount ? ` of ${room.sessionCount}` : '';
  $('#session-line').textContent = s.number
    ? `Session ${s.number}${count} · ${phaseName(s.phase)} · ${s.status === 'live' ? 'Live' : s.status === 'ended' ? 'Ended' : 'Not started'}`
    : `${phaseName(s.phase)} · First session not started yet`;
  renderBanners();
  renderFloor();
  const verdict = canWrite();
  const text = $('#compose-text');
  text.disabled = !verdict.ok;
  $('#send').disabled = !verdict.ok;
  text.placeholder = verdict.ok ? 'Write to the group…' : verdict.why;
  const raised = st.hands.includes(user.id);
  const hand = $('#hand');
  hand.textContent = raised ? 'Lower hand' : 'Raise hand';
  hand.setAttribute('aria-pressed', String(raised));
  hand.disabled = connection !== 'live' || s.status !== 'live' || st.floor === user.id;
  $('#pass').hidden = !(st.round && st.round.current === user.id);
}

function renderBanners() {
  const st = room.state;
  const list = [];
  if (stoppedReason === 'removed' || st.removed) {
    list.push(['removed', 'stop', 'You were asked to leave this session. You are welcome back at the next one; your facilitator can tell you more.']);
  } else if (stoppedReason) {
    list.push(['gone', 'stop', 'This group is not available to you.']);
  } else if (connection === 'moving') {
    list.push(['moving', 'info', 'Reconnecting… one moment.']);
  } else if (connection === 'reconnecting') {
    list.push(['reconnecting', 'warn', 'Connection lost. Reconnecting… nothing you wrote will be lost.']);
  } else if (connection === 'connecting') {
    list.push(['connecting', 'info', 'Connecting…']);
  }
  if (room.session.status !== 'live') {
    list.push(['not-live', 'info', room.session.status === 'ended'
      ? 'This session has ended. Thank you for taking part; see you at the next one.'
      : 'The session has not started yet. You can read along; writing opens when your facilitator starts it.']);
  }
  if (room.isMuted()) {
    const until = st.mutedUntil[user.id];
    list.push(['muted', 'warn', `You are muted by the facilitator${until ? ` until ${clock(until)}` : ''}. You can still read along; writing is paused for now.`]);
  }
  if (st.locked && st.floor !== user.id) {
    list.push(['locked', 'info', 'The room is locked for now: only the facilitator and the person with the floor can write.']);
  }
  if (st.slowModeSeconds) list.push(['slow', 'info', `Slow mode: one message every ${st.slowModeSeconds} seconds.`]);
  const box = $('#banners');
  const shown = [...box.children].map((n) => n.dataset.banner + n.textContent).join('|');
  if (shown === list.map(([k, , t]) => k + t).join('|')) return;
  fill(box, list.map(([key, kind, text]) => el('p', { class: `banner banner-${kind}`, attrs: { 'data-banner': key }, text })));
}

function renderFloor() {
  const st = room.state;
  const parts = [];
  if (st.round) {
    parts.push(`Go-round: “${st.round.prompt}”`);
    if (st.round.current != null) parts.push(st.round.current === user.id ? 'It is your turn' : `${room.name(st.round.current)}’s turn`);
  } else if (st.floor != null) {
    parts.push(st.floor === user.id ? 'You have the floor' : `${room.name(st.floor)} has the floor`);
  }
  if (st.hands.length) {
    const mine = st.hands.indexOf(user.id);
    parts.push(mine >= 0 ? `Your hand is up (${ordinal(mine + 1)} in line)` : `${st.hands.length} hand${st.hands.length > 1 ? 's' : ''} raised`);
  }
  const bar = $('#floorbar');
  bar.textContent = parts.join(' · ');
  bar.hidden = parts.length === 0;
}

function ordinal(n) {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}
