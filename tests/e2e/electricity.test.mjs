// 用电看经济 (issue 13): the month so far from daily electricity. The nowcast block shows what
// `zhizao nowcast` prints for the month (estimate, interval, back-test error, the statistics when
// stored), the daily chart and its table the readings of GET /api/electricity/daily day by day;
// every figure rounded once, half away from zero. The divisions' table shows, cell by cell, the
// `divisions` of `zhizao nowcast --json` (a division without an estimate gives its reason). A
// month without readings says so in words.
// Screenshots on a desktop and a phone; the phone page does not scroll sideways.
//   node tests/e2e/electricity.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { apiGet, cli, markStale, shot, signedInPage, suite, text } from './fixture.mjs';
import { isNumber, rate, rounded } from './rounding.mjs';

const period = '2021-06';
/** A division's reason for having no estimate, as the CLI's text and the table write it. */
const reasonText = {
  no_readings: '本月无日用电量',
  too_few_months: '可供拟合的月份不足',
  no_electricity_growth: '无两年均有读数的企业日',
  no_fit: '历年用电增速相同，无法拟合',
};

/** Opens the electricity view of `month` and waits for its nowcast block. */
async function openElectricity(page, month) {
  const { server } = await suite();
  await markStale(page);
  await page.goto(`${server.baseUrl}/#/electricity?period=${month}`);
  await page.waitForSelector('#view:not([data-stale]) [data-testid="nowcast"] .facts, #view:not([data-stale]) [data-testid="nowcast-empty"]');
}

let admin;

describe('用电看经济: the month so far and the nowcast (issue 13)', () => {
  before(async () => {
    const { server } = await suite();
    admin = await signedInPage(server.users.admin, { hash: `#/cockpit?period=${period}` });
  });

  test('the nowcast block says what zhizao nowcast says', async () => {
    const expected = JSON.parse(await cli(['nowcast', '--period', period, '--json']));
    const printed = await cli(['nowcast', '--period', period]);
    await openElectricity(admin, period);
    const va = expected.value_added_growth;
    assert.ok(isNumber(va.estimate), 'the demo has an estimate for 2021-06');
    assert.equal(await text(admin, 'nowcast-estimate'), rate(va.estimate));
    // The CLI's line "…：10.2%，90%预测区间 1.7% ～ 18.7%" holds the same numbers.
    assert.ok(printed.includes(`${rate(va.estimate)}，90%预测区间 ${rate(va.low)} ～ ${rate(va.high)}`), printed);
    assert.match(await text(admin, 'nowcast-interval'), new RegExp(`${rate(va.low)}.*${rate(va.high)}`));
    const backtest = await text(admin, 'nowcast-backtest');
    assert.ok(backtest.includes(String(expected.backtest.months)), backtest);
    assert.ok(backtest.includes(rounded(expected.backtest.mean_absolute_error, 1)), backtest);
    assert.ok((await text(admin, 'nowcast-electricity')).includes(rate(expected.electricity_growth)));
    // The chart's lines are drawn left to right: the picture once it has finished.
    await admin.waitForFunction(() => document.getElementById('chart-daily')?.dataset.rendered === '1');
    await admin.screenshot({ path: shot('electricity-2021-06'), fullPage: true });
  });

  test('the divisions table shows, cell by cell, the divisions of zhizao nowcast --json', async () => {
    const expected = JSON.parse(await cli(['nowcast', '--period', period, '--json']));
    const printed = await cli(['nowcast', '--period', period]);
    // The view of the first test (the same hash again would not render anew).
    if (!admin.url().endsWith(`#/electricity?period=${period}`)) await openElectricity(admin, period);
    await admin.waitForSelector('[data-testid="nowcast-divisions"]');
    const seen = await admin.$$eval('[data-testid="division-row"]', (rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.innerText.trim())));
    assert.ok(expected.divisions.length >= 20, `the demo has ${expected.divisions.length} divisions`);
    const want = expected.divisions.map((d) => {
      const va = d.value_added_growth;
      return [
        d.code,
        d.name,
        rate(d.electricity_growth),
        isNumber(va.estimate) ? rate(va.estimate) : reasonText[d.reason],
        isNumber(va.estimate) ? `${rate(va.low)} ～ ${rate(va.high)}` : '—',
        String(d.backtest.months),
        rounded(d.backtest.mean_absolute_error, 1),
      ];
    });
    assert.deepEqual(seen, want);
    // The CLI's text table holds the same row for each division.
    for (const row of want) {
      assert.ok(printed.includes(`| ${row.join(' | ')} |`), `${row.join(' | ')}\n${printed}`);
    }
    await admin.screenshot({ path: shot('electricity-divisions-2021-06'), fullPage: true });
  });

  test('the daily table shows each day of GET /api/electricity/daily', async () => {
    const daily = await apiGet(admin, `/api/electricity/daily?period=${period}`);
    assert.ok(daily.days.length >= 28);
    await admin.waitForFunction(() => document.getElementById('chart-daily')?.dataset.rendered === '1');
    const height = await admin.evaluate(() => document.getElementById('chart-daily').getBoundingClientRect().height);
    assert.ok(height >= 200, `the daily chart is ${height} px high`);
    const shown = await admin.$$eval('[data-testid="daily-growth"]', (cells) => cells.map((c) => c.innerText));
    assert.deepEqual(shown, daily.days.map((d) => rate(d.growth)));
  });

  test('a month too early to estimate says why, as the CLI does; the phone layout holds', async () => {
    const { server } = await suite();
    const early = '2019-03';
    const printed = await cli(['nowcast', '--period', early]);
    assert.ok(printed.includes('可供拟合的月份不足，无法估计'), printed);
    const phone = await signedInPage(server.users.city, { width: 390, height: 844, hash: `#/cockpit?period=${period}` });
    await openElectricity(phone, early);
    assert.equal(await text(phone, 'nowcast-estimate'), '可供拟合的月份不足，无法估计');
    // Every division is listed with its reason, as the CLI gives it.
    const earlyJson = JSON.parse(await cli(['nowcast', '--period', early, '--json']));
    assert.ok(earlyJson.divisions.length > 0);
    const reasons = await phone.$$eval('[data-testid="division-estimate"]', (cells) => cells.map((c) => [c.dataset.reason, c.innerText.trim()]));
    assert.deepEqual(reasons.map(([reason]) => reason), earlyJson.divisions.map((d) => d.reason));
    assert.deepEqual(reasons.map(([, shown]) => shown), earlyJson.divisions.map((d) => reasonText[d.reason]));
    assert.ok(printed.includes('| 可供拟合的月份不足 |'), printed);
    await openElectricity(phone, period);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the phone page is ${width} px wide`);
    await phone.screenshot({ path: shot('electricity-phone'), fullPage: true });
  });
});
