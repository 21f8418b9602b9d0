// The console's clinical documentation: each member's outcome flags and progress-note editor (draft, edit, sign,
// addenda), and for the group the outcome totals and the session-summary editor. Calls in docs/clinical.md.

import { get, post, put, optional } from './api.js';
import { el, fill, $, notify, dateLabel } from './dom.js';

const FLAGS = [['reliableImprovement', 'Reliable improvement'], ['reliableDeterioration', 'Reliable deterioration'],
  ['recovery', 'Recovery'], ['reliableRecovery', 'Reliable recovery'], ['response', 'Response'], ['remission', 'Remission']];

const yesNo = (v) => (v === true ? 'yes' : v === false ? 'no' : 'not enough data');

/** One member's outcome flags as a definition list. */
export function outcomeSection(outcomes) {
  if (!outcomes) return null;
  const score = (p) => (p && p.baseline !== null && p.baseline !== undefined
    ? `${p.baseline} → ${p.latest ?? '…'}${p.change !== null && p.change !== undefined ? ` (${p.change > 0 ? '+' : ''}${p.change})` : ''}` : 'none yet');
  return [el('h3', { text: 'Outcomes' }),
    el('dl', { class: 'outcomes' },
      el('dt', { text: 'PHQ-9' }), el('dd', { text: score(outcomes.phq9) }),
      el('dt', { text: 'GAD-7' }), el('dd', { text: score(outcomes.gad7) }),
      FLAGS.flatMap(([key, name]) => [el('dt', { text: name }),
        el('dd', { class: `flag flag-${String(outcomes[key])}`, attrs: { 'data-flag': key }, text: yesNo(outcomes[key]) })]))];
}

/** The progress-note editor for one member, starting at the group's current session. */
export function noteEditor(groupId, member, group) {
  const box = el('section', { class: 'note-editor', attrs: { 'aria-label': `Progress note for ${member.displayName}` } });
  const number = el('input', { id: 'note-session', type: 'number', min: 0, max: group.sessionCount || 99,
    value: String(group.currentSession || 0) });
  const area = el('div', { class: 'note-area' });
  const load = () => loadNote(groupId, member, Number(number.value), area);
  fill(box, el('h3', { text: 'Progress note' }),
    el('p', { class: 'muted-text', text: 'Seen by the group\'s facilitators and supervisors only. Once signed it is kept as a record; later words go into an addendum.' }),
    el('div', { class: 'inline-form' }, el('label', { htmlFor: 'note-session', text: 'Session' }), number,
      el('button', { type: 'button', text: 'Open note', on: { click: load } })),
    area);
  load();
  return box;
}

async function loadNote(groupId, member, session, area) {
  const path = `/api/groups/${groupId}/sessions/${session}/notes/${member.id}`;
  try {
    const note = await optional(path);
    if (note) return showNote(path, note, area, member, groupId);
    const draft = await get(`${path}/draft`);
    return showDraft(path, draft.text, area, member, groupId);
  } catch {
    fill(area, el('p', { class: 'muted-text', text: 'The note could not be loaded.' }));
  }
}

function showDraft(path, text, area, member, groupId) {
  const textarea = el('textarea', { id: 'note-text', rows: 10, maxLength: 20000, value: text,
    readOnly: document.body.classList.contains('read-only') });
  const save = async () => {
    const note = await put(path, { text: textarea.value });
    notify(`Note saved for ${member.displayName}.`);
    return note;
  };
  fill(area, el('label', { htmlFor: 'note-text', text: 'Note (prefilled from the session)' }), textarea,
    el('div', { class: 'inline-form', attrs: { 'data-write': '' } },
      el('button', { type: 'button', text: 'Save note', on: { click: () => save().catch(() => notify('The note could not be saved.', 'error')) } }),
      el('button', { type: 'button', class: 'primary', text: 'Sign note', on: { click: async () => {
        try {
          await save();
          showNote(path, await post(`${path}/sign`, null), area, member, groupId);
          notify('The note is signed.');
        } catch {
          notify('The note could not be signed.', 'error');
        }
      } } })));
}

function showNote(path, note, area, member, groupId) {
  if (!note.signed) return showDraft(path, note.text, area, member, groupId);
  const addendum = el('textarea', { id: 'addendum-text', rows: 3, maxLength: 5000 });
  fill(area,
    el('p', { class: 'note-signed', text: `Signed ${dateLabel(note.signedAt)}` }),
    el('pre', { class: 'note-text', text: note.text }),
    el('ol', { class: 'plain-list addenda', attrs: { 'aria-label': 'Addenda' } },
      note.addenda.map((a) => el('li', { class: 'addendum' }, el('p', { class: 'muted-text', text: `Addendum, ${dateLabel(a.at)}` }),
        el('p', { text: a.text })))),
    el('div', { attrs: { 'data-write': '' } }, el('label', { htmlFor: 'addendum-text', text: 'Addendum' }), addendum),
    el('button', { type: 'button', text: 'Add addendum', attrs: { 'data-write': '' }, on: { click: async () => {
      if (!addendum.value.trim()) return;
      try {
        showNote(path, await post(`${path}/addenda`, { text: addendum.value }), area, member, groupId);
        notify('Addendum added.');
      } catch {
        notify('The addendum could not be added.', 'error');
      }
    } } }));
}

/** The group's outcome totals and the session-summary editor, in the console's side column. */
export async function mountGroupRecords(groupId, group) {
  const panel = $('#records-panel');
  if (!panel) return;
  const dashboard = await optional(`/api/groups/${groupId}/dashboard`).catch(() => null);
  const t = dashboard && dashboard.outcomes;
  const number = el('input', { id: 'summary-session', type: 'number', min: 1, max: group.sessionCount || 99,
    value: String(Math.max(1, group.currentSession || 1)) });
  const text = el('textarea', { id: 'summary-text', rows: 4, maxLength: 10000 });
  panel.hidden = false;
  fill($('#records-body'),
    t ? el('p', { attrs: { 'data-outcome-totals': '' }, text: `Of ${t.members} members: ${t.recovery} recovered, `
      + `${t.reliableImprovement} reliably improved, ${t.reliableDeterioration} reliably deteriorated.` }) : null,
    el('div', { attrs: { 'data-write': '' } },
      el('h3', { text: 'Session summary for the members' }),
      el('div', { class: 'inline-form' }, el('label', { htmlFor: 'summary-session', text: 'Session' }), number),
      el('label', { htmlFor: 'summary-text', text: 'Summary' }), text),
    el('button', { type: 'button', text: 'Publish summary', attrs: { 'data-write': '' }, on: { click: async () => {
      if (!text.value.trim()) return;
      try {
        await put(`/api/groups/${groupId}/sessions/${Number(number.value)}/summary`, { text: text.value });
        notify('The summary is published to the members.');
      } catch {
        notify('The summary could not be published.', 'error');
      }
    } } }));
}
