// The steering panels (issues #12, #15, #20; data contract "v2 additions"): campaign progress
// against time progress (cockpit and projects view), the lagging projects (count on the cockpit,
// sortable list opening a project), the targets' bullet charts, the warnings panel and the key
// enterprises' badges (from GET /api/warnings, not from thresholds in the dashboard), the
// products panel and a product's enterprises, and the data-quality list with a finding's
// evidence and its verification. Every number on screen is checked against the API's figure
// rounded once, half away from zero (as figures.test.mjs); where the API has no figures yet, the
// panel's empty state (暂无…) is checked instead. Each panel is screenshotted; the phone (375 px)
// and wall (1920×1080) layouts neither overflow nor overlap; axe finds no serious violation.
//   node tests/e2e/steering.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { webDir } from './browser.mjs';
import { apiGet, markStale, openCockpit, shot, signedInPage, suite, text } from './fixture.mjs';
import { count, isNumber, rate, rounded } from './rounding.mjs';

const period = '2021-04';

const yi = (wan) => rounded(wan / 1e4, 1, true); // 万元 → 亿元, as the Chinese report
/** A product quantity as the Chinese report writes it (products_section.cc, quantity_zh). */
const quantityZh = (q, unit) => {
  if (!isNumber(q)) return '—';
  if (unit.startsWith('万') || Math.abs(q) < 1e4) return `${rounded(q, Number.isInteger(q) ? 0 : 1)}${unit}`;
  return `${rounded(q / 1e4, 1)}万${unit}`;
};

/** The label of each bar of the chart `id` (null for a bar not drawn) and its categories. */
const barLabels = (page, id, seriesIndex = 0) =>
  page.evaluate(
    ({ i, s }) => {
      const chart = document.getElementById(i).zhizaoChart;
      const data = chart.getModel().getSeriesByIndex(s).getData();
      const option = chart.getOption();
      const axis = option.series[s].yAxisIndex ?? 0;
      return {
        categories: option.yAxis[axis].data,
        labels: option.series[s].data.map((_, k) => data.getItemGraphicEl(k)?.getTextContent()?.style?.text ?? null),
      };
    },
    { i: id, s: seriesIndex },
  );

const require = createRequire(join(webDir, 'package.json'));
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe violations of the page, as readable lines. */
async function seriousViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')}`);
}

/** Nothing wider than the screen: the page does not scroll sideways, no panel sticks out. */
const overflow = (page) =>
  page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    outside: [...document.querySelectorAll('.panel, .table-scroll, .stat, .target, .chart')]
      .filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => el.id || el.className),
    // Panels of one grid that overlap each other.
    overlapping: (() => {
      const boxes = [...document.querySelectorAll('#view .panel')].filter((el) => el.getClientRects().length).map((el) => [el.id || el.className, el.getBoundingClientRect()]);
      const out = [];
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const [a, x] = boxes[i];
          const [b, y] = boxes[j];
          if (x.left < y.right - 1 && y.left < x.right - 1 && x.top < y.bottom - 1 && y.top < x.bottom - 1) out.push(`${a} × ${b}`);
        }
      }
      return out;
    })(),
  }));

/** Opens `hash` on `page` and waits for `ready` in the new view (and its charts). */
async function open(page, hash, ready) {
  const { server } = await suite();
  await markStale(page);
  const url = `${server.baseUrl}/${hash}`;
  // Going to the URL the page is on changes nothing: load it anew then.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.waitForSelector(`#view:not([data-stale]) ${ready}`);
  await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => c.dataset.rendered === '1'));
}

