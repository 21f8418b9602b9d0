// The live room in headless Chromium, a facilitator and two members at once (one on a 375×740 phone): layout that
// holds, private threads that last, presence, slow mode, the alert drawer, confirmations, readmission and the rest of
// the room. Started by RoomBrowserTest with the same environment as scenario.mjs; prints the same PLAN/PASS/FAIL lines.

import { join } from 'node:path';
import {
  base, cast, shots, check, accessibilityProblems, launch, watch, signIn, api,
  steps, step, problems, run, start,
} from './harness.mjs';

const [alex, sam] = cast.members;
const fac = cast.facilitator;
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

/** The page's account says each text in the group over a socket of its own (the page's socket is left alone). */
function sayAll(page, groupId, texts) {
  return page.evaluate(async ({ groupId, texts }) => {
    const { token } = JSON.parse(sessionStorage.getItem('holdspace.session'));
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
    const frames = [];
    const waiters = [];
    ws.onmessage = (m) => { frames.push(JSON.parse(m.data)); waiters.forEach((w) => w()); };
    const until = (test) => new Promise((resolve) => {
      const look = () => { if (test(frames)) resolve(); };
      waiters.push(look);
      look();
    });
    await new Promise((resolve) => { ws.onopen = resolve; });
    ws.send(JSON.stringify({ type: 'hello', token }));
    await until((f) => f.some((x) => x.type === 'welcome'));
    texts.forEach((text, i) => ws.send(JSON.stringify({ type: 'say', groupId, text, ref: `m${i}` })));
    await until((f) => f.filter((x) => x.type === 'ack' || x.type === 'error').length >= texts.length);
    ws.close();
    return frames.filter((x) => x.type === 'error').map((x) => x.code);
  }, { groupId, texts });
}

async function composeOnScreen(page, who) {
  const box = await page.locator('#compose').boundingBox();
  const height = await page.evaluate(() => window.innerHeight);
  check(box && box.y >= 0 && box.y + box.height <= height + 1,
    `${who}: the compose box is off screen (${box && Math.round(box.y)}-${box && Math.round(box.y + box.height)} of ${height})`);
}

