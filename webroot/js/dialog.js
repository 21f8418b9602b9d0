// A confirmation before an action that cannot be taken back: a modal dialog that keeps the focus inside it, cancels
// on Escape, and gives the focus back to what opened it (or to its stand-in when the page was redrawn meanwhile).

import { el } from './dom.js';

let count = 0;

/** Resolves true when the person confirms, false when they cancel. `refocus()` finds the opener if it was redrawn. */
export function confirmAction({ title, text, confirm, refocus }) {
  const opener = document.activeElement;
  const id = `confirm-${++count}`;
  return new Promise((resolve) => {
    const cancelButton = el('button', { type: 'button', text: 'Cancel' });
    const okButton = el('button', { type: 'button', class: 'danger-solid', text: confirm });
    const dialog = el('dialog', { class: 'confirm', attrs: { 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-text` } },
      el('h2', { id: `${id}-title`, text: title }),
      el('p', { id: `${id}-text`, text }),
      el('div', { class: 'dialog-actions' }, cancelButton, okButton));
    let answer = false;
    const close = (value) => { answer = value; dialog.close(); };
    cancelButton.addEventListener('click', () => close(false));
    okButton.addEventListener('click', () => close(true));
    dialog.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      const first = cancelButton;
      const last = okButton;
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      const back = opener && opener.isConnected ? opener : standIn(opener) || (refocus && refocus());
      if (back && back.focus) back.focus();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancelButton.focus();
  });
}

/** The control that took the opener's place when its list was drawn again: same action, same person. */
function standIn(opener) {
  if (!opener || !opener.dataset || !opener.dataset.action) return null;
  const row = opener.closest('[data-user-id]');
  const scope = row ? document.querySelector(`[data-user-id="${row.dataset.userId}"]`) : document;
  return scope ? scope.querySelector(`[data-action="${opener.dataset.action}"]`) : null;
}
