// The member's page: the group's live session as a chat, hand and floor, banners, my own work, help now and my
// safety plan.

import { requireSignIn, signOut, groupFromAddress, loadGroup } from './api.js';
import { GroupSocket, newId } from './socket.js';
import { Room } from './room.js';
import { el, fill, $, notify, clock } from './dom.js';
import { phaseName, errorText, slowModeWait } from './words.js';
import { mountMyWork, refreshMyWork } from './mywork.js';
import { mountSafety } from './safety.js';
import { Threads } from './threads.js';
import { showNotFound } from './notfound.js';
import { fitChat } from './layout.js';
import { mountCourseWork } from './mywork-course.js';

const NOT_YOURS = 'This group is not one of yours.';

const user = requireSignIn();
const groupId = groupFromAddress();
let connection = 'connecting';
let stoppedReason = null;
let room;
let socket;
let threads;
// The muted notice speaks once it matters: when the mute arrives, or when a message was refused for it.
let mutedNoticed = false;
let lastSentAt = 0;
let waitUntil = 0;
let waitTimer = null;

if (user && !groupId) location.assign('index.html');
else if (user) start();

async function start() {
  $('#signout').addEventListener('click', () => { signOut(); location.assign('index.html'); });
  const group = await loadGroup(groupId, NOT_YOURS,
    text => (text === NOT_YOURS ? showNotFound() : fill($('#banners'), el('p', { class: 'banner banner-stop', text }))));
  if (!group) return;
  fitChat($('.chat'));
  $('#group-name').textContent = group.name;
  document.title = `Holdspace · ${group.name}`;
  room = new Room({
    groupId, me: user, log: $('#log'), typingHint: $('#typing'), presenceList: $('#present'), onChange: render,
  });
  threads = new Threads({ box: $('#threads'), me: user, facilitatorView: false, name: (id) => room.name(id) });
  threads.render();
  room.setGroup(group);
  room.sessionCount = group.sessionCount;
  render();
  socket = new GroupSocket(groupId, {
    onStatus: (s) => { connection = s; render(); },
    onJoined: (frame, how) => { stoppedReason = null; room.joined(frame, how); },
    onEvent: (ev, how) => {
      room.event(ev, how);
      if (!how.history && ev.userId === user.id && (ev.kind === 'mute' || ev.kind === 'unmute')) {
        mutedNoticed = ev.kind === 'mute';
        render();
      }
    },
    onSignal,
    onStopped: (code) => {
      if (code !== 'forbidden') { showNotFound(); return; }
      stoppedReason = 'removed';
      render();
    },
  });
  socket.start();
  wireCompose();
  mountMyWork(groupId, user).catch(() => {});
  mountSafety(groupId, user);
  mountCourseWork(groupId, user).catch(() => {});
}

function onSignal(frame) {
  if (frame.type === 'typing') room.typing(frame.from);
  else if (frame.type === 'whisper') threads.add(frame);
  else if (frame.type === 'readmitted') socket.rejoin();
  else if (frame.type === 'my_work') refreshMyWork(groupId, user, frame.what).catch(() => {});
  else if (frame.type === 'error') notify(errorText(frame.code, frame.message), 'error');
}

/** Whether the member can write now; between sessions only privately, to the facilitators. */
function canWrite() {
  const st = room.state;
  if (connection !== 'live' || stoppedReason || st.removed) {
    return { ok: false, why: stoppedReason || st.removed ? 'You are not in this session right now.' : 'You are not connected right now.' };
  }
  if (room.session.status !== 'live') return { ok: true, privateOnly: true };
  if (room.isMuted() && mutedNoticed) return { ok: false, why: errorText('muted') };
  if (st.locked && st.floor !== user.id) return { ok: false, why: errorText('locked') };
  return { ok: true };
}

/** Slow mode refused a message: count down to when the next one may go; the text stays in the box. */
function waitForSlowMode() {
  const slow = room.state.slowModeSeconds || 0;
  const since = lastSentAt ? (Date.now() - lastSentAt) / 1000 : 0;
  waitUntil = Date.now() + Math.max(1, Math.ceil(slow - since)) * 1000;
  clearInterval(waitTimer);
  const tick = () => {
    const left = Math.ceil((waitUntil - Date.now()) / 1000);
    if (left <= 0) {
      clearInterval(waitTimer);
      waitTimer = null;
      $('#compose-status').textContent = 'You can send again now.';
      return;
    }
    $('#compose-status').textContent = slowModeWait(left);
  };
  tick();
  waitTimer = setInterval(tick, 1000);
}

/** Private mode is unmistakable: the compose box changes colour and says whom the message goes to. */
let forcedPrivate = false;

function composeMode(privateOnly) {
  const box = $('#private');
  // Between sessions every message is private; once a session is live the box goes back to the group.
  if (privateOnly) box.checked = true;
  else if (forcedPrivate) box.checked = false;
  forcedPrivate = !!privateOnly;
  box.disabled = !!privateOnly;
  const priv = box.checked;
  $('#compose').classList.toggle('compose-private', priv);
  $('#compose-mode').textContent = priv
    ? (privateOnly ? 'Private to the facilitators — between sessions, messages go to them only' : 'Private to the facilitators — only they see it')
    : 'To everyone in the group';
  return priv;
}

function wireCompose() {
  const text = $('#compose-text');
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $('#compose').requestSubmit();
    }
  });
  // Writing privately is nobody else's news: no typing hint then.
  text.addEventListener('input', () => { if (text.value.trim() && !$('#private').checked) socket.typing(); });
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
      // Private mode ends with the message it was chosen for.
      if (!verdict.privateOnly) $('#private').checked = false;
      render();
      socket.send('whisper', { text: value }).catch((err) => {
        text.value = value;
        $('#private').checked = true;
        render();
        notify(errorText(err.code, err.message), 'error');
      });
      return;
    }
    const clientId = newId();
    room.pending(clientId, value);
    socket.say(value, clientId).then(() => {
      lastSentAt = Date.now();
      $('#compose-status').textContent = '';
    }, (err) => {
      room.withdraw(clientId);
      if (!text.value) text.value = value;
      if (err.code === 'rate_limited' && room.state.slowModeSeconds) {
        waitForSlowMode();
        return;
      }
      if (err.code === 'muted') { mutedNoticed = true; render(); }
      notify(errorText(err.code, err.message), 'error');
    });
  });
  $('#private').addEventListener('change', () => render());
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
  if (!st.slowModeSeconds && waitTimer) {
    clearInterval(waitTimer);
    waitTimer = null;
    $('#compose-status').textContent = '';
  }
  const verdict = canWrite();
  const text = $('#compose-text');
  text.disabled = !verdict.ok;
  $('#send').disabled = !verdict.ok;
  const priv = composeMode(verdict.privateOnly);
  text.placeholder = !verdict.ok ? verdict.why : priv ? 'Write privately to the facilitators…' : 'Write to the group…';
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
      : 'The session has not started yet. You can read along, and write privately to the facilitators; writing to the group opens when the session starts.']);
  }
  if (room.isMuted() && mutedNoticed) {
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
    const left = room.turnLeft();
    if (st.round.current != null) parts.push(`${st.round.current === user.id ? 'It is your turn' : `${room.name(st.round.current)}’s turn`}${left ? ` (${left} left)` : ''}`);
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