async function main() {
  const browser = await launch();
  const contexts = [];
  const context = async (viewport) => {
    const c = await browser.newContext({ viewport, baseURL: base });
    contexts.push(c);
    return c;
  };
  const facPage = await watch(await (await context(DESKTOP)).newPage(), 'console', problems);
  const alexPage = await watch(await (await context({ width: 1200, height: 850 })).newPage(), alex.displayName, problems);
  const samContext = await context(PHONE);
  const samPage = await watch(await samContext.newPage(), sam.displayName, problems);
  const everyone = [facPage, alexPage, samPage];
  const members = [alexPage, samPage];
  const group = cast.groupId;

  step('the facilitator and two members open the room, one of them on a phone', async () => {
    await signIn(facPage, fac, 'facilitator console');
    await facPage.locator('#roster li[data-user-id]').nth(1).waitFor();
    await signIn(alexPage, alex, 'Go to the group');
    await signIn(samPage, sam, 'Go to the group');
    for (const page of members) await page.locator('[data-banner="not-live"]').waitFor();
  });

  step('an unknown group shows a proper "not found or not yours" page, not the room behind a banner', async () => {
    for (const [page, path] of [[facPage, 'console.html'], [samPage, 'member.html']]) {
      const room = page.url();
      await page.goto(`${base}/${path}?group=987654`);
      await page.getByRole('heading', { name: 'Not found or not yours' }).waitFor();
      check(await page.locator('#log, #compose, .controls').count() === 0, `${path}: nothing of the room is left`);
      const found = await accessibilityProblems(page);
      check(found.length === 0, found.join('; '));
      await page.goto(room);
      await page.locator('#compose').waitFor();
    }
  });

  step('between sessions a member writes privately to the facilitators, in an unmistakable private mode', async () => {
    await samPage.locator('#compose.compose-private').waitFor();
    await samPage.locator('#compose-mode', { hasText: 'Private to the facilitators' }).waitFor();
    await samPage.getByLabel(/Your message/).fill('Can we talk before the session?');
    await samPage.getByRole('button', { name: 'Send', exact: true }).click();
    await facPage.locator('#threads [data-thread]', { hasText: 'Can we talk before the session?' }).waitFor();
  });

  step('the session starts with a dated divider, and members see who is here without join lines', async () => {
    await facPage.getByRole('button', { name: 'Start session' }).click();
    for (const page of everyone) await page.locator('#log li.divider', { hasText: /Session 1 · \S/ }).waitFor();
    await samPage.locator('#present li', { hasText: fac.displayName }).waitFor();
    await samPage.locator('#present li', { hasText: alex.displayName }).waitFor();
    await samPage.locator('#present li', { hasText: `${sam.displayName} (you)` }).waitFor();
    await alexPage.reload();
    await alexPage.locator('#present li', { hasText: sam.displayName }).waitFor();
    for (const page of everyone) {
      const lines = await page.locator('#log li.system', { hasText: /joined|left/ }).count();
      check(lines === 0, `no join or leave lines in the conversation (${lines})`);
    }
  });

  step('the page height stays put and the compose box on screen while 60 messages arrive (desktop and phone)', async () => {
    for (const page of everyone) await page.evaluate(() => window.scrollTo(0, 0));
    const before = [];
    for (const page of everyone) before.push(await page.evaluate(() => document.documentElement.scrollHeight));
    const texts = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of sixty`);
    const refused = await sayAll(facPage, group, texts);
    check(refused.length === 0, `the facilitator's messages were refused: ${refused.join(', ')}`);
    for (const page of everyone) await page.locator('#log li.msg', { hasText: 'Line 60 of sixty' }).waitFor();
    for (const [i, page] of everyone.entries()) {
      const after = await page.evaluate(() => document.documentElement.scrollHeight);
      check(Math.abs(after - before[i]) <= 2, `page ${i}: height went from ${before[i]} to ${after}`);
    }
    await composeOnScreen(facPage, 'console');
    await composeOnScreen(alexPage, 'member');
    await composeOnScreen(samPage, 'phone member');
    const logScrolls = await samPage.evaluate(() => { const b = document.getElementById('log-box'); return b.scrollHeight > b.clientHeight; });
    check(logScrolls, 'the chat log is the scroller');
    await facPage.setViewportSize(PHONE);
    await facPage.locator('#compose').scrollIntoViewIfNeeded();
    await composeOnScreen(facPage, 'console on a phone');
    const overflow = await facPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `the console is wider than the phone by ${overflow}px`);
    await facPage.setViewportSize(DESKTOP);
  });

  step('private messages: a thread per member, private mode reset after sending, nobody else sees them', async () => {
    await facPage.locator('#whisper-to').selectOption(String(alex.id));
    await facPage.locator('#compose.compose-private').waitFor();
    await facPage.locator('#compose-mode', { hasText: `Private to ${alex.displayName}` }).waitFor();
    await facPage.getByLabel('Your message').fill('How are you holding up?');
    const found = await accessibilityProblems(facPage);
    check(found.length === 0, `in private mode: ${found.join('; ')}`);
    await facPage.keyboard.press('Enter');
    await facPage.locator('#compose:not(.compose-private)').waitFor();
    check(await facPage.locator('#whisper-to').inputValue() === '', 'the recipient goes back to everyone');
    await alexPage.locator('#threads', { hasText: 'How are you holding up?' }).waitFor();
    await alexPage.getByLabel('Only to the facilitators').check();
    await alexPage.locator('#compose.compose-private').waitFor();
    await alexPage.getByLabel(/Your message/).fill('Hard week, thank you for asking');
    await alexPage.keyboard.press('Enter');
    await alexPage.locator('#compose:not(.compose-private)').waitFor();
    await facPage.locator(`#threads [data-thread="${alex.id}"]`, { hasText: 'Hard week, thank you for asking' }).waitFor();
    check(await samPage.locator('#threads', { hasText: 'How are you holding up?' }).count() === 0, 'another member never sees it');
  });

  step('private messages survive a reload on both sides, in order', async () => {
    await alexPage.reload();
    await facPage.reload();
    const thread = alexPage.locator('#threads .whisper-line');
    await alexPage.locator('#threads', { hasText: 'Hard week, thank you for asking' }).waitFor();
    const texts = await thread.locator('.body').allTextContents();
    check(texts.join('|') === 'How are you holding up?|Hard week, thank you for asking', `the member's thread: ${texts.join('|')}`);
    const facThread = facPage.locator(`#threads [data-thread="${alex.id}"]`);
    await facThread.locator('.whisper-line').nth(1).waitFor({ state: 'attached' });
    await facPage.locator(`#threads [data-thread="${sam.id}"]`, { hasText: 'Can we talk before the session?' }).waitFor({ state: 'attached' });
  });

  step('slow mode refuses with a countdown, keeps the text and the Send button', async () => {
    await facPage.locator('#slow-mode').selectOption('10');
    await alexPage.locator('[data-banner="slow"]').waitFor();
    await alexPage.getByLabel(/Your message/).fill('A first thought');
    await alexPage.keyboard.press('Enter');
    await facPage.locator('#log li.msg', { hasText: 'A first thought' }).waitFor();
    await alexPage.getByLabel(/Your message/).fill('And a second one');
    await alexPage.keyboard.press('Enter');
    await alexPage.locator('#compose-status', { hasText: /send again in \d+ s/ }).waitFor();
    check(await alexPage.getByLabel(/Your message/).inputValue() === 'And a second one', 'the typed text is kept');
    check(await alexPage.locator('#send').isVisible() && !(await alexPage.locator('#send').isDisabled()), 'Send stays');
    check(await alexPage.locator('#log li.msg', { hasText: 'And a second one' }).count() === 0, 'no line for the refused message');
    await facPage.locator('#slow-mode').selectOption('0');
    await alexPage.locator('[data-banner="slow"]').waitFor({ state: 'detached' });
  });

  step('five alerts take at most a third of a phone screen; a PHQ-9 alert shows the answers, item 9 first', async () => {
    await facPage.setViewportSize(PHONE);
    try { await fiveAlerts(); } finally { await facPage.setViewportSize(DESKTOP); }
  });

  const fiveAlerts = async () => {
    for (const [page, who] of [[alexPage, alex], [samPage, sam], [alexPage, alex], [samPage, sam], [alexPage, alex]]) {
      const status = await api(page, 'POST', `/api/groups/${group}/members/${who.id}/measures`,
        { instrument: 'phq9', answers: [1, 0, 1, 0, 1, 0, 1, 0, 2] });
      check(status === 201, `a PHQ-9 answered ${status}`);
    }
    await facPage.locator('#alert-count', { hasText: '5' }).waitFor();
    await facPage.evaluate(() => window.scrollTo(0, 0));
    const box = await facPage.locator('#alerts').boundingBox();
    check(box.height <= PHONE.height / 3 + 1, `five alerts take ${Math.round(box.height)}px of ${PHONE.height}`);
    const toasts = await facPage.locator('#toasts .toast').count();
    check(toasts <= 2, `${toasts} notices on screen at once`);
    const first = facPage.locator('#alert-list li.alert-item').first().locator('.phq-answers li').first();
    await first.waitFor({ state: 'attached' });
    check(await first.getAttribute('class') === 'item9', 'item 9 comes first');
    check(/: 2 \(More than half the days\)/.test(await first.textContent()), `item 9 shows its answer: ${await first.textContent()}`);
    const found = await accessibilityProblems(facPage);
    check(found.length === 0, found.join('; '));
    await facPage.getByRole('button', { name: 'Hide the list' }).click();
    await facPage.locator('#alert-list').waitFor({ state: 'hidden' });
  };

  step('Remove asks first: Escape cancels and gives the focus back, confirming removes', async () => {
    const remove = facPage.getByRole('button', { name: `Remove ${alex.displayName}` });
    await remove.click();
    const dialog = facPage.getByRole('dialog');
    await dialog.waitFor();
    const found = await accessibilityProblems(facPage);
    check(found.length === 0, found.join('; '));
    await facPage.keyboard.press('Tab');
    await facPage.keyboard.press('Tab');
    check(await facPage.evaluate(() => !!document.activeElement.closest('dialog')), 'the focus stays in the dialog');
    await facPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    check(await facPage.evaluate(() => document.activeElement && document.activeElement.dataset.action === 'remove'), 'the focus returns to Remove');
    check(await alexPage.locator('[data-banner="removed"]').count() === 0, 'nothing happened before confirming');
    await remove.click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await alexPage.locator('[data-banner="removed"]').waitFor();
    check(await alexPage.locator('#send').isDisabled(), 'a removed member cannot send');
    check(await samPage.locator('#log li.system', { hasText: 'asked to leave' }).count() === 0, 'the group is not shown who was removed');
    await samPage.locator('#present li', { hasText: alex.displayName }).waitFor({ state: 'detached' });
  });

  step('a removed member is let back in and writes again', async () => {
    await facPage.getByRole('button', { name: `Let back in ${alex.displayName}` }).click();
    await alexPage.locator('[data-banner="removed"]').waitFor({ state: 'detached' });
    await alexPage.locator('#send:not([disabled])').waitFor();
    await alexPage.getByLabel(/Your message/).fill('Thank you for letting me back');
    await alexPage.keyboard.press('Enter');
    await facPage.locator('#log li.msg', { hasText: 'Thank you for letting me back' }).waitFor();
    await samPage.locator('#present li', { hasText: alex.displayName }).waitFor();
  });

  step('a member who leaves with a hand up goes from the hand queue for everyone', async () => {
    await samPage.getByRole('button', { name: 'Raise hand' }).click();
    await facPage.locator('#hands li', { hasText: sam.displayName }).waitFor();
    await alexPage.locator('#floorbar', { hasText: '1 hand raised' }).waitFor();
    const room = samPage.url();
    await samPage.goto(`${base}/index.html`);
    await facPage.locator('#hands li.empty').waitFor();
    await alexPage.locator('#floorbar', { hasText: 'hand raised' }).waitFor({ state: 'detached' });
    await samPage.goto(room);
    await samPage.locator('#present li', { hasText: fac.displayName }).waitFor();
  });

  step('a timed mute: the notice comes with the mute, not after a reload before anything was sent', async () => {
    await facPage.locator('#mute-minutes').selectOption('2');
    await facPage.getByRole('button', { name: `Mute ${sam.displayName}` }).click();
    await facPage.locator(`#roster li[data-user-id="${sam.id}"] .chip-muted`, { hasText: 'Muted until' }).waitFor();
    await samPage.locator('[data-banner="muted"]').waitFor();
    await samPage.reload();
    await samPage.locator('#present li', { hasText: fac.displayName }).waitFor();
    check(await samPage.locator('[data-banner="muted"]').count() === 0, 'no muted notice before anything was sent');
    await samPage.getByLabel(/Your message/).fill('Is anyone there?');
    await samPage.keyboard.press('Enter');
    await samPage.locator('[data-banner="muted"]').waitFor();
    check(await samPage.getByLabel(/Your message/).inputValue() === 'Is anyone there?', 'the refused text is kept');
    await facPage.getByRole('button', { name: `Unmute ${sam.displayName}` }).click();
    await samPage.locator('[data-banner="muted"]').waitFor({ state: 'detached' });
  });

  step('a go-round with a turn time counts down on every screen', async () => {
    await facPage.locator('#turn-seconds').selectOption('60');
    await facPage.getByRole('button', { name: 'Start go-round' }).click();
    for (const page of everyone) await page.locator('#floorbar', { hasText: /\d:\d\d left/ }).waitFor();
    await facPage.getByRole('button', { name: 'End go-round' }).click();
    await facPage.locator('#floorbar', { hasText: 'Go-round' }).waitFor({ state: 'detached' }).catch(() => {});
  });

  step('"My work" updates live when the facilitator sets the focus', async () => {
    const status = await api(facPage, 'PUT', `/api/groups/${group}/members/${alex.id}/focus`, { area: 'grief', goals: ['Talk about my father'] });
    check(status === 200, `setting the focus answered ${status}`);
    await alexPage.locator('#focus-area', { hasText: 'Grief' }).waitFor();
    await alexPage.locator('#goals li.goal', { hasText: 'Talk about my father' }).waitFor();
  });

  step('End session asks first; Cancel keeps the session live', async () => {
    await facPage.getByRole('button', { name: 'End session' }).click();
    const dialog = facPage.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    check(await facPage.evaluate(() => document.activeElement && document.activeElement.id === 'end-session'), 'the focus returns to End session');
    check(await samPage.locator('[data-banner="not-live"]').count() === 0, 'the session is still live');
  });

  step('axe finds no serious problem in the room on the console, a member page and a phone', async () => {
    const found = [];
    for (const [who, page] of [['console', facPage], ['member', alexPage], ['phone member', samPage]]) {
      for (const problem of await accessibilityProblems(page)) found.push(`${who}: ${problem}`);
    }
    check(found.length === 0, found.join('; '));
  });

  step('screenshots of the room: console, member page, phone', async () => {
    await facPage.screenshot({ path: join(shots, 'room-console.png') });
    await alexPage.screenshot({ path: join(shots, 'room-member.png') });
    await samPage.screenshot({ path: join(shots, 'room-phone.png') });
  });

  step('no page error, script dialog, refused content or missing file (favicon included) on any page', async () => {
    check(problems.length === 0, problems.join('; '));
  });

  const code = await run(steps, () => everyone);
  for (const c of contexts) await c.close();
  await browser.close();
  return code;
}

start(main);
