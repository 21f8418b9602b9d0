// The member's own work beside the chat: focus area, goals with this week's rating, homework, and the PHQ-9
// questionnaire. Each panel shows only when the server answers its call; a 404 (a feature this server does not
// have) hides it.

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

export async function mountMyWork(groupId, user, group) {
  const base = `/api/groups/${groupId}/members/${user.id}`;
  const [dashboard, measures] = await Promise.all([optional(`${base}/dashboard`).catch(() => null),
    optional(`${base}/measures`).catch(() => null)]);
  const self = (group.members || []).find((m) => m.id === user.id) || {};
  const d = dashboard || {};
  const focus = d.focusArea || (d.focus && d.focus.area) || self.focusArea;
  const goal = d.focusGoal || (d.focus && d.focus.goal) || self.focusGoal;
  if (focus) {
    $('#focus-panel').hidden = false;
    $('#focus-area').textContent = focusName(focus);
    $('#focus-goal').textContent = goal ? `My aim: ${goal}` : '';
  }
  const goals = Array.isArray(d.goals) ? d.goals : await optional(`${base}/goals`).catch(() => null);
  if (Array.isArray(goals) && goals.length) showGoals(base, goals, group);
  const homework = Array.isArray(d.homework) ? d.homework : await optional(`${base}/homework`).catch(() => null);
  if (Array.isArray(homework) && homework.length) showHomework(homework);
  if (Array.isArray(measures)) {
    const due = [...(d.due || []), ...(d.measuresDue || [])].some((x) => (x.instrument || x) === 'phq9');
    showPhq9(base, measures, due, group);
  }
  $('#mywork-empty').hidden = !!(focus || (goals && goals.length) || (homework && homework.length) || measures);
}

function ratingOf(goalItem) {
  const ratings = goalItem.ratings || [];
  return ratings.length ? ratings[ratings.length - 1] : null;
}

function showGoals(base, goals, group) {
  $('#goals-panel').hidden = false;
  fill($('#goals'), goals.map((g, i) => {
    const last = ratingOf(g);
    const select = el('select', { id: `goal-rating-${i}` },
      el('option', { value: '', text: 'Choose…' }),
      Array.from({ length: 11 }, (_, n) => el('option', { value: String(n), text: String(n) })));
    const status = el('span', { class: 'muted-text', text: last ? `Last rating: ${last.rating} of 10` : 'Not rated yet' });
    const form = el('form', { class: 'inline-form', on: { submit: async (e) => {
      e.preventDefault();
      if (select.value === '') return;
      try {
        await post(`${base}/goals/${encodeURIComponent(g.id)}/ratings`, { rating: Number(select.value), session: group.currentSession || undefined });
        status.textContent = `This week: ${select.value} of 10 — saved`;
        notify('Your rating is saved.');
      } catch {
        notify('The rating could not be saved. Please try again.', 'error');
      }
    } } },
    el('label', { for: `goal-rating-${i}`, text: 'This week (0 = not at all, 10 = fully there)' }), select,
    el('button', { type: 'submit', text: 'Save' }));
    return el('li', { class: 'goal' }, el('p', { class: 'goal-text', text: g.text || g.goal || g.title || 'Goal' }), status, form);
  }));
}

function showHomework(items) {
  $('#homework-panel').hidden = false;
  fill($('#homework'), items.map((h) => el('li', { class: `homework${h.done ? ' done' : ''}` },
    el('p', { text: h.text || h.title || h.task || 'Homework' }),
    el('p', { class: 'muted-text', text: h.done ? 'Done' : h.dueSession ? `Due by session ${h.dueSession}` : h.dueAt ? `Due ${dateLabel(h.dueAt)}` : 'Due next session' }))));
}

function showPhq9(base, measures, due, group) {
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
  const details = el('details', { open: due }, el('summary', { text: due ? 'Fill in the questionnaire' : 'Fill it in now' }), phq9Form(base, group));
  fill(body, intro, details);
}

function phq9Form(base, group) {
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
      const saved = await post(`${base}/measures`, { instrument: 'phq9', answers, session: group.currentSession || undefined });
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

