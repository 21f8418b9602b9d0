// The facilitator console: roster with presence and focus, the hand queue, one-click moderation, session and
// go-round controls, the queue of risk alerts until they are resolved, the plan, and each member's progress charts.

import { requireSignIn, get, post, put, optional, signOut, groupFromAddress, loadGroup } from './api.js';
import { GroupSocket, newId } from './socket.js';
import { Room } from './room.js';
import { el, fill, $, notify, clock, dateLabel, stamp } from './dom.js';
import { phaseName, focusName, errorText, FOCUS_AREAS, ALERTS, SEVERITY, TEAM, MUTE_CHOICES, TURN_CHOICES } from './words.js';
import { lineChart, PHQ9_BANDS } from './charts.js';
import { AlertQueue } from './alerts.js';
import { outcomeSection, noteEditor, mountGroupRecords } from './records.js';
import { Threads } from './threads.js';
import { confirmAction } from './dialog.js';
import { showNotFound } from './notfound.js';
import { fitChat } from './layout.js';
import { mountEnrol } from './enrol.js';
import { applyStanding, mountTeam } from './team.js';

const NOT_YOURS = 'This group is not one you facilitate.';
import { renderPlan as renderSchedule, nextPlanned } from './plan.js';
import { mountCalendar } from './calendar.js';
import { hasEnded, endedLines, endParticipationButton } from './participation.js';

const user = requireSignIn();
const groupId = groupFromAddress();
let group;
let room;
let socket;
let connection = 'connecting';
let openMember = null;
let alertQueue;
let threads;
let enrolPanel;

if (user && !groupId) location.assign('index.html');
else if (user) start();

async function start() {
  $('#signout').addEventListener('click', () => { signOut(); location.assign('index.html'); });
  group = await loadGroup(groupId, NOT_YOURS,
    text => (text === NOT_YOURS ? showNotFound() : fill($('#banners'), el('p', { class: 'banner banner-stop', text }))));
  if (!group) return;
  fitChat($('.chat'));
  $('#group-name').textContent = group.name;
  applyStanding(group);
  mountTeam(groupId, group, user);
  document.title = `Holdspace · ${group.name} · Console`;
  room = new Room({
    groupId, me: user, log: $('#log'), typingHint: $('#typing'), presenceList: $('#present'), facilitatorView: true,
    onChange: render, messageTools: redactButton,
  });
  room.setGroup(group);
  room.facilitators.add(user.id);
  threads = new Threads({
    box: $('#threads'), me: user, facilitatorView: true, name: (id) => room.name(id), members: () => group.members,
    onReply: (id) => { $('#whisper-to').value = String(id); composeMode(); $('#compose-text').focus(); },
  });
  threads.render();
  fillWhisperTargets();
  fillChoices();
  render();
  socket = new GroupSocket(groupId, {
    onStatus: (s) => { connection = s; render(); },
    onJoined: (frame, how) => room.joined(frame, how),
    onEvent: (ev, how) => {
      room.event(ev, how);
      if (!how.history && ['session_started', 'session_ended', 'phase_changed', 'session_scheduled', 'participation_ended'].includes(ev.kind)) reloadGroup();
    },
    onSignal,
    onStopped: () => showNotFound(),
  });
  socket.start();
  wireControls();
  wireCompose();
  alertQueue = new AlertQueue({
    groupId, me: user.id, name: (id) => room.name(id), onMessage: focusLine, onMember: (id) => showMember(id),
    onCount: (n) => { document.title = `${n ? `(${n}) Alert · ` : ''}Holdspace · ${group.name} · Console`; },
  });
  alertQueue.load();
  mountGroupRecords(groupId, group);
  $('#dashboard-link').href = `course.html?group=${groupId}`;
  enrolPanel = mountEnrol($('#enrol-panel'), groupId, group, reloadGroup);
  mountCalendar($('#calendar-panel'), 'h2');
}

