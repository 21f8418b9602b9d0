// The manuals' course rules in the web client (docs/course-rules.md): enrolling after enrolment closed, with a reason;
// ending a member's participation, with a reason (DELETE /api/groups/{id}/members/{userId}); how an ended member is
// shown; and the session the group meets at next, cancelled sessions skipped.

import { call, post, optional } from './api.js';
import { el, notify, dateLabel } from './dom.js';
import { W } from './words.js';
import { field, errorLine, showError, clearErrors, openDialog } from './forms.js';

const T = W.participation;
const MAX_REASON = 1000;

export const hasEnded = (member) => member.status === 'ended';

/**
 * Asks for a reason in a modal dialog and sends it with `send(reason)`; the dialog stays open with the server's
 * refusal under the field (`name` is the field the server names). Resolves with what `send` answered, or null.
 */
function reasonDialog({ title, lead, label, confirm, name, send }) {
  return new Promise((resolve) => {
    let answer = null;
    const dialog = openDialog(title, (close) => {
      const text = el('textarea', { rows: 3, maxLength: MAX_REASON, required: true, attrs: { 'aria-required': 'true' } });
      const ok = el('button', { type: 'submit', class: 'primary', text: confirm });
      const form = el('form', { noValidate: true, class: 'stack', on: { submit: async (e) => {
        e.preventDefault();
        clearErrors(form);
        const reason = text.value.trim();
        if (!reason) {
          showError(form, { status: 400, message: `${name}: ${W.common.reasonNeeded}` });
          return;
        }
        ok.disabled = true;
        try {
          answer = await send(reason);
          close();
        } catch (err) {
          showError(form, err);
        } finally {
          ok.disabled = false;
        }
      } } },
      el('p', { text: lead }), field(label, text, name), errorLine(),
      el('div', { class: 'button-row' }, ok,
        el('button', { type: 'button', text: W.common.cancel, on: { click: close } })));
      return form;
    });
    dialog.addEventListener('close', () => resolve(answer));
  });
}

/** Whether a refused enrolment was refused because enrolment has closed (409 `enrolment: …`). */
export function enrolmentClosed(err) {
  return !!err && err.status === 409 && /^enrolment:/.test(String(err.message || ''));
}

/**
 * The plain-words explanation of a closed enrolment with "Enrol anyway, with a reason…"; `onEnrolled()` runs once
 * the member is enrolled with the reason.
 */
export async function closedEnrolmentNotice(groupId, group, person, err, onEnrolled) {
  const protocols = await optional('/api/protocols').catch(() => null);
  const protocol = Array.isArray(protocols) ? protocols.find((p) => p.id === group.protocol) : null;
  const after = (protocol && protocol.enrolmentClosesAfter) || Number((/session (\d+)/.exec(err.message) || [])[1]) || 1;
  const button = el('button', { type: 'button', attrs: { 'data-action': 'enrol-anyway', 'data-write': '' }, text: T.enrolAnyway,
    on: { click: async () => {
      const done = await reasonDialog({ title: T.enrolTitle(person.displayName), lead: T.enrolLead, label: T.enrolLabel,
        confirm: T.enrolConfirm, name: 'overrideReason',
        send: (overrideReason) => post(`/api/groups/${groupId}/members`, { userId: person.id, overrideReason }) });
      if (done) onEnrolled(person);
    } } });
  return el('div', { class: 'refusal enrol-closed', attrs: { role: 'alert' } },
    el('p', { class: 'refusal-title', text: T.closedTitle }),
    el('p', { text: T.closed(person.displayName, after, protocol && protocol.name) }),
    el('p', { text: T.closedLead }), button);
}

/** "End participation…" for an active member: asks for the reason, then ends it; `onEnded()` reloads the group. */
export function endParticipationButton(groupId, member, onEnded) {
  return el('button', { type: 'button', class: 'small danger', attrs: { 'data-action': 'end-participation', 'data-write': '' },
    on: { click: async () => {
      const done = await reasonDialog({ title: T.endTitle(member.displayName), lead: T.endLead(member.displayName),
        label: T.endLabel, confirm: T.endConfirm, name: 'reason',
        send: (reason) => call('DELETE', `/api/groups/${groupId}/members/${member.id}`, { reason }) });
      if (!done) return;
      notify(T.endedNotice(member.displayName));
      onEnded(member);
    } } },
  T.end, el('span', { class: 'visually-hidden', text: ` ${member.displayName}` }));
}

/** When an ended member's participation ended and, for the facilitators (who get it), why. */
export function endedLines(member) {
  return [el('p', { class: 'person-ended', text: T.endedOn(dateLabel(member.endedAt)) }),
    member.endReason ? el('p', { class: 'person-end-reason muted-text', text: T.endReason(member.endReason) }) : null];
}

/** "Ended on …", with the reason when the answer carries it, as one line of text. */
export function endedText(member) {
  return [T.endedOn(dateLabel(member.endedAt)), member.endReason ? T.endReason(member.endReason) : null]
    .filter(Boolean).join(' · ');
}

/** The session the group meets at next once none is live, the cancelled ones skipped on the way, in words. */
export function nextSessionText(course, plan) {
  if (course.courseOver) return T.over;
  if (course.sessionStatus === 'live' || !course.upcomingSession) return null;
  const cancelled = (plan || []).filter((p) => p.cancelled && p.number > (course.currentSession || 0)
    && p.number < course.upcomingSession).map((p) => p.number);
  return T.next(course.upcomingSession, cancelled);
}

/** The first session after the current one that is not cancelled: the default "due at session" of new homework. */
export function nextOpenSession(course, plan) {
  const next = (plan || []).find((p) => p.number > (course.currentSession || 0) && !p.cancelled);
  return next ? next.number : Math.min(course.sessionCount, course.upcomingSession || course.currentSession || 1);
}
