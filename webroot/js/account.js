// The signed-in account's own settings (password, two-step sign-in) and, for admins, the list of accounts.

import { get, post, patch, login, me, requireSignIn, logoutEverywhere, toSignIn, ApiError } from './api.js';
import { ACCOUNT } from './words.js';
import { el, fill, $ } from './dom.js';

function problem(e) {
  return e instanceof ApiError && e.status === 400 && e.message ? e.message.replace(/^[A-Za-z]+: /, '') : 'That did not work just now. Please try again.';
}

async function changePassword(event) {
  event.preventDefault();
  const message = $('#password-message');
  message.textContent = '';
  const currentPassword = $('#current-password').value;
  const newPassword = $('#new-password').value;
  try {
    await post('/api/auth/password', { currentPassword, newPassword });
    // A change ends every earlier sign-in, this one too: sign in again with the new password.
    await login(me().username, newPassword);
    $('#current-password').value = '';
    $('#new-password').value = '';
    message.textContent = 'Your password is changed.';
  } catch (e) {
    message.textContent = e instanceof ApiError && e.status === 401
      ? 'Your password is changed; please sign in again.' : `The password was not changed: ${problem(e)}`;
  }
}

async function startTotp() {
  const message = $('#totp-message');
  message.textContent = '';
  try {
    const setup = await post('/api/auth/totp/setup');
    $('#totp-qr').src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`;
    $('#totp-secret').textContent = setup.secret;
    $('#totp-form').hidden = false;
    $('#totp-code').focus();
  } catch (e) {
    message.textContent = e instanceof ApiError && e.status === 409
      ? 'Two-step sign-in is already on.' : problem(e);
  }
}

async function enableTotp(event) {
  event.preventDefault();
  const message = $('#totp-message');
  message.textContent = '';
  try {
    const answer = await post('/api/auth/totp/enable', { code: $('#totp-code').value.trim() });
    $('#totp-form').hidden = true;
    $('#totp-start').hidden = true;
    fill($('#totp-codes'), answer.recoveryCodes.map((c) => el('li', {}, el('code', { text: c }))));
    $('#totp-recovery').hidden = false;
    $('#totp-state').textContent = 'Two-step sign-in is on.';
  } catch (e) {
    message.textContent = `Not turned on: ${problem(e)}`;
  }
}

async function signOutEverywhere() {
  $('#everywhere-message').textContent = '';
  try {
    await logoutEverywhere();
    toSignIn();
  } catch (e) {
    $('#everywhere-message').textContent = `${ACCOUNT.notSignedOutEverywhere} ${problem(e)}`;
  }
}

function accountItem(user) {
  const state = el('span', { class: 'account-state', text: user.active ? 'active' : 'deactivated' });
  const toggle = el('button', { type: 'button', text: user.active ? 'Deactivate' : 'Reactivate' });
  const reset = el('button', { type: 'button', text: 'Password reset' });
  const secret = el('output', { class: 'reset-token' });
  toggle.addEventListener('click', async () => {
    try {
      const changed = await patch(`/api/users/${user.id}`, { active: !user.active });
      $('#accounts-list').replaceChild(accountItem(changed), item);
    } catch (e) {
      $('#accounts-message').textContent = problem(e);
    }
  });
  reset.addEventListener('click', async () => {
    try {
      const answer = await post(`/api/users/${user.id}/password-reset`);
      secret.textContent = `Reset token (shown once, valid until ${new Date(answer.expiresAt).toLocaleTimeString()}): ${answer.resetToken}`;
    } catch (e) {
      $('#accounts-message').textContent = problem(e);
    }
  });
  const item = el('li', { class: 'account-item', attrs: { 'data-username': user.username } },
    el('span', { class: 'account-name', text: `${user.displayName} (${user.username}, ${user.role})` }),
    state, user.id === me().id ? null : toggle, reset, secret);
  return item;
}

async function search(event) {
  if (event) event.preventDefault();
  const query = $('#accounts-query').value.trim();
  try {
    const page = await get(`/api/users?limit=100&query=${encodeURIComponent(query)}`);
    $('#accounts-message').textContent = `${page.total} account${page.total === 1 ? '' : 's'}`;
    fill($('#accounts-list'), page.users.map(accountItem));
  } catch (e) {
    $('#accounts-message').textContent = problem(e);
  }
}

/** Shows the account's settings, and the account list for admins. */
function showAccount() {
  $('#account').hidden = false;
  $('#totp-state').textContent = 'Add a code from an authenticator app to your sign-in.';
  if (me().role === 'admin') {
    $('#accounts').hidden = false;
    search();
  }
}

$('#password-form').addEventListener('submit', changePassword);
$('#totp-start').addEventListener('click', startTotp);
$('#totp-form').addEventListener('submit', enableTotp);
$('#accounts-search').addEventListener('submit', search);
$('#everywhere-button').addEventListener('click', signOutEverywhere);

if (requireSignIn()) showAccount();
