// The ending phase: the progress review (GET …/review, 409 before termination) and the relapse plan
// (PUT …/relapse-plan), for the member and the facilitator alike.

import { put, ApiError, get } from './api.js';
import { el, notify } from './dom.js';
import { W } from './words.js';
import { field, errorLine, showError, clearErrors } from './forms.js';

const T = W.record;

/** The review, or null when it is not open yet (before the ending phase). */
export async function loadReview(base) {
  try {
    return await get(`${base}/review`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 409 || e.status === 404)) return null;
    throw e;
  }
}

export function reviewView(review) {
  if (!review) return el('p', { class: 'muted-text', text: T.reviewClosed });
  return el('ul', { class: 'plain-list review' },
    el('li', { text: T.reviewPhq(review.phq9) }),
    review.gad7 ? el('li', { text: `GAD-7: ${W.course.trend(review.gad7)}` }) : null,
    el('li', { text: T.reviewAttendance(review.attendance) }),
    (review.goals || []).map((g) => el('li', { text: T.reviewGoal(g) })),
    (review.relationships || []).map((r) => el('li', { text: T.cardLine(r) })));
}

/** The relapse plan form; `review` is null before the ending phase (the form is then not offered). */
export function relapseForm(base, review, idPrefix) {
  if (!review) return el('p', { class: 'muted-text', text: T.relapseClosed });
  const plan = review.relapsePlan || {};
  const areas = Object.entries(T.relapseParts).map(([key, label]) => [key,
    el('textarea', { id: `${idPrefix}-${key}`, rows: 3, maxLength: 4000, value: plan[key] || '' }), label]);
  const status = el('p', { class: 'muted-text', attrs: { role: 'status' } });
  const form = el('form', { noValidate: true, class: 'relapse-form', on: { submit: async (e) => {
    e.preventDefault();
    clearErrors(form);
    const body = Object.fromEntries(areas.map(([key, area]) => [key, area.value.trim()]).filter(([, v]) => v));
    if (!Object.keys(body).length) {
      showError(form, { status: 400, message: `warningSigns: ${T.relapseEmpty}` });
      return;
    }
    try {
      await put(`${base}/relapse-plan`, body);
      status.textContent = T.relapseSaved;
      notify(T.relapseSaved);
    } catch (err) {
      showError(form, err);
    }
  } } },
  areas.map(([key, area, label]) => field(label, area, key)), errorLine(),
  el('button', { type: 'submit', class: 'primary', text: T.saveRelapse }), status);
  return form;
}
