// The whole course in headless Chromium, as people would do it: an admin creates the accounts; the facilitator
// creates a group, enrols the members, runs a session, moves the phases (a refused move explained, then
// overridden with a reason), assigns homework and reads the dashboard; a member writes the inventory, PHQ-9,
// GAD-7, a report card and the relapse plan. CourseBrowserTest starts it with:
//   HOLDSPACE_BASE_URL, HOLDSPACE_E2E {admin:{username,password}, password, facilitator:{username,displayName,email},
//   members:[{username,displayName}, …]}, HOLDSPACE_SCREENSHOTS, HOLDSPACE_CHROMIUM.
// Prints "PLAN a|b|…", then "PASS <step> (…)" or "FAIL <step>: <why>", "AXE <state>" for every state checked and
// "DONE" at the end; the Java side then checks what the server stored.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  base, cast, shots, check, accessibilityProblems, launch, watch,
  steps, step, problems, run, start,
} from './harness.mjs';

const [ana, ben] = cast.members;
const fac = cast.facilitator;
const GROUP = 'Tuesday evening group';

const axeProblems = [];

/** axe-core on the page as it is now: serious and critical WCAG 2.1 A/AA problems are kept for the last step. */
async function axe(page, state) {
  for (const found of await accessibilityProblems(page)) axeProblems.push(`${state}: ${found}`);
  console.log(`AXE ${state}`);
}

async function fitsPhone(page, state) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 375, `${state} is ${width}px wide on a 375px phone`);
}

