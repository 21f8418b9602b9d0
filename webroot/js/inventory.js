// The interpersonal inventory: an editor (the member's in the initial phase, the facilitator's at any time) and a
// read-only view. GET/PUT /api/groups/{id}/members/{userId}/inventory.

import { put } from './api.js';
import { el, fill, notify } from './dom.js';
import { W, FOCUS_AREAS } from './words.js';
import { field, errorLine, showError, clearErrors } from './forms.js';

const T = W.inventory;

function scale(value) {
  return el('select', {}, Object.entries(T.scale).map(([v, text]) => el('option', { value: v, text, selected: Number(v) === value })));
}

function relationshipRow(r, index, onRemove) {
  const label = el('input', { maxLength: 60, value: r.label || '', autocomplete: 'off' });
  const kind = el('input', { maxLength: 40, value: r.kind || '', autocomplete: 'off' });
  const closeness = scale(r.closeness || 3);
  const satisfaction = scale(r.satisfaction || 3);
  const area = el('select', {}, el('option', { value: '', text: W.record.noneChosen }),
    Object.entries(FOCUS_AREAS).map(([v, text]) => el('option', { value: v, text, selected: r.area === v })));
  const works = el('textarea', { rows: 2, maxLength: 2000, value: r.works || '' });
  const doesNotWork = el('textarea', { rows: 2, maxLength: 2000, value: r.doesNotWork || '' });
  const at = (f) => `relationships[${index}].${f}`;
  const legend = el('legend', { text: T.person(index + 1) });
  const row = el('fieldset', { class: 'relationship' }, legend,
    field(T.label, label, at('label')), field(T.kind, kind, at('kind'), T.kindHint),
    el('div', { class: 'pair' }, field(T.closeness, closeness, at('closeness')), field(T.satisfaction, satisfaction, at('satisfaction'))),
    field(T.area, area, at('area')), field(T.works, works, at('works')), field(T.doesNotWork, doesNotWork, at('doesNotWork')),
    el('button', { type: 'button', class: 'small danger', on: { click: onRemove } }, T.remove,
      el('span', { class: 'visually-hidden', text: ` ${T.person(index + 1)}` })));
  row.read = () => {
    const out = { label: label.value.trim(), kind: kind.value.trim(), closeness: Number(closeness.value), satisfaction: Number(satisfaction.value) };
    if (r.id) out.id = r.id;
    if (area.value) out.area = area.value;
    if (works.value.trim()) out.works = works.value.trim();
    if (doesNotWork.value.trim()) out.doesNotWork = doesNotWork.value.trim();
    if (r.notes) out.notes = r.notes;
    return out;
  };
  return row;
}

/** The editor: `path` is the member's inventory call; `onSaved(inventory)` after each save. */
export function inventoryEditor(path, inventory, onSaved = () => {}) {
  let items = (inventory.relationships || []).map((r) => ({ ...r }));
  const list = el('div', { class: 'relationships' });
  const form = el('form', { noValidate: true, class: 'inventory-form' });
  const draw = (focusLast) => {
    const rows = items.map((r, i) => relationshipRow(r, i, () => {
      items = readAll();
      items.splice(i, 1);
      draw(false);
      form.querySelector('.add-relationship').focus();
    }));
    fill(list, rows.length ? rows : el('p', { class: 'muted-text', text: T.empty }));
    if (focusLast && rows.length) rows[rows.length - 1].querySelector('input').focus();
  };
  const readAll = () => [...list.querySelectorAll('fieldset.relationship')].map((row) => row.read());
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    items = readAll();
    try {
      const saved = await put(path, { relationships: items });
      items = saved.relationships.map((r) => ({ ...r }));
      draw(false);
      notify(T.saved);
      onSaved(saved);
    } catch (err) {
      showError(form, err);
    }
  });
  fill(form, list, errorLine(), el('div', { class: 'button-row' },
    el('button', { type: 'button', class: 'add-relationship', text: T.add, on: { click: () => {
      items = readAll();
      items.push({ closeness: 3, satisfaction: 3 });
      draw(true);
    } } }),
    el('button', { type: 'submit', class: 'primary', text: T.save })));
  draw(false);
  return form;
}

export function inventoryView(inventory) {
  const items = inventory.relationships || [];
  if (!items.length) return el('p', { class: 'muted-text', text: T.empty });
  return el('ul', { class: 'plain-list inventory-view' }, items.map((r) => el('li', { class: 'relationship-view' },
    el('p', { class: 'goal-text', text: r.label }), el('p', { class: 'muted-text', text: T.line(r) }),
    r.area ? el('p', { class: 'muted-text', text: `${T.area}: ${FOCUS_AREAS[r.area] || r.area}` }) : null,
    r.works ? el('p', { text: `${T.works}: ${r.works}` }) : null,
    r.doesNotWork ? el('p', { text: `${T.doesNotWork}: ${r.doesNotWork}` }) : null)));
}
