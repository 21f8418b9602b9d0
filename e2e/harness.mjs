// What the browser scenarios share: the browser, pages that keep what went wrong, sign-in, axe-core, and the step
// runner that prints "PLAN a|b|…", "PASS <step> (<ms> ms)" or "FAIL <step>: <why>" per step and "DONE" at the end
// (the format the JUnit side reads).

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const base = process.env.HOLDSPACE_BASE_URL;
export const cast = JSON.parse(process.env.HOLDSPACE_E2E);
export const shots = process.env.HOLDSPACE_SCREENSHOTS || 'target/screenshots';
export const TIMEOUT = 10_000;

/** This script's steps in order, and what went wrong on its pages (one script per process). */
export const steps = [];
export const step = (name, fn) => steps.push({ name, fn });
export const problems = [];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** WCAG 2 A and AA problems of serious or critical impact that axe-core finds on the page. */
export async function accessibilityProblems(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Chromium, with the screenshot folder made. */
export async function launch() {
  mkdirSync(shots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.HOLDSPACE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records page errors, script dialogs, refused content and any answer 404 in `problems`. */
export async function watch(page, who, problems) {
  page.setDefaultTimeout(TIMEOUT);
  await page.addInitScript(() => {
    window.__notices = [];
    new MutationObserver((changes) => {
      for (const c of changes) {
        for (const n of c.addedNodes) {
          if (n.classList && n.classList.contains('toast')) window.__notices.push(n.textContent);
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  page.on('pageerror', (e) => problems.push(`${who}: page error ${e.message}`));
  page.on('dialog', (d) => { problems.push(`${who}: a dialog opened (${d.message()})`); d.dismiss(); });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`${who}: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() === 404 && !/\/api\//.test(r.url())) problems.push(`${who}: 404 for ${r.url()}`);
  });
  return page;
}

export async function signIn(page, account, linkText) {
  await page.goto(`${base}/`);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('link', { name: new RegExp(linkText) }).click();
}

/** A call to the API with the page's own sign-in; answers the status. */
export function api(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const { token } = JSON.parse(sessionStorage.getItem('holdspace.session'));
    const answer = await fetch(path, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    return answer.status;
  }, { method, path, body });
}

/** The error's first line, what it waited for, and any notice on screen (the server's refusal, say). */
async function explain(e, pages) {
  const lines = String(e.message || e).split('\n');
  const calls = lines.filter((l) => /^\s*-/.test(l));
  const waited = [lines.find((l) => /waiting for/.test(l)), ...calls.slice(-2)].filter(Boolean).join(' ');
  const notices = [];
  for (const page of pages) {
    const texts = await page.evaluate(() => (window.__notices || []).splice(0)).catch(() => []);
    notices.push(...texts);
  }
  const plain = (t) => t && t.replace(/\u001b\[[0-9;]*m/g, '').trim();
  return [lines[0], plain(waited), notices.length && `notices shown: ${[...new Set(notices)].join(' / ')}`]
    .filter(Boolean).join(' — ');
}

/** Runs the steps in order (a failed one does not stop the next); answers the exit code. */
export async function run(steps, pages) {
  console.log(`PLAN ${steps.map((s) => s.name).join('|')}`);
  let failed = 0;
  for (const s of steps) {
    const started = Date.now();
    try {
      await s.fn();
      console.log(`PASS ${s.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${s.name}: ${await explain(e, pages())}`);
    }
  }
  console.log(`DONE ${steps.length - failed} of ${steps.length} steps`);
  return failed === 0 ? 0 : 1;
}

/** Runs `main`, which answers the exit code; a failure outside the steps is reported as "FAIL scenario". */
export function start(main) {
  main().then((code) => process.exit(code), (e) => {
    console.log(`FAIL scenario: ${e.stack || e}`);
    process.exit(2);
  });
}