async function signIn(page, username) {
  await page.goto(`${base}/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(cast.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function main() {
  const browser = await launch();
  const context = (viewport) => browser.newContext({ viewport, baseURL: base, acceptDownloads: true });
  const adminPage = await watch(await (await context({ width: 1280, height: 900 })).newPage(), 'admin', problems);
  const facPage = await watch(await (await context({ width: 1400, height: 900 })).newPage(), 'facilitator', problems);
  const anaPage = await watch(await (await context({ width: 1200, height: 900 })).newPage(), 'member', problems);
  const phone = await watch(await (await context({ width: 375, height: 800 })).newPage(), 'phone', problems);
  let groupUrl = null;

  step('an admin signs in at / and lands on the admin page', async () => {
    await adminPage.goto(`${base}/`);
    await adminPage.getByLabel('Username').fill(cast.admin.username);
    await adminPage.getByLabel('Password').fill(cast.admin.password);
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.waitForURL(/admin\.html/);
    await adminPage.getByRole('heading', { name: 'Accounts' }).waitFor();
    await adminPage.locator('#account-list tr[data-username="admin"]').waitFor();
    await adminPage.locator('#group-list p, #group-list table').first().waitFor();
    await axe(adminPage, 'admin page');
  });

  step('a weak password is refused in plain words next to the Password field', async () => {
    const form = adminPage.locator('#create-body form');
    await form.getByLabel('Username').fill('weak-one');
    await form.getByLabel('Display name').fill('Weak');
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Create account' }).click();
    const error = adminPage.locator(`#${await form.getByLabel('Password').getAttribute('id')}-error`);
    await error.filter({ hasText: /12/ }).waitFor();
    check(await form.getByLabel('Password').getAttribute('aria-invalid') === 'true', 'the Password field is marked invalid');
    await axe(adminPage, 'admin page with a field error');
  });

  step('the admin creates the facilitator and two members', async () => {
    const form = adminPage.locator('#create-body form');
    const people = [{ ...fac, role: 'facilitator' }, { ...ana, role: 'member' }, { ...ben, role: 'member' }];
    for (const p of people) {
      await form.getByLabel('Username').fill(p.username);
      await form.getByLabel('Display name').fill(p.displayName);
      await form.getByLabel('Password').fill(cast.password);
      await form.getByLabel('Role').selectOption(p.role);
      await form.getByLabel('E-mail').fill(p.email || '');
      await form.getByRole('button', { name: 'Create account' }).click();
      await adminPage.locator(`#account-list tr[data-username="${p.username}"]`).waitFor();
    }
  });

  step('the admin searches, deactivates and reactivates an account, and issues a reset token', async () => {
    await adminPage.getByLabel('Search accounts').fill(ben.username);
    await adminPage.locator('#account-list tbody tr').first().waitFor();
    await adminPage.waitForFunction(() => document.querySelectorAll('#account-list tbody tr').length === 1);
    const row = adminPage.locator(`#account-list tr[data-username="${ben.username}"]`);
    await row.getByRole('button', { name: `Deactivate ${ben.username}` }).click();
    await adminPage.locator(`#account-list tr[data-username="${ben.username}"]`, { hasText: 'Deactivated' }).waitFor();
    await adminPage.locator(`#account-list tr[data-username="${ben.username}"]`).getByRole('button', { name: `Reactivate ${ben.username}` }).click();
    await adminPage.locator(`#account-list tr[data-username="${ben.username}"] td[data-label="Status"]`, { hasText: /^Active$/ }).waitFor();
    const reset = adminPage.locator(`#account-list tr[data-username="${ben.username}"]`).getByRole('button', { name: `Reset password ${ben.username}` });
    await reset.click();
    const dialog = adminPage.getByRole('dialog', { name: 'Password reset token' });
    await dialog.waitFor();
    check((await dialog.locator('[data-reset-token]').textContent()).length > 10, 'the token is shown');
    check(await adminPage.evaluate(() => !!document.activeElement.closest('dialog')), 'focus is inside the dialog');
    await axe(adminPage, 'reset token dialog');
    await adminPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    check(await adminPage.evaluate(() => /Reset password/.test(document.activeElement.textContent)), 'focus goes back to the button');
  });

  step('the admin page pages and fits a 375 px phone', async () => {
    await phone.goto(`${base}/`);
    await phone.getByLabel('Username').fill(cast.admin.username);
    await phone.getByLabel('Password').fill(cast.admin.password);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.waitForURL(/admin\.html/);
    await phone.locator('#account-list tbody tr').first().waitFor();
    await phone.locator('#account-list .pager').waitFor();
    await fitsPhone(phone, 'the admin page');
    await axe(phone, 'admin page on a phone');
    await adminPage.getByLabel('Search accounts').fill('');
    await adminPage.locator('#account-list .pager-text', { hasText: /of/ }).waitFor();
  });

  step('the facilitator creates a group with the plan previewed as it is typed', async () => {
    await signIn(facPage, fac.username);
    await facPage.getByRole('button', { name: 'New group' }).click();
    const form = facPage.locator('form.setup-form');
    await form.getByLabel('Name').fill(GROUP);
    await form.getByLabel('Protocol').selectOption('ipt');
    await form.getByLabel('Number of sessions').fill('12');
    await form.locator('.plan-runs', { hasText: 'Initial phase: sessions 1–3' }).waitFor();
    await form.locator('.plan-runs', { hasText: 'Ending phase: sessions 11–12' }).waitFor();
    check(await form.locator('.plan-preview li').count() === 12, 'twelve sessions previewed');
    await form.getByLabel('Number of sessions').fill('14');
    await form.locator('.plan-runs', { hasText: 'Middle phase: sessions 4–12' }).waitFor();
    check(await form.locator('.plan-preview li').count() === 14, 'the preview follows the typing');
    await form.getByLabel('Number of sessions').fill('20');
    await form.getByRole('button', { name: 'Create group' }).click();
    const countError = facPage.locator(`#${await form.getByLabel('Number of sessions').getAttribute('id')}-error`);
    await countError.filter({ hasText: '12 to 16' }).waitFor();
    await axe(facPage, 'new group form with a field error');
    await form.getByLabel('Number of sessions').fill('12');
    await form.getByLabel('First session').fill('2030-03-05T18:30');
    await form.getByLabel('Time zone').selectOption('Europe/Berlin');
    await form.locator('.plan-preview li').first().filter({ hasText: /18:30|6:30\sPM/ }).waitFor();
    await axe(facPage, 'new group form');
    await facPage.screenshot({ path: join(shots, 'new-group.png'), fullPage: true });
    await form.getByRole('button', { name: 'Create group' }).click();
    await facPage.waitForURL(/console\.html\?group=/);
    groupUrl = facPage.url();
    console.log(`GROUP ${new URL(groupUrl).searchParams.get('group')}`);
  });

  step('the facilitator enrols two members by finding them as they type', async () => {
    const find = facPage.getByRole('combobox', { name: 'Find a member' });
    await find.fill(ana.displayName.slice(0, 3));
    await facPage.locator(`#enrol-options[data-query="${ana.displayName.slice(0, 3)}"]`).waitFor({ state: 'attached' });
    await facPage.getByRole('option', { name: new RegExp(ana.displayName) }).click();
    await axe(facPage, 'console with suggestions');
    await facPage.getByRole('button', { name: 'Enrol', exact: true }).click();
    await facPage.locator('.enrol-roster li', { hasText: ana.displayName }).waitFor();
    await find.fill(ben.displayName.slice(0, 3));
    await facPage.locator(`#enrol-options[data-query="${ben.displayName.slice(0, 3)}"]`).waitFor({ state: 'attached' });
    await facPage.getByRole('option', { name: new RegExp(ben.displayName) }).waitFor();
    await find.press('ArrowDown');
    await find.press('Enter');
    check(await find.inputValue() === ben.displayName, 'the keyboard picks the suggestion');
    await find.press('Tab');
    await facPage.keyboard.press('Enter');
    await facPage.locator('.enrol-roster li', { hasText: ben.displayName }).waitFor();
    await facPage.locator('#roster li', { hasText: ben.displayName }).waitFor();
    await axe(facPage, 'console after enrolling');
  });

  step('the member writes the inventory, PHQ-9 (with crisis resources at once) and GAD-7', async () => {
    await signIn(anaPage, ana.username);
    await anaPage.getByRole('link', { name: /Go to the group/ }).click();
    await anaPage.waitForURL(/member\.html/);
    const inventory = anaPage.locator('#inventory-panel');
    await inventory.getByRole('button', { name: 'Add relationship' }).click();
    const row = inventory.locator('fieldset.relationship').last();
    await row.getByLabel('Name').fill('my sister');
    await row.getByLabel('Kind').fill('family');
    await row.getByLabel('Closeness').selectOption('4');
    await row.getByLabel('Satisfaction').selectOption('2');
    await row.getByLabel('Focus area').selectOption('role_dispute');
    await row.getByLabel('What works').fill('weekly calls');
    await row.getByLabel("What doesn't").fill('arguing about our mother');
    await axe(anaPage, 'member inventory editor');
    await inventory.getByRole('button', { name: 'Save inventory' }).click();
    await anaPage.locator('.toast', { hasText: 'Inventory saved' }).waitFor();

    const phq = anaPage.locator('section[data-instrument="phq9"]');
    if (!(await phq.locator('details').evaluate((d) => d.open))) await phq.locator('summary').click();
    const answers = [1, 2, 1, 1, 0, 1, 0, 1, 1];
    for (let i = 0; i < 9; i += 1) {
      await phq.locator('fieldset.phq9-item').nth(i).getByRole('radio').nth(answers[i]).check();
    }
    check(await phq.locator('fieldset.phq9-item').first().getByRole('radio', { name: 'Nearly every day' }).count() === 1, 'standard answer texts');
    await phq.locator('[data-crisis] .resources li').first().waitFor();
    await phq.getByRole('button', { name: 'Submit' }).click();
    await phq.locator('.phq9-result', { hasText: 'Your score is 8' }).waitFor();
    await axe(anaPage, 'PHQ-9 answered with crisis resources');

    const gad = anaPage.locator('section[data-instrument="gad7"]');
    if (!(await gad.locator('details').evaluate((d) => d.open))) await gad.locator('summary').click();
    const gadAnswers = [2, 1, 1, 0, 1, 2, 0];
    for (let i = 0; i < 7; i += 1) await gad.locator('fieldset.phq9-item').nth(i).getByRole('radio').nth(gadAnswers[i]).check();
    await gad.getByRole('button', { name: 'Submit' }).click();
    await gad.locator('.phq9-result', { hasText: 'Your score is 7' }).waitFor();
  });

  step('the facilitator runs a session', async () => {
    await facPage.getByRole('button', { name: 'Start session' }).click();
    await anaPage.locator('#send:not([disabled])').waitFor();
    await facPage.getByLabel('Your message').fill('Welcome to the first session.');
    await facPage.getByRole('button', { name: 'Send' }).click();
    await anaPage.locator('#log li.msg', { hasText: 'Welcome to the first session.' }).waitFor();
    await facPage.getByRole('button', { name: 'End session' }).click();
    await facPage.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await anaPage.locator('[data-banner="not-live"]').waitFor();
  });

  step('a move to the middle phase is refused, explained, and overridden with a reason', async () => {
    await facPage.getByRole('link', { name: 'Dashboard' }).click();
    await facPage.waitForURL(/course\.html/);
    await facPage.locator('#dashboard-body tr[data-user-id]').nth(1).waitFor();
    await facPage.locator('.phase-now[data-phase="initial"]').waitFor();
    await facPage.getByRole('button', { name: 'Move to middle phase' }).click();
    const refusal = facPage.locator('.refusal');
    await refusal.getByRole('link', { name: `Set the focus area of ${ana.displayName}` }).waitFor();
    await refusal.getByRole('link', { name: `Set the focus area of ${ben.displayName}` }).waitFor();
    await axe(facPage, 'refused phase move');
    await refusal.getByRole('link', { name: `Set the focus area of ${ana.displayName}` }).click();
    const record = facPage.locator('#record');
    await record.getByRole('heading', { name: `Record of ${ana.displayName}` }).waitFor();
    const focus = record.locator('[data-part="focus"]');
    await focus.getByLabel('Focus area', { exact: true }).selectOption('role_dispute');
    await focus.getByLabel('Goal 1').fill('Talk with my sister without a fight');
    await focus.getByRole('button', { name: 'Save focus and goals' }).click();
    await facPage.locator('.toast', { hasText: 'Focus area and goals saved' }).waitFor();
    await facPage.getByRole('button', { name: 'Move to middle phase' }).click();
    await facPage.locator('.refusal').getByRole('link', { name: `Set the focus area of ${ben.displayName}` }).waitFor();
    check(await facPage.locator('.refusal').getByRole('link', { name: `Set the focus area of ${ana.displayName}` }).count() === 0, 'Ana has a focus now');
    await facPage.getByRole('button', { name: 'Move anyway, with a reason…' }).click();
    const dialog = facPage.getByRole('dialog', { name: 'Move anyway' });
    await dialog.getByLabel('Reason for moving now').fill('Ben joins his focus work in the first middle session');
    await axe(facPage, 'override dialog');
    await dialog.getByRole('button', { name: 'Move the group' }).click();
    await facPage.locator('.phase-now[data-phase="middle"]').waitFor();
  });

  step('the facilitator assigns homework, schedules and holds a meeting, and reads the record', async () => {
    await facPage.locator('#dashboard-body').getByRole('link', { name: `Record of ${ana.displayName}` }).click();
    const record = facPage.locator('#record');
    const hw = record.locator('[data-part="homework"]');
    await hw.getByLabel('New homework').fill('Ask my sister for a coffee');
    await hw.getByRole('button', { name: 'Assign homework' }).click();
    await hw.locator('.homework-list li', { hasText: 'Ask my sister for a coffee' }).waitFor();
    const meeting = record.locator('[data-part="meetings"] li[data-kind="pre_group"]');
    await meeting.getByRole('button', { name: 'Mark held Before the group' }).click();
    await meeting.getByText(/^Held/).waitFor();
    const mid = record.locator('[data-part="meetings"] li[data-kind="mid_course"]');
    await mid.getByLabel('When: Mid-course').fill('2030-04-10T10:00');
    await mid.getByRole('button', { name: 'Schedule Mid-course' }).click();
    await mid.getByText(/^Scheduled:/).waitFor();
    await record.locator('[data-part="measures"] svg.chart-phq9').waitFor();
    await record.locator('[data-part="measures"] svg.chart-gad7 .band-severe').waitFor();
    await record.locator('[data-part="inventory"] fieldset.relationship').first().waitFor();
    await axe(facPage, 'member record');
  });

  step('the member fills a report card and marks the homework done; the inventory is read-only now', async () => {
    await anaPage.reload();
    const card = anaPage.locator('#card-panel');
    await card.getByRole('group', { name: 'my sister' }).getByLabel('Closeness').selectOption('5');
    await card.getByRole('group', { name: 'my sister' }).getByLabel('Satisfaction').selectOption('3');
    await card.getByRole('button', { name: 'Save report card' }).click();
    await card.getByText('You have filled in this session’s report card.').waitFor();
    check(await anaPage.locator('#inventory-panel').getByRole('button', { name: 'Save inventory' }).count() === 0, 'no inventory editor in the middle phase');
    await anaPage.locator('#inventory-panel .relationship-view', { hasText: 'my sister' }).waitFor();
    await anaPage.locator('#homework-panel').getByRole('button', { name: 'Mark as done' }).click();
    await anaPage.locator('#homework-panel .homework.done').waitFor();
    await axe(anaPage, 'member page in the middle phase');
  });

  step('the facilitator moves to the termination phase; the member writes the relapse plan and downloads their data', async () => {
    await facPage.getByRole('button', { name: 'Move to termination phase' }).click();
    const moved = facPage.locator('.phase-now[data-phase="termination"]');
    const refused = facPage.getByRole('button', { name: 'Move anyway, with a reason…' });
    await Promise.race([moved.waitFor(), refused.waitFor()]);
    if (!(await moved.count())) {
      await refused.click();
      await facPage.getByLabel('Reason for moving now').fill('The group asked to begin the ending early');
      await facPage.getByRole('button', { name: 'Move the group' }).click();
      await moved.waitFor();
    }
    await anaPage.reload();
    const review = anaPage.locator('#review-panel');
    await review.getByLabel('Warning signs').fill('Staying in bed on weekends');
    await review.getByLabel('What I will do').fill('Call my sister; walk every morning');
    await review.getByLabel('Who can support me').fill('My sister, my GP');
    await review.getByRole('button', { name: 'Save relapse plan' }).click();
    await review.getByText('Relapse plan saved.').waitFor();
    await axe(anaPage, 'member page in the ending phase');
    const [download] = await Promise.all([anaPage.waitForEvent('download'),
      anaPage.getByRole('button', { name: 'Download my data' }).click()]);
    const path = await download.path();
    const data = JSON.parse(readFileSync(path, 'utf8'));
    check(data.account && data.account.username === ana.username, 'the download is the member\'s own export');
    await anaPage.evaluate(() => window.scrollTo(0, 0));
    await anaPage.screenshot({ path: join(shots, 'my-work.png'), fullPage: true });
  });

  step('the dashboard shows every member with attendance, PHQ-9, goals, homework and alerts', async () => {
    await facPage.goto(`${base}/course.html?group=${new URL(groupUrl).searchParams.get('group')}`);
    const row = facPage.locator(`#dashboard-body tr`, { hasText: ana.displayName });
    await row.locator('td[data-label="PHQ-9"]', { hasText: '8' }).waitFor();
    await row.locator('td[data-label="Homework"]', { hasText: '1 done' }).waitFor();
    await row.locator('td[data-label="Attendance"]', { hasText: '1 of 1' }).waitFor();
    await row.locator('td[data-label="Open alerts"]', { hasText: 'PHQ-9: thoughts of self-harm' }).waitFor();
    await facPage.locator('.phase-now[data-plan-phase]').waitFor();
    await axe(facPage, 'dashboard');
    await facPage.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
    await facPage.locator('#dashboard-body').getByRole('link', { name: `Record of ${ana.displayName}` }).click();
    await facPage.locator('[data-part="review"] .review').waitFor();
    await facPage.screenshot({ path: join(shots, 'record.png'), fullPage: true });
  });

  step('the admin pages through the audit log and sees the group in the overview', async () => {
    await adminPage.reload();
    await adminPage.locator('#group-list tr', { hasText: GROUP }).filter({ hasText: fac.displayName }).waitFor();
    const audit = adminPage.locator('#audit-list');
    await audit.locator('tbody tr').first().waitFor();
    check(await audit.locator('tbody tr').count() === 25, 'a page of the audit log holds 25 entries');
    await audit.getByRole('button', { name: 'Next' }).click();
    await audit.locator('.pager-text', { hasText: 'Page 2' }).waitFor();
    await audit.getByRole('button', { name: 'Previous' }).click();
    await audit.locator('.pager-text', { hasText: 'Page 1' }).waitFor();
    await axe(adminPage, 'admin page with groups and audit log');
    await adminPage.evaluate(() => window.scrollTo(0, 0));
    await adminPage.screenshot({ path: join(shots, 'admin.png'), fullPage: true });
  });

  step('every page fits a 375 px phone with no sideways scrolling', async () => {
    const id = new URL(groupUrl).searchParams.get('group');
    await phone.evaluate(() => sessionStorage.clear());
    await signIn(phone, fac.username);
    await phone.getByRole('button', { name: 'New group' }).click();
    await phone.locator('form.setup-form .plan-preview li').first().waitFor();
    await fitsPhone(phone, 'the new group form');
    for (const [path, ready] of [[`course.html?group=${id}`, '#dashboard-body tr[data-user-id]'],
      [`course.html?group=${id}&member=${await anaId(facPage)}`, '[data-part="meetings"] li'],
      [`console.html?group=${id}`, '.enrol-roster li']]) {
      await phone.goto(`${base}/${path}`);
      await phone.locator(ready).first().waitFor();
      await fitsPhone(phone, path);
      await axe(phone, `${path.split('?')[0]} on a phone`);
    }
    await phone.goto(`${base}/course.html?group=${id}`);
    await phone.locator('#dashboard-body tr[data-user-id]').first().waitFor();
    await phone.screenshot({ path: join(shots, 'dashboard-phone.png'), fullPage: false });
    await phone.evaluate(() => sessionStorage.clear());
    await signIn(phone, ana.username);
    await phone.getByRole('link', { name: /Go to the group/ }).click();
    await phone.locator('#review-panel textarea').first().waitFor();
    await fitsPhone(phone, 'the member page');
    await axe(phone, 'member page on a phone');
  });

  step('axe-core found no serious or critical problem in any state reached', async () => {
    check(axeProblems.length === 0, axeProblems.join('; '));
  });

  step('no page error, script dialog or content-security refusal on any page', async () => {
    check(problems.length === 0, problems.join('; '));
  });

  const code = await run(steps, () => [adminPage, facPage, anaPage, phone]);
  await browser.close();
  return code;
}

async function anaId(page) {
  return page.locator('#dashboard-body tr', { hasText: ana.displayName }).getAttribute('data-user-id');
}

start(main);
