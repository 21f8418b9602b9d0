// One member's record on the course page: inventory, focus and goals, report cards, questionnaires (PHQ-9 and
// GAD-7 with severity bands), homework (assign; done and overdue), individual meetings (schedule, mark held),
// progress review and relapse plan. Every call is under /api/groups/{id}/members/{userId}/ (docs/clinical.md).

import { put, post, optional } from './api.js';
import { el, fill, notify, dateLabel } from './dom.js';
import { W, FOCUS_AREAS, SEVERITY } from './words.js';
import { field, errorLine, showError, clearErrors } from './forms.js';
import { lineChart, PHQ9_BANDS } from './charts.js';
import { inventoryEditor, inventoryView } from './inventory.js';
import { focusView, relapseView } from './read-only.js';
import { loadReview, reviewView, relapseForm } from './relapse.js';
import { nextOpenSession } from './participation.js';

const T = W.record;
const GAD7_BANDS = [
  { from: 0, to: 5, className: 'band-minimal', label: 'minimal' },
  { from: 5, to: 10, className: 'band-mild', label: 'mild' },
  { from: 10, to: 15, className: 'band-moderate', label: 'moderate' },
  { from: 15, to: 21, className: 'band-severe', label: 'severe' },
];

function section(key, title) {
  return el('section', { class: 'record-part', attrs: { 'data-part': key, 'aria-labelledby': `part-${key}` } },
    el('h3', { id: `part-${key}`, text: title }), el('p', { class: 'muted-text', text: W.common.loading }));
}

function put_(node, ...content) {
  const heading = node.querySelector('h3');
  fill(node, heading, ...content);
}

export async function mountRecord(box, { groupId, member, dashboard, plan, readOnly = false, onChange, onClose }) {
  const base = `/api/groups/${groupId}/members/${member.id}`;
  const parts = {
    inventory: section('inventory', T.inventory), focus: section('focus', T.focus), cards: section('cards', T.cards),
    measures: section('measures', T.questionnaires), homework: section('homework', T.homework),
    meetings: section('meetings', T.meetings), review: section('review', T.review), relapse: section('relapse', T.relapse),
  };
  fill(box, el('button', { type: 'button', class: 'quiet-button', text: W.course.backToDashboard, on: { click: onClose } }),
    el('div', { class: 'record-grid' }, Object.values(parts)));
  const quiet = (p) => optional(p).catch(() => null);
  const [inventory, focus, cards, measures, homework, meetings, review] = await Promise.all([
    quiet(`${base}/inventory`), quiet(`${base}/focus`), quiet(`${base}/report-cards`), quiet(`${base}/measures`),
    quiet(`${base}/homework`), quiet(`${base}/meetings`), loadReview(base).catch(() => null)]);
  put_(parts.inventory, !inventory ? unavailable()
    : readOnly ? inventoryView(inventory) : inventoryEditor(`${base}/inventory`, inventory));
  put_(parts.focus, readOnly ? focusView(focus) : focusForm(base, focus, member, onChange), goalCharts(focus));
  put_(parts.cards, cardsView(cards));
  put_(parts.measures, measureCharts(measures, member));
  put_(parts.homework, homeworkPart(base, homework, dashboard, plan, onChange, readOnly));
  put_(parts.meetings, meetingsPart(base, meetings, readOnly));
  put_(parts.review, reviewView(review));
  put_(parts.relapse, readOnly ? relapseView(review) : relapseForm(base, review, `relapse-${member.id}`));
}

function unavailable() {
  return el('p', { class: 'muted-text', text: W.common.failed });
}

function areaSelect(value) {
  return el('select', {}, el('option', { value: '', text: T.noneChosen }),
    Object.entries(FOCUS_AREAS).map(([v, text]) => el('option', { value: v, text, selected: value === v })));
}

function focusForm(base, focus, member, onChange) {
  const area = areaSelect(focus && focus.area);
  const secondary = areaSelect(focus && focus.secondaryArea);
  const goals = [0, 1, 2].map((i) => el('input', { maxLength: 500, value: (focus && focus.goals && focus.goals[i] && focus.goals[i].text) || '' }));
  const form = el('form', { noValidate: true, class: 'stack', attrs: { 'data-write': '' }, on: { submit: async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (!area.value) {
      showError(form, { status: 400, message: `area: ${T.chooseArea}` });
      return;
    }
    const current = (focus && focus.goals) || [];
    const list = goals.map((g, i) => ({ text: g.value.trim(), id: current[i] && current[i].id }))
      .filter((g) => g.text).map((g) => (g.id ? { id: g.id, text: g.text } : g.text));
    const body = { area: area.value };
    if (secondary.value) body.secondaryArea = secondary.value;
    if (list.length) body.goals = list;
    try {
      focus = await put(`${base}/focus`, body);
      member.focusArea = focus.area;
      notify(T.focusSaved);
      onChange();
    } catch (err) {
      showError(form, err);
    }
  } } },
  field(T.area, area, 'area'), field(T.secondary, secondary, 'secondaryArea'),
  goals.map((g, i) => field(T.goal(i + 1), g, i === 0 ? 'goals' : `goals[${i}]`)), errorLine(),
  el('button', { type: 'submit', class: 'primary', text: T.saveFocus }));
  return form;
}

