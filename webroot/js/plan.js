// The console's plan: each session with its time in the group's zone, cancelled and moved sessions shown as such,
// and dialogs to move or cancel a session not yet held (PATCH /api/groups/{id}/sessions/{number}).

import { patch } from './api.js';
import { el, fill, notify } from './dom.js';
import { phaseName, SCHEDULE } from './words.js';

/** A time shown in the group's zone. */
export function zoned(iso, zone) {
  if (!iso) return '';
  return new Date(iso).toLocaleString([], {
    timeZone: zone || 'UTC', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  });
}

/** The next session after `number` that is not cancelled, or null when none is left. */
export function nextPlanned(group, number) {
  return (group.plan || []).find((p) => p.number > number && !p.cancelled) || null;
}

/** The zone's wall-clock fields of an instant, as the digits a datetime-local input holds. */
function wallClock(ms, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant at which the zone's clocks show `local` (YYYY-MM-DDTHH:MM). */
export function fromWallClock(local, zone) {
  const asUtc = Date.parse(`${local}:00Z`);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - (Date.parse(`${wallClock(guess, zone)}:00Z`) - guess);
  return new Date(guess).toISOString().replace('.000Z', 'Z');
}

/** Renders the plan into `list` and its summary into `summary`; `onChanged` reloads the group after a change. */
export function renderPlan(list, summary, group, session, onChanged) {
  const plan = group.plan || [];
  const zone = group.timeZone || 'UTC';
  const live = session.status === 'live';
  const left = plan.filter((p) => !p.cancelled && !p.startedAt && p.number > (session.number || 0)).length;
  summary.textContent = `${phaseName(session.phase || group.phase)} · ${live
    ? SCHEDULE.liveLeft(session.number, left) : SCHEDULE.left(left, group.sessionCount)} · ${zone}`;
  const active = document.activeElement;
  const kept = active && list.contains(active) && active.closest('li')
    ? [active.closest('li').dataset.session, active.dataset.planAction] : null;
  fill(list, plan.map((p) => {
    const current = p.number === session.number;
    const open = !p.startedAt && p.number > (session.number || 0);
    const state = p.cancelled ? 'cancelled' : p.endedAt ? 'done' : current && live ? 'live' : 'planned';
    const when = state === 'done' ? 'Held' : state === 'live' ? 'Live now' : zoned(p.scheduledAt, zone);
    const label = `session ${p.number}`;
    return el('li', { class: `plan-item plan-${state} phase-${p.phase}`, attrs: { 'aria-current': current ? 'step' : null, 'data-session': p.number } },
      el('span', { class: 'plan-number', text: `Session ${p.number}` }),
      el('span', { class: 'plan-phase', text: phaseName(p.phase) }),
      el('span', { class: 'plan-when' }, p.cancelled ? el('span', { class: 'chip chip-muted', text: SCHEDULE.cancelled }) : null,
        p.cancelled ? ' ' : null, when,
        p.movedFrom && !p.cancelled && state === 'planned' ? ` (${SCHEDULE.movedFrom(zoned(p.movedFrom, zone))})` : null),
      open ? el('span', { class: 'plan-actions' },
        p.cancelled
          ? action(SCHEDULE.restore, label, 'restore', () => change(group, p, { cancelled: false }, SCHEDULE.restored(p.number), onChanged))
          : [action(SCHEDULE.move, label, 'move', () => moveDialog(group, p, onChanged)),
            action(SCHEDULE.cancel, label, 'cancel', () => cancelDialog(group, p, onChanged))]) : null);
  }));
  if (kept) {
    const item = list.querySelector(`li[data-session="${kept[0]}"]`);
    const again = item && (item.querySelector(`[data-plan-action="${kept[1]}"]`) || item.querySelector('[data-plan-action]'));
    (again || list).focus();
  }
}

function action(text, name, kind, handler) {
  return el('button', { type: 'button', class: 'small', attrs: { 'data-plan-action': kind }, on: { click: handler } },
    text, el('span', { class: 'visually-hidden', text: ` ${name}` }));
}

async function change(group, p, body, done, onChanged, showError) {
  try {
    await patch(`/api/groups/${group.id}/sessions/${p.number}`, body);
  } catch (e) {
    const text = e.message && e.status && e.status < 500 ? e.message.replace(/^\w+: /, '') : SCHEDULE.failed;
    if (showError) showError(text);
    else notify(text, 'error');
    return false;
  }
  notify(done);
  onChanged();
  return true;
}

/** A modal dialog (focus kept inside, Escape closes, focus back to `back` after). */
export function dialog(title, body, confirmText, onConfirm, back) {
  const id = `plan-dialog-${Date.now()}`;
  const confirm = el('button', { type: 'submit', class: 'primary', text: confirmText });
  const box = el('dialog', { class: 'plan-dialog', attrs: { 'aria-labelledby': `${id}-title` } },
    el('form', { method: 'dialog', on: { submit: async (e) => {
      e.preventDefault();
      confirm.disabled = true;
      if (await onConfirm()) box.close();
      confirm.disabled = false;
    } } },
    el('h2', { id: `${id}-title`, text: title }), body,
    el('div', { class: 'dialog-actions' }, confirm,
      el('button', { type: 'button', text: SCHEDULE.keep, on: { click: () => box.close() } }))));
  const item = back && back.closest ? back.closest('li[data-session]') : null;
  box.addEventListener('close', () => {
    box.remove();
    if (back && back.isConnected) back.focus();
    else if (item) {
      // The plan was drawn again while the dialog was open: back to the same session's buttons.
      const again = document.querySelector(`#plan li[data-session="${item.dataset.session}"]`);
      (again && again.querySelector('[data-plan-action]') || document.getElementById('plan'))?.focus();
    }
  });
  document.body.append(box);
  box.showModal();
  return box;
}

function moveDialog(group, p, onChanged) {
  const zone = group.timeZone || 'UTC';
  const back = document.activeElement;
  const error = el('p', { id: 'plan-move-error', class: 'form-error', attrs: { role: 'alert' }, hidden: true });
  const input = el('input', { id: 'plan-move-at', type: 'datetime-local', required: true, value: wallClock(Date.parse(p.scheduledAt), zone),
    attrs: { 'aria-describedby': 'plan-move-hint plan-move-error' } });
  const showError = (text) => { error.textContent = text; error.hidden = false; input.setAttribute('aria-invalid', 'true'); input.focus(); };
  const body = el('div', { class: 'dialog-body' },
    el('label', { htmlFor: 'plan-move-at', text: SCHEDULE.moveLabel(zone) }), input,
    el('p', { id: 'plan-move-hint', class: 'hint', text: SCHEDULE.moveHint }), error);
  dialog(SCHEDULE.moveTitle(p.number), body, SCHEDULE.moveConfirm, () => {
    if (!input.value) {
      showError(SCHEDULE.needTime);
      return false;
    }
    return change(group, p, { scheduledAt: fromWallClock(input.value, zone) }, SCHEDULE.moved(p.number), onChanged, showError);
  }, back);
  input.focus();
}

function cancelDialog(group, p, onChanged) {
  const back = document.activeElement;
  const error = el('p', { class: 'form-error', attrs: { role: 'alert' }, hidden: true });
  const body = el('div', { class: 'dialog-body' },
    el('p', { text: SCHEDULE.cancelText(zoned(p.scheduledAt, group.timeZone)) }), error);
  dialog(SCHEDULE.cancelTitle(p.number), body, SCHEDULE.cancelConfirm,
    () => change(group, p, { cancelled: true }, SCHEDULE.cancelledNotice(p.number), onChanged,
      (text) => { error.textContent = text; error.hidden = false; }), back);
}
