// What every file of the browser suite shares: one demo server and one Chromium for the whole
// run (started by the first file that asks, stopped after the last test), the arguments
//   node tests/e2e/FILE.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
// and the steps that several files take: open the cockpit of a period, read a data-testid.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after } from 'node:test';
import { chartsDrawn, launch, newPage, signIn, webDir } from './browser.mjs';
import { startDemoServer, zhizao } from './server.mjs';

export const binary = resolve(process.argv[2] ?? 'build/zhizao');
export const shots = resolve(process.argv[3] ?? 'build/e2e');
const webRoot = join(webDir, 'dist');

let started = null;

/** The shared {server, browser}, started on the first call. */
export function suite() {
  started ??= (async () => {
    assert.ok(existsSync(binary), `no zhizao binary at ${binary}`);
    assert.ok(existsSync(join(webRoot, 'index.html')), `no dashboard build at ${webRoot}: run make build`);
    mkdirSync(shots, { recursive: true });
    const server = await startDemoServer(binary, webRoot);
    try {
      return { server, browser: await launch() };
    } catch (error) {
      await server.stop();
      throw error;
    }
  })();
  return started;
}

after(async () => {
  if (!started) return;
  const { server, browser } = await started.catch(() => ({}));
  await browser?.close();
  await server?.stop();
});

/** A screenshot path in the screenshot folder. */
export const shot = (name) => join(shots, `${name}.png`);

/** The text of the first element with data-testid `testid`. */
export const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).first().innerText();

/** A new page of the given size signed in as `user` on `query` + `hash`, in `lang` ('zh' or 'en'). */
export async function signedInPage(user, { width = 1440, height = 900, hash = '', query = '', lang = 'zh', bypassCSP = false } = {}) {
  const { server, browser } = await suite();
  const page = await newPage(browser, width, height, { bypassCSP });
  if (lang === 'en') await page.addInitScript(() => localStorage.setItem('zhizao.lang', 'en'));
  await signIn(page, server.baseUrl, user, query, hash);
  return page;
}

/** Marks the current view as stale: fresh() then waits for the view drawn after it. */
export const markStale = (page) => page.evaluate(() => document.querySelector('#view')?.setAttribute('data-stale', '1'));

/** Opens the cockpit of `period` (`monthly` for 当月) and waits until its charts are drawn. */
export async function openCockpit(page, period, monthly = false, query = '') {
  const { server } = await suite();
  await markStale(page);
  const url = `${server.baseUrl}/${query}#/cockpit?period=${period}${monthly ? '&monthly=1' : ''}`;
  // Going to the URL the page is on changes nothing: load it anew then.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.waitForFunction(
    ({ p, w }) => {
      const h1 = document.querySelector('#view:not([data-stale]) [data-testid="cockpit-period"]');
      return h1?.dataset.period === p && h1.dataset.window === w;
    },
    { p: period, w: monthly ? 'monthly' : 'cumulative' },
  );
  await chartsDrawn(page);
}

/** GET `path` of the API with the page's session (the cookie of the signed-in user). */
export function apiGet(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(p);
    if (!response.ok) throw new Error(`${p}: HTTP ${response.status}`);
    return response.json();
  }, path);
}

/** `zhizao ARGS` on the suite's database (standard output). */
export async function cli(args) {
  const { server } = await suite();
  return zhizao(binary, [...args, '--db', server.db]);
}