function goalCharts(focus) {
  const goals = (focus && focus.goals) || [];
  if (!goals.length) return null;
  return [el('h4', { text: T.ratings }), ...goals.flatMap((g) => {
    const ratings = g.ratings || [];
    return [el('p', { class: 'goal-text', text: g.text }), ratings.length ? lineChart({
      points: ratings.map((r) => ({ label: T.short(r.session), value: r.rating })), yMax: 10, yStep: 2, className: 'chart-goal',
      title: `${T.ratings}: ${g.text}`, description: ratings.map((r) => T.ratingPoint(r)).join('; '),
    }) : el('p', { class: 'muted-text', text: T.notRated })];
  })];
}

function cardsView(cards) {
  if (!cards) return unavailable();
  if (!cards.cards.length) return el('p', { class: 'muted-text', text: T.noCards });
  return el('ul', { class: 'plain-list' }, cards.relationships.map((r) => el('li', { text: T.cardLine(r) })));
}

function measureCharts(measures, member) {
  if (!Array.isArray(measures)) return unavailable();
  return [['phq9', 'PHQ-9', 27, PHQ9_BANDS], ['gad7', 'GAD-7', 21, GAD7_BANDS]].map(([id, name, max, bands]) => {
    const mine = measures.filter((m) => m.instrument === id);
    if (!mine.length) return el('p', { class: 'muted-text', attrs: { 'data-instrument': id }, text: T.noneYet(name) });
    const last = mine[mine.length - 1];
    return el('figure', { class: 'measure-figure', attrs: { 'data-instrument': id } },
      lineChart({
        points: mine.map((m) => ({ label: T.short(m.session), value: m.total })),
        yMax: max, yStep: 5, bands, className: `chart-${id}`, title: T.chartTitle(name, member.displayName),
        description: mine.map((m) => T.scorePoint(m, SEVERITY[m.severity] || m.severity)).join('; '),
      }),
      el('figcaption', { class: 'chart-caption', text: `${name}. ${T.latest(last, SEVERITY[last.severity] || last.severity)}, ${dateLabel(last.at)}` }));
  });
}

function homeworkPart(base, homework, dashboard, plan, onChange, readOnly) {
  if (!homework) return unavailable();
  const list = el('ul', { class: 'plain-list homework-list' });
  const draw = (items) => fill(list, items.length ? items.map((h) => el('li', { class: `homework status-${h.status}`, attrs: { 'data-status': h.status } },
    el('p', { text: h.text }),
    el('p', { class: 'muted-text', text: `${T.homeworkStatus[h.status] || h.status}${h.dueSession ? ` · ${T.atSession(h.dueSession)}` : ''}${h.note ? ` — ${h.note}` : ''}` })))
    : el('li', { class: 'muted-text', text: T.noHomework }));
  let items = homework.items;
  draw(items);
  if (readOnly) return list;
  const text = el('textarea', { rows: 2, maxLength: 2000 });
  const due = el('input', { type: 'number', min: 1, max: dashboard.sessionCount,
    value: String(nextOpenSession(dashboard, plan)) });
  const form = el('form', { noValidate: true, class: 'stack', attrs: { 'data-write': '' }, on: { submit: async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      const made = await post(`${base}/homework`, { text: text.value.trim(), dueSession: Number(due.value) });
      items = [...items, made];
      draw(items);
      text.value = '';
      notify(T.assigned);
      onChange();
    } catch (err) {
      showError(form, err);
    }
  } } }, field(T.homeworkText, text, 'text'), field(T.dueSession, due, 'dueSession'), errorLine(),
  el('button', { type: 'submit', text: T.assign }));
  return [list, form];
}

function localInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function meetingsPart(base, meetings, readOnly) {
  if (!meetings) return unavailable();
  return el('ul', { class: 'plain-list meetings' }, meetings.meetings.map((m) => {
    const name = T.meetingKinds[m.kind] || m.kind;
    const when = el('input', { type: 'datetime-local', value: localInput(m.scheduledAt) });
    const state = el('p', { class: 'muted-text', attrs: { role: 'status' },
      text: m.held ? T.held(dateLabel(m.heldAt)) : `${m.planned ? T.planned : T.scheduled}: ${dateLabel(m.scheduledAt)}` });
    if (readOnly) return el('li', { class: 'meeting', attrs: { 'data-kind': m.kind } }, el('h4', { text: name }), state);
    const form = el('form', { noValidate: true, class: 'stack', attrs: { 'data-write': '' } });
    const save = async (body) => {
      clearErrors(form);
      try {
        const saved = await put(`${base}/meetings/${m.kind}`, body);
        state.textContent = saved.held ? T.held(dateLabel(saved.heldAt)) : `${T.scheduled}: ${dateLabel(saved.scheduledAt)}`;
        notify(T.meetingSaved);
      } catch (err) {
        showError(form, err);
      }
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (when.value) save({ scheduledAt: new Date(when.value).toISOString() });
    });
    fill(form, field(`${T.meetingWhen}: ${name}`, when, 'scheduledAt'), errorLine(),
      el('div', { class: 'button-row' },
        el('button', { type: 'submit' }, T.schedule, el('span', { class: 'visually-hidden', text: ` ${name}` })),
        el('button', { type: 'button', disabled: !!m.held, on: { click: (e) => { e.target.closest('button').disabled = true; save({ held: true }); } } },
          T.markHeld, el('span', { class: 'visually-hidden', text: ` ${name}` }))));
    return el('li', { class: 'meeting', attrs: { 'data-kind': m.kind } }, el('h4', { text: name }), state, form);
  }));
}