async function reloadGroup() {
  try {
    group = await get(`/api/groups/${groupId}`);
    room.setGroup(group);
    fillWhisperTargets();
    if (enrolPanel) enrolPanel.update(group);
    render();
    if (openMember) showMember(openMember);
  } catch { /* the next event tries again */ }
}

function act(type, fields) {
  return socket.send(type, fields).catch((err) => notify(errorText(err.code, err.message), 'error'));
}

function onSignal(frame) {
  if (frame.type === 'typing') room.typing(frame.from);
  else if (frame.type === 'alert') alertQueue.update(frame.alert);
  else if (frame.type === 'whisper') threads.add(frame);
  else if (frame.type === 'error') notify(errorText(frame.code, frame.message), 'error');
  else if (frame.type === 'left') fill($('#banners'), el('p', { class: 'banner banner-stop', text: TEAM.left }));
}

/** "Remove text" on a message line, named for screen readers by an attribute, not by text that could escape the log. */
function redactButton(ev) {
  const who = ev.from ? ev.from.displayName : 'someone';
  const button = el('button', { type: 'button', class: 'small', text: 'Remove text',
    attrs: { 'data-action': 'redact', 'data-write': '', 'aria-label': `Remove text of the message from ${who} at ${stamp(ev.at)}` } });
  button.addEventListener('click', async () => {
    const yes = await confirmAction({ title: 'Remove the text of this message?',
      text: `The words of ${who}'s message go from every screen and from the record. This cannot be undone.`, confirm: 'Remove text' });
    if (yes) act('redact', { seq: ev.seq });
  });
  return button;
}

/** Removes a member from the live session, once the facilitator has confirmed it. */
async function removeMember(m) {
  const yes = await confirmAction({ title: `Remove ${m.displayName} from this session?`,
    text: `${m.displayName} leaves the session now and cannot write or read along until you let them back in. They are told; the group is not.`,
    confirm: 'Remove', refocus: () => $(`#roster li[data-user-id="${m.id}"] [data-action="readmit"]`) });
  if (yes) act('remove', { userId: m.id });
}

function fillChoices() {
  fill($('#mute-minutes'), Object.entries(MUTE_CHOICES).map(([value, text]) => el('option', { value, text })));
  fill($('#turn-seconds'), Object.entries(TURN_CHOICES).map(([value, text]) => el('option', { value, text })));
}

function muteMember(m) {
  const minutes = $('#mute-minutes').value;
  act('mute', minutes ? { userId: m.id, minutes: Number(minutes) } : { userId: m.id });
}

// ---- alerts: the queue lives in alerts.js ----

function focusLine(seq) {
  const line = room.lines.get(seq);
  if (!line) {
    notify('That message is not on screen.', 'error');
    return;
  }
  line.classList.add('highlight');
  line.tabIndex = -1;
  line.scrollIntoView({ block: 'center' });
  line.focus();
  setTimeout(() => line.classList.remove('highlight'), 4000);
}

// ---- controls ----

function wireControls() {
  $('#start-session').addEventListener('click', () => session('start'));
  $('#end-session').addEventListener('click', async () => {
    const yes = await confirmAction({ title: 'End this session?',
      text: 'Members can no longer write in it. The next session starts when you start it.', confirm: 'End session' });
    if (yes) session('end');
  });
  $('#lock').addEventListener('click', () => act(room.state.locked ? 'unlock' : 'lock'));
  $('#take-floor').addEventListener('click', () => act('take_floor'));
  $('#slow-mode').addEventListener('change', (e) => act('slow_mode', { seconds: Number(e.target.value) }));
  $('#round-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const prompt = $('#round-prompt').value.trim() || $('#round-prompt').placeholder;
    const turn = $('#turn-seconds').value;
    act('start_round', turn ? { prompt, turnSeconds: Number(turn) } : { prompt }).then(() => { $('#round-prompt').value = ''; });
  });
  $('#round-next').addEventListener('click', () => act('next_turn'));
  $('#round-end').addEventListener('click', () => act('end_round'));
}

