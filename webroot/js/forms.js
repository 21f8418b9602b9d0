// Form building blocks shared by the course pages: labelled fields with a place for the server's word on them,
// the mapping of a 400 (`field: why`) to that place, dialogs that keep focus, and pagers for long lists.

import { el, fill } from './dom.js';
import { W } from './words.js';

let fieldCount = 0;

/**
 * A labelled control: `control` is an input, select or textarea (given an id if it has none); `name` is the API's
 * field name, so that a 400 naming it is shown right under this control.
 */
export function field(labelText, control, name, hint) {
  if (!control.id) control.id = `f${++fieldCount}`;
  const error = el('p', { class: 'field-error', id: `${control.id}-error` });
  const hintNode = hint ? el('p', { class: 'hint', id: `${control.id}-hint`, text: hint }) : null;
  control.setAttribute('aria-describedby', [hintNode && hintNode.id, error.id].filter(Boolean).join(' '));
  if (name) control.dataset.field = name;
  return el('div', { class: 'field' }, el('label', { htmlFor: control.id, text: labelText }), control, hintNode, error);
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error, .form-error').forEach((n) => { n.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
}

/** Shows a failed call in plain words: next to the field a 400 names, else in the form's general error line. */
export function showError(form, err, fallback = W.common.failed) {
  clearErrors(form);
  const text = err && err.message ? String(err.message) : '';
  const named = err && err.status === 400 && /^([A-Za-z][\w.[\]]*): (.+)$/s.exec(text);
  if (named) {
    const key = named[1];
    const control = form.querySelector(`[data-field="${CSS.escape(key)}"]`)
      || form.querySelector(`[data-field="${CSS.escape(key.replace(/\[\d+\].*$/, ''))}"]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const box = document.getElementById(`${control.id}-error`);
      if (box) box.textContent = sentence(named[2]);
      control.focus();
      return;
    }
  }
  const general = form.querySelector('.form-error');
  const words = err && err.status === 409 && text ? sentence(text.replace(/^[\w.]+: /, ''))
    : err && err.status === 400 && text ? sentence(text) : fallback;
  if (general) general.textContent = words;
}

function sentence(text) {
  const t = text.trim();
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}

export function errorLine() {
  return el('p', { class: 'form-error', attrs: { role: 'alert' } });
}

/**
 * A modal dialog (the browser's own <dialog>: focus moves into it, Escape closes it, the page behind is inert),
 * and focus goes back to where it was when it closes. `build(close)` returns the dialog's content.
 */
export function openDialog(title, build) {
  const opener = document.activeElement;
  const heading = el('h2', { id: `dlg-${++fieldCount}`, text: title });
  const dialog = el('dialog', { class: 'dialog', attrs: { 'aria-labelledby': heading.id } });
  const close = () => dialog.close();
  fill(dialog, heading, build(close));
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  const first = dialog.querySelector('textarea, input, select, button');
  if (first) first.focus();
  return dialog;
}

/** Asks for a reason in a dialog: resolves with the text, or null when cancelled. */
export function askReason(title, lead, labelText, confirmText) {
  return new Promise((resolve) => {
    let answered = null;
    const dialog = openDialog(title, (close) => {
      const text = el('textarea', { rows: 3, maxLength: 1000, required: true });
      const form = el('form', { noValidate: true, class: 'stack', on: { submit: (e) => {
        e.preventDefault();
        if (!text.value.trim()) {
          form.querySelector('.field-error').textContent = W.common.reasonNeeded;
          text.focus();
          return;
        }
        answered = text.value.trim();
        close();
      } } },
      el('p', { text: lead }), field(labelText, text),
      el('div', { class: 'button-row' },
        el('button', { type: 'submit', class: 'primary', text: confirmText }),
        el('button', { type: 'button', text: W.common.cancel, on: { click: close } })));
      return form;
    });
    dialog.addEventListener('close', () => resolve(answered));
  });
}

/** Previous/next paging for a list of `total` items shown `limit` at a time; `go(offset)` loads a page. */
export function pager(label, offset, limit, total, go) {
  const last = Math.min(total, offset + limit);
  return el('nav', { class: 'pager', attrs: { 'aria-label': label } },
    el('button', { type: 'button', class: 'small', text: W.common.previous, disabled: offset === 0,
      on: { click: () => go(Math.max(0, offset - limit)) } }),
    el('span', { class: 'pager-text', text: total ? W.common.range(offset + 1, last, total) : W.common.none }),
    el('button', { type: 'button', class: 'small', text: W.common.next, disabled: last >= total,
      on: { click: () => go(offset + limit) } }));
}

/** An ISO instant for a wall-clock time (`YYYY-MM-DDTHH:MM`) in the IANA time zone. */
export function zonedToInstant(local, zone) {
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  const offset = (at) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(at)).map((p) => [p.type, p.value]));
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - at;
  };
  let guess = asUtc - offset(asUtc);
  guess = asUtc - offset(guess);
  return new Date(guess).toISOString();
}

/** A date and time in the given time zone, in words. */
export function whenIn(iso, zone) {
  if (!iso) return '';
  return new Date(iso).toLocaleString([], { timeZone: zone || undefined, weekday: 'short', day: 'numeric',
    month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A table cell that names its column, so that the table can stack into cards on a phone. */
export function cell(label, text) {
  return el('td', { attrs: { 'data-label': label }, text });
}

/** A table that stacks its rows into cards on a narrow screen. */
export function table(columns, rows, caption) {
  return el('table', { class: 'stack-table' }, el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { attrs: { scope: 'col' }, text: c })))),
    el('tbody', {}, rows));
}
