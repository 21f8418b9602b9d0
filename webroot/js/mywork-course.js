// The member's course work beside the chat: the interpersonal inventory (written in the initial phase, read-only
// later), this session's relationship report card, the progress review and relapse plan in the ending phase, and a
// download of all their own data (GET /api/me/export).

import { get, post, optional } from './api.js';
import { el, fill, $, notify } from './dom.js';
import { W } from './words.js';
import { field, errorLine, showError, clearErrors } from './forms.js';
import { inventoryEditor, inventoryView } from './inventory.js';
import { loadReview, reviewView, relapseForm } from './relapse.js';

const M = W.mywork;
const I = W.inventory;

function panel(id, title) {
  return el('section', { id, class: 'panel', attrs: { 'aria-labelledby': `${id}-title` } },
    el('h3', { id: `${id}-title`, text: title }));
}

/** Adds the panels to the page's side column, before the safety plan. */
export async function mountCourseWork(groupId, user) {
  const base = `/api/groups/${groupId}/members/${user.id}`;
  const side = $('aside.side');
  const before = $('#plan-panel');
  const inventoryPanel = panel('inventory-panel', I.title);
  const cardPanel = panel('card-panel', M.cards);
  const reviewPanel = panel('review-panel', M.review);
  const exportPanel = panel('export-panel', M.export);
  for (const p of [inventoryPanel, cardPanel, reviewPanel, exportPanel]) side.insertBefore(p, before);
  exportPart(exportPanel, user);
  const quiet = (p) => optional(p).catch(() => null);
  const [course, inventory, cards] = await Promise.all([quiet(`/api/groups/${groupId}/clinical`),
    quiet(`${base}/inventory`), quiet(`${base}/report-cards`)]);
  const phase = course ? course.phase : 'initial';
  const drawCard = (inv) => cardPart(cardPanel, base, inv, cards, course);
  if (inventory) {
    inventoryPanel.append(el('p', { class: 'muted-text', text: phase === 'initial' ? I.lead : I.readOnly }),
      phase === 'initial' ? inventoryEditor(`${base}/inventory`, inventory, drawCard) : inventoryView(inventory));
  } else inventoryPanel.hidden = true;
  drawCard(inventory);
  if (phase === 'termination') {
    const review = await loadReview(base).catch(() => null);
    reviewPanel.append(reviewView(review), el('h4', { text: W.record.relapse }), relapseForm(base, review, 'my-relapse'));
  } else reviewPanel.hidden = true;
}

function cardPart(box, base, inventory, cards, course) {
  const heading = box.querySelector('h3');
  const relationships = (inventory && inventory.relationships) || [];
  const session = course ? course.currentSession : null;
  const done = cards && session !== null && cards.cards.some((c) => c.session === session);
  if (!relationships.length) {
    fill(box, heading, el('p', { class: 'muted-text', text: M.cardNeedsInventory }));
    return;
  }
  if (done) {
    fill(box, heading, el('p', { class: 'muted-text', text: M.cardDone }));
    return;
  }
  const scale = (value) => el('select', {}, Object.entries(I.scale).map(([v, text]) => el('option', { value: v, text, selected: Number(v) === value })));
  const rows = relationships.map((r, i) => {
    const closeness = scale(r.closeness);
    const satisfaction = scale(r.satisfaction);
    return { r, closeness, satisfaction, node: el('fieldset', { class: 'relationship' }, el('legend', { text: r.label }),
      el('div', { class: 'pair' }, field(I.closeness, closeness, `ratings[${i}].closeness`),
        field(I.satisfaction, satisfaction, `ratings[${i}].satisfaction`))) };
  });
  const form = el('form', { noValidate: true, class: 'stack', on: { submit: async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      await post(`${base}/report-cards`, { ratings: rows.map(({ r, closeness, satisfaction }) => ({
        relationshipId: r.id, closeness: Number(closeness.value), satisfaction: Number(satisfaction.value) })) });
      notify(M.cardSaved);
      fill(box, heading, el('p', { class: 'muted-text', attrs: { role: 'status' }, text: M.cardDone }));
    } catch (err) {
      showError(form, err);
    }
  } } }, el('p', { text: M.cardLead }), rows.map((x) => x.node), errorLine(),
  el('button', { type: 'submit', class: 'primary', text: M.saveCard }));
  fill(box, heading, form);
}

function exportPart(box, user) {
  const button = el('button', { type: 'button', text: M.download, on: { click: async () => {
    button.disabled = true;
    try {
      const data = await get('/api/me/export');
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = el('a', { href: url, download: `holdspace-${user.username || user.id}.json` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      notify(W.common.failed, 'error');
    } finally {
      button.disabled = false;
    }
  } } });
  box.append(el('p', { class: 'muted-text', text: M.exportLead }), button);
}
