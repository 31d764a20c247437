// Issue #18, items 1 and 3 and the panel-versus-report test: every number on the cockpit's cards
// and chart labels equals the report's figure (GET /api/report) rounded once at the report's
// precision, half away from zero, for 2021-02 to 2021-06 in both windows; the bars of divisions,
// counties, parks and chains also equal the tables that `zhizao report --format markdown` prints
// (the C++ rounding, src/report/number_format.h); the key-enterprise card and the page it opens
// show the same measure (gross output) and figure. Run alone or through dashboard.test.mjs:
//   node tests/e2e/figures.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { apiGet, cli, openCockpit, shot, signedInPage, suite, text } from './fixture.mjs';
import { rounded } from './rounding.mjs';

// The report's decimals (src/report/number_format.h: kRateDecimals, kElectricityDecimals,
// kTablePullDecimals; format_yi_yuan; the English narrative writes billions with two).
const decimals = { rate: 1, electricity: 2, pull: 2 };

const rate = (v, d = decimals.rate) => (v === null || v === undefined ? '—' : `${rounded(v, d)}%`);

const at = (object, path) => path.split('.').reduce((o, key) => o?.[key], object);

// Every figure a card shows, by the report field it comes from, and how the report writes it.
const cardFigures = {
  'value-added': { 'industry.value_added_growth': 'rate', 'industry.two_year_average_growth': 'rate', 'industry.enterprises': 'count' },
  manufacturing: {
    'industry.manufacturing_value_added_growth': 'rate',
    'industry.manufacturing.two_year_average_growth': 'rate',
    'industry.previous_manufacturing_value_added_growth': 'rate',
  },
  electricity: { 'industry.electricity_growth': 'electricity' },
  breadth: {
    'industry.manufacturing_breadth.share': 'rate',
    'industry.manufacturing_breadth.growing': 'count',
    'industry.manufacturing_breadth.with_data': 'count',
    'industry.manufacturing_breadth.double_digit': 'count',
  },
  key: { 'key_enterprises.output_growth': 'rate', 'key_enterprises.count': 'count', 'key_enterprises.over_50': 'count', 'key_enterprises.doubled': 'count' },
  projects: { 'projects.investment': 'money', 'projects.actual_starts': 'count', 'projects.planned_starts': 'count', 'projects.start_share': 'rate' },
};

function expectedFigure(kind, value, lang) {
  if (value === null || value === undefined) return '—';
  if (kind === 'rate') return rate(value);
  if (kind === 'electricity') return rate(value, decimals.electricity);
  if (kind === 'count') return rounded(value, 0, true);
  return lang === 'zh' ? rounded(value / 1e4, 1, true) : rounded(value / 1e5, 2, true);
}

/** The cards as drawn: for each card its figures {path: text} and its text without them. */
const readCards = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.card')].map((card) => {
      const copy = card.cloneNode(true);
      const figures = {};
      for (const f of copy.querySelectorAll('[data-fig]')) {
        figures[f.dataset.fig] = f.textContent;
        f.remove();
      }
      return { id: card.dataset.card, figures, rest: copy.textContent };
    }),
  );

/**
 * Each chart's labels as drawn: per bar {key: its code or id, label}, and every number in any
 * text the chart drew (its category names aside).
 */
const readCharts = (page) =>
  page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('.chart')) {
      const chart = el.zhizaoChart;
      if (!chart) continue;
      const option = chart.getOption();
      const categories = new Set(option.yAxis?.[0]?.data ?? []);
      const data = chart.getModel().getSeriesByIndex(0).getData();
      const bars = option.series[0].type === 'bar'
        ? option.series[0].data.map((d, i) => ({ key: d.code ?? d.id ?? null, label: data.getItemGraphicEl(i)?.getTextContent()?.style?.text ?? null }))
        : [];
      const texts = chart
        .getZr()
        .storage.getDisplayList(true)
        .map((d) => d.style?.text)
        .filter((s) => typeof s === 'string' && s !== '' && !categories.has(s));
      out[el.id] = { bars, texts, codes: option.series[0].data.map((d) => d.code ?? d.id ?? null), series: option.series.map((s) => s.data) };
    }
    return out;
  });

