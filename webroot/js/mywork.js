// The member's own work beside the chat: focus area, goals with this week's rating, homework, and the PHQ-9
// questionnaire, from the server's clinical calls (docs/clinical.md). A panel with nothing to show stays hidden.

import { post, optional } from './api.js';
import { el, fill, $, notify, dateLabel } from './dom.js';
import { focusName, SEVERITY } from './words.js';

export const PHQ9_ITEMS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed — or the opposite, being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead, or of hurting yourself in some way',
];
const PHQ9_CHOICES = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

export async function mountMyWork(groupId, user) {
  const base = `/api/groups/${groupId}/members/${user.id}`;
  const quiet = (path) => optional(path).catch(() => null);
  const [focus, homework, measures, course] = await Promise.all([quiet(`${base}/focus`), quiet(`${base}/homework`),
    quiet(`${base}/measures`), quiet(`/api/groups/${groupId}/clinical`)]);
  const goals = focus && Array.isArray(focus.goals) ? focus.goals : [];
  if (focus && focus.area) {
    $('#focus-panel').hidden = false;
    $('#focus-area').textContent = focusName(focus.area);
    $('#focus-goal').textContent = focus.secondaryArea ? `Also: ${focusName(focus.secondaryArea)}` : '';
  }
  if (goals.length) showGoals(base, goals);
  const items = homework && Array.isArray(homework.items) ? homework.items : [];
  if (items.length) showHomework(base, items);
  if (Array.isArray(measures)) showPhq9(base, measures, phq9Due(course, measures));
  $('#mywork-empty').hidden = !!((focus && focus.area) || goals.length || items.length || measures);
}

/** A PHQ-9 is asked for when the group is at one of the course's measure points and none is in for that session. */
export function phq9Due(course, measures) {
  if (!course || !Array.isArray(course.measurePoints)) return false;
  const now = course.currentSession;
  return course.measurePoints.includes(now)
    && !measures.some((m) => m.instrument === 'phq9' && m.session === now);
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

function showPhq9(base, measures, due) {
  const panel = $('#phq9-panel');
  panel.hidden = false;
  panel.classList.toggle('asked', due);
  const phq = measures.filter((m) => m.instrument === 'phq9');
  const last = phq[phq.length - 1];
  const body = $('#phq9-body');
  const intro = el('p', { class: due ? 'asked-note' : 'muted-text', text: due
    ? 'Your facilitator has asked for this check-in now. It takes about two minutes.'
    : last ? `Last check-in ${dateLabel(last.at)}: score ${last.total} (${(SEVERITY[last.severity] || last.severity).toLowerCase()}).`
      : 'You can fill this in when your facilitator asks for it.' });
  const details = el('details', { open: due }, el('summary', { text: due ? 'Fill in the questionnaire' : 'Fill it in now' }), phq9Form(base));
  fill(body, intro, details);
}

function phq9Form(base) {
  const result = el('div', { class: 'phq9-result', attrs: { role: 'status', 'aria-live': 'polite' } });
  const form = el('form', { class: 'phq9', attrs: { 'aria-describedby': 'phq9-question' } },
    el('p', { id: 'phq9-question', text: 'Over the last two weeks, how often have you been bothered by any of the following problems?' }),
    PHQ9_ITEMS.map((item, i) => el('fieldset', { class: 'phq9-item' },
      el('legend', { text: `${i + 1}. ${item}` }),
      PHQ9_CHOICES.map((choice, v) => el('label', { class: 'choice' },
        el('input', { type: 'radio', name: `q${i}`, value: String(v), required: true }), ` ${choice}`)))),
    el('button', { type: 'submit', class: 'primary', text: 'Send my answers' }),
    result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const answers = PHQ9_ITEMS.map((_, i) => {
      const checked = form.querySelector(`input[name="q${i}"]:checked`);
      return checked ? Number(checked.value) : null;
    });
    const missing = answers.indexOf(null);
    if (missing >= 0) {
      result.textContent = `Please answer question ${missing + 1}.`;
      form.querySelector(`input[name="q${missing}"]`).focus();
      return;
    }
    try {
      const saved = await post(`${base}/measures`, { instrument: 'phq9', answers });
      fill(result, el('p', { text: `Thank you. Your score is ${saved.total} (${(SEVERITY[saved.severity] || saved.severity).toLowerCase()}). Your facilitator will see it.` }));
      if (answers[8] > 0) {
        result.append(el('p', { class: 'care', text: 'You said you have had thoughts of being better off dead or of hurting yourself. Your facilitator has been told and will reach out. If you are in danger now, please call your local emergency number or a crisis line.' }));
      }
      form.querySelectorAll('input, button').forEach((n) => { n.disabled = true; });
    } catch {
      result.textContent = 'Your answers could not be sent. Please try again.';
    }
  });
  return form;
}

