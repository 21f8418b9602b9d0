// Supervision from the admin page to the supervisor's read-only pages, in headless Chromium against a real server.
// Started by SupervisionBrowserTest with HOLDSPACE_BASE_URL, HOLDSPACE_SCREENSHOTS, HOLDSPACE_CHROMIUM and
//   HOLDSPACE_E2E  JSON {groupName, admin, supervisor, colleague, member: {username, password, displayName}}
// (the supervisor account does not exist yet: the admin creates it). Prints "PLAN a|b|…", then "PASS <step> (<ms> ms)"
// or "FAIL <step>: <why>" per step, and "DONE" at the end.

import { join } from 'node:path';
import {
  base, cast, shots, check, accessibilityProblems, launch, watch,
  steps, step, problems, run, start,
} from './harness.mjs';

const { admin, supervisor, colleague, member, groupName } = cast;

async function axeClean(page) {
  const found = await accessibilityProblems(page);
  check(found.length === 0, found.join('; '));
}

async function fitsPhone(page, where) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  check(wide <= 375, `${where} is ${wide} px wide on a 375 px phone`);
}

const focused = (locator) => locator.evaluate((n) => n === document.activeElement);

/** No control that writes is visible: marked `data-write`, or one of the course page's write buttons. */
async function visibleWrites(page) {
  return page.evaluate(() => {
    const names = /^(Move to|Override|Assign|Save|Schedule|Mark held|Add relationship|Start session|Send)/;
    const shown = (n) => n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden';
    return [...document.querySelectorAll('[data-write], button, form')].filter((n) => shown(n)
      && (n.hasAttribute('data-write') || (n.tagName === 'BUTTON' && names.test(n.textContent.trim()))))
      .map((n) => n.textContent.trim().slice(0, 40) || n.tagName);
  });
}

