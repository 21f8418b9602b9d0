// The member's questionnaires, every form generated from GET /api/instruments (the server's own definitions, so a new
// instrument needs no change here), with the ones due now opened, and the member's own trend per questionnaire.

import { post, get, optional } from './api.js';
import { el, fill, $, dateLabel } from './dom.js';
import { lineChart } from './charts.js';
import { W } from './words.js';


/** Which instruments are asked for at the group's current session: PHQ-9 and WSAS at every measure point, GAD-7 when scheduled. */
export function dueNow(course, measures, id) {
  if (!course || !Array.isArray(course.measurePoints)) return false;
  const scheduled = id === 'phq9' || id === 'wsas' || (id === 'gad7' && course.gad7);
  const now = course.currentSession;
  return scheduled && course.measurePoints.includes(now)
    && !measures.some((m) => m.instrument === id && m.session === now);
}

export async function mountQuestionnaires(base, course, measures) {
  const instruments = await optional('/api/instruments').catch(() => null);
  if (!Array.isArray(instruments) || !Array.isArray(measures)) return false;
  const panel = $('#measures-panel');
  panel.hidden = false;
  const body = $('#measures-body');
  const sections = instruments.map((inst) => {
    const mine = measures.filter((m) => m.instrument === inst.id);
    const due = dueNow(course, measures, inst.id);
    const last = mine[mine.length - 1];
    const max = inst.items.reduce((sum, item) => sum + item.max, 0);
    return el('section', { class: `questionnaire${due ? ' asked' : ''}`, attrs: { 'data-instrument': inst.id } },
      el('h4', { text: inst.name }),
      el('p', { class: due ? 'asked-note' : 'muted-text', text: due
        ? 'Your facilitator has asked for this check-in now.'
        : last ? `Last time ${dateLabel(last.at)}: ${last.total} of ${max} (${label(last.severity)}).` : 'Not filled in yet.' }),
      mine.length > 1 && inst.scored ? lineChart({
        points: mine.map((m) => ({ label: m.session === 0 ? 'Pre' : `S${m.session}`, value: m.total })),
        yMax: max, className: `chart-${inst.id}`, title: `My ${inst.name} over time`,
        description: mine.map((m) => `session ${m.session}: ${m.total} (${label(m.severity)})`).join('; '),
      }) : null,
      el('details', { open: due }, el('summary', { text: due ? `Fill in the ${inst.name}` : `Fill in the ${inst.name} now` }),
        form(base, inst)));
  });
  fill(body, sections);
  return true;
}

function label(severity) {
  return String(severity || '').replace(/_/g, ' ');
}

function choices(inst, name, min, max, labels, required, legend) {
  return el('fieldset', { class: 'phq9-item' }, el('legend', { text: legend }),
    Array.from({ length: max - min + 1 }, (_, k) => min + k).map((v) => el('label', { class: 'choice' },
      el('input', { type: 'radio', name, value: String(v), required }), ` ${(labels && labels[v]) || v}`)));
}

function form(base, inst) {
  const prefix = `${inst.id}-q`;
  const result = el('div', { class: 'phq9-result', attrs: { role: 'status', 'aria-live': 'polite' } });
  const extras = (inst.extras || []).map((x) => x.type === 'boolean'
    ? el('fieldset', { class: 'phq9-item' }, el('legend', { text: x.text }),
      el('label', { class: 'choice' }, el('input', { type: 'radio', name: `${inst.id}-${x.id}`, value: 'true' }), ' Yes'),
      el('label', { class: 'choice' }, el('input', { type: 'radio', name: `${inst.id}-${x.id}`, value: 'false' }), ' No'))
    : choices(inst, `${inst.id}-${x.id}`, x.min, x.max, x.answerLabels, false, x.text));
  const node = el('form', { class: 'phq9 questionnaire-form', attrs: { 'aria-label': inst.name } },
    inst.title ? el('p', { text: inst.title }) : null,
    inst.items.map((item, i) => choices(inst, `${prefix}${i}`, item.min, item.max, inst.answerLabels, true,
      `${i + 1}. ${item.text}`)),
    extras,
    el('button', { type: 'submit', class: 'primary', text: W.mywork.submit }),
    result);
  const care = el('div', { class: 'care-box' });
  node.insertBefore(care, result);
  if (inst.id === 'phq9') {
    node.addEventListener('change', (e) => {
      if (e.target.name === `${prefix}8` && Number(e.target.value) > 0 && !care.childNodes.length) showCrisis(care);
    });
  }
  node.addEventListener('submit', async (e) => {
    e.preventDefault();
    const answers = inst.items.map((_, i) => {
      const checked = node.querySelector(`input[name="${prefix}${i}"]:checked`);
      return checked ? Number(checked.value) : null;
    });
    const missing = answers.indexOf(null);
    if (missing >= 0) {
      result.textContent = `Please answer question ${missing + 1}.`;
      node.querySelector(`input[name="${prefix}${missing}"]`).focus();
      return;
    }
    const body = { instrument: inst.id, answers };
    for (const x of inst.extras || []) {
      const checked = node.querySelector(`input[name="${inst.id}-${x.id}"]:checked`);
      if (checked) body[x.id] = x.type === 'boolean' ? checked.value === 'true' : Number(checked.value);
    }
    try {
      const saved = await post(`${base}/measures`, body);
      fill(result, el('p', { text: inst.scored
        ? `Thank you. Your score is ${saved.total} (${label(saved.severity)}). Your facilitator will see it.`
        : 'Thank you. Your facilitator will see your answers.' }));
      const worrying = (inst.id === 'phq9' && answers[8] > 0)
        || (inst.id === 'cssrs_screen' && (saved.severity === 'moderate' || saved.severity === 'high'));
      if (worrying && !care.childNodes.length) showCrisis(care);
      node.querySelectorAll('input, button').forEach((n) => { n.disabled = true; });
    } catch (err) {
      result.textContent = err && err.status === 400
        ? `Your answers could not be sent: ${err.message}` : 'Your answers could not be sent. Please try again.';
    }
  });
  return node;
}

/** The deployment's crisis resources, shown at once under a worrying answer. */
async function showCrisis(result) {
  const care = el('div', { class: 'care', attrs: { role: 'alert', 'data-crisis': '' } }, el('p', { text: W.mywork.crisisLead }));
  result.append(care);
  const resources = await get('/api/crisis-resources').catch(() => []);
  care.append(el('ul', { class: 'resources' }, (resources || []).map((r) => el('li', {},
    el('strong', { text: r.name }),
    r.phone ? [' ', el('a', { attrs: { href: `tel:${r.phone.replace(/[^+\d]/g, '')}` }, text: r.phone })] : null,
    r.url ? [' ', el('a', { attrs: { href: r.url, rel: 'noopener', target: '_blank' }, text: r.url })] : null,
    r.text ? el('p', { text: r.text }) : null))));
}

/** The latest published summary (of the current session, or the one before) for the member's page. */
export async function mountSummary(groupId, course) {
  if (!course) return;
  for (const n of [course.currentSession, course.currentSession - 1]) {
    if (n < 1) continue;
    const summary = await optional(`/api/groups/${groupId}/sessions/${n}/summary`).catch(() => null);
    if (summary) {
      $('#summary-panel').hidden = false;
      fill($('#summary-body'), el('p', { class: 'muted-text', text: `Session ${summary.number}, ${dateLabel(summary.at)}` }),
        el('p', { class: 'summary-text', text: summary.text }));
      return;
    }
  }
}