/** GET a v2 endpoint; null when the server does not have it yet (404). */
async function optionalGet(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(p);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${p}: HTTP ${response.status}`);
    return response.json();
  }, path);
}

let server;
let admin;
let report;

describe('steering panels (issues #12, #15, #20)', () => {
  before(async () => {
    ({ server } = await suite());
    admin = await signedInPage(server.users.admin, { hash: `#/cockpit?period=${period}` });
    await openCockpit(admin, period);
    report = await apiGet(admin, `/api/report?period=${period}`);
  });

  test('campaigns: bars against time progress on the cockpit equal the report; lagging count', async () => {
    await openCockpit(admin, period);
    const campaigns = report.campaigns ?? [];
    if (campaigns.length === 0) {
      assert.match(await text(admin, 'chart-campaigns-empty'), /暂无攻坚行动/);
    } else {
      const { labels } = await barLabels(admin, 'chart-campaigns');
      const expected = campaigns.flatMap((c) => [
        isNumber(c.planned_investment)
          ? `${isNumber(c.investment_progress) ? `${rate(c.investment_progress)} · ` : ''}${yi(c.investment)}/${yi(c.planned_investment)} 亿元`
          : `${yi(c.investment)} 亿元`,
        isNumber(c.planned_starts) ? `${count(c.actual_starts)}/${count(c.planned_starts)}` : count(c.actual_starts),
        isNumber(c.planned_completions) ? `${count(c.actual_completions)}/${count(c.planned_completions)}` : count(c.actual_completions),
      ]);
      assert.deepEqual(labels, expected, 'campaign bar labels');
      const times = await admin.locator('[data-testid="campaign-time"]').allInnerTexts();
      assert.deepEqual(times, campaigns.map((c) => `时间进度 ${rate(c.time_progress)}`));
      // The time-progress line runs through each campaign's bars at its time progress.
      const line = await admin.evaluate(() => document.getElementById('chart-campaigns').zhizaoChart.getOption().series[1].data);
      const xs = [...new Set(line.map((p) => p[0]).filter((x) => x !== null))];
      assert.deepEqual(xs, [...new Set(campaigns.map((c) => c.time_progress))]);
      // Its table: the same figures.
      await admin.click('[data-testid="chart-campaigns-toggle"]');
      const cells = await admin.locator('[data-testid="chart-campaigns-table"] tbody tr td:nth-child(6)').allInnerTexts();
      assert.deepEqual(cells.filter((x) => x), campaigns.map((c) => rate(c.time_progress)));
      await admin.click('[data-testid="chart-campaigns-toggle"]');
    }
    const lagging = await admin.locator('[data-testid="cockpit-lagging"]');
    if (Array.isArray(report.projects.lagging)) {
      assert.equal(await lagging.getAttribute('data-count'), String(report.projects.lagging.length));
      assert.equal(await lagging.innerText(), `滞后项目 ${count(report.projects.lagging.length)} 个`);
    } else {
      assert.match(await lagging.innerText(), /暂无/);
    }
    await admin.locator('#panel-camp').screenshot({ path: shot('steering-cockpit-campaigns') });
    assert.deepEqual(admin.errors, []);
  });

  test('lagging projects: sortable list on the projects view, days late as the report, rows open the project', async () => {
    // The cockpit's count opens the list.
    if (Array.isArray(report.projects.lagging)) {
      await openCockpit(admin, period);
      await markStale(admin);
      await admin.click('[data-testid="cockpit-lagging"]');
      await admin.waitForSelector('#view:not([data-stale]) [data-testid="lagging-table"]');
      assert.match(admin.url(), /#\/projects\?period=2021-04&show=lagging$/);
    }
    await open(admin, `#/projects?period=${period}`, '[data-testid="lagging-table"]');
    const ids = report.projects.lagging ?? [];
    const rows = admin.locator('[data-testid="lagging-table"] tbody tr[data-index]');
    assert.equal(await rows.count(), ids.length);
    assert.equal(await admin.getAttribute('[data-testid="lagging-count"]', 'data-count'), Array.isArray(report.projects.lagging) ? String(ids.length) : '');
    if (ids.length === 0) {
      assert.match(await admin.locator('[data-testid="lagging-table"] tbody').innerText(), /暂无滞后项目/);
    } else {
      // Days late: the report's, largest first.
      const details = report.lagging_projects ?? [];
      const shownDays = (await admin.locator('[data-testid="lagging-table"] tbody tr td:nth-child(2)').allInnerTexts()).map((x) => x.trim());
      if (details.length) {
        const expected = details.map((x) => x.days_late).sort((a, b) => b - a).map(count);
        assert.deepEqual(shownDays, expected);
      }
      const numbersOf = (list) => list.map((x) => Number(x.replace(/,/g, '')));
      assert.deepEqual(numbersOf(shownDays), numbersOf(shownDays).slice().sort((a, b) => b - a));
      // Sorting by county, park, chain and division (Enter on the header button).
      for (const key of ['regionName', 'park', 'chain', 'division', 'days']) {
        await admin.locator(`[data-testid="lagging-table"] th[data-key="${key}"] button.sort`).focus();
        await admin.keyboard.press('Enter');
        const sort = await admin.getAttribute(`[data-testid="lagging-table"] th[data-key="${key}"]`, 'aria-sort');
        assert.ok(['ascending', 'descending'].includes(sort), key);
      }
      await admin.locator('#panel-lagging').screenshot({ path: shot('steering-lagging') });
      // A row opens its project (the existing project route).
      const first = rows.first();
      const name = (await first.locator('td').first().innerText()).trim();
      await markStale(admin);
      await first.focus();
      await admin.keyboard.press('Enter');
      await admin.waitForSelector('#view:not([data-stale]) [data-testid="project-name"]');
      assert.match(admin.url(), /#\/projects\/[^/?]+/);
      assert.equal((await text(admin, 'project-name')).trim(), name);
    }
    // The campaigns on the projects view: the same labels as the cockpit.
    await open(admin, `#/projects?period=${period}`, '[data-testid="lagging-table"]');
    if ((report.campaigns ?? []).length) {
      const onProjects = await barLabels(admin, 'projects-campaigns');
      await openCockpit(admin, period);
      const onCockpit = await barLabels(admin, 'chart-campaigns');
      assert.deepEqual(onProjects.labels, onCockpit.labels);
      await open(admin, `#/projects?period=${period}`, '[data-testid="lagging-table"]');
    }
    await admin.locator('#panel-campaigns').screenshot({ path: shot('steering-projects-campaigns') });
    assert.deepEqual(admin.errors, []);
  });

  test('targets: a bullet chart per target, current, progress and paces equal the report', async () => {
    await open(admin, `#/steering?period=${period}`, '[data-testid="steering-title"]');
    const targets = report.targets ?? [];
    if (targets.length === 0) {
      assert.match(await text(admin, 'chart-targets-empty'), /暂无目标/);
    } else {
      assert.equal(await admin.locator('[data-testid="target"]').count(), targets.length);
      const amountOf = (target, v) => (/enterprises_over$/.test(target.indicator ?? '') ? `${count(v)} 家` : `${yi(v)} 亿元`);
      const currents = await admin.locator('[data-testid="target-current"]').allInnerTexts();
      assert.deepEqual(currents, targets.map((x) => amountOf(x, x.current)));
      for (const [i, target] of targets.entries()) {
        const progress = await barLabels(admin, `chart-targets-${i}`, 0);
        assert.deepEqual(progress.labels, [isNumber(target.progress) ? rate(target.progress) : null], `${target.id} progress`);
        const pace = await barLabels(admin, `chart-targets-${i}`, 1);
        assert.deepEqual(
          pace.labels,
          [target.pace_needed, target.pace_achieved].map((v) => (isNumber(v) ? rate(v) : null)),
          `${target.id} paces`,
        );
      }
      await admin.click('[data-testid="chart-targets-toggle"]');
      const rows = await admin.locator('[data-testid="chart-targets-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
      assert.deepEqual(
        rows.map((r) => r.slice(3)),
        targets.map((x) => [rate(x.progress), rate(x.pace_needed), rate(x.pace_achieved)]),
      );
      await admin.click('[data-testid="chart-targets-toggle"]');
    }
    await admin.locator('#panel-targets').screenshot({ path: shot('steering-targets') });
    assert.deepEqual(admin.errors, []);
  });

  test('targets and warnings in English (the server\'s English reasons)', async () => {
    const page = await signedInPage(server.users.admin, { lang: 'en', hash: `#/steering?period=${period}` });
    await page.waitForSelector('[data-testid="steering-title"]');
    await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => c.dataset.rendered === '1'));
    assert.match(await page.locator('#panel-targets h2').innerText(), /Targets/);
    const headers = await page.locator('#view th').allInnerTexts();
    assert.deepEqual(headers.filter((h) => /[\u3400-\u9fff]/.test(h)), [], 'English headers');
    const answer = await optionalGet(page, `/api/warnings?period=${period}`);
    if (answer?.warnings.length) {
      const reasons = await page.locator('[data-testid="warnings-table"] tbody .reason-text').allInnerTexts();
      assert.deepEqual(reasons.slice().sort(), answer.warnings.map((w) => w.reason_en || w.reason).sort());
    }
    await page.locator('#panel-targets').screenshot({ path: shot('steering-targets-en') });
    await page.locator('#panel-warnings').screenshot({ path: shot('steering-warnings-en') });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('warnings: the panel lists /api/warnings with a filter by level; key-enterprise badges come from it', async () => {
    const answer = await optionalGet(admin, `/api/warnings?period=${period}`);
    await open(admin, `#/steering?period=${period}`, '[data-testid="steering-title"]');
    if (!answer) {
      assert.match(await text(admin, 'warnings-empty'), /暂无预警/);
    } else {
      const warnings = answer.warnings;
      const rows = admin.locator('[data-testid="warnings-table"] tbody tr[class*="warn-"]');
      assert.equal(await rows.count(), warnings.length);
      const names = { red: '一级', orange: '二级', yellow: '三级', blue: '四级' };
      for (const level of ['red', 'orange', 'yellow', 'blue']) {
        const expected = warnings.filter((w) => w.level === level);
        await admin.click(`[data-testid="warnings-filter-${level}"]`);
        assert.equal(await admin.getAttribute(`[data-testid="warnings-filter-${level}"]`, 'aria-pressed'), 'true');
        const badges = await admin.locator('[data-testid="warnings-table"] tbody .badge-level').allInnerTexts();
        assert.deepEqual(badges, expected.map(() => names[level]), level);
        const reasons = await admin.locator('[data-testid="warnings-table"] tbody .reason-text').allInnerTexts();
        assert.deepEqual(reasons.slice().sort(), expected.map((w) => w.reason).sort(), `${level} reasons`);
        if (expected.length) await admin.locator('#panel-warnings').screenshot({ path: shot(`steering-warnings-${level}`) });
      }
      await admin.click('[data-testid="warnings-filter-all"]');
      // A subject opens its page.
      const link = admin.locator('[data-testid="warnings-table"] [data-testid="warning-subject"]').first();
      if (await link.count()) {
        const href = await link.getAttribute('href');
        assert.match(href, /^#\/(enterprise|detail|projects|steering)/);
      }
    }
    await admin.locator('#panel-warnings').screenshot({ path: shot('steering-warnings') });

    // The key enterprises' badges on the cockpit: the level of each one's most severe warning.
    await openCockpit(admin, period);
    const order = ['red', 'orange', 'yellow', 'blue'];
    const expected = new Map();
    for (const w of answer?.warnings ?? []) {
      if (w.subject?.kind !== 'enterprise') continue;
      const now = expected.get(w.subject.id);
      if (!now || order.indexOf(w.level) < order.indexOf(now)) expected.set(w.subject.id, w.level);
    }
    const shown = await admin.locator('[data-testid="key-table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('[data-uscc]')?.dataset.uscc, tr.querySelector('.badge')?.dataset.level ?? null]),
    );
    assert.equal(shown.length, report.key_enterprises.enterprises.length);
    for (const [uscc, level] of shown) assert.equal(level, expected.get(uscc) ?? 'none', uscc);
    if (answer) {
      assert.equal(await admin.locator('[data-testid="cockpit-warnings-table"] tbody tr[class*="warn-"]').count(), answer.warnings.length);
    } else {
      assert.match(await text(admin, 'cockpit-warnings-empty'), /暂无预警/);
    }
    await admin.locator('#panel-warn').screenshot({ path: shot('steering-cockpit-warnings') });
    // No threshold of its own: the dashboard's code has no growth bands for the badges.
    const source = readFileSync(join(webDir, 'src/panels/key-enterprises.js'), 'utf8');
    assert.doesNotMatch(source, /growth\s*<\s*\d|warningLevel\s*\(/);
    assert.deepEqual(admin.errors, []);
  });

  test('products: quantity (in 万 as the report) and growth per product; a product opens its enterprises', async () => {
    await open(admin, `#/steering?period=${period}`, '[data-testid="steering-title"]');
    const products = (report.products ?? []).filter((x) => x.enterprises > 0);
    if (products.length === 0) {
      assert.match(await text(admin, 'products-empty'), /暂无产品产量数据/);
    } else {
      const { categories, labels } = await barLabels(admin, 'chart-products');
      const ranked = products.slice().reverse();
      assert.deepEqual(categories, ranked.map((x) => x.name));
      assert.deepEqual(
        labels,
        ranked.map((x) => `${quantityZh(x.quantity, x.unit)} · ${rate(x.growth)}`),
      );
      await admin.click('[data-testid="chart-products-toggle"]');
      const rows = await admin.locator('[data-testid="chart-products-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
      assert.deepEqual(
        rows,
        products.map((x) => [x.name, quantityZh(x.quantity, x.unit), rate(x.growth), quantityZh(x.daily_average, x.unit), count(x.enterprises)]),
      );
      await admin.locator('#panel-products').screenshot({ path: shot('steering-products-table') });
      // A product's row link opens its enterprises.
      await markStale(admin);
      await admin.locator('[data-testid="chart-products-table"] tbody tr a').first().click();
      await admin.waitForSelector('#view:not([data-stale]) [data-testid="product-title"], #view:not([data-stale]) [data-testid="product-empty"]');
      assert.match(admin.url(), /#\/product\//);
      if (await admin.locator('[data-testid="product-title"]').count()) {
        const first = products[0];
        assert.equal(await text(admin, 'product-quantity'), quantityZh(first.quantity, first.unit));
        assert.equal(await text(admin, 'product-growth'), rate(first.growth));
        const detail = await optionalGet(admin, `/api/products/${encodeURIComponent(first.code)}?period=${period}&window=cumulative`);
        const list = [detail?.enterprises, detail?.rows].find(Array.isArray) ?? [];
        assert.equal(await admin.locator('[data-testid="product-table"] tbody tr[data-index]').count(), list.length);
        await admin.screenshot({ path: shot('steering-product'), fullPage: true });
      }
    }
    await open(admin, `#/steering?period=${period}`, '[data-testid="steering-title"]');
    await admin.locator('#panel-products').screenshot({ path: shot('steering-products') });
    assert.deepEqual(admin.errors, []);
  });

  test('data quality: open findings per county and division, evidence charted, verified with a note', async () => {
    const answer = await optionalGet(admin, `/api/quality?period=${period}`);
    await open(admin, `#/quality?period=${period}`, '[data-testid="quality-title"]');
    if (!answer) {
      assert.match(await text(admin, 'quality-empty'), /暂无数据质量核查结果/);
      await admin.screenshot({ path: shot('steering-quality'), fullPage: true });
      return;
    }
    const open_ = answer.findings.filter((f) => f.status !== 'verified');
    const rows = admin.locator('[data-testid="quality-table"] tbody tr[data-index]');
    assert.equal(await rows.count(), open_.length);
    const byRegion = new Map();
    for (const f of open_) byRegion.set(f.region ?? '', (byRegion.get(f.region ?? '') ?? 0) + 1);
    const counts = (await admin.locator('[data-testid="quality-by-region"] tbody tr[data-index] td:nth-child(2)').allInnerTexts()).map(Number);
    assert.deepEqual(counts.slice().sort((a, b) => b - a), [...byRegion.values()].sort((a, b) => b - a));
    await admin.screenshot({ path: shot('steering-quality'), fullPage: true });
    if (open_.length === 0) return;
    // A finding opens its evidence: the enterprise's series, the months concerned marked.
    await rows.first().click();
    await admin.waitForSelector('[data-testid="finding"]:not([hidden]) [data-testid="finding-reason"]');
    await admin.waitForFunction(() => document.getElementById('chart-finding')?.dataset.rendered === '1');
    await admin.locator('[data-testid="finding"]').screenshot({ path: shot('steering-quality-evidence') });
    // Evidence words are words, not the JSON's keys (electricity_source: daily → 用电量来源: 按日读数合计).
    const labels = admin.locator('[data-testid="finding"] [data-testid="finding-labels"]');
    if (await labels.count()) assert.doesNotMatch(await labels.innerText(), /electricity_source/);
    // Verified with a note: the row leaves the open list.
    const before = await rows.count();
    await admin.fill('[data-testid="verify-note"]', '已电话核实：订单集中交付（测试）');
    await admin.click('[data-testid="verify-submit"]');
    // The view draws itself anew from the server's answer.
    await admin.waitForFunction((n) => document.querySelectorAll('[data-testid="quality-table"] tbody tr[data-index]').length === n - 1, before);
    await admin.click('[data-testid="quality-show-verified"]');
    assert.equal(await rows.count(), before);
    assert.equal(await admin.locator('[data-testid="quality-table"] [data-testid="finding-status"]', { hasText: '已核实' }).count(), answer.findings.length - open_.length + 1);
    const after = await optionalGet(admin, `/api/quality?period=${period}`);
    assert.equal(after.findings.filter((f) => f.status !== 'verified').length, before - 1);
    assert.deepEqual(admin.errors, []);
  });

  test('a county user sees its county\'s warnings and findings', async () => {
    const page = await signedInPage(server.users.county, { hash: `#/steering?period=${period}` });
    await page.waitForSelector('[data-testid="steering-title"]');
    const answer = await optionalGet(page, `/api/warnings?period=${period}`);
    if (answer) {
      assert.equal(await page.locator('[data-testid="warnings-table"] tbody tr[class*="warn-"]').count(), answer.warnings.length);
    }
    await page.screenshot({ path: shot('steering-county'), fullPage: true });
    await open(page, `#/quality?period=${period}`, '[data-testid="quality-title"]');
    const quality = await optionalGet(page, `/api/quality?period=${period}`);
    if (quality) {
      for (const f of quality.findings) assert.equal(f.region, server.county, 'a county user sees its own county');
      assert.equal(await page.locator('[data-testid="quality-table"] tbody tr[data-index]').count(), quality.findings.filter((f) => f.status !== 'verified').length);
    }
    await page.screenshot({ path: shot('steering-county-quality'), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('layouts: phone (375 px), desktop and wall screen neither cut nor overlap the new panels', async () => {
    // Phone: the cockpit, projects, steering and quality views stay within the screen.
    const phone = await signedInPage(server.users.admin, { width: 375, height: 812, hash: `#/cockpit?period=${period}` });
    await openCockpit(phone, period);
    for (const [hash, ready, name] of [
      [`#/cockpit?period=${period}`, '[data-testid="cockpit-period"]', 'cockpit'],
      [`#/projects?period=${period}`, '[data-testid="lagging-table"]', 'projects'],
      [`#/steering?period=${period}`, '[data-testid="steering-title"]', 'steering'],
      [`#/quality?period=${period}`, '[data-testid="quality-title"]', 'quality'],
    ]) {
      await open(phone, hash, ready);
      const seen = await overflow(phone);
      assert.equal(seen.width, 375, `${name}: the page does not scroll sideways`);
      assert.deepEqual(seen.outside, [], `${name}: nothing sticks out`);
      assert.deepEqual(seen.overlapping, [], `${name}: no panels overlap`);
      await phone.screenshot({ path: shot(`steering-phone-${name}`), fullPage: true });
    }
    assert.deepEqual(phone.errors, []);
    await phone.context().close();

    // Desktop: the cockpit's and the steering view's panels do not overlap.
    for (const hash of [`#/cockpit?period=${period}`, `#/steering?period=${period}`]) {
      await open(admin, hash, 'h1');
      const seen = await overflow(admin);
      assert.deepEqual(seen.overlapping, [], hash);
      assert.ok(seen.width <= 1440, hash);
    }
    await admin.screenshot({ path: shot('steering-desktop'), fullPage: true });

    // Wall: the campaigns and warnings panels on the one screen, with the others.
    const wall = await signedInPage(server.users.admin, { width: 1920, height: 1080, hash: `#/cockpit?period=${period}` });
    await openCockpit(wall, period, false, '?screen=wall');
    const panels = await wall.evaluate(() =>
      ['parks', 'chains', 'map', 'growth', 'pull', 'trend', 'projects', 'key', 'camp', 'warn'].map((area) => {
        const box = document.getElementById(`panel-${area}`).getBoundingClientRect();
        return { area, visible: box.width > 100 && box.height > 100 && box.bottom <= window.innerHeight + 1 && box.right <= window.innerWidth + 1 };
      }),
    );
    assert.deepEqual(panels.filter((x) => !x.visible), []);
    assert.ok((await wall.evaluate(() => document.documentElement.scrollHeight)) <= 1080);
    assert.deepEqual((await overflow(wall)).overlapping, []);
    await wall.screenshot({ path: shot('steering-wall') });
    assert.deepEqual(wall.errors, []);
    await wall.context().close();
  });

  test('accessibility: axe on the steering, quality and projects views; keyboard reaches filters and rows', async () => {
    const found = {};
    for (const [hash, ready, name] of [
      [`#/steering?period=${period}`, '[data-testid="steering-title"]', 'steering'],
      [`#/quality?period=${period}`, '[data-testid="quality-title"]', 'quality'],
      [`#/projects?period=${period}`, '[data-testid="lagging-table"]', 'projects'],
      [`#/cockpit?period=${period}`, '[data-testid="cockpit-period"]', 'cockpit'],
    ]) {
      const page = await signedInPage(server.users.admin, { hash, bypassCSP: true });
      await page.waitForSelector(ready);
      await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => c.dataset.rendered === '1'));
      const violations = await seriousViolations(page);
      if (violations.length) found[name] = violations;
      await page.context().close();
    }
    assert.deepEqual(found, {});

    // The level filter is reached and used with the keyboard.
    await open(admin, `#/steering?period=${period}`, '[data-testid="steering-title"]');
    if (await admin.locator('[data-testid="warnings-filter-red"]').count()) {
      await admin.locator('[data-testid="warnings-filter-red"]').focus();
      await admin.keyboard.press('Enter');
      assert.equal(await admin.getAttribute('[data-testid="warnings-filter-red"]', 'aria-pressed'), 'true');
    }
    assert.deepEqual(admin.errors, []);
  });
});