async function session(which) {
  const button = $(which === 'start' ? '#start-session' : '#end-session');
  button.disabled = true;
  try {
    await post(`/api/groups/${groupId}/sessions/current/${which}`);
  } catch (e) {
    notify(e.status === 409 ? (which === 'start' ? 'A session cannot be started now.' : 'No session is live.')
      : 'That did not work. Please try again.', 'error');
  } finally {
    render();
  }
}

function wireCompose() {
  const text = $('#compose-text');
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $('#compose').requestSubmit();
    }
  });
  text.addEventListener('input', () => { if (text.value.trim() && !$('#whisper-to').value) socket.typing(); });
  $('#whisper-to').addEventListener('change', composeMode);
  $('#compose').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = text.value.trim();
    if (!value) return;
    if (connection !== 'live') {
      notify('You are not connected right now.', 'error');
      return;
    }
    const to = $('#whisper-to').value;
    text.value = '';
    if (to) {
      // Private mode ends with the message it was chosen for.
      $('#whisper-to').value = '';
      composeMode();
      socket.send('whisper', { text: value, userId: Number(to) }).catch((err) => {
        text.value = value;
        $('#whisper-to').value = to;
        composeMode();
        notify(errorText(err.code, err.message), 'error');
      });
      return;
    }
    if (room.session.status !== 'live') {
      text.value = value;
      notify(errorText('not_live'), 'error');
      return;
    }
    const clientId = newId();
    room.pending(clientId, value);
    socket.say(value, clientId).catch((err) => {
      room.withdraw(clientId);
      if (!text.value) text.value = value;
      notify(errorText(err.code, err.message), 'error');
    });
  });
}

/** Private mode is unmistakable: the compose box changes colour and says whom the message goes to. */
function composeMode() {
  const to = $('#whisper-to').value;
  const name = to ? room.name(Number(to)) : null;
  $('#compose').classList.toggle('compose-private', !!to);
  $('#compose-mode').textContent = to ? `Private to ${name} — only ${name} and the facilitators see it` : 'To everyone in the group';
  $('#compose-text').placeholder = to ? `Write privately to ${name}…` : 'Write to the group…';
}

function fillWhisperTargets() {
  const select = $('#whisper-to');
  const chosen = select.value;
  fill(select, el('option', { value: '', text: 'Everyone' }),
    (group.members || []).filter((m) => m.status !== 'ended')
      .map((m) => el('option', { value: String(m.id), text: `${m.displayName} (private)` })));
  select.value = chosen;
}

// ---- rendering ----

function render() {
  if (!room) return;
  const s = room.session;
  const st = room.state;
  const live = s.status === 'live';
  $('#session-line').textContent = `${s.number ? `Session ${s.number} of ${group.sessionCount}` : 'No session yet'} · ${phaseName(s.phase)} · ${live ? 'Live' : s.status === 'ended' ? 'Ended' : 'Not started'}`;
  $('#start-session').disabled = live || !nextPlanned(group, s.number || 0);
  $('#end-session').disabled = !live;
  const lock = $('#lock');
  lock.setAttribute('aria-pressed', String(st.locked));
  lock.textContent = st.locked ? 'Unlock room' : 'Lock room';
  lock.disabled = !live;
  $('#take-floor').disabled = !live || st.floor == null;
  const slow = $('#slow-mode');
  if (document.activeElement !== slow) slow.value = String(st.slowModeSeconds || 0);
  if (!slow.value) slow.value = '0';
  slow.disabled = !live;
  $('#round-start').hidden = !!st.round;
  $('#round-prompt').disabled = !!st.round || !live;
  $('#round-start').disabled = !live;
  $('#round-next').hidden = !st.round;
  $('#round-end').hidden = !st.round;
  renderBanners();
  renderRoster();
  renderHands();
  renderFloor();
  renderPlan();
}

