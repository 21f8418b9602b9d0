// The admin page: accounts (search, filter, paging, create, deactivate and reactivate, password reset tokens) and
// an overview of every group. Calls: GET/POST /api/users, PATCH /api/users/{id}, POST …/password-reset,
// GET /api/admin/groups.

import { requireSignIn, get, post, patch, logout, ApiError } from './api.js';
import { el, fill, $, notify } from './dom.js';
import { W } from './words.js';
import { mountAudit } from './audit.js';
import { field, errorLine, showError, clearErrors, openDialog, pager, whenIn, cell, table } from './forms.js';

const T = W.admin;
const PAGE = 20;
const user = requireSignIn();
const filters = { query: '', role: '', active: '', offset: 0 };

if (user && user.role !== 'admin') location.assign('index.html');
else if (user) {
  $('#signout').addEventListener('click', async () => { await logout(); location.assign('index.html'); });
  searchForm();
  createForm();
  loadAccounts();
  loadGroups(0);
  mountAudit($('#audit-list'));
}

function options(select, pairs, chosen) {
  fill(select, pairs.map(([value, text]) => el('option', { value, text, selected: value === chosen })));
  return select;
}

function searchForm() {
  const query = el('input', { type: 'search', autocomplete: 'off', maxLength: 100 });
  const role = options(el('select'), [['', T.anyRole], ...Object.entries(W.roles).filter(([r]) => r !== 'supervisor')], '');
  const active = options(el('select'), [['', T.anyStatus], ['true', T.active], ['false', T.inactive]], '');
  const form = el('form', { noValidate: true, class: 'filters', attrs: { role: 'search', 'aria-label': T.searchArea }, on: { submit: (e) => {
    e.preventDefault();
    Object.assign(filters, { query: query.value.trim(), role: role.value, active: active.value, offset: 0 });
    loadAccounts();
  } } },
  field(T.search, query, 'query', T.searchHint), field(T.roleFilter, role, 'role'), field(T.statusFilter, active, 'active'),
  el('button', { type: 'submit', text: T.find }), errorLine());
  query.addEventListener('input', debounce(() => form.requestSubmit(), 350));
  fill($('#account-search'), form);
}

async function loadAccounts() {
  const box = $('#account-list');
  const params = new URLSearchParams({ limit: String(PAGE), offset: String(filters.offset) });
  for (const key of ['query', 'role', 'active']) if (filters[key]) params.set(key, filters[key]);
  let page;
  try {
    page = await get(`/api/users?${params}`);
  } catch (e) {
    showError($('#account-search form'), e);
    return;
  }
  const rows = page.users.map((u) => el('tr', { attrs: { 'data-username': u.username } },
    cell(T.columns[0], u.username), cell(T.columns[1], u.displayName), cell(T.columns[2], W.roles[u.role] || u.role),
    cell(T.columns[3], u.email || '—'), cell(T.columns[4], u.active ? T.active : T.inactive),
    el('td', { attrs: { 'data-label': T.columns[5] } }, el('div', { class: 'button-row' },
      el('button', { type: 'button', class: 'small', on: { click: () => setActive(u, !u.active) } },
        u.active ? T.deactivate : T.reactivate, el('span', { class: 'visually-hidden', text: ` ${u.username}` })),
      el('button', { type: 'button', class: 'small', on: { click: () => reset(u) } },
        T.reset, el('span', { class: 'visually-hidden', text: ` ${u.username}` }))))));
  fill(box, page.users.length ? table(T.columns, rows, T.accounts) : el('p', { class: 'muted-text', text: T.noAccounts }),
    pager(T.pageLabel, filters.offset, PAGE, page.total, (offset) => { filters.offset = offset; loadAccounts(); }));
}

async function setActive(u, active) {
  const focusKey = document.activeElement && document.activeElement.closest('tr')?.dataset.username;
  try {
    await patch(`/api/users/${u.id}`, { active });
    notify(active ? T.reactivated(u.displayName) : T.deactivated(u.displayName));
  } catch (e) {
    notify(e instanceof ApiError && e.message ? e.message : W.common.failed, 'error');
  }
  await loadAccounts();
  const again = focusKey && $(`#account-list tr[data-username="${CSS.escape(focusKey)}"] button`);
  if (again) again.focus();
}

async function reset(u) {
  let answer;
  try {
    answer = await post(`/api/users/${u.id}/password-reset`);
  } catch {
    notify(W.common.failed, 'error');
    return;
  }
  openDialog(T.resetTitle, (close) => el('div', { class: 'stack' },
    el('p', { text: T.resetLead(u.displayName, whenIn(answer.expiresAt)) }),
    el('p', {}, el('code', { class: 'token', attrs: { 'data-reset-token': '' }, text: answer.resetToken })),
    el('button', { type: 'button', class: 'primary', text: W.common.close, on: { click: close } })));
}

function createForm() {
  const username = el('input', { autocomplete: 'off', autocapitalize: 'none', spellcheck: false, maxLength: 64 });
  const displayName = el('input', { autocomplete: 'off', maxLength: 80 });
  const password = el('input', { type: 'password', autocomplete: 'new-password', maxLength: 400 });
  const role = options(el('select'), [['member', W.roles.member], ['facilitator', W.roles.facilitator], ['admin', W.roles.admin]], 'member');
  const email = el('input', { type: 'email', autocomplete: 'off', maxLength: 254 });
  const form = el('form', { noValidate: true, class: 'grid-form', attrs: { 'aria-labelledby': 'create-title' }, on: { submit: async (e) => {
    e.preventDefault();
    clearErrors(form);
    const body = { username: username.value.trim(), displayName: displayName.value.trim(), password: password.value, role: role.value };
    if (email.value.trim()) body.email = email.value.trim();
    try {
      const made = await post('/api/users', body);
      notify(T.created(made.displayName));
      form.reset();
      filters.offset = 0;
      await loadAccounts();
      username.focus();
    } catch (err) {
      if (err.status === 409) {
        showError(form, { status: 400, message: `username: ${T.exists}` });
      } else showError(form, err);
    }
  } } },
  field(T.username, username, 'username'), field(T.displayName, displayName, 'displayName'),
  field(T.password, password, 'password', T.passwordHint), field(T.role, role, 'role'),
  field(T.email, email, 'email', T.emailHint), errorLine(),
  el('button', { type: 'submit', class: 'primary', text: T.createButton }));
  fill($('#create-body'), form);
}

async function loadGroups(offset) {
  const box = $('#group-list');
  let page;
  try {
    page = await get(`/api/admin/groups?limit=${PAGE}&offset=${offset}`);
  } catch {
    fill(box, el('p', { class: 'muted-text', text: W.common.failed }));
    return;
  }
  const c = T.groupColumns;
  const rows = page.groups.map((g) => el('tr', {},
    cell(c[0], g.name), cell(c[1], g.protocol), cell(c[2], g.facilitators.map((f) => f.displayName).join(', ') || '—'),
    cell(c[3], T.session(g.currentSession, g.sessionCount)), cell(c[4], W.status[g.sessionStatus] || g.sessionStatus)));
  fill(box, page.groups.length ? table(c, rows, T.groups) : el('p', { class: 'muted-text', text: T.noGroups }),
    pager(T.groupPages, offset, PAGE, page.total, loadGroups));
}

function debounce(fn, ms) {
  let timer;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}
