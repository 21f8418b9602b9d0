// The console's Team section and the supervisor's read-only console, in headless Chromium against a real server.
// Started by TeamBrowserTest with HOLDSPACE_BASE_URL, HOLDSPACE_SCREENSHOTS, HOLDSPACE_CHROMIUM and
//   HOLDSPACE_E2E  JSON {groupId, facilitator, colleague, supervisor, member: {username, password, displayName}}
// Prints "PLAN a|b|…", then "PASS <step> (<ms> ms)" or "FAIL <step>: <why>" per step, and "DONE" at the end.

import { join } from 'node:path';
import {
  base, cast, shots, check, accessibilityProblems, launch, watch, signIn,
  steps, step, problems, run, start,
} from './harness.mjs';

const { facilitator: fac, colleague, supervisor, member } = cast;

async function main() {
  const browser = await launch();
  const open = async (who, viewport) => watch(await (await browser.newContext({ viewport })).newPage(), who, problems);
  const facPage = await open('facilitator', { width: 1400, height: 900 });
  const supPage = await open('supervisor', { width: 1400, height: 900 });
  const team = facPage.locator('#team-panel');

  step('the facilitator finds a colleague by name with the keyboard and adds them as co-facilitator', async () => {
    await signIn(facPage, fac, 'Open the facilitator console');
    await team.getByText(`${fac.displayName} (you)`).waitFor();
    await facPage.getByLabel('Find a facilitator by name or username').fill(colleague.displayName.split(' ')[1]);
    await facPage.keyboard.press('Enter');
    const add = team.getByRole('button', { name: `Add ${colleague.displayName}` });
    await add.waitFor();
    check(await add.evaluate((b) => b === document.activeElement), 'focus moves to the first result');
    await facPage.keyboard.press('Enter');
    await team.locator('.team-list li', { hasText: colleague.displayName }).waitFor();
  });

  step('a search with no match says so next to the field', async () => {
    await facPage.getByLabel('Find a facilitator by name or username').fill('nobody-has-this-name');
    await facPage.getByRole('button', { name: 'Find', exact: true }).click();
    await team.locator('#team-error', { hasText: 'No facilitator account matches' }).waitFor();
  });

  step('removing asks first in a dialog; Cancel keeps them and gives focus back; confirming removes them', async () => {
    const remove = team.getByRole('button', { name: `Remove ${colleague.displayName}` });
    await remove.click();
    const dialog = facPage.getByRole('dialog', { name: 'Remove this facilitator?' });
    await dialog.waitFor();
    await facPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    check(await remove.evaluate((b) => b === document.activeElement), 'focus returns to the Remove button');
    await remove.click();
    await dialog.getByRole('button', { name: 'Remove from the team' }).click();
    await team.locator('.team-list li', { hasText: colleague.displayName }).waitFor({ state: 'detached' });
    check(await team.getByRole('button', { name: /^Remove / }).count() === 0, 'the last facilitator has no Remove button');
  });

  step('axe finds no serious accessibility problem in the console with the team section', async () => {
    const found = await accessibilityProblems(facPage);
    check(found.length === 0, found.join('; '));
  });

  step('the supervisor opens the console read-only: labelled, no compose, no session or moderation controls', async () => {
    await signIn(supPage, supervisor, 'Open the console \\(read-only\\)');
    await supPage.getByText('Read-only: supervisor').waitFor();
    await supPage.locator('#team-panel').getByText(`${supervisor.displayName} (you)`).waitFor();
    await supPage.locator('#roster li', { hasText: member.displayName }).waitFor();
    check(!(await supPage.locator('#compose').isVisible()), 'no message box');
    check(!(await supPage.getByRole('button', { name: 'Start session' }).isVisible()), 'no session controls');
    check(await supPage.getByRole('button', { name: `Mute ${member.displayName}` }).count() === 0
      || !(await supPage.getByRole('button', { name: `Mute ${member.displayName}` }).isVisible()), 'no Mute button');
    check(await supPage.getByRole('button', { name: 'Details ' + member.displayName }).isVisible(), 'details stay readable');
    check(!(await supPage.locator('.team-add').isVisible()), 'no Add co-facilitator form');
    const found = await accessibilityProblems(supPage);
    check(found.length === 0, found.join('; '));
    await supPage.screenshot({ path: join(shots, 'console-supervisor.png'), fullPage: true });
  });

  step('on a 375 px wide phone the read-only console and its team section need no sideways scrolling', async () => {
    await supPage.setViewportSize({ width: 375, height: 800 });
    await supPage.reload();
    await supPage.getByText('Read-only: supervisor').waitFor();
    await supPage.locator('#team-panel').getByText(`${supervisor.displayName} (you)`).waitFor();
    const wide = await supPage.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 375, `the page is ${wide} px wide`);
    await supPage.screenshot({ path: join(shots, 'console-supervisor-phone.png'), fullPage: false });
  });

  step('no page error on either page', async () => {
    check(problems.length === 0, problems.join('; '));
  });

  const code = await run(steps, () => [facPage, supPage]);
  await browser.close();
  return code;
}

start(main);