function renderBanners() {
  const list = [];
  if (connection === 'moving') list.push(['moving', 'info', 'Reconnecting… one moment.']);
  if (connection === 'reconnecting') list.push(['reconnecting', 'warn', 'Connection lost. Reconnecting…']);
  if (room.session.status !== 'live' && document.body.classList.contains('read-only')) {
    list.push(['not-live', 'info', TEAM.notLive]);
  } else if (room.session.status !== 'live') {
    list.push(['not-live', 'info', room.session.status === 'ended'
      ? 'The session has ended. Start the next one when the group is ready.'
      : 'The session is not live. Members can read but not write until you start it.']);
  }
  if (room.state.locked) list.push(['locked', 'info', 'The room is locked: only you and the person with the floor can write.']);
  const box = $('#banners');
  const key = list.map(([k, , t]) => k + t).join('|');
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  fill(box, list.map(([k, kind, text]) => el('p', { class: `banner banner-${kind}`, attrs: { 'data-banner': k }, text })));
}

function button(label, name, action, handler, extra = {}) {
  return el('button', { type: 'button', class: `small ${extra.class || ''}`, attrs: { 'data-action': action, 'data-write': action === 'details' ? null : '' }, disabled: !!extra.disabled, on: { click: handler } },
    label, el('span', { class: 'visually-hidden', text: ` ${name}` }));
}

function renderRoster() {
  const st = room.state;
  const live = room.session.status === 'live';
  const roster = $('#roster');
  const focusedAction = document.activeElement && document.activeElement.closest('#roster')
    ? [document.activeElement.closest('li')?.dataset.userId, document.activeElement.dataset.action] : null;
  const activeFirst = [...(group.members || [])].sort((a, b) => Number(hasEnded(a)) - Number(hasEnded(b)));
  fill(roster, activeFirst.map((m) => {
    if (hasEnded(m)) return endedPerson(m);
    const here = st.present.has(m.id);
    const muted = st.muted.has(m.id);
    const removed = st.removedIds.has(m.id);
    const hand = st.hands.indexOf(m.id);
    const chips = [
      muted ? el('span', { class: 'chip chip-muted', text: st.mutedUntil[m.id] ? `Muted until ${clock(st.mutedUntil[m.id])}` : 'Muted' }) : null,
      hand >= 0 ? el('span', { class: 'chip chip-hand', text: `Hand up (${hand + 1})` }) : null,
      st.floor === m.id ? el('span', { class: 'chip chip-floor', text: 'Has the floor' }) : null,
      st.round && st.round.current === m.id ? el('span', { class: 'chip chip-floor', text: 'Turn in go-round' }) : null,
      removed && live ? el('span', { class: 'chip chip-removed', text: 'Removed from this session' }) : null,
    ];
    return el('li', { class: `person${here ? ' here' : ''}${removed && live ? ' removed' : ''}`, attrs: { 'data-user-id': m.id } },
      el('div', { class: 'person-head' },
        el('span', { class: 'presence', attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'person-name', text: m.displayName }),
        el('span', { class: 'presence-text', text: here ? 'here' : 'away' })),
      el('p', { class: 'person-focus', text: `Focus: ${focusName(m.focusArea)}` }),
      el('div', { class: 'chips' }, chips),
      el('div', { class: 'person-actions' },
        muted ? button('Unmute', m.displayName, 'unmute', () => act('unmute', { userId: m.id }), { disabled: !live })
          : button('Mute', m.displayName, 'mute', () => muteMember(m), { disabled: !live || removed }),
        button('Give floor', m.displayName, 'give-floor', () => act('give_floor', { userId: m.id }), { disabled: !live || st.floor === m.id || removed }),
        removed && live ? button('Let back in', m.displayName, 'readmit', () => act('readmit', { userId: m.id }))
          : button('Remove', m.displayName, 'remove', () => removeMember(m), { disabled: !live, class: 'danger' }),
        button('Details', m.displayName, 'details', () => showMember(m.id)),
        endParticipationButton(groupId, m, afterEnded)));
  }));
  if (focusedAction) {
    const again = roster.querySelector(`li[data-user-id="${focusedAction[0]}"] [data-action="${focusedAction[1]}"]`)
      || roster.querySelector(`li[data-user-id="${focusedAction[0]}"] [data-action]`);
    if (again) again.focus();
  }
}