const numbers = (texts) => texts.flatMap((s) => s.match(/-?\d[\d,]*(?:\.\d+)?%?/g) ?? []).sort();

/** The rows of the markdown table whose title contains `title`: arrays of cells. */
function markdownTable(markdown, title) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith('###') && l.includes(title));
  assert.ok(start >= 0, `no table "${title}" in the report`);
  const rows = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('###')) break;
    if (line.startsWith('|')) rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(2); // header and alignment rows
}

let admin;

/** Checks every card figure and chart label of the cockpit on `page` against `report`. */
async function checkCockpit(page, report, lang) {
  const cards = await readCards(page);
  assert.deepEqual(cards.map((c) => c.id), Object.keys(cardFigures));
  for (const card of cards) {
    assert.deepEqual(Object.keys(card.figures).sort(), Object.keys(cardFigures[card.id]).sort(), `figures of card ${card.id}`);
    for (const [path, kind] of Object.entries(cardFigures[card.id])) {
      assert.equal(card.figures[path], expectedFigure(kind, at(report, path), lang), `${card.id}: ${path}`);
    }
    // No other number on a card (but the threshold in "增长超50%" and the unit "10k kWh").
    assert.doesNotMatch(card.rest.replace(/50%|10k/g, ''), /\d/, `stray number on card ${card.id}: ${card.rest}`);
  }

  const charts = await readCharts(page);
  const industry = report.industry;
  const reference = industry.value_added_growth === null ? [] : [rate(industry.value_added_growth)];
  const checkBars = (id, rows, keyOf, format, extra) => {
    const shown = rows.filter((r) => at(r, format.field) !== null && at(r, format.field) !== undefined);
    const expected = new Map(shown.map((r) => [keyOf(r), format.text(at(r, format.field))]));
    assert.equal(charts[id].bars.length, expected.size, `${id}: number of bars`);
    for (const bar of charts[id].bars) assert.equal(bar.label, expected.get(bar.key), `${id}: bar ${bar.key}`);
    assert.deepEqual(numbers(charts[id].texts), numbers([...expected.values(), ...extra]), `${id}: every number drawn`);
  };
  const growth = { field: 'value_added_growth', text: (v) => rate(v) };
  checkBars('chart-growth', industry.divisions, (d) => d.code, growth, reference);
  checkBars('chart-pull', industry.divisions, (d) => d.code, { field: 'pull', text: (v) => rounded(v, decimals.pull) }, []);
  const mapCodes = new Set(charts['chart-map'].codes);
  const counties = industry.regions.filter((r) => mapCodes.has(r.code));
  checkBars('chart-rank', counties, (r) => r.code, growth, reference);
  checkBars('chart-parks', industry.parks, (s) => s.id, growth, reference);
  checkBars('chart-chains', industry.chains, (s) => s.id, growth, reference);
  // The map labels the counties outside the old urban core (too small to label).
  const urbanCore = new Set(['410302', '410303', '410304', '410305']);
  const labelled = counties.filter((r) => !urbanCore.has(r.code) && r.value_added_growth !== null);
  assert.deepEqual(numbers(charts['chart-map'].texts), numbers(labelled.map((r) => rate(r.value_added_growth))), 'chart-map');
  const p = report.projects;
  const money = (v) => expectedFigure('money', v, lang);
  assert.deepEqual(
    numbers(charts['chart-projects'].texts),
    numbers([
      rate(p.start_share), String(p.actual_starts), String(p.year_planned_starts),
      rate(p.completion_share), String(p.actual_completions), String(p.year_planned_completions),
      rate(p.investment_share), money(p.investment), money(p.year_plan_investment), rate(p.time_progress),
    ]),
    'chart-projects',
  );
  // The facts under the projects chart and the key-enterprise table: the report's figures too.
  const facts = await page.locator('#project-facts').innerText();
  assert.deepEqual(numbers([facts]), numbers([rounded(p.projects, 0, true), String(p.actual_starts), String(p.planned_starts), money(p.investment)]));
  const signed = (v) => {
    if (v === null || v === undefined) return '—';
    const text = rounded(Math.abs(v), decimals.rate);
    return `${/^0\.0$/.test(text) ? '' : v > 0 ? '+' : '−'}${text}%`;
  };
  const keyCells = await page.locator('[data-testid="key-table"] tbody tr td:nth-child(3)').allInnerTexts();
  assert.deepEqual(keyCells.sort(), report.key_enterprises.enterprises.map((e) => signed(e.output_growth)).sort(), 'key-enterprise table');

  // The trend follows the window; its point of this period is the card's figure.
  const trend = await apiGet(page, `/api/trend?period=${report.period}&months=24${report.monthly ? '&monthly=1' : ''}`);
  const points = trend.points.slice(trend.points.findIndex((x) => x.value_added_growth !== null));
  assert.deepEqual(charts['chart-trend'].series[0], points.map((x) => x.value_added_growth));
  assert.equal(rate(points.at(-1).value_added_growth), rate(industry.value_added_growth), 'trend point of the period');
}

