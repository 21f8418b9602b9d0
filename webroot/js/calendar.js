// "Add to calendar": the account's private iCalendar feed address (GET /api/me/calendar), shown when asked for,
// copyable, and replaceable by a new one (POST /api/me/calendar/rotate).

import { get, post } from './api.js';
import { el, fill, notify } from './dom.js';
import { SCHEDULE } from './words.js';
import { dialog } from './plan.js';

/** Fills `container` with the calendar section; `headingLevel` fits the page's outline. */
export function mountCalendar(container, headingLevel = 'h3') {
  const body = el('div', { class: 'calendar-body' });
  const show = el('button', { type: 'button', text: SCHEDULE.calendarShow, on: { click: () => load(() => get('/api/me/calendar')) } });
  fill(container, el(headingLevel, { id: 'calendar-title', text: SCHEDULE.calendarTitle }),
    el('p', { class: 'muted-text', text: SCHEDULE.calendarText }), body);
  container.setAttribute('aria-labelledby', 'calendar-title');
  container.hidden = false;
  fill(body, show);

  async function load(fetchLink) {
    try {
      render(await fetchLink());
      return true;
    } catch {
      notify(SCHEDULE.calendarFailed, 'error');
      return false;
    }
  }

  function render(link) {
    const input = el('input', { id: 'calendar-url', readOnly: true, value: link.url, class: 'calendar-url' });
    const copy = el('button', { type: 'button', text: SCHEDULE.calendarCopy, on: { click: async () => {
      input.select();
      try {
        await navigator.clipboard.writeText(link.url);
      } catch {
        document.execCommand('copy');
      }
      notify(SCHEDULE.calendarCopied);
    } } });
    const rotate = el('button', { type: 'button', class: 'quiet-button', text: SCHEDULE.calendarRotate, on: { click: () => {
      dialog(SCHEDULE.calendarRotate, el('p', { text: SCHEDULE.calendarRotateAsk }), SCHEDULE.calendarRotate, async () => {
        const done = await load(() => post('/api/me/calendar/rotate'));
        if (done) notify(SCHEDULE.calendarRotated);
        return done;
      }, null);
    } } });
    fill(body, el('label', { htmlFor: 'calendar-url', text: SCHEDULE.calendarLabel }), input,
      el('div', { class: 'calendar-actions' }, copy,
        el('a', { href: link.url.replace(/^https?:/, 'webcal:'), text: SCHEDULE.calendarOpen }), rotate));
    input.focus();
    input.select();
  }
}