/** A member whose participation ended: shown apart, with no moderation, only their details. */
function endedPerson(m) {
  return el('li', { class: 'person ended', attrs: { 'data-user-id': m.id, 'data-status': 'ended' } },
    el('div', { class: 'person-head' }, el('span', { class: 'person-name', text: m.displayName })),
    endedLines(m),
    el('div', { class: 'person-actions' }, button('Details', m.displayName, 'details', () => showMember(m.id))));
}

async function afterEnded() {
  await reloadGroup();
  const title = $('#roster-title');
  title.tabIndex = -1;
  title.focus();
}

function renderHands() {
  const st = room.state;
  const list = $('#hands');
  if (!st.hands.length) {
    fill(list, el('li', { class: 'empty', text: 'No hands raised.' }));
    return;
  }
  fill(list, st.hands.map((id) => el('li', {},
    el('span', { text: room.name(id) }),
    button('Give floor', room.name(id), 'give-floor', () => act('give_floor', { userId: id })))));
}

function renderFloor() {
  const st = room.state;
  const parts = [];
  const left = room.turnLeft();
  if (st.round) parts.push(`Go-round: “${st.round.prompt}”${st.round.current != null ? ` — ${room.name(st.round.current)}’s turn${left ? `, ${left} left` : ''}` : ''}`);
  else if (st.floor != null) parts.push(`${room.name(st.floor)} has the floor`);
  if (st.slowModeSeconds) parts.push(`Slow mode: ${st.slowModeSeconds} s`);
  $('#floorbar').textContent = parts.join(' · ');
  $('#floorbar').hidden = !parts.length;
}

function renderPlan() {
  renderSchedule($('#plan'), $('#plan-summary'), group, room.session, reloadGroup);
}

// ---- one member ----

const HOMEWORK_STATUS = { due: 'Due next session', overdue: 'Overdue', open: 'Due later', done: 'Done' };

