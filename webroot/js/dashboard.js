// The facilitator's course page: the phase as plan and actual with the moves (a refused move explained, with the
// override and its reason), the dashboard of every member, and one member's record (record.js).
// Calls: GET /api/groups/{id}, GET …/dashboard, POST …/phase.

import { requireSignIn, get, post, logout, groupFromAddress, loadGroup, ApiError } from './api.js';
import { el, fill, $, notify } from './dom.js';
import { W, phaseName, focusName } from './words.js';
import { askReason, table, cell } from './forms.js';
import { mountRecord } from './record.js';
import { markReadOnly } from './read-only.js';
import { hasEnded, endedText, nextSessionText } from './participation.js';

const T = W.course;
const user = requireSignIn();
const groupId = groupFromAddress();
let group;
let dashboard;
let readOnly = false;

if (user && !groupId) location.assign('index.html');
else if (user) start();

async function start() {
  $('#signout').addEventListener('click', async () => { await logout(); location.assign('index.html'); });
  $('#console-link').href = `console.html?group=${groupId}`;
  group = await loadGroup(groupId, T.notYours,
    (text) => fill($('#banners'), el('p', { class: 'banner banner-stop', text })));
  if (!group) return;
  readOnly = markReadOnly(group);
  $('#group-name').textContent = `${T.dashboard}: ${group.name}`;
  document.title = `Holdspace · ${group.name} · ${T.dashboard}`;
  await refresh();
  const member = Number(new URLSearchParams(location.search).get('member'));
  if (member) openRecord(member, false);
  window.addEventListener('popstate', () => {
    const id = Number(new URLSearchParams(location.search).get('member'));
    if (id) openRecord(id, false); else closeRecord(false);
  });
}

async function refresh() {
  try {
    [dashboard, group] = await Promise.all([get(`/api/groups/${groupId}/dashboard`), get(`/api/groups/${groupId}`)]);
  } catch (e) {
    fill($('#dashboard-body'), el('p', { class: 'muted-text', text: W.common.failed }));
    return;
  }
  $('#session-line').textContent = T.session(dashboard.currentSession, dashboard.sessionCount,
    W.status[dashboard.sessionStatus] || dashboard.sessionStatus);
  renderPhase();
  renderMembers();
}

function nameOf(id) {
  const m = dashboard.members.find((x) => x.id === id);
  return m ? m.displayName : `#${id}`;
}

function renderPhase(explanation = null) {
  const actual = dashboard.phase;
  const moves = [['middle', T.moveMiddle], ['termination', T.moveTermination]];
  const next = actual === 'initial' ? 'middle' : actual === 'middle' ? 'termination' : null;
  fill($('#phase-body'),
    el('p', { class: 'phase-now', attrs: { 'data-phase': actual, 'data-plan-phase': dashboard.planPhase },
      text: T.phaseNow(phaseName(actual), phaseName(dashboard.planPhase)) }),
    nextLine(),
    dashboard.behindPlan ? el('p', { class: 'banner-inline banner-warn', text: T.behind }) : null,
    dashboard.aheadOfPlan ? el('p', { class: 'banner-inline banner-info', text: T.ahead }) : null,
    readOnly ? null : el('div', { class: 'button-row', attrs: { 'data-write': '' } }, moves.map(([phase, label]) => el('button', {
      type: 'button', class: phase === next ? 'primary' : '', text: label, disabled: phase !== next,
      on: { click: () => move(phase) } }))),
    explanation);
}

function nextLine() {
  const text = nextSessionText(dashboard, group.plan);
  return text ? el('p', { class: 'next-session', attrs: { 'data-upcoming': dashboard.upcomingSession }, text }) : null;
}

async function move(phase, overrideReason) {
  const body = overrideReason ? { phase, overrideReason } : { phase };
  try {
    const answer = await post(`/api/groups/${groupId}/phase`, body);
    notify(T.moved(phaseName(answer.phase)));
    await refresh();
    ($('#phase-body button.primary') || $('#phase-title')).focus();
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) explainRefusal(phase, e.message || '');
    else notify(W.common.failed, 'error');
  }
}

function explainRefusal(phase, message) {
  const ids = /focus area: \[([\d,\s]*)\]/.exec(message);
  const missing = ids ? ids[1].split(',').map((s) => Number(s.trim())).filter(Boolean) : [];
  const overrideButton = el('button', { type: 'button', text: T.override, attrs: { 'data-write': '' }, on: { click: async () => {
    const reason = await askReason(T.overrideTitle, T.overrideLead, T.overrideLabel, T.overrideConfirm);
    if (reason) move(phase, reason);
  } } });
  const box = el('div', { class: 'refusal', attrs: { role: 'alert' } },
    missing.length ? [el('p', { text: T.refusedFocus }),
      el('ul', { class: 'missing-focus' }, missing.map((id) => el('li', {},
        el('a', { href: recordHref(id), text: T.setFocusOf(nameOf(id)),
          on: { click: (e) => { e.preventDefault(); openRecord(id, true); } } }))))]
      : el('p', { text: `${T.refused} ${message.replace(/^phase: /, '')}` }),
    overrideButton);
  renderPhase(box);
}

function recordHref(id) {
  return `course.html?group=${groupId}&member=${id}`;
}

function renderMembers() {
  const c = T.columns;
  const standing = new Map((group.members || []).map((m) => [m.id, m]));
  const ended = (m) => standing.has(m.id) && hasEnded(standing.get(m.id));
  const row = (m, extra) => el('tr', { attrs: { 'data-user-id': m.id } },
    el('td', { attrs: { 'data-label': c[0] } }, el('a', { href: recordHref(m.id), text: m.displayName,
      attrs: { 'aria-label': T.openRecord(m.displayName) },
      on: { click: (e) => { e.preventDefault(); openRecord(m.id, true); } } })),
    cell(c[1], focusName(m.focusArea)), cell(c[2], T.attendance(m.attendance)), cell(c[3], T.trend(m.phq9)),
    cell(c[4], T.goals(m.goals)), cell(c[5], T.homework(m.homework)), cell(c[6], T.alerts(m.openAlerts)), extra);
  const taking = dashboard.members.filter((m) => !ended(m));
  const left = dashboard.members.filter(ended);
  const P = W.participation;
  fill($('#dashboard-body'), taking.length ? table(c, taking.map((m) => row(m)), T.members)
    : el('p', { class: 'muted-text', text: T.noMembers }),
  left.length ? [el('h3', { id: 'ended-title', text: P.endedTitle }),
    table([...c, P.endedColumn], left.map((m) => row(m, cell(P.endedColumn, endedText(standing.get(m.id))))), P.endedTitle)] : null);
}

async function openRecord(id, push) {
  const member = (dashboard.members || []).find((m) => m.id === id) || (group.members || []).find((m) => m.id === id);
  if (!member) return;
  if (push) history.pushState(null, '', recordHref(id));
  const section = $('#record');
  section.hidden = false;
  $('#record-title').textContent = T.openRecord(member.displayName);
  await mountRecord($('#record-body'), { groupId, member, dashboard, plan: group.plan, readOnly, onChange: refresh,
    onClose: () => closeRecord(true) });
  section.focus();
}

function closeRecord(push) {
  $('#record').hidden = true;
  if (push) history.pushState(null, '', `course.html?group=${groupId}`);
  const link = $('#dashboard-body a');
  if (link) link.focus();
}