/** Checks the bars against the tables of the C++ report (its own rounding). */
async function checkAgainstPrintedReport(page, period, monthly) {
  const markdown = await cli(['report', '--period', period, '--format', 'markdown', ...(monthly ? ['--monthly'] : [])]);
  const charts = await readCharts(page);
  const tables = [
    ['chart-growth', '分行业增加值增速', 2, '%'],
    ['chart-pull', '分行业增加值增速', 4, ''],
    ['chart-rank', '分县', 2, '%'],
    ['chart-parks', '分园区', 2, '%'],
    ['chart-chains', '分产业链', 2, '%'],
  ];
  for (const [id, title, column, unit] of tables) {
    const printed = new Map(markdownTable(markdown, title).map((row) => [row[0], row[column]]));
    for (const bar of charts[id].bars) {
      assert.equal(bar.label, `${printed.get(bar.key)}${unit}`, `${period}${monthly ? ' 当月' : ''} ${id} ${bar.key} vs the printed report`);
    }
  }
}

test('item 3: format.js rounds once, half away from zero, as the report (no browser)', async () => {
  // format.js reads the language (i18n.js) from localStorage at load: a stub stands in for it.
  globalThis.localStorage ??= { getItem: () => 'zh', setItem: () => {} };
  const format = await import(new URL('../../web/src/format.js', import.meta.url));
  assert.equal(format.fixed(15.45, 1), '15.5'); // (15.45).toFixed(1) is "15.4": the double rounding of #18
  assert.equal(format.fixed(-0.04, 1), '0.0');
  assert.equal(format.fixed(-0.05, 1), '-0.1');
  assert.equal(format.fixed(0.125, 2), '0.13');
  assert.equal(format.fixed(1234567.25, 1, { group: true }), '1,234,567.3');
  assert.equal(format.percent(null), '—');
  assert.equal(format.signedPercent(-0.04), '0.0%');
  assert.equal(format.signedPercent(-3.45), '−3.5%');
  assert.equal(format.money(2255000).value, '225.5');
  for (let i = 0; i < 20000; i += 1) {
    const value = (Math.random() - 0.5) * 10 ** (1 + (i % 6));
    const digits = i % 3;
    assert.equal(format.fixed(value, digits), rounded(value, digits), `${value} at ${digits}`);
  }
});