async function showMember(id) {
  openMember = id;
  const m = (group.members || []).find((x) => x.id === id) || { id, displayName: room.name(id) };
  const panel = $('#member-panel');
  panel.hidden = false;
  $('#member-title').textContent = m.displayName;
  const body = $('#member-body');
  const base = `/api/groups/${groupId}/members/${id}`;
  fill(body, focusForm(m), el('p', { class: 'muted-text', text: 'Loading progress…' }),
    el('button', { type: 'button', class: 'quiet-button', text: 'Close', on: { click: () => { panel.hidden = true; openMember = null; } } }));
  panel.focus();
  const quiet = (path) => optional(path).catch(() => null);
  const [measures, focus, homework, outcomes] = await Promise.all([quiet(`${base}/measures`), quiet(`${base}/focus`),
    quiet(`${base}/homework`), quiet(`${base}/outcomes`)]);
  if (openMember !== id) return;
  const goals = focus && Array.isArray(focus.goals) ? focus.goals : null;
  if (focus && focus.area) Object.assign(m, { focusArea: focus.area, focusGoal: focus.goal || '' });
  // Kept so that saving the form changes the first goal's text without dropping the others or the second area.
  m.goalList = goals ? goals.map((g) => ({ id: g.id, text: g.text })) : [];
  m.secondaryArea = (focus && focus.secondaryArea) || undefined;
  const sections = [];
  if (Array.isArray(measures)) {
    const phq = measures.filter((x) => x.instrument === 'phq9');
    sections.push(el('h3', { text: 'PHQ-9 over time' }));
    if (!phq.length) sections.push(el('p', { class: 'muted-text', text: 'No PHQ-9 answered yet.' }));
    else {
      const last = phq[phq.length - 1];
      sections.push(lineChart({
        points: phq.map((x) => ({ label: x.session === 0 ? 'Pre' : x.session ? `S${x.session}` : new Date(x.at).toLocaleDateString([], { day: 'numeric', month: 'short' }), value: x.total })),
        yMax: 27, yStep: 5, bands: PHQ9_BANDS, className: 'chart-phq9',
        title: `PHQ-9 scores of ${m.displayName}`,
        description: phq.map((x) => `${x.session === 0 ? 'before the group' : x.session ? `session ${x.session}` : dateLabel(x.at)}: ${x.total} (${SEVERITY[x.severity] || x.severity})`).join('; '),
      }));
      sections.push(el('p', { class: 'chart-caption', text: `Latest: ${last.total} — ${SEVERITY[last.severity] || last.severity}, ${dateLabel(last.at)}` }));
    }
  }
  if (Array.isArray(goals)) {
    sections.push(el('h3', { text: 'Goal ratings' }));
    if (!goals.length) sections.push(el('p', { class: 'muted-text', text: 'No goals set yet.' }));
    for (const g of goals) {
      const ratings = g.ratings || [];
      sections.push(el('p', { class: 'goal-text', text: g.text }));
      sections.push(ratings.length ? lineChart({
        points: ratings.map((r, i) => ({ label: r.session ? `S${r.session}` : `W${i + 1}`, value: r.rating })),
        yMax: 10, yStep: 2, className: 'chart-goal',
        title: `Ratings of the goal: ${g.text}`,
        description: ratings.map((r, i) => `${r.session ? `session ${r.session}` : `week ${i + 1}`}: ${r.rating} of 10`).join('; '),
      }) : el('p', { class: 'muted-text', text: 'Not rated yet.' }));
    }
  }
  if (homework && Array.isArray(homework.items)) {
    sections.push(el('h3', { text: 'Homework' }));
    if (!homework.items.length) sections.push(el('p', { class: 'muted-text', text: 'No homework set yet.' }));
    else sections.push(el('ul', { class: 'plain-list' }, homework.items.map((h) => el('li', { class: `homework${h.done ? ' done' : ''}` },
      el('p', { text: h.text }),
      el('p', { class: 'muted-text', text: `${HOMEWORK_STATUS[h.status] || h.status}${h.dueSession ? `, session ${h.dueSession}` : ''}${h.note ? ` — ${h.note}` : ''}` })))));
  }
  if (outcomes) sections.push(outcomeSection(outcomes), noteEditor(groupId, m, group));
  if (!sections.length) sections.push(el('p', { class: 'muted-text', text: 'Progress tracking is not available on this server yet.' }));
  fill(body, focusForm(m), sections,
    el('button', { type: 'button', class: 'quiet-button', text: 'Close', on: { click: () => { panel.hidden = true; openMember = null; } } }));
}

function focusForm(m) {
  const select = el('select', { id: 'focus-select' },
    el('option', { value: '', text: 'Not set' }),
    Object.entries(FOCUS_AREAS).map(([value, text]) => el('option', { value, text, selected: m.focusArea === value })));
  const goal = el('input', { id: 'focus-goal-input', maxLength: 500, value: m.focusGoal || '' });
  return el('form', { class: 'focus-form', attrs: { 'data-write': '' }, on: { submit: async (e) => {
    e.preventDefault();
    if (!select.value) return;
    try {
      const body = { area: select.value };
      if (m.secondaryArea && m.secondaryArea !== select.value) body.secondaryArea = m.secondaryArea;
      const text = goal.value.trim();
      if (text) {
        const [first, ...rest] = m.goalList || [];
        body.goals = [first ? { id: first.id, text } : text, ...rest];
      }
      await put(`/api/groups/${groupId}/members/${m.id}/focus`, body);
      m.focusArea = select.value;
      m.focusGoal = goal.value.trim();
      notify(`Focus area saved for ${m.displayName}.`);
      render();
    } catch {
      notify('The focus area could not be saved.', 'error');
    }
  } } },
  el('label', { htmlFor: 'focus-select', text: 'Focus area' }), select,
  el('label', { htmlFor: 'focus-goal-input', text: 'Aim in their words' }), goal,
  el('button', { type: 'submit', text: 'Save focus' }));
}
