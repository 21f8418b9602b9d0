// The manuals' course rules in headless Chromium (docs/course-rules.md): a WHO Group IPT group whose session 1 has
// started refuses "Enrol" and says why, the override dialog enrols with a reason (keyboard only), "End
// participation…" asks for the reason and the roster shows the member ended, and the dashboard shows behind and ahead
// of the plan, the next session after a cancelled one and the end of the course. Started by CourseRulesBrowserTest.

import {
  base, cast, check, accessibilityProblems, launch, watch, signIn, api,
  steps, step, problems, run, start,
} from './harness.mjs';

const fac = cast.facilitator;
const [amara, bola] = cast.members;
const late = cast.late;
const PHONE = { width: 375, height: 740 };

async function axe(page, state) {
  const found = await accessibilityProblems(page);
  check(!found.length, `axe-core, ${state}: ${found.join('; ')}`);
}

async function fits(page, state) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 375, `${state} scrolls sideways at 375 px (${width} px wide)`);
}

const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a && a.tagName, label: a && a.labels && a.labels[0] ? a.labels[0].textContent : null,
    text: a && a.textContent && a.textContent.trim(), inDialog: !!(a && a.closest('dialog')) };
});

async function main() {
  const browser = await launch();
  const facContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: base });
  const facPage = await watch(await facContext.newPage(), 'facilitator', problems);
  const phone = await watch(await (await browser.newContext({ viewport: PHONE, baseURL: base })).newPage(), 'phone', problems);
  const group = cast.groupId;
  const enrolPanel = facPage.locator('#enrol-panel');

  step('Enrol is refused once session 1 has started, and the console says why', async () => {
    await signIn(facPage, fac, 'facilitator console');
    await facPage.locator('#roster li[data-user-id]').nth(1).waitFor();
    const find = facPage.getByRole('combobox', { name: 'Find a member' });
    await find.fill(late.displayName.slice(0, 4));
    await facPage.locator(`#enrol-options[data-query="${late.displayName.slice(0, 4)}"]`).waitFor({ state: 'attached' });
    await facPage.getByRole('option', { name: new RegExp(late.displayName) }).waitFor();
    await find.press('ArrowDown');
    await find.press('Enter');
    await find.press('Tab');
    await facPage.keyboard.press('Enter');
    const notice = enrolPanel.locator('.enrol-closed');
    await notice.waitFor();
    const text = await notice.textContent();
    check(/enrolment closed once session 1 started/.test(text), `the refusal in plain words: ${text}`);
    check(/WHO Group Interpersonal Therapy/.test(text), `the refusal names the protocol: ${text}`);
    check(!(await enrolPanel.locator('.enrol-roster li', { hasText: late.displayName }).count()), 'not enrolled yet');
    await axe(facPage, 'enrolment refused');
  });

  step('the override dialog asks for the reason with the keyboard only and enrols the member', async () => {
    const anyway = enrolPanel.getByRole('button', { name: 'Enrol anyway, with a reason…' });
    await anyway.focus();
    await facPage.keyboard.press('Enter');
    const dialog = facPage.getByRole('dialog', { name: `Enrol ${late.displayName} after enrolment closed` });
    await dialog.waitFor();
    let now = await focused(facPage);
    check(now.tag === 'TEXTAREA' && now.label === 'Reason for enrolling after enrolment closed',
      `focus goes to the reason: ${JSON.stringify(now)}`);
    check(await dialog.getByRole('textbox', { name: 'Reason for enrolling after enrolment closed' }).getAttribute('required') !== null,
      'the reason is required');
    await axe(facPage, 'override dialog open');
    await facPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    now = await focused(facPage);
    check(now.text === 'Enrol anyway, with a reason…', `Escape cancels and focus goes back: ${JSON.stringify(now)}`);
    await facPage.keyboard.press('Enter');
    await dialog.waitFor();
    await facPage.keyboard.press('Tab');
    await facPage.keyboard.press('Enter');
    await dialog.getByText('Please give a reason.').waitFor();
    now = await focused(facPage);
    check(now.tag === 'TEXTAREA', `an empty reason keeps the dialog open with the focus on the field: ${JSON.stringify(now)}`);
    await facPage.keyboard.type(cast.enrolReason);
    await facPage.keyboard.press('Tab');
    await facPage.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await enrolPanel.locator('.enrol-roster li', { hasText: late.displayName }).waitFor();
    await enrolPanel.locator('.enrol-roster li', { hasText: cast.enrolReason }).waitFor();
    await facPage.locator('#roster li', { hasText: late.displayName }).waitFor();
    check(!(await enrolPanel.locator('.enrol-closed').count()), 'the refusal is gone once enrolled');
    await axe(facPage, 'late member enrolled');
  });

  step('End participation… asks for the reason, and the roster shows the member ended without moderation', async () => {
    const row = () => facPage.locator(`#roster li[data-user-id="${bola.id}"]`);
    await row().getByRole('button', { name: `End participation… ${bola.displayName}` }).click();
    const dialog = facPage.getByRole('dialog', { name: `End the participation of ${bola.displayName}?` });
    await dialog.waitFor();
    const lead = await dialog.textContent();
    check(/stays/.test(lead) && /can no longer join/.test(lead), `the dialog says their data stays and they cannot join: ${lead}`);
    await axe(facPage, 'end participation dialog open');
    await dialog.getByRole('textbox', { name: 'Reason for ending their participation' }).fill(cast.endReason);
    await dialog.getByRole('button', { name: 'End participation', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await row().locator('.person-ended', { hasText: /^Ended on / }).waitFor();
    await row().getByText(`Reason: ${cast.endReason}`).waitFor();
    for (const action of ['mute', 'give-floor', 'remove', 'end-participation']) {
      check(!(await row().locator(`[data-action="${action}"]`).count()), `no ${action} button for an ended member`);
    }
    check(await facPage.locator('#roster li').last().getAttribute('data-user-id') === String(bola.id), 'ended members come last');
    await enrolPanel.locator('.enrol-roster li', { hasText: 'Ended on' }).waitFor();
    await axe(facPage, 'member ended');
  });

  step('the dashboard shows behind the plan, the next session after a cancelled one, and ended members apart', async () => {
    check(await api(facPage, 'POST', `/api/groups/${group}/sessions/current/end`) === 200, 'session 1 ends');
    check(await api(facPage, 'PATCH', `/api/groups/${group}/sessions/2`, { cancelled: true }) === 200, 'session 2 is cancelled');
    await facPage.goto(`${base}/course.html?group=${group}`);
    await facPage.locator('.next-session', { hasText: 'Next: session 3 (session 2 cancelled)' }).waitFor();
    await facPage.getByText('The plan has moved on: move the group when it is ready.').waitFor();
    const ended = facPage.locator('#dashboard-body table').nth(1);
    await ended.locator(`tr[data-user-id="${bola.id}"]`, { hasText: `Reason: ${cast.endReason}` }).waitFor();
    check(!(await facPage.locator('#dashboard-body table').first().locator(`tr[data-user-id="${bola.id}"]`).count()),
      'the ended member is not among those taking part');
    await axe(facPage, 'dashboard behind the plan');
  });

  step('new homework is due at the next session that is not cancelled', async () => {
    await facPage.locator('#dashboard-body').getByRole('link', { name: `Record of ${amara.displayName}` }).click();
    const due = facPage.getByRole('spinbutton', { name: 'Due at session' });
    await due.waitFor();
    check(await due.inputValue() === '3', `due at session ${await due.inputValue()}, not 3`);
    await axe(facPage, 'record');
  });

  step('the dashboard shows ahead of the plan', async () => {
    check(await api(facPage, 'POST', `/api/groups/${group}/phase`, { phase: 'middle', overrideReason: 'focus set in person' }) === 200, 'middle');
    check(await api(facPage, 'POST', `/api/groups/${group}/phase`, { phase: 'termination', overrideReason: 'the group asked to end early' }) === 200, 'termination');
    await facPage.goto(`${base}/course.html?group=${group}`);
    await facPage.getByText('The group is ahead of the plan.').waitFor();
    check(!(await facPage.getByText('The plan has moved on').count()), 'not behind and ahead at once');
    await facPage.locator('.next-session', { hasText: 'Next: session 3 (session 2 cancelled)' }).waitFor();
    await axe(facPage, 'dashboard ahead of the plan');
  });

  step('the dashboard says the course is over once every session left is cancelled', async () => {
    for (let n = 3; n <= 8; n += 1) {
      check(await api(facPage, 'PATCH', `/api/groups/${group}/sessions/${n}`, { cancelled: true }) === 200, `session ${n} is cancelled`);
    }
    await facPage.goto(`${base}/course.html?group=${group}`);
    await facPage.locator('.next-session', { hasText: 'The course is over' }).waitFor();
    await axe(facPage, 'course over');
  });

  step('the console and the dashboard fit a 375 px phone', async () => {
    await signIn(phone, fac, 'facilitator console');
    await phone.locator(`#roster li[data-user-id="${bola.id}"] .person-ended`).waitFor();
    await fits(phone, 'the console');
    await axe(phone, 'console on a phone');
    await phone.goto(`${base}/course.html?group=${group}`);
    await phone.locator('.next-session').waitFor();
    await fits(phone, 'the dashboard');
    await axe(phone, 'dashboard on a phone');
  });

  step('a supervisor sees who ended and why, with no End participation or enrolment', async () => {
    const page = await watch(await (await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: base })).newPage(),
      'supervisor', problems);
    await signIn(page, cast.supervisor, 'Open the console \\(read-only\\)');
    const row = page.locator(`#roster li[data-user-id="${bola.id}"]`);
    await row.getByText(`Reason: ${cast.endReason}`).waitFor();
    await page.locator(`#roster li[data-user-id="${amara.id}"]`).waitFor();
    check(!(await page.getByRole('button', { name: /End participation/ }).count()), 'no End participation for a supervisor');
    check(!(await page.getByRole('button', { name: 'Enrol', exact: true }).count()), 'no Enrol for a supervisor');
    await axe(page, 'console of a supervisor');
    await page.context().close();
  });

  step('no page error, refused script or missing file', async () => {
    check(!problems.length, problems.join('; '));
  });

  const code = await run(steps, () => [facPage, phone]);
  await browser.close();
  return code;
}

start(main);
