// End-to-end scenario of the web client in headless Chromium against a real Holdspace server.
// Started by BrowserTest (mvn verify) with:
//   HOLDSPACE_BASE_URL   http://127.0.0.1:<port>
//   HOLDSPACE_E2E        JSON {groupId, facilitator:{username,password,displayName}, members:[{…}, {…}], spare:{…}}
//   HOLDSPACE_SCREENSHOTS folder for the PNG files
//   HOLDSPACE_CHROMIUM   the browser (default /usr/bin/chromium)
// Prints "PLAN a|b|…", then "PASS <step>" or "FAIL <step>: <why>" per step, and "DONE" at the end.
// Exits 0 only when every step passed. Steps run in order and a failed one does not stop the next.

import { join } from 'node:path';
import {
  base, cast, shots, TIMEOUT, check, accessibilityProblems, launch, watch, signIn,
  steps, step, problems, run, start,
} from './harness.mjs';

const INJECTION = '<img src=x onerror=alert(1)>';
const [alex, sam] = cast.members;
const fac = cast.facilitator;

/** The chat line whose text contains `text`, on one page. */
const line = (page, text) => page.locator('#log li.msg', { hasText: text });

async function seesMessage(page, text) {
  await line(page, text).first().waitFor();
}

async function main() {
  const browser = await launch();
  const contexts = [];
  const context = async (viewport) => {
    const c = await browser.newContext({ viewport, baseURL: base });
    contexts.push(c);
    return c;
  };
  const facPage = await watch(await (await context({ width: 1400, height: 900 })).newPage(), 'console', problems);
  const alexPage = await watch(await (await context({ width: 1200, height: 850 })).newPage(), alex.displayName, problems);
  const samPage = await watch(await (await context({ width: 390, height: 844 })).newPage(), sam.displayName, problems);
  // Alex's WebSocket goes through Playwright, so that the test can cut it and keep it cut for a while.
  const cut = { blocked: false, open: [] };
  await alexPage.routeWebSocket(/\/ws$/, (ws) => {
    if (cut.blocked) {
      ws.close({ code: 4000, reason: 'cut by the test' });
      return;
    }
    ws.connectToServer();
    cut.open.push(ws);
  });
  const everyone = [facPage, alexPage, samPage];

  step('facilitator and a member sign in and open their pages', async () => {
    await signIn(facPage, fac, 'facilitator console');
    await facPage.waitForURL(/console\.html\?group=/);
    await facPage.locator('#roster li[data-user-id]').nth(1).waitFor();
    await signIn(alexPage, alex, 'Go to the group');
    await alexPage.waitForURL(/member\.html\?group=/);
    const stored = await alexPage.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }));
    check(stored.session > 0 && stored.local === 0, `the token must be kept in sessionStorage only: ${JSON.stringify(stored)}`);
  });

  step('a member signs in with the keyboard only on a phone-width screen', async () => {
    await samPage.goto(`${base}/`);
    await samPage.keyboard.type(sam.username);
    await samPage.keyboard.press('Tab');
    await samPage.keyboard.type(sam.password);
    await samPage.keyboard.press('Enter');
    await samPage.getByRole('link', { name: /Go to the group/ }).waitFor();
    await samPage.waitForFunction(() => document.activeElement && document.activeElement.matches('a.group-link'));
    await samPage.keyboard.press('Enter');
    await samPage.waitForURL(/member\.html\?group=/);
    const overflow = await samPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `the member page is wider than the phone screen by ${overflow}px`);
  });

  step('before the session starts, members see that it is not live and cannot write', async () => {
    for (const page of [alexPage, samPage]) {
      await page.locator('[data-banner="not-live"]').waitFor();
      await page.locator('#compose.compose-private').waitFor();
      check(await page.locator('#private').isChecked() && await page.locator('#private').isDisabled(),
        'while the session is not live, messages go privately to the facilitators only');
    }
  });

  step('the facilitator starts the session and everyone sees it', async () => {
    await facPage.getByRole('button', { name: 'Start session' }).click();
    for (const page of everyone) {
      await page.locator('#log li.divider', { hasText: 'Session 1 ·' }).waitFor();
      await page.locator('[data-banner="not-live"]').waitFor({ state: 'detached' });
    }
    await alexPage.locator('#send:not([disabled])').waitFor();
  });

  step('messages flow both ways, own messages and the facilitator marked', async () => {
    await alexPage.getByLabel('Your message to the group').fill('Hello everyone, glad to be here');
    await alexPage.keyboard.press('Enter');
    await seesMessage(facPage, 'glad to be here');
    await seesMessage(samPage, 'glad to be here');
    await line(alexPage, 'glad to be here').and(alexPage.locator('.mine')).waitFor();
    await facPage.getByLabel('Your message').fill('Welcome, both of you. Let us begin.');
    await facPage.getByRole('button', { name: 'Send', exact: true }).click();
    for (const page of [alexPage, samPage]) {
      const l = line(page, 'Welcome, both of you');
      await l.waitFor();
      check(await l.locator('.badge-facilitator').count() === 1, 'the facilitator\'s message must be marked');
    }
    await samPage.getByLabel('Your message to the group').fill('Thank you, I had a hard week');
    await samPage.getByRole('button', { name: 'Send', exact: true }).click();
    await seesMessage(alexPage, 'I had a hard week');
    await seesMessage(facPage, 'I had a hard week');
  });

  step('others see a typing hint', async () => {
    await samPage.getByLabel('Your message to the group').pressSequentially('I am writing something', { delay: 120 });
    await alexPage.locator('#typing', { hasText: `${sam.displayName} is typing` }).waitFor();
    await samPage.getByLabel('Your message to the group').fill('');
  });

  step('a message with HTML shows as text on every screen', async () => {
    await samPage.getByLabel('Your message to the group').fill(INJECTION);
    await samPage.keyboard.press('Enter');
    for (const page of everyone) {
      const body = line(page, INJECTION).locator('.body');
      await body.waitFor();
      check(await body.textContent() === INJECTION, 'the text must be shown exactly');
      check(await page.locator('#log img').count() === 0, 'no element may be made from message text');
    }
  });

  step('a member whose connection drops sees it, reconnects by itself and catches up', async () => {
    cut.blocked = true;
    for (const ws of cut.open.splice(0)) await ws.close({ code: 4000, reason: 'cut by the test' });
    await alexPage.locator('[data-banner="reconnecting"]').waitFor();
    await samPage.getByLabel('Your message to the group').fill('Said while Alex was away');
    await samPage.keyboard.press('Enter');
    await seesMessage(facPage, 'Said while Alex was away');
    check(await line(alexPage, 'while Alex was away').count() === 0, 'a cut connection cannot have delivered it');
    cut.blocked = false;
    await seesMessage(alexPage, 'Said while Alex was away');
    await alexPage.locator('[data-banner="reconnecting"]').waitFor({ state: 'detached' });
    check(await line(alexPage, 'Welcome, both of you').count() === 1, 'catching up must not repeat earlier messages');
  });

  // Moderation and alerts: these need the server's moderation frames (mute, unmute, redact, raise_hand,
  // give_floor) and its risk-phrase alerts.
  step('(moderation) mute shows the banner to the member and blocks sending; unmute lifts it', async () => {
    await facPage.getByRole('button', { name: `Mute ${alex.displayName}` }).click();
    await alexPage.locator('[data-banner="muted"]').waitFor();
    check(await alexPage.locator('#send').isDisabled(), 'send must be disabled while muted');
    check(await alexPage.getByLabel('Your message to the group').isDisabled(), 'the message box must be disabled while muted');
    await facPage.locator(`#roster li[data-user-id="${alex.id}"] .chip-muted`).waitFor();
    await facPage.locator('#log li.system', { hasText: `${alex.displayName} was muted` }).waitFor();
    await alexPage.locator('#log li.system', { hasText: 'You were muted' }).waitFor();
    check(await samPage.locator('#log li.system', { hasText: 'muted' }).count() === 0, 'the group is not shown who was muted');
    await facPage.getByRole('button', { name: `Unmute ${alex.displayName}` }).click();
    await alexPage.locator('[data-banner="muted"]').waitFor({ state: 'detached' });
    await alexPage.locator('#send:not([disabled])').waitFor();
  });

  step('(moderation) a raised hand reaches the queue and the facilitator gives the floor', async () => {
    await samPage.getByRole('button', { name: 'Raise hand' }).click();
    await facPage.locator('#hands li', { hasText: sam.displayName }).waitFor();
    await samPage.locator('#hand[aria-pressed="true"]').waitFor();
    await facPage.locator('#hands li', { hasText: sam.displayName }).getByRole('button', { name: /Give floor/ }).click();
    await samPage.locator('#floorbar', { hasText: 'You have the floor' }).waitFor();
    await alexPage.locator('#floorbar', { hasText: `${sam.displayName} has the floor` }).waitFor();
    await facPage.locator('#hands li.empty').waitFor();
  });

  step('(moderation) a locked room stops members without the floor, and opens again', async () => {
    await facPage.getByRole('button', { name: 'Lock room' }).click();
    await alexPage.locator('[data-banner="locked"]').waitFor();
    check(await alexPage.locator('#send').isDisabled(), 'a member without the floor cannot send in a locked room');
    check(await samPage.locator('[data-banner="locked"]').count() === 0, 'the member with the floor may still write');
    check(!(await samPage.locator('#send').isDisabled()), 'the member with the floor keeps the send button');
    await facPage.getByRole('button', { name: 'Unlock room' }).click();
    await alexPage.locator('[data-banner="locked"]').waitFor({ state: 'detached' });
    await alexPage.locator('#send:not([disabled])').waitFor();
  });

  step('(moderation) a risk phrase raises an alert on the console that leads to the message', async () => {
    await alexPage.getByLabel('Your message to the group').fill('Some days I feel I want to die');
    await alexPage.keyboard.press('Enter');
    const alert = facPage.locator('#alerts li', { hasText: 'Possible risk in a message' });
    await alert.waitFor();
    check(await alert.textContent().then((t) => t.includes(alex.displayName)), 'the alert names the member');
    await alert.getByRole('button', { name: 'Show the message' }).click();
    await facPage.locator('#log li.msg.highlight', { hasText: 'I want to die' }).waitFor();
    check(await alexPage.locator('#alerts:not([hidden])').count() === 0, 'members never see alerts');
  });

  step('(alerts) the facilitator acknowledges the alert in the queue, then resolves it with an outcome and a note', async () => {
    const alert = facPage.locator('#alerts li', { hasText: 'Possible risk in a message' });
    check(await alert.getByText('Not acknowledged yet').count() === 1, 'a new alert waits for acknowledgement');
    await alert.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await alert.getByText('Acknowledged by you').waitFor();
    await alert.getByRole('button', { name: 'Resolve', exact: true }).click();
    await alert.getByLabel('Outcome').selectOption('safety_plan');
    await alert.getByLabel(/^Note/).fill('Talked with Alex after the session');
    await alert.getByRole('button', { name: 'Save resolution' }).click();
    await alert.waitFor({ state: 'detached' });
    await facPage.reload();
    await facPage.locator('#roster li[data-user-id]').nth(1).waitFor();
    check(await facPage.locator('#alerts li', { hasText: 'Possible risk in a message' }).count() === 0,
      'a resolved alert stays resolved after a reload');
  });

  step('(alerts) a member asks for help now, sees the crisis resources, and the console gets the alert', async () => {
    await alexPage.getByRole('button', { name: 'I need help now' }).click();
    await alexPage.locator('#help-resources', { hasText: 'emergency number' }).waitFor();
    await facPage.locator('#alerts li', { hasText: 'A member asked for help now' }).waitFor();
    check(await alexPage.locator('#alerts:not([hidden])').count() === 0, 'members never see alerts');
  });

  step('(alerts) the member writes a safety plan and finds it again after a reload', async () => {
    await alexPage.getByLabel('People I can ask for help').fill('my sister\nmy neighbour Ruth');
    await alexPage.getByRole('button', { name: 'Save safety plan' }).click();
    await alexPage.locator('#plan-form', { hasText: 'Last saved' }).waitFor();
    await alexPage.reload();
    await alexPage.locator('#plan-form', { hasText: 'Last saved' }).waitFor();
    const kept = await alexPage.getByLabel('People I can ask for help').inputValue();
    check(kept === 'my sister\nmy neighbour Ruth', `the plan was kept: ${JSON.stringify(kept)}`);
    await alexPage.locator('#send:not([disabled])').waitFor();
  });

  step('(moderation) redact removes the text on every screen', async () => {
    await line(facPage, 'glad to be here').getByRole('button', { name: /Remove text/ }).click();
    await facPage.getByRole('dialog').getByRole('button', { name: 'Remove text' }).click();
    for (const page of everyone) {
      await page.locator('#log li.msg.redacted').first().waitFor();
      check(await line(page, 'glad to be here').count() === 0, 'the removed text must be gone');
    }
  });

  step('the facilitator sets a member\'s focus and goal; the member sees them in plain words and rates the goal', async () => {
    const status = await facPage.evaluate(async ({ groupId, userId }) => {
      const { token } = JSON.parse(sessionStorage.getItem('holdspace.session'));
      const answer = await fetch(`/api/groups/${groupId}/members/${userId}/focus`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ area: 'role_transition', goals: ['Call my sister once a week'] }),
      });
      return answer.status;
    }, { groupId: cast.groupId, userId: alex.id });
    check(status === 200, `setting the focus answered ${status}`);
    await alexPage.reload();
    await alexPage.locator('#focus-area', { hasText: 'Role transition' }).waitFor();
    const goal = alexPage.locator('#goals li.goal', { hasText: 'Call my sister once a week' });
    await goal.waitFor();
    check(await alexPage.locator('#goals li.goal').count() === 1, 'the member has exactly the one goal set');
    await goal.getByLabel(/This week/).selectOption('7');
    await goal.getByRole('button', { name: 'Save' }).click();
    await goal.getByText('This week: 7 of 10 — saved').waitFor();
    await alexPage.reload();
    await alexPage.locator('#goals li.goal', { hasText: 'Last rating: 7 of 10' }).waitFor();
    await alexPage.locator('#send:not([disabled])').waitFor();
  });

  step('a member fills in a WSAS from the form made from the server\'s instruments', async () => {
    const wsas = alexPage.locator('section[data-instrument="wsas"]');
    await wsas.waitFor();
    await wsas.locator('summary').click();
    for (const [i, v] of [4, 4, 2, 2, 2].entries()) await wsas.locator(`input[name="wsas-q${i}"][value="${v}"]`).check();
    await wsas.getByRole('button', { name: 'Submit' }).click();
    await wsas.getByText('Your score is 14 (significant)').waitFor();
    check(await alexPage.locator('section[data-instrument="cssrs_screen"]').count() === 1, 'every instrument has a form');
  });

  step('the facilitator writes a progress note: draft from the session, edit, sign, then an addendum', async () => {
    await facPage.getByRole('button', { name: `Details ${alex.displayName}` }).click();
    const note = facPage.locator('#note-text');
    await note.waitFor();
    const draft = await note.inputValue();
    check(draft.startsWith('Session 1: attended.'), `the draft starts from the session's facts: ${draft.slice(0, 60)}`);
    check(draft.includes('WSAS 14 (significant)'), `the draft lists the questionnaire: ${draft}`);
    await note.fill(`${draft}Engaged well; spoke about the move.`);
    await facPage.getByRole('button', { name: 'Sign note' }).click();
    await facPage.locator('.note-signed').waitFor();
    check(await facPage.locator('.note-text').textContent().then((t) => t.includes('spoke about the move')), 'the signed text is the edited one');
    check(await facPage.locator('#note-text').count() === 0, 'a signed note can no longer be edited');
    await facPage.getByLabel('Addendum').fill('Called the next day; doing better.');
    await facPage.getByRole('button', { name: 'Add addendum' }).click();
    await facPage.locator('.addendum', { hasText: 'Called the next day' }).waitFor();
    await facPage.locator('#member-panel').getByRole('button', { name: 'Close' }).click();
  });

  step('(schedule) the facilitator moves session 3 and cancels session 4 in the plan with the keyboard', async () => {
    const plan = facPage.locator('#plan');
    const move = plan.getByRole('button', { name: 'Move session 3', exact: true });
    await move.focus();
    await facPage.keyboard.press('Enter');
    const at = facPage.getByLabel(/New date and time/);
    await at.waitFor();
    check(await facPage.evaluate(() => document.activeElement && document.activeElement.id === 'plan-move-at'), 'the dialog puts the focus on its field');
    const planned = await at.inputValue();
    await at.fill('2099-01-05T18:00');
    await facPage.keyboard.press('Enter');
    await facPage.locator('#plan-move-error', { hasText: 'must stay' }).waitFor();
    const later = new Date(Date.parse(`${planned}:00Z`) + 26 * 3600 * 1000).toISOString().slice(0, 16);
    await at.fill(later);
    await facPage.keyboard.press('Enter');
    await facPage.locator('dialog[open]').waitFor({ state: 'detached' });
    await plan.locator('li[data-session="3"]', { hasText: 'moved from' }).waitFor();
    await plan.getByRole('button', { name: 'Cancel session 4', exact: true }).click();
    const ask = facPage.locator('dialog[open]');
    await ask.getByText('will not take place').waitFor();
    await facPage.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    check(await plan.locator('li.plan-cancelled').count() === 0, 'Escape keeps the session');
    await plan.getByRole('button', { name: 'Cancel session 4', exact: true }).click();
    await facPage.locator('dialog[open]').getByRole('button', { name: 'Cancel session', exact: true }).click();
    await plan.locator('li.plan-cancelled[data-session="4"]', { hasText: 'Cancelled' }).waitFor();
    await plan.getByRole('button', { name: 'Restore session 4', exact: true }).waitFor();
    await facPage.waitForFunction(() => document.activeElement && document.activeElement.closest('#plan li[data-session="4"]'), null, { timeout: TIMEOUT });
    const overflow = await facPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `the console is wider than its window by ${overflow}px`);
  });

  step('(schedule) a member sees the cancellation, copies the calendar address, and the feed names the group only', async () => {
    await alexPage.locator('#log li.system', { hasText: 'Session 4 is cancelled' }).waitFor();
    await alexPage.getByRole('button', { name: 'Show my calendar address' }).click();
    const url = await alexPage.getByLabel('Calendar address').inputValue();
    check(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/.test(url), `the address is the feed's: ${url}`);
    const ics = await alexPage.evaluate(async (u) => (await fetch(u, { credentials: 'omit' })).text(), url);
    check(ics.startsWith('BEGIN:VCALENDAR'), 'the address answers a calendar');
    check((ics.match(/BEGIN:VEVENT/g) || []).length === 11, 'one event per session, less the cancelled one');
    for (const name of [alex.displayName, sam.displayName, fac.displayName]) check(!ics.includes(name), `the feed must not name ${name}`);
    const overflow = await samPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `the phone page is wider than the screen by ${overflow}px`);
  });

  step('axe finds no serious accessibility problem (labels, contrast, roles) on the member page, on a phone and on the console', async () => {
    const found = [];
    for (const [who, page] of [['member', alexPage], ['phone member', samPage], ['console', facPage]]) {
      for (const problem of await accessibilityProblems(page)) found.push(`${who}: ${problem}`);
    }
    check(found.length === 0, found.join('; '));
  });

  step('a member reloads the page and sees the history', async () => {
    await samPage.reload();
    await seesMessage(samPage, 'Welcome, both of you');
    await seesMessage(samPage, 'I had a hard week');
    const body = line(samPage, INJECTION).locator('.body');
    check(await body.textContent() === INJECTION, 'the history must show the HTML message as text');
    await samPage.locator('#send:not([disabled])').waitFor();
  });

  step('(accounts) "Sign in with" the configured provider signs a member in through single sign-on', async () => {
    const page = await watch(await (await context({ width: 390, height: 844 })).newPage(), `${cast.spare.displayName} (SSO)`, problems);
    await page.goto(`${base}/`);
    const link = page.getByRole('link', { name: 'Sign in with Clinic ID' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.locator('#groups:not([hidden])').waitFor();
    check((await page.locator('#hello').textContent()).includes(cast.spare.displayName), 'signed in as the linked account');
    check(!page.url().includes('token='), 'the token must leave the address bar');
  });

  step('(accounts) a refreshed token renews the open socket with a fresh hello, and the room stays live', async () => {
    const before = await samPage.evaluate(() => JSON.parse(sessionStorage.getItem('holdspace.session')).token);
    // Watches the page's own socket: the renewing hello it sends and the welcome that answers it.
    const renewed = await samPage.evaluate((timeout) => new Promise((resolve) => {
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function watched(data) {
        if (/"ref":"renew"/.test(data)) {
          this.addEventListener('message', (m) => {
            if (/"type":"welcome"/.test(m.data) && /"ref":"renew"/.test(m.data)) resolve('renewed');
            else if (/"ref":"renew"/.test(m.data)) resolve(`refused: ${m.data}`);
          });
        }
        return send.call(this, data);
      };
      setTimeout(() => resolve('no renewing hello within the time'), timeout);
      import('/js/api.js').then((api) => api.refresh()).catch((e) => resolve(`refresh failed: ${e.message}`));
    }), TIMEOUT);
    check(renewed === 'renewed', renewed);
    const after = await samPage.evaluate(() => JSON.parse(sessionStorage.getItem('holdspace.session')).token);
    check(after !== before, 'refresh must keep a new token');
    await samPage.locator('#send:not([disabled])').waitFor();
  });

  step('(accounts) "Sign out everywhere" on the account page ends the sign-in of another tab too', async () => {
    const spare = cast.spare;
    const other = await watch(await (await context({ width: 1200, height: 850 })).newPage(), `${spare.displayName} (other tab)`, problems);
    const here = await watch(await (await context({ width: 390, height: 844 })).newPage(), spare.displayName, problems);
    for (const page of [other, here]) {
      await page.goto(`${base}/`);
      await page.getByLabel('Username').fill(spare.username);
      await page.getByLabel('Password').fill(spare.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('#groups:not([hidden])').waitFor();
    }
    const status = (page) => page.evaluate(() => fetch('/api/groups', { headers: {
      Authorization: `Bearer ${JSON.parse(sessionStorage.getItem('holdspace.session')).token}` } }).then((r) => r.status));
    check(await status(other) === 200, 'the other tab is signed in');
    await here.goto(`${base}/account.html`);
    await here.locator('#account:not([hidden])').waitFor();
    const found = await accessibilityProblems(here);
    check(found.length === 0, found.join('; '));
    await here.getByRole('button', { name: 'Sign out everywhere' }).focus();
    await here.keyboard.press('Enter');
    await here.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    check(await status(other) === 401, 'the other tab\'s token must be refused');
  });

  step('screenshots of the member page and the console', async () => {
    await alexPage.getByLabel('Your message to the group').fill('');
    for (const page of everyone) await page.evaluate(() => window.scrollTo(0, 0));
    await alexPage.screenshot({ path: join(shots, 'member.png'), fullPage: true });
    await samPage.screenshot({ path: join(shots, 'member-phone.png'), fullPage: false });
    const details = facPage.getByRole('button', { name: `Details ${alex.displayName}` });
    await details.click();
    await facPage.locator('#member-panel').waitFor();
    await facPage.evaluate(() => window.scrollTo(0, 0));
    await facPage.waitForTimeout(300);
    await facPage.screenshot({ path: join(shots, 'console.png'), fullPage: true });
  });

  step('no page error, script dialog or content-security refusal on any page', async () => {
    check(problems.length === 0, problems.join('; '));
  });

  const code = await run(steps, () => everyone);
  for (const c of contexts) await c.close();
  await browser.close();
  return code;
}

start(main);
