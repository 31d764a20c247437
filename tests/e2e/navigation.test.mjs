// Issue #18, items 4, 5, 9 and 11 (English, phone, 大屏): the trend follows the 当月 window; "‹ 返回"
// works under the page's content security policy; a period without data says so instead of
// showing another; English mode has no Chinese title; the phone (390×844) clips nothing; the
// wall screen (1920×1080) shows parks and chains. Run alone or through dashboard.test.mjs:
//   node tests/e2e/navigation.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { chartsDrawn } from './browser.mjs';
import { apiGet, markStale, openCockpit, shot, signedInPage, suite, text } from './fixture.mjs';
import { rounded } from './rounding.mjs';

const cjk = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** The hrefs and inline handlers a CSP of script-src 'self' refuses, anywhere in the page. */
const scriptInMarkup = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes]
        .filter((a) => /^on/i.test(a.name) || (/^(href|src|action)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)))
        .map((a) => `${el.tagName}[${a.name}=${a.value}]`),
    ),
  );

let server;
let admin;

describe('navigation (issue #18, items 4, 5, 9, 11)', () => {
  before(async () => {
    ({ server } = await suite());
    admin = await signedInPage(server.users.admin, { hash: '#/cockpit?period=2021-04' });
  });

  test('item 4: in 当月 the trend chart is the monthly series, in 累计 the cumulative one', async () => {
    for (const monthly of [true, false]) {
      await openCockpit(admin, '2021-04', monthly);
      const trend = await apiGet(admin, `/api/trend?period=2021-04&months=24${monthly ? '&monthly=1' : ''}`);
      const drawn = await admin.evaluate(() => document.querySelector('#chart-trend').zhizaoChart.getOption().series[0].data);
      const expected = trend.points.slice(trend.points.findIndex((x) => x.value_added_growth !== null)).map((x) => x.value_added_growth);
      assert.deepEqual(drawn, expected);
      assert.match(await admin.locator('#panel-trend h2').innerText(), monthly ? /当月/ : /累计/);
      // The table beside the chart shows this period's figure as the card does.
      const card = (await text(admin, 'card-value-added')).trim();
      await admin.click('[data-testid="chart-trend-toggle"]');
      const firstRow = await admin.locator('[data-testid="chart-trend-table"] tbody tr').first().locator('td').allInnerTexts();
      assert.match(firstRow[0], monthly ? /^2021年4月$/ : /^2021年1-4月$/);
      assert.equal(firstRow[1], card);
      await admin.screenshot({ path: shot(`item4-trend-${monthly ? 'monthly' : 'cumulative'}`) });
      await admin.click('[data-testid="chart-trend-toggle"]');
    }
    const monthly = await apiGet(admin, '/api/trend?period=2021-04&months=24&monthly=1');
    const cumulative = await apiGet(admin, '/api/trend?period=2021-04&months=24');
    assert.notEqual(monthly.points.at(-1).value_added_growth, cumulative.points.at(-1).value_added_growth);
    assert.deepEqual(admin.errors, []);
  });

  for (const [width, height, name] of [[1440, 900, 'desktop'], [390, 844, 'phone']]) {
    test(`item 5: "‹ 返回" on an enterprise page goes back, no CSP violation (${name})`, async () => {
      const page = await signedInPage(server.users.admin, { width, height, hash: '#/detail/divisions/34?period=2021-04' });
      await page.waitForSelector('[data-testid="detail-table"] tbody tr');
      await chartsDrawn(page);
      await markStale(page);
      await page.locator('[data-testid="detail-table"] tbody tr').first().click();
      await page.waitForSelector('#view:not([data-stale]) [data-testid="months-table"]');
      assert.deepEqual(await scriptInMarkup(page), []);
      assert.match(await page.getAttribute('[data-testid="back"]', 'href'), /^#\/detail\/divisions\/34\?period=2021-04$/);
      await chartsDrawn(page);
      await page.screenshot({ path: shot(`item5-enterprise-${name}`) });
      await page.click('[data-testid="back"]');
      await page.waitForSelector('[data-testid="detail-table"] tbody tr');
      assert.match(page.url(), /#\/detail\/divisions\/34\?period=2021-04$/);
      // With the keyboard too: focus the link, press Enter.
      await page.locator('[data-testid="detail-table"] tbody tr').first().click();
      await page.waitForSelector('[data-testid="months-table"]');
      await page.focus('[data-testid="back"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="detail-table"] tbody tr');
      assert.deepEqual(page.cspViolations, []);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

  test('item 9: a period without data says so and offers the latest, in Chinese and English', async () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const cumulative = (period, lang) => {
      const [y, m] = period.split('-').map(Number);
      return lang === 'zh' ? `${y}年1-${m}月` : `Jan–${months[m - 1]} ${y}`;
    };
    for (const lang of ['zh', 'en']) {
      const page = await signedInPage(server.users.admin, { lang, hash: '#/cockpit?period=2021-12' });
      await page.waitForSelector('[data-testid="period-notice"]');
      // The latest month with data (the submission tests may have published one after 2021-06).
      const { latest } = await apiGet(page, '/api/periods');
      assert.ok(latest < '2021-12');
      const notice = await text(page, 'period-notice');
      assert.match(notice, lang === 'zh' ? /2021年1-12月 没有数据/ : /no figures for Jan–Dec 2021/);
      assert.ok(notice.includes(cumulative(latest, lang)), notice);
      assert.equal(await page.locator('#cards, .card, .chart').count(), 0, 'no figures of another period');
      const selected = await page.evaluate(() => document.querySelector('#period-select').selectedOptions[0].textContent);
      assert.match(selected, /2021-12/);
      await page.screenshot({ path: shot(`item9-no-data-${lang}`) });
      await page.click('[data-testid="period-instead"]');
      await page.waitForFunction((p) => document.querySelector('[data-testid="cockpit-period"]')?.dataset.period === p, latest);
      assert.ok(page.url().endsWith(`period=${latest}`));

      // January is released with February; a detail page says the same.
      await page.goto(`${server.baseUrl}/#/detail/divisions/34?period=2021-01`);
      await page.waitForSelector('[data-testid="period-notice"]');
      assert.match(await text(page, 'period-notice'), lang === 'zh' ? /1月数据与2月合并/ : /released with February/);
      assert.match(await page.getAttribute('[data-testid="period-instead"]', 'href'), /period=2021-02/);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test('item 4 (#18): the cockpit opens on `latest` and shows 已报 reported/expected of months[]; the picker marks incomplete months', async () => {
    const page = await signedInPage(server.users.admin, { hash: '#/cockpit' });
    const periods = await apiGet(page, '/api/periods');
    assert.ok(periods.latest, 'the demo has a publishable month');
    await page.waitForFunction((p) => document.querySelector('#view [data-testid="cockpit-period"]')?.dataset.period === p, periods.latest);
    for (const period of [periods.latest, '2021-04']) {
      if (period !== periods.latest) await openCockpit(page, period);
      const month = periods.months.find((m) => m.period === period);
      const reported = page.locator('[data-testid="cockpit-reported"]');
      assert.equal(await reported.getAttribute('data-reported'), String(month.reported));
      assert.equal(await reported.getAttribute('data-expected'), String(month.expected));
      const shown = (await reported.innerText()).replace(/,/g, '');
      assert.ok(shown.includes(`已报 ${month.reported}/${month.expected}`), shown);
      assert.equal(await page.locator('[data-testid="cockpit-incomplete"]').count(), month.publishable ? 0 : 1);
    }
    // The picker: every month whose months[] entry is not publishable says 数据未齐, no other does.
    const options = await page.evaluate(() =>
      [...document.querySelectorAll('#period-select option')].filter((o) => o.value).map((o) => ({ value: o.value, text: o.textContent })),
    );
    assert.ok(options.length > 0);
    for (const o of options) {
      const month = periods.months.find((m) => m.period === o.value);
      assert.equal(o.text.includes('数据未齐'), month.publishable === false, `${o.value}: ${o.text}`);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('items 1-3 (#18): the project list totals are the cockpit\'s; a project shows the badges of its row', async () => {
    const page = await signedInPage(server.users.admin, { hash: '#/cockpit?period=2021-04' });
    await openCockpit(page, '2021-04');
    const report = await apiGet(page, '/api/report?period=2021-04');
    const p = report.projects;
    // The cockpit's bar text: actual / year plan for starts and completions.
    const bar = (await page.evaluate(() => document.getElementById('chart-projects').zhizaoChart.getZr().storage.getDisplayList(true).map((d) => d.style?.text ?? '').join(' ')));
    assert.ok(bar.includes(`${p.actual_starts}/${p.year_planned_starts}`), bar);
    assert.ok(bar.includes(`${p.actual_completions}/${p.year_planned_completions}`), bar);
    // The facts line names the due-by-now count as such, never as 计划 beside the year plan.
    const facts = await page.locator('#project-facts').innerText();
    assert.ok(facts.includes(`截至本期应开工 ${p.planned_starts}`), facts);
    assert.ok(!/计划 \d/.test(facts), facts);

    await markStale(page);
    await page.goto(`${server.baseUrl}/#/projects?period=2021-04`);
    await page.waitForSelector('#view:not([data-stale]) [data-testid="projects-table"] tbody tr');
    const list = await apiGet(page, '/api/projects?period=2021-04');
    assert.deepEqual(list.totals, p);
    const share = (v) => `${rounded(v, 1)}%`;
    assert.equal(await text(page, 'projects-starts'), `${p.actual_starts} / ${p.year_planned_starts}（${share(p.start_share)}）`);
    assert.equal(await text(page, 'projects-completions'), `${p.actual_completions} / ${p.year_planned_completions}（${share(p.completion_share)}）`);
    assert.equal(await text(page, 'projects-starts-due'), String(p.planned_starts));
    assert.equal(await text(page, 'projects-completions-due'), String(p.planned_completions));

    // Red badges are the server's overdue flags, row by row.
    const rows = page.locator('[data-testid="projects-table"] tbody tr');
    const names = await rows.locator('td:first-child').allInnerTexts();
    const badges = await rows.locator('[data-testid="project-row-badges"]').allInnerTexts();
    const byName = new Map(list.projects.map((x) => [x.name, x]));
    const overdue = (x) => [!x.started_in_window && x.start_overdue && '应开未开', !x.completed_in_window && x.completion_overdue && '应竣未竣'].filter(Boolean);
    names.forEach((n, i) => {
      const x = byName.get(n.trim());
      const red = badges[i].split(/\s+/).filter((b) => b.startsWith('应'));
      assert.deepEqual(red, overdue(x), n);
    });
    // A project with a red badge shows on its own page the badges of its row.
    const index = badges.findIndex((b) => /应竣未竣|应开未开/.test(b));
    assert.ok(index >= 0, 'the demo has an overdue project');
    await markStale(page);
    await rows.nth(index).click();
    await page.waitForSelector('#view:not([data-stale]) [data-testid="project-badges"]');
    assert.equal((await text(page, 'project-name')).trim(), names[index].trim());
    assert.equal((await text(page, 'project-badges')).trim(), badges[index].trim() || '—');
    await page.screenshot({ path: shot('issue18-project-badges') });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('item 11: English mode has no Chinese in titles, headers, buttons and labels', async () => {
    const page = await signedInPage(server.users.admin, { lang: 'en', hash: '#/cockpit?period=2021-04' });
    await openCockpit(page, '2021-04');
    const chineseIn = (selector) =>
      page.evaluate(
        // The language button names the other language in that language (lang="zh-CN").
        ({ s, re }) =>
          [...document.querySelectorAll(s)]
            .filter((el) => !el.closest('[lang]')?.lang.startsWith('zh'))
            .map((el) => el.innerText.trim())
            .filter((x) => new RegExp(re).test(x)),
        { s: selector, re: cjk.source },
      );
    const titles = 'h1, h2, th, button, label, nav a, .card-title, .card-measure, .card-line, .stat span, .muted, .page-footer, .facts';
    assert.deepEqual(await chineseIn(titles), []);
    // Chart texts other than data names (parks, chains: registered in Chinese only).
    const chartTexts = await page.evaluate(() =>
      ['chart-trend', 'chart-projects', 'chart-map', 'chart-rank', 'chart-growth', 'chart-pull'].flatMap((id) =>
        document.getElementById(id).zhizaoChart.getZr().storage.getDisplayList(true).map((d) => d.style?.text ?? ''),
      ),
    );
    assert.deepEqual(chartTexts.filter((x) => cjk.test(x)), []);
    await page.screenshot({ path: shot('item11-cockpit-en'), fullPage: true });
    await page.goto(`${server.baseUrl}/#/detail/divisions/34?period=2021-04`);
    await page.waitForSelector('[data-testid="detail-table"] tbody tr');
    assert.match(await text(page, 'detail-title'), /^Division detail · 34 General machinery$/);
    assert.deepEqual(await chineseIn('h1, h2, th, .stat span, .muted'), []);
    await page.goto(`${server.baseUrl}/#/review?state=all`);
    await page.waitForSelector('.subhead h1');
    assert.deepEqual(await chineseIn('h1, h2, th, nav a, button'), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('item 11: on a phone (390×844) nothing is wider than the screen and no card value is clipped', async () => {
    for (const lang of ['zh', 'en']) {
      const page = await signedInPage(server.users.admin, { width: 390, height: 844, lang, hash: '#/cockpit?period=2021-04' });
      await openCockpit(page, '2021-04');
      const layout = () =>
        page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          clipped: [...document.querySelectorAll('.card-value, .card-line, .card-title, .card-measure, .stat b')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .map((el) => el.textContent),
          outside: [...document.querySelectorAll('.panel, .card, .table-scroll, .stat')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .map((el) => el.className),
          flat: [...document.querySelectorAll('.chart')].filter((el) => el.clientHeight < 200).map((el) => el.id),
        }));
      let seen = await layout();
      assert.equal(seen.width, 390, 'the page does not scroll sideways');
      assert.deepEqual(seen.clipped, []);
      assert.deepEqual(seen.outside, []);
      assert.deepEqual(seen.flat, [], 'every chart has its height');
      await page.screenshot({ path: shot(`item11-phone-cockpit-${lang}`), fullPage: true });
      await page.goto(`${server.baseUrl}/#/detail/key-enterprises/all?period=2021-04`);
      await page.waitForSelector('[data-testid="detail-table"] tbody tr');
      await chartsDrawn(page);
      seen = await layout();
      assert.equal(seen.width, 390);
      assert.deepEqual(seen.clipped, []);
      assert.deepEqual(seen.outside, []);
      assert.deepEqual(seen.flat, [], 'every chart has its height');
      await page.screenshot({ path: shot(`item11-phone-detail-${lang}`), fullPage: true });
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test('item 11: the wall screen (1920×1080) shows parks and chains on one screen', async () => {
    for (const lang of ['zh', 'en']) {
      const page = await signedInPage(server.users.admin, { width: 1920, height: 1080, lang, hash: '#/cockpit?period=2021-04' });
      await openCockpit(page, '2021-04', false, '?screen=wall');
      assert.ok(await page.evaluate(() => document.body.classList.contains('wall')));
      const panels = await page.evaluate(() =>
        ['parks', 'chains', 'map', 'growth', 'pull', 'trend', 'projects', 'key'].map((area) => {
          const box = document.getElementById(`panel-${area}`).getBoundingClientRect();
          return { area, visible: box.width > 100 && box.height > 100 && box.bottom <= window.innerHeight + 1 && box.right <= window.innerWidth + 1 };
        }),
      );
      assert.deepEqual(panels.filter((x) => !x.visible), []);
      for (const id of ['chart-parks', 'chart-chains']) {
        const bars = await page.evaluate((i) => document.getElementById(i).zhizaoChart.getOption().series[0].data.length, id);
        assert.ok(bars > 5, `${id} has its bars`);
      }
      assert.ok((await page.evaluate(() => document.documentElement.scrollHeight)) <= 1080);
      await page.screenshot({ path: shot(`item11-wall-${lang}`) });
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
});
