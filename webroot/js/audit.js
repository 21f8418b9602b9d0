// The admin page's audit log: who read or changed what (ids and action names only, never clinical content),
// oldest first, a page at a time (GET /api/audit?after=&limit=).

import { get } from './api.js';
import { el, fill, dateLabel } from './dom.js';
import { W } from './words.js';
import { table, cell } from './forms.js';

const T = W.audit;
const PAGE = 25;

export function mountAudit(box) {
  const starts = [0];
  const load = async () => {
    const after = starts[starts.length - 1];
    let rows;
    try {
      rows = await get(`/api/audit?after=${after}&limit=${PAGE + 1}`);
    } catch {
      fill(box, el('p', { class: 'muted-text', text: W.common.failed }));
      return;
    }
    const more = rows.length > PAGE;
    const shown = rows.slice(0, PAGE);
    const c = T.columns;
    fill(box, shown.length ? table(c, shown.map((e) => el('tr', {},
      cell(c[0], dateLabel(e.at)), cell(c[1], (e.actor && e.actor.username) || '—'), cell(c[2], e.action),
      cell(c[3], e.groupId == null ? '—' : String(e.groupId)), cell(c[4], e.subjectId == null ? '—' : String(e.subjectId)))), T.title)
      : el('p', { class: 'muted-text', text: T.empty }),
    el('nav', { class: 'pager', attrs: { 'aria-label': T.pages } },
      el('button', { type: 'button', class: 'small', text: W.common.previous, disabled: starts.length === 1,
        on: { click: () => { starts.pop(); load(); } } }),
      el('span', { class: 'pager-text', text: T.page(starts.length) }),
      el('button', { type: 'button', class: 'small', text: W.common.next, disabled: !more,
        on: { click: () => { starts.push(shown[shown.length - 1].id); load(); } } })));
  };
  load();
}
