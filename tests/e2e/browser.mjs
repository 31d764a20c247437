// Headless Debian Chromium driven by playwright-core (from web/node_modules), and the steps a
// user takes that every scenario shares: sign in, sign out, wait for charts, take a screenshot.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const webDir = join(here, '../../web');
const require = createRequire(join(webDir, 'package.json'));
const { chromium } = require('playwright-core');

const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches /usr/bin/chromium (override with ZHIZAO_CHROMIUM). */
export function launch() {
  return chromium.launch({ executablePath: process.env.ZHIZAO_CHROMIUM ?? '/usr/bin/chromium', args: chromiumFlags });
}

/**
 * A new page of `width`×`height` that records page errors (page.errors) and violations of the
 * page's content security policy (page.cspViolations). `bypassCSP` lets a test inject a script
 * (axe-core) into the page.
 */
export async function newPage(browser, width = 1440, height = 900, { bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', bypassCSP });
  const page = await context.newPage();
  // A sanitizer build of the server on a busy machine answers the trend in tens of seconds.
  page.setDefaultTimeout(Number(process.env.ZHIZAO_E2E_TIMEOUT_MS ?? 90000));
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.cspViolations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) page.cspViolations.push(message.text());
  });
  return page;
}

/** Signs in through the form (on the page `query` + `hash`, kept after signing in) and waits for the view. */
export async function signIn(page, baseUrl, user, query = '', hash = '') {
  await page.goto(`${baseUrl}/${query}${hash}`);
  await page.fill('#login-name', user.name);
  await page.fill('#login-password', user.password);
  await page.click('#login-submit');
  await page.waitForSelector('#view');
}

/** Signs out with the header button and waits for the login form. */
export async function signOut(page) {
  await page.click('#sign-out');
  await page.waitForSelector('#login-form');
}

/** Waits until every chart on the page has drawn (charts.js sets data-rendered="1"). */
export async function chartsDrawn(page) {
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll('.chart')];
    return charts.length > 0 && charts.every((c) => c.dataset.rendered === '1');
  });
}

/** Clicks the bar of `category` in the horizontal bar chart inside `selector`, as a user would. */
export async function clickBar(page, selector, category) {
  const point = await page.evaluate(
    ({ selector: s, category: name }) => {
      const element = document.querySelector(s);
      element.scrollIntoView({ block: 'center' });
      const chart = element.zhizaoChart;
      const option = chart.getOption();
      const index = option.yAxis[0].data.indexOf(name);
      if (index < 0) return null;
      const value = option.series[0].data[index].value;
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [value / 2, index]);
      const box = element.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    },
    { selector, category },
  );
  if (!point) throw new Error(`no bar "${category}" in ${selector}`);
  await page.mouse.click(point.x, point.y);
}
