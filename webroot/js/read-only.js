// The course page as a supervisor sees it: labelled read-only, and records shown as text instead of forms
// (write controls carry `data-write`, hidden by css/team.css under body.read-only; the server refuses them anyway).

import { el, $ } from './dom.js';
import { SUPERVISION as T, W, FOCUS_AREAS } from './words.js';

/** True when the signed-in account supervises the group; the page then says it is read-only. */
export function markReadOnly(group) {
  const supervisor = !!(group.you && group.you.role === 'supervisor');
  document.body.classList.toggle('read-only', supervisor);
  const titles = $('.topbar .titles');
  if (supervisor && titles && !$('#read-only-label')) {
    titles.append(el('p', { id: 'read-only-label', class: 'read-only-label', text: T.readOnly }),
      el('p', { class: 'read-only-hint', text: T.readOnlyHint }));
  }
  return supervisor;
}

/** A member's focus area as text. */
export function focusView(focus) {
  if (!focus || !focus.area) return el('p', { class: 'muted-text', text: T.noFocus });
  const name = (a) => FOCUS_AREAS[a] || a;
  return el('p', { class: 'focus-now', text: T.focusNow(name(focus.area), focus.secondaryArea && name(focus.secondaryArea)) });
}

/** The relapse plan as text; `review` is null before the ending phase. */
export function relapseView(review) {
  if (!review) return el('p', { class: 'muted-text', text: W.record.relapseClosed });
  const plan = review.relapsePlan || {};
  const parts = Object.entries(W.record.relapseParts).filter(([key]) => plan[key]);
  if (!parts.length) return el('p', { class: 'muted-text', text: T.noRelapse });
  return el('dl', { class: 'relapse-view' }, parts.map(([key, label]) => [el('dt', { text: label }), el('dd', { text: plan[key] })]));
}