describe('figures (issue #18, items 1 and 3)', () => {
  before(async () => {
    const { server } = await suite();
    admin = await signedInPage(server.users.admin, { hash: '#/cockpit?period=2021-04' });
  });

  for (const period of ['2021-02', '2021-03', '2021-04', '2021-05', '2021-06']) {
    for (const monthly of [false, true]) {
      test(`panel versus report: ${period} ${monthly ? '当月' : '累计'}, cards and chart labels`, async () => {
        await openCockpit(admin, period, monthly);
        const report = await apiGet(admin, `/api/report?period=${period}${monthly ? '&monthly=1' : ''}`);
        assert.equal(report.monthly, monthly);
        await checkCockpit(admin, report, 'zh');
        await checkAgainstPrintedReport(admin, period, monthly);
        if (period === '2021-06') await admin.screenshot({ path: shot(`figures-${period}-${monthly ? 'monthly' : 'cumulative'}`), fullPage: true });
        assert.deepEqual(admin.errors, []);
      });
    }
  }

  test('panel versus report in English: 2021-04 当月 (money in billions, two decimals)', async () => {
    const { server } = await suite();
    const page = await signedInPage(server.users.admin, { lang: 'en', hash: '#/cockpit?period=2021-04&monthly=1' });
    await openCockpit(page, '2021-04', true);
    await checkCockpit(page, await apiGet(page, '/api/report?period=2021-04&monthly=1'), 'en');
    await page.screenshot({ path: shot('figures-2021-04-monthly-en'), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('item 1: the key-enterprise card and its page show the same measure (gross output) and figure', async () => {
    for (const monthly of [false, true]) {
      await openCockpit(admin, '2021-04', monthly);
      const card = (await text(admin, 'card-key')).trim();
      assert.match(await text(admin, 'card-key-measure'), /工业总产值（现价）/);
      const report = await apiGet(admin, `/api/report?period=2021-04${monthly ? '&monthly=1' : ''}`);
      assert.equal(card, rate(report.key_enterprises.output_growth));
      await admin.click('a.card[data-card="key"]');
      await admin.waitForSelector('[data-testid="detail-table"] tbody tr');
      assert.equal(await text(admin, 'detail-growth'), card, 'the page says what the card says');
      assert.match(await text(admin, 'detail-measure'), /现价工业总产值（万元）/);
      const headers = await admin.locator('[data-testid="detail-table"] th').allInnerTexts();
      assert.ok(headers.some((h) => /本期产值（万元）/.test(h)) && headers.some((h) => /产值增速（现价）/.test(h)), headers.join(' | '));
      assert.equal(await admin.locator('.stat', { hasText: '可比价' }).count(), 0, 'no value-added figure beside output');
    }
    await admin.screenshot({ path: shot('item1-key-detail'), fullPage: true });

    // A division's page is value added at comparable prices, equal to its bar.
    await openCockpit(admin, '2021-04');
    const report = await apiGet(admin, '/api/report?period=2021-04');
    await admin.goto(`${(await suite()).server.baseUrl}/#/detail/divisions/34?period=2021-04`);
    await admin.waitForSelector('[data-testid="detail-table"] tbody tr');
    assert.equal(await text(admin, 'detail-growth'), rate(report.industry.divisions.find((d) => d.code === '34').value_added_growth));
    assert.match(await text(admin, 'detail-measure'), /可比价工业增加值/);

    // In English.
    const { server } = await suite();
    const page = await signedInPage(server.users.admin, { lang: 'en', hash: '#/detail/key-enterprises/all?period=2021-04' });
    await page.waitForSelector('[data-testid="detail-table"] tbody tr');
    assert.match(await text(page, 'detail-measure'), /gross output at current prices/);
    assert.equal(await text(page, 'detail-growth'), rate(report.key_enterprises.output_growth));
    await page.screenshot({ path: shot('item1-key-detail-en'), fullPage: true });
    await page.context().close();
    assert.deepEqual(admin.errors, []);
  });
});