async function main() {
  const browser = await launch();
  const open = async (who, viewport) => watch(await (await browser.newContext({ viewport })).newPage(), who, problems);
  const adminPage = await open('admin', { width: 1300, height: 900 });
  const supPage = await open('supervisor', { width: 1300, height: 900 });
  const team = adminPage.locator('#group-team');

  step('the admin creates a supervisor account with the Role "Supervisor"', async () => {
    await adminPage.goto(`${base}/`);
    await adminPage.getByLabel('Username').fill(admin.username);
    await adminPage.getByLabel('Password').fill(admin.password);
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.waitForURL(/admin\.html/);
    const form = adminPage.locator('#create-body form');
    await form.getByLabel('Username').fill(supervisor.username);
    await form.getByLabel('Display name').fill(supervisor.displayName);
    await form.getByLabel('Password').fill(supervisor.password);
    await form.getByLabel('Role').selectOption('supervisor');
    await form.getByRole('button', { name: 'Create account' }).click();
    const row = adminPage.locator(`#account-list tr[data-username="${supervisor.username}"]`);
    await row.filter({ hasText: 'Supervisor' }).waitFor();
  });

  step('the admin opens the group\'s team from the overview: focus on its heading, facilitators listed', async () => {
    await adminPage.getByRole('button', { name: `Manage team ${groupName}` }).click();
    const heading = team.getByRole('heading', { name: `Team of ${groupName}` });
    await heading.waitFor();
    check(await focused(heading), 'focus moves to the team heading');
    await team.locator('[data-team="facilitators"] li').first().waitFor();
    await team.getByText('No supervisor for this group yet.').waitFor();
  });

  step('assigning with no account chosen is refused next to the field', async () => {
    const form = team.locator('form[data-team-form="supervisors"]');
    await form.getByRole('combobox', { name: 'Find a supervisor' }).fill('not-a-real-account-name');
    await form.getByRole('button', { name: 'Assign supervisor' }).click();
    await form.getByText('Choose an account from the suggestions.').waitFor();
    check(await form.getByRole('combobox', { name: 'Find a supervisor' }).getAttribute('aria-invalid') === 'true', 'the field is marked invalid');
    check(await focused(form.getByRole('combobox', { name: 'Find a supervisor' })), 'focus is on the field');
  });

  step('the admin finds the supervisor as they type, picks them with the keyboard and assigns them', async () => {
    const input = team.getByRole('combobox', { name: 'Find a supervisor' });
    await input.fill('');
    await input.pressSequentially(supervisor.displayName.split(' ')[1], { delay: 20 });
    await team.getByRole('option', { name: new RegExp(supervisor.displayName) }).waitFor();
    await adminPage.keyboard.press('ArrowDown');
    await adminPage.keyboard.press('Enter');
    check(await input.inputValue() === supervisor.displayName, 'Enter picks the suggestion');
    await adminPage.keyboard.press('Tab');
    await adminPage.keyboard.press('Enter');
    await team.locator('[data-team="supervisors"] li', { hasText: supervisor.displayName }).waitFor();
    // The page gives focus back once the groups overview has reloaded, a moment after the list shows the supervisor.
    await adminPage.waitForFunction(() => document.activeElement && document.activeElement.id === 'assign-supervisor')
      .catch(() => {});
    check(await focused(team.getByRole('combobox', { name: 'Find a supervisor' })), 'focus is back in the field');
  });

  step('a supervisor deactivated after being picked is refused by the server, in plain words under the field', async () => {
    const form = adminPage.locator('#create-body form');
    await form.getByLabel('Username').fill('supervisor-leaving');
    await form.getByLabel('Display name').fill('Dr. Leaving Soon');
    await form.getByLabel('Password').fill(supervisor.password);
    await form.getByLabel('Role').selectOption('supervisor');
    await form.getByRole('button', { name: 'Create account' }).click();
    await adminPage.locator('#account-list tr[data-username="supervisor-leaving"]').waitFor();
    const input = team.getByRole('combobox', { name: 'Find a supervisor' });
    await input.pressSequentially('Leaving', { delay: 20 });
    await team.getByRole('option', { name: /Dr\. Leaving Soon/ }).click();
    await adminPage.getByRole('button', { name: 'Deactivate supervisor-leaving' }).click();
    await adminPage.locator('#account-list tr[data-username="supervisor-leaving"]', { hasText: 'Deactivated' }).waitFor();
    await team.getByRole('button', { name: 'Assign supervisor' }).click();
    await team.getByText('Only an active supervisor account can supervise a group.').waitFor();
    check(await input.getAttribute('aria-invalid') === 'true', 'the field is marked invalid');
    check(await team.locator('[data-team="supervisors"] li').count() === 1, 'nobody else was assigned');
  });

  step('the admin adds a co-facilitator, then removes them after a confirmation dialog (Escape cancels)', async () => {
    const input = team.getByRole('combobox', { name: 'Find a facilitator' });
    await input.pressSequentially(colleague.displayName.split(' ')[1], { delay: 20 });
    await team.getByRole('option', { name: new RegExp(colleague.displayName) }).click();
    await team.getByRole('button', { name: 'Add co-facilitator' }).click();
    await team.locator('[data-team="facilitators"] li', { hasText: colleague.displayName }).waitFor();
    await adminPage.locator('#group-list tr', { hasText: colleague.displayName }).waitFor();
    const remove = team.getByRole('button', { name: `Remove ${colleague.displayName}` });
    await remove.focus();
    await adminPage.keyboard.press('Enter');
    const dialog = adminPage.getByRole('dialog', { name: 'Remove from the team?' });
    await dialog.waitFor();
    check(await focused(dialog.getByRole('button', { name: 'Cancel' })), 'focus moves into the dialog');
    await adminPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    check(await focused(remove), 'focus returns to the Remove button');
    await remove.click();
    await dialog.getByRole('button', { name: 'Remove from the team' }).click();
    await team.locator('[data-team="facilitators"] li', { hasText: colleague.displayName }).waitFor({ state: 'detached' });
    check(await team.getByRole('button', { name: /^Remove / }).count() === 1, 'only the supervisor can still be removed');
  });

  step('axe finds no serious problem on the admin page with the team open; it fits a 375 px phone', async () => {
    await axeClean(adminPage);
    await adminPage.screenshot({ path: join(shots, 'admin-team.png'), fullPage: true });
    await adminPage.setViewportSize({ width: 375, height: 800 });
    await fitsPhone(adminPage, 'the admin page with a team open');
    await adminPage.screenshot({ path: join(shots, 'admin-team-phone.png'), fullPage: false });
    await team.getByRole('button', { name: 'Close the team' }).click();
    check(await focused(adminPage.getByRole('button', { name: `Manage team ${groupName}` })), 'focus returns to Manage team');
  });

  step('the supervisor signs in at / and sees the group, linked to the read-only console, which joins the room', async () => {
    await supPage.goto(`${base}/`);
    await supPage.getByLabel('Username').fill(supervisor.username);
    await supPage.getByLabel('Password').fill(supervisor.password);
    await supPage.getByRole('button', { name: 'Sign in' }).click();
    const link = supPage.getByRole('link', { name: new RegExp(`${groupName}.*Open the console \\(read-only\\)`) });
    await link.waitFor();
    await axeClean(supPage);
    const joined = supPage.waitForEvent('websocket').then((ws) => ws.waitForEvent('framereceived',
      { predicate: (f) => String(f.payload).includes('"type":"joined"') }));
    await link.click();
    await joined;
    await supPage.getByText('Read-only: supervisor').waitFor();
    await supPage.locator('#roster li', { hasText: member.displayName }).waitFor();
    const writes = await visibleWrites(supPage);
    check(writes.length === 0, `write controls shown: ${writes.join(', ')}`);
  });

  step('the dashboard opened by the supervisor is read-only: labelled, no phase moves, no homework or record edits', async () => {
    await supPage.locator('#dashboard-link').click();
    await supPage.waitForURL(/course\.html/);
    await supPage.getByText('Read-only: supervisor').waitFor();
    await supPage.locator('#dashboard-body tr', { hasText: member.displayName }).waitFor();
    await supPage.locator('.phase-now').waitFor();
    check(await supPage.getByRole('button', { name: /^Move to/ }).count() === 0, 'no phase-move buttons');
    await supPage.locator('#dashboard-body a', { hasText: member.displayName }).click();
    await supPage.locator('[data-part="homework"] .homework-list li', { hasText: 'Write down one disagreement' }).waitFor();
    await supPage.locator('[data-part="focus"] .focus-now', { hasText: 'Role dispute' }).waitFor();
    await supPage.locator('[data-part="meetings"] ul.meetings').waitFor();
    const writes = await visibleWrites(supPage);
    check(writes.length === 0, `write controls shown: ${writes.join(', ')}`);
    check(await supPage.locator('#record-body textarea, #record-body input, #record-body select').count() === 0, 'no record fields');
    await axeClean(supPage);
    await supPage.screenshot({ path: join(shots, 'course-supervisor.png'), fullPage: true });
    await supPage.setViewportSize({ width: 375, height: 800 });
    await fitsPhone(supPage, 'the read-only record');
  });

  step('no page error on either page', async () => {
    check(problems.length === 0, problems.join('; '));
  });

  const code = await run(steps, () => [adminPage, supPage]);
  await browser.close();
  return code;
}

start(main);
