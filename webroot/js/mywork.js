// The member's own work beside the chat: focus area, goals with this week's rating, homework, the questionnaires
// and the session summary, from the server's clinical calls (docs/clinical.md). A panel with nothing to show stays hidden.

import { post, optional } from './api.js';
import { el, fill, $, notify, dateLabel } from './dom.js';
import { focusName } from './words.js';
import { mountQuestionnaires, mountSummary } from './questionnaires.js';

export async function mountMyWork(groupId, user) {
  const base = `/api/groups/${groupId}/members/${user.id}`;
  const quiet = (path) => optional(path).catch(() => null);
  const [focus, homework, measures, course] = await Promise.all([quiet(`${base}/focus`), quiet(`${base}/homework`),
    quiet(`${base}/measures`), quiet(`/api/groups/${groupId}/clinical`)]);
  const shown = showFocus(base, focus) + showHomeworkOf(base, homework);
  const asked = await mountQuestionnaires(base, course, measures);
  await mountSummary(groupId, course);
  if (shown || asked) $('#mywork-empty').hidden = true;
}

/** The member's focus (`what` = focus) or homework changed: that part is read and shown again, live. */
export async function refreshMyWork(groupId, user, what) {
  const base = `/api/groups/${groupId}/members/${user.id}`;
  const shown = what === 'focus' ? showFocus(base, await optional(`${base}/focus`))
    : what === 'homework' ? showHomeworkOf(base, await optional(`${base}/homework`)) : 0;
  if (shown) $('#mywork-empty').hidden = true;
}

function showFocus(base, focus) {
  const goals = focus && Array.isArray(focus.goals) ? focus.goals : [];
  if (focus && focus.area) {
    $('#focus-panel').hidden = false;
    $('#focus-area').textContent = focusName(focus.area);
    $('#focus-goal').textContent = focus.secondaryArea ? `Also: ${focusName(focus.secondaryArea)}` : '';
  }
  if (goals.length) showGoals(base, goals);
  return (focus && focus.area) || goals.length ? 1 : 0;
}

function showHomeworkOf(base, homework) {
  const items = homework && Array.isArray(homework.items) ? homework.items : [];
  if (items.length) showHomework(base, items);
  return items.length ? 1 : 0;
}

function ratingOf(goalItem) {
  const ratings = goalItem.ratings || [];
  return ratings.length ? ratings[ratings.length - 1] : null;
}

function showGoals(base, goals) {
  $('#goals-panel').hidden = false;
  fill($('#goals'), goals.map((g, i) => {
    const last = ratingOf(g);
    const select = el('select', { id: `goal-rating-${i}` },
      el('option', { value: '', text: 'Choose…' }),
      Array.from({ length: 11 }, (_, n) => el('option', { value: String(n), text: String(n) })));
    const status = el('span', { class: 'muted-text goal-status', attrs: { role: 'status' },
      text: last ? `Last rating: ${last.rating} of 10` : 'Not rated yet' });
    const form = el('form', { class: 'inline-form', on: { submit: async (e) => {
      e.preventDefault();
      if (select.value === '') return;
      try {
        await post(`${base}/goals/ratings`, { ratings: [{ goalId: g.id, rating: Number(select.value) }] });
        status.textContent = `This week: ${select.value} of 10 — saved`;
        notify('Your rating is saved.');
      } catch {
        notify('The rating could not be saved. Please try again.', 'error');
      }
    } } },
    el('label', { htmlFor: `goal-rating-${i}`, text: 'This week (0 = not at all, 10 = fully there)' }), select,
    el('button', { type: 'submit', text: 'Save' }));
    return el('li', { class: 'goal' }, el('p', { class: 'goal-text', text: g.text }), status, form);
  }));
}

const HOMEWORK_STATUS = { due: 'Due next session', overdue: 'Overdue', open: 'Due later', done: 'Done' };

function showHomework(base, items) {
  $('#homework-panel').hidden = false;
  fill($('#homework'), items.map((h) => {
    const status = el('p', { class: 'muted-text', text: h.done ? 'Done'
      : `${HOMEWORK_STATUS[h.status] || 'To do'}${h.dueSession ? ` (session ${h.dueSession})` : ''}` });
    const item = el('li', { class: `homework${h.done ? ' done' : ''}` }, el('p', { text: h.text }), status);
    if (!h.done) {
      const button = el('button', { type: 'button', class: 'quiet-button', text: 'Mark as done', on: { click: async () => {
        button.disabled = true;
        try {
          await post(`${base}/homework/${encodeURIComponent(h.id)}/done`, null);
          item.classList.add('done');
          status.textContent = 'Done';
          button.remove();
          notify('Homework marked as done.');
        } catch {
          button.disabled = false;
          notify('That could not be saved. Please try again.', 'error');
        }
      } } });
      item.append(button);
    }
    return item;
  }));
}
