// Issue #18, item 11: axe-core (web/package.json devDependencies, exact version) finds no serious
// or critical violation on the cockpit, a detail page, the review queue and the submit form
// (contrast ≥ 4.5:1 included); the keyboard reaches sortable headers (Enter sorts), rows (Enter
// opens) and each chart's table of the same figures. The context bypasses the CSP only so that
// axe can be injected. Run alone or through dashboard.test.mjs:
//   node tests/e2e/accessibility.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { chartsDrawn, webDir } from './browser.mjs';
import { markStale, openCockpit, shot, signedInPage, suite } from './fixture.mjs';

const require = createRequire(join(webDir, 'package.json'));
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page; returns the serious and critical violations as readable lines. */
async function seriousViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')} ${v.nodes[0].failureSummary ?? ''}`);
}

/**
 * Text whose contrast with what lies behind it is under 4.5:1 (3:1 for large text), WCAG 2.1
 * 1.4.3, computed from the styles for the elements axe leaves "incomplete" (text over the
 * cards' decorations, rows under sticky headers): each element with its own text, its colour
 * against the first opaque background of its ancestors, translucent ones blended in.
 */
const lowContrast = (page) =>
  page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    };
    const over = (top, bottom) => top.slice(0, 3).map((v, i) => v * top[3] + bottom[i] * (1 - top[3])).concat(1);
    const luminance = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        // A gradient is not computed here, but the wall's page (body) whose colour is its end.
        if (style.backgroundImage !== 'none' && e !== document.body) return null;
        const color = parse(style.backgroundColor);
        if (color[3] > 0) layers.push(color);
        if (color[3] >= 1) break;
      }
      return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const found = [];
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !el.getClientRects().length || el.closest('[aria-hidden="true"], .sr-only, canvas')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const back = background(el);
      if (!back) continue;
      const fore = over(parse(style.color), back);
      const [a, b] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) found.push(`${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 20)}" ${ratio.toFixed(2)}`);
    }
    return [...new Set(found)];
  });

let server;

describe('accessibility (issue #18, item 11)', () => {
  before(async () => {
    ({ server } = await suite());
  });

  test('axe: no serious or critical violation on cockpit, detail, review and submit pages', async () => {
    const pages = [
      { user: 'admin', hash: '#/cockpit?period=2021-04', ready: '[data-testid="cockpit-period"]', name: 'cockpit', lang: 'zh' },
      { user: 'admin', hash: '#/cockpit?period=2021-04&monthly=1', ready: '[data-testid="cockpit-period"]', name: 'cockpit-en', lang: 'en' },
      { user: 'admin', hash: '#/cockpit?period=2021-04', ready: 'body.wall [data-testid="cockpit-period"]', name: 'cockpit-wall', lang: 'zh', query: '?screen=wall', width: 1920, height: 1080 },
      { user: 'admin', hash: '#/detail/divisions/34?period=2021-04', ready: '[data-testid="detail-table"] tbody tr', name: 'detail', lang: 'zh' },
      { user: 'county', hash: '#/review?state=all', ready: '.subhead h1', name: 'review', lang: 'zh' },
      { user: 'enterprise', hash: '#/submit', ready: '[data-testid="submit"]', name: 'submit', lang: 'zh' },
      { user: 'enterprise', hash: '#/submit', ready: '[data-testid="submit"]', name: 'submit-phone', lang: 'en', width: 390, height: 844 },
    ];
    const found = {};
    for (const p of pages) {
      const page = await signedInPage(server.users[p.user], {
        hash: p.hash,
        query: p.query,
        lang: p.lang,
        width: p.width,
        height: p.height,
        bypassCSP: true,
      });
      await page.waitForSelector(p.ready);
      if (p.name.startsWith('cockpit') || p.name === 'detail') await chartsDrawn(page);
      // The wall screen is dark: its text is checked against its own panels.
      if (p.name.startsWith('submit')) {
        // With a message on the form too: a refused figure.
        await page.fill('[data-testid="field-output"]', '-1');
        await page.click('[data-testid="submit"]');
        await page.waitForSelector('.violation');
      }
      const violations = [...(await seriousViolations(page)), ...(await lowContrast(page)).map((x) => `contrast: ${x}`)];
      if (violations.length) found[p.name] = violations;
      await page.context().close();
    }
    assert.deepEqual(found, {});
  });

  test('keyboard: sortable headers sort with Enter, rows open with Enter, charts have tables', async () => {
    const page = await signedInPage(server.users.admin, { hash: '#/cockpit?period=2021-04' });
    await openCockpit(page, '2021-04');

    // Tab reaches a sort button of the key-enterprise table; Enter sorts by it.
    const sortButton = page.locator('#key-table th[data-key="output_growth"] button.sort');
    await sortButton.focus();
    const before = await page.getAttribute('#key-table th[data-key="output_growth"]', 'aria-sort');
    await page.keyboard.press('Enter');
    const after = await page.getAttribute('#key-table th[data-key="output_growth"]', 'aria-sort');
    assert.notEqual(after, before);
    assert.ok(['ascending', 'descending'].includes(after));
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 'output_growth', 'the focus stays on the header');

    // Tab from the header reaches the first row; Enter opens the enterprise.
    const onRow = () => page.evaluate(() => document.activeElement?.tagName === 'TR' && document.activeElement.closest('#key-table') !== null);
    for (let i = 0; i < 4 && !(await onRow()); i += 1) await page.keyboard.press('Tab');
    assert.ok(await onRow(), 'Tab goes from the headers to the rows');
    await markStale(page);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#view:not([data-stale]) [data-testid="months-table"]');
    assert.match(page.url(), /#\/enterprise\//);

    // Each chart of the cockpit has a table, opened by a button: same figures as the labels.
    await openCockpit(page, '2021-04');
    for (const id of ['chart-trend', 'chart-projects', 'chart-map', 'chart-rank', 'chart-growth', 'chart-pull', 'chart-parks', 'chart-chains']) {
      const toggle = page.locator(`[data-testid="${id}-toggle"]`);
      await toggle.focus();
      await page.keyboard.press('Enter');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true', id);
      assert.ok(await page.isVisible(`[data-testid="${id}-table"] tbody tr`), `${id}: its table`);
    }
    const growthLabels = await page.evaluate(() => {
      const chart = document.getElementById('chart-growth').zhizaoChart;
      const data = chart.getModel().getSeriesByIndex(0).getData();
      return chart.getOption().series[0].data.map((d, i) => data.getItemGraphicEl(i).getTextContent().style.text).reverse();
    });
    const tableGrowth = await page.locator('[data-testid="chart-growth-table"] tbody tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(tableGrowth, growthLabels);
    // A link in the table opens what a click on the bar opens.
    await page.locator('[data-testid="chart-growth-table"] tbody tr a').first().focus();
    await markStale(page);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#view:not([data-stale]) [data-testid="detail-table"]');
    assert.match(page.url(), /#\/detail\/divisions\//);
    await openCockpit(page, '2021-04');
    await page.click('[data-testid="chart-parks-toggle"]');
    await page.screenshot({ path: shot('item11-chart-table'), fullPage: false });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
