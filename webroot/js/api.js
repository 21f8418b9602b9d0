// The HTTP side of the contract: the bearer token kept for this tab only, refreshed before it runs out.

const KEY = 'holdspace.session';
const REFRESH_BEFORE_MS = 5 * 60 * 1000;
let refreshTimer = null;

/** An answer other than 2xx: `status` and the contract's `code`. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.message || body.code)) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
  }
}

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function token() {
  const s = session();
  return s && s.token;
}

export function me() {
  const s = session();
  return s && s.user;
}

function save(s) {
  sessionStorage.setItem(KEY, JSON.stringify(s));
  scheduleRefresh();
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  clearTimeout(refreshTimer);
}

/** Back to the sign-in page, remembering where to come back to. */
export function toSignIn() {
  signOut();
  const back = location.pathname.endsWith('index.html') || location.pathname === '/' ? '' :
    `?next=${encodeURIComponent(location.pathname + location.search)}`;
  location.assign(`index.html${back}`);
}

/** For pages behind sign-in: the signed-in user, or off to the sign-in page. */
export function requireSignIn() {
  const s = session();
  if (!s || !s.token || (s.expiresAt && Date.parse(s.expiresAt) <= Date.now())) {
    toSignIn();
    return null;
  }
  scheduleRefresh();
  return s.user;
}

export async function login(username, password, totp) {
  const body = totp ? { username, password, totp } : { username, password };
  const answer = await call('POST', '/api/auth/login', body, { anonymous: true });
  save({ token: answer.token, expiresAt: answer.expiresAt, user: answer.user });
  return answer.user;
}

/** Keeps a session the server handed over in a redirect (single sign-on): the account is read from the token. */
export function adopt(tokenText, expiresAt) {
  const payload = JSON.parse(atob(tokenText.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  const user = { id: Number(payload.sub), username: payload.username, displayName: payload.name, role: payload.role };
  save({ token: tokenText, expiresAt, user });
  return user;
}

/** A fresh token for this sign-in; open sockets hear of it (`holdspace:token`) and renew theirs with a hello. */
export async function refresh() {
  const s = session();
  if (!s) return;
  const answer = await call('POST', '/api/auth/refresh', null);
  save({ ...s, token: answer.token, expiresAt: answer.expiresAt });
  dispatchEvent(new CustomEvent('holdspace:token'));
}

/** Refreshes shortly before `exp`: five minutes before, or after 70 % of a shorter lifetime. */
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  const s = session();
  if (!s || !s.expiresAt) return;
  const left = Date.parse(s.expiresAt) - Date.now();
  const wait = Math.max(1_000, left > 2 * REFRESH_BEFORE_MS ? left - REFRESH_BEFORE_MS : left * 0.7);
  refreshTimer = setTimeout(() => refresh().catch(() => scheduleRefreshSoon()), wait);
}

function scheduleRefreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => refresh().catch(scheduleRefreshSoon), 30_000);
}

/**
 * One JSON call. A 401 on a signed-in call sends the tab to the sign-in page (unless `anonymous`).
 * Other failures reject with an ApiError.
 */
export async function call(method, path, body, { anonymous = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== null && body !== undefined) headers['Content-Type'] = 'application/json';
  if (!anonymous) headers.Authorization = `Bearer ${token()}`;
  const response = await fetch(path, {
    method,
    headers,
    body: body === null || body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (response.status === 401 && !anonymous) {
    toSignIn();
    throw new ApiError(401, json);
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const get = (path) => call('GET', path, null);
export const post = (path, body) => call('POST', path, body ?? null);
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);

/** Ends every sign-in of the account, on every device, then forgets this one here. */
export async function logoutEverywhere() {
  await call('POST', '/api/auth/logout-all', null);
  signOut();
}

/** Ends this sign-in on the server too (its token and every refresh of it), then forgets it here. */
export async function logout() {
  try {
    if (token()) await call('POST', '/api/auth/logout', null, { anonymous: false });
  } catch {
    // Signed out here all the same; the token ends by itself.
  } finally {
    signOut();
  }
}

/** A call whose feature may not exist on this server: null on 404 (the panel is then hidden). */
export async function optional(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e.status === 404 || e.status === 405 || e.status === 501) return null;
    throw e;
  }
}

/**
 * The group of a page, or null once `explain` was told why it could not be loaded: `notYours` when the caller may
 * not see it. An expired session (401) is left to the sign-in redirect and a network failure to the socket's banner.
 */
export async function loadGroup(groupId, notYours, explain) {
  try {
    return await get(`/api/groups/${groupId}`);
  } catch (e) {
    if (e instanceof ApiError && e.status !== 401) {
      explain(e.status === 403 || e.status === 404 ? notYours : 'The group could not be loaded. Please reload the page.');
    }
    return null;
  }
}

/** The `?group=` of the page's address, as a number. */
export function groupFromAddress() {
  const id = Number(new URLSearchParams(location.search).get('group'));
  return Number.isInteger(id) && id > 0 ? id : null;
}
