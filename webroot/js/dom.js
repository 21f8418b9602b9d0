// DOM building with text only: data from the server or other people never goes through innerHTML.

/**
 * Makes an element. `props` may hold: class, text, attrs (object of attribute values), on (object of
 * event handlers), and any other key is set as a property (for example value, disabled, type).
 * Children are nodes or strings (strings become text nodes); null and false are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'attrs') for (const [a, v] of Object.entries(value)) { if (v !== null && v !== undefined && v !== false) node.setAttribute(a, String(v)); }
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else node[key] = value;
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `node` with the given children. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function show(node, visible) {
  node.hidden = !visible;
}

/** A short time of day for a chat line. */
export function clock(iso) {
  const d = iso ? new Date(iso) : new Date();
  return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function dateLabel(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** Announces a short notice in the page's polite live region and as a passing toast. */
export function notify(message, kind = 'info') {
  let box = document.getElementById('toasts');
  if (!box) {
    box = el('div', { id: 'toasts', class: 'toasts', attrs: { role: 'status', 'aria-live': 'polite' } });
    document.body.append(box);
  }
  // At most two at a time, so a burst (five alerts at once) never covers the compose box.
  while (box.children.length >= 2) box.firstElementChild.remove();
  const toast = el('p', { class: `toast toast-${kind}`, text: message });
  box.append(toast);
  setTimeout(() => toast.remove(), kind === 'error' ? 8000 : 4000);
}

/** The time of a chat line: the time of day for today, with the date before it for any other day. */
export function stamp(iso) {
  const d = iso ? new Date(iso) : new Date();
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === new Date().toDateString()) return time;
  const sameYear = d.getFullYear() === new Date().getFullYear();
  return `${d.toLocaleDateString([], { day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric' })}, ${time}`;
}
