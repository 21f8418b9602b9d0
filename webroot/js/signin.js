// The sign-in page: the token goes to this tab's sessionStorage, then the list of my groups.

import { login, logout, adopt, session, get, call, ApiError } from './api.js';
import { ACCOUNT } from './words.js';
import { el, fill, $ } from './dom.js';
import { mountGroupSetup } from './setup.js';
import { TEAM, SUPERVISION } from './words.js';

const STATUS = { live: 'Live now', planned: 'Next session not started', ended: 'Last session ended' };

function safeNext() {
  const next = new URLSearchParams(location.search).get('next');
  return next && /^\/[A-Za-z0-9._-]+\.html(\?[A-Za-z0-9=&]*)?$/.test(next) ? next : null;
}

async function showGroups() {
  const s = session();
  $('#signin').hidden = true;
  $('#groups').hidden = false;
  $('#hello').textContent = `Signed in as ${s.user.displayName}.`;
  const list = $('#group-list');
  $('#admin-link').hidden = s.user.role !== 'admin';
  if (s.user.role === 'facilitator') mountGroupSetup($('#setup'));
  let groups;
  try {
    groups = await get('/api/groups');
  } catch (e) {
    fill(list, el('li', { class: 'empty', text: e instanceof ApiError && e.code === 'totp_setup_required'
      ? 'Your account must use two-step sign-in: set it up on your account page first.'
      : 'Your groups could not be loaded. Please reload the page.' }));
    return;
  }
  if (!groups.length) {
    fill(list, el('li', { class: 'empty', text: s.user.role === 'admin'
      ? 'Administrator accounts have no groups of their own.'
      : s.user.role === 'facilitator' ? 'You have no groups yet: start one with “New group”.'
        : s.user.role === 'supervisor' ? SUPERVISION.noSupervisedGroups
        : 'You are not in a group yet. Your facilitator will add you.' }));
    return;
  }
  fill(list, groups.map((g) => {
    const facilitator = g.role === 'facilitator';
    const supervisor = g.role === 'supervisor';
    const href = `${facilitator || supervisor ? 'console' : 'member'}.html?group=${encodeURIComponent(g.id)}`;
    return el('li', { class: `group-item status-${g.sessionStatus}` },
      el('a', { href, class: 'group-link' },
        el('span', { class: 'group-name', text: g.name }),
        el('span', { class: 'group-meta', text:
          `${g.currentSession ? `Session ${g.currentSession}` : 'Not started'} · ${STATUS[g.sessionStatus] || ''}` }),
        el('span', { class: 'group-action', text: facilitator ? 'Open the facilitator console'
          : supervisor ? TEAM.consoleAction : 'Go to the group' })));
  }));
  const first = list.querySelector('a');
  if (first) first.focus();
}

async function onSubmit(event) {
  event.preventDefault();
  const error = $('#signin-error');
  error.textContent = '';
  const username = $('#username').value.trim();
  const password = $('#password').value;
  if (!username || !password) {
    error.textContent = 'Please enter your username and password.';
    return;
  }
  const button = $('#signin-button');
  button.disabled = true;
  try {
    await login(username, password, $('#totp').value.trim());
    const next = safeNext();
    if (next) location.assign(next);
    else if (session().user.role === 'admin') location.assign('admin.html');
    else await showGroups();
  } catch (e) {
    if (e instanceof ApiError && e.code === 'totp_required') {
      $('#totp-row').hidden = false;
      error.textContent = 'Please enter the code from your authenticator app.';
      $('#totp').focus();
      return;
    }
    error.textContent = e instanceof ApiError && e.status === 429
      ? 'Too many attempts. Please wait a few minutes and try again.'
      : e instanceof ApiError && e.status === 401
        ? 'That username and password do not match.'
        : 'Signing in did not work just now. Please try again.';
    $('#password').select();
  } finally {
    button.disabled = false;
  }
}

/** "Sign in with <provider>" when the server has single sign-on configured. */
async function offerSingleSignOn() {
  try {
    const providers = await call('GET', '/api/auth/providers', null, { anonymous: true });
    if (!providers || !providers.oidc) return;
    // A link, not a form: the page's CSP (form-action 'self') would refuse the redirect to the provider.
    $('#oidc-link').href = providers.oidc.loginUrl;
    $('#oidc-link').textContent = ACCOUNT.signInWith(providers.oidc.name);
    $('#oidc-row').hidden = false;
  } catch {
    // Without the list, the password form is the way in.
  }
}

$('#signin-form').addEventListener('submit', onSubmit);
offerSingleSignOn();
$('#signout').addEventListener('click', async () => {
  await logout();
  $('#groups').hidden = true;
  $('#signin').hidden = false;
  $('#username').focus();
});

// A single sign-on comes back with the session (or why it failed) in the fragment, which no server sees.
const handedOver = new URLSearchParams(location.hash.slice(1));
if (location.hash) history.replaceState(null, '', location.pathname + location.search);
if (handedOver.get('token')) {
  try {
    adopt(handedOver.get('token'), handedOver.get('expiresAt'));
  } catch {
    $('#signin-error').textContent = 'Signing in did not work just now. Please try again.';
  }
} else if (handedOver.get('signin-error')) {
  $('#signin-error').textContent = `Single sign-on did not work: ${handedOver.get('signin-error')}.`;
}

if (session() && session().token && Date.parse(session().expiresAt) > Date.now()) showGroups();
else $('#username').focus();
