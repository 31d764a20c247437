// Issue #18, "What to build": the analysis in the dashboard (#/analysis: the narrative of
// `zhizao report` for the chosen period, window and scope, on a desktop and a phone, in Chinese
// and English, downloadable as Word, Excel and HTML); every table downloadable as CSV (UTF-8 with
// BOM, cells a spreadsheet would evaluate neutralised) and Excel; a print layout (A4, checked in
// the PDF Chromium prints); county and park views compared with the city (figure and rank).
// Run alone or through dashboard.test.mjs:
//   node tests/e2e/analysis.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { chartsDrawn, webDir } from './browser.mjs';
import { apiGet, cli, markStale, openCockpit, shot, shots, signedInPage, suite, text } from './fixture.mjs';
import { rounded } from './rounding.mjs';

const require = createRequire(join(webDir, 'package.json'));
const { unzipSync, strFromU8 } = require('fflate');

const rate = (v) => `${rounded(v, 1)}%`;

/** The rank of `code` by value-added growth among `sets` (1 = fastest) and their count. */
function rankOf(sets, code, key = 'code') {
  const withGrowth = sets.filter((s) => s.value_added_growth !== null);
  const own = withGrowth.find((s) => s[key] === code);
  return { rank: 1 + withGrowth.filter((s) => s.value_added_growth > own.value_added_growth).length, of: withGrowth.length };
}

/** The narrative of a Markdown report: {title, sections: [{heading, paragraphs}]} before its tables. */
function markdownNarrative(markdown) {
  const lines = markdown.split('\n');
  const sections = [];
  for (const line of lines.slice(1)) {
    if (line === '## 附表' || line === '## Tables') break;
    if (line.startsWith('## ')) sections.push({ heading: line.slice(3), paragraphs: [] });
    else if (line.trim() !== '') sections.at(-1).paragraphs.push(line);
  }
  return { title: lines[0].replace(/^# /, ''), sections };
}

/** The table titles of a Markdown report ("### 表1 主要指标"). */
const markdownTableTitles = (markdown) => markdown.split('\n').filter((l) => l.startsWith('### ')).map((l) => l.slice(4));

/** The narrative on the analysis page, read as the Markdown one. */
const pageNarrative = (page) =>
  page.evaluate(() => ({
    title: document.querySelector('[data-testid="analysis-title"]').textContent,
    sections: [...document.querySelectorAll('.analysis-section')].map((s) => ({
      heading: s.querySelector('h2').textContent,
      paragraphs: [...s.querySelectorAll('p')].map((p) => p.textContent),
    })),
    tables: [...document.querySelectorAll('.analysis-table h3')].map((h) => h.textContent),
  }));

/** GET `path` with the page's session: {status, type, disposition, body (text)}. */
const fetchText = (page, path) =>
  page.evaluate(async (p) => {
    const response = await fetch(p);
    return {
      status: response.status,
      type: response.headers.get('Content-Type'),
      disposition: response.headers.get('Content-Disposition'),
      body: await response.text(),
    };
  }, path);

/** Waits for the analysis of `period` (window, scope) to be drawn. */
async function analysisDrawn(page, period, monthly, scope = '') {
  await page.waitForSelector(
    `#view:not([data-stale]) [data-testid="analysis-article"][data-period="${period}"][data-window="${monthly ? 'monthly' : 'cumulative'}"][data-scope="${scope}"]`,
  );
}

/** Opens the analysis of `query` ("period=2021-04&monthly=1") and waits for it. */
async function openAnalysis(page, period, monthly = false, scope = '') {
  const { server } = await suite();
  await markStale(page);
  const url = `${server.baseUrl}/#/analysis?period=${period}${monthly ? '&monthly=1' : ''}${scope ? `&scope=${scope}` : ''}`;
  // Going to the URL the page is on changes nothing: load it anew then.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await analysisDrawn(page, period, monthly, scope);
}

/** Clicks `selector` and returns the download it starts: {name, bytes}. */
async function download(page, selector) {
  const [started] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: started.suggestedFilename(), bytes: readFileSync(await started.path()) };
}

/** The cells of a CSV (RFC 4180: quoted fields, doubled quotes, CRLF) after its BOM. */
function parseCsv(text) {
  assert.ok(text.startsWith('\uFEFF'), 'the CSV starts with a UTF-8 BOM');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && body[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

/** The text of a PDF (pdftotext, poppler-utils) and its page size line (pdfinfo). */
function pdfFacts(path) {
  return {
    text: execFileSync('pdftotext', ['-layout', path, '-']).toString(),
    info: execFileSync('pdfinfo', [path]).toString(),
  };
}

/** Asserts that pdfinfo's `info` gives A4 pages: 210 × 297 mm = 595.28 × 841.89 pt, within 1 pt. */
function assertA4(info) {
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
  assert.ok(Math.abs(width - 595.28) < 1 && Math.abs(height - 841.89) < 1, `A4 pages, got ${width} × ${height} pt`);
}

/** Prints `page` to an A4 PDF, keeps page 1 as a PNG screenshot; returns pdfFacts. */
async function printToPdf(page, name) {
  const path = join(shots, `${name}.pdf`);
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, join(shots, `${name}-page1`)]);
  return pdfFacts(path);
}

let server;

describe('analysis, downloads, print and comparison (issue #18)', () => {
  before(async () => {
    ({ server } = await suite());
  });

  test('the analysis page shows the report text in both windows and languages, on desktop and phone', async () => {
    const page = await signedInPage(server.users.city, { hash: '#/analysis?period=2021-04' });
    const cases = [
      { monthly: false, lang: 'zh', width: 1440, height: 900, name: 'analysis-desktop-zh' },
      { monthly: true, lang: 'en', width: 390, height: 844, name: 'analysis-phone-en' },
      { monthly: true, lang: 'zh', width: 390, height: 844, name: 'analysis-phone-zh' },
      { monthly: false, lang: 'en', width: 1440, height: 900, name: 'analysis-desktop-en' },
    ];
    let lang = 'zh';
    for (const c of cases) {
      await page.setViewportSize({ width: c.width, height: c.height });
      if (c.lang !== lang) {
        await page.click('#lang-toggle');
        lang = c.lang;
      }
      await openAnalysis(page, '2021-04', c.monthly);
      const query = `period=2021-04${c.monthly ? '&monthly=1' : ''}&lang=${c.lang}`;
      const markdown = await fetchText(page, `/api/report/document?${query}&format=markdown`);
      assert.equal(markdown.status, 200);
      // The endpoint's Markdown is the command line's, and the page's narrative is its narrative.
      const printed = await cli(['report', '--period', '2021-04', '--format', 'markdown', '--lang', c.lang, ...(c.monthly ? ['--monthly'] : [])]);
      assert.equal(markdown.body, printed);
      const expected = markdownNarrative(markdown.body);
      const shown = await pageNarrative(page);
      assert.equal(shown.title, expected.title);
      assert.deepEqual(shown.sections, expected.sections);
      assert.deepEqual(shown.tables, markdownTableTitles(markdown.body));
      assert.ok(expected.sections.length >= 4 && expected.sections[0].paragraphs.length > 0);
      // Nothing wider than the screen (tables scroll inside their box).
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= c.width, `${c.name} is not wider than the screen`);
      await page.screenshot({ path: shot(c.name), fullPage: c.width > 400 ? false : true });
    }
    assert.deepEqual(page.errors, []);
  });

  test('the analysis downloads as Word, Excel and HTML, as `zhizao report --format` writes them', async () => {
    const page = await signedInPage(server.users.city, { hash: '#/analysis?period=2021-04' });
    await analysisDrawn(page, '2021-04', false);
    const title = await text(page, 'analysis-title');
    const html = await download(page, '[data-testid="analysis-html"]');
    assert.equal(html.name, `${title}.html`);
    assert.equal(html.bytes.toString(), await cli(['report', '--period', '2021-04', '--format', 'html']));
    const docx = await download(page, '[data-testid="analysis-docx"]');
    assert.equal(docx.name, `${title}.docx`);
    const document = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']);
    assert.ok(document.includes(title), 'the Word file holds the title');
    const xlsx = await download(page, '[data-testid="analysis-xlsx"]');
    assert.equal(xlsx.name, `${title}.xlsx`);
    assert.ok(unzipSync(new Uint8Array(xlsx.bytes))['xl/workbook.xml'], 'the Excel file is a workbook');
    // Media types and names (RFC 6266: an ASCII name and the UTF-8 one).
    const head = await fetchText(page, '/api/report/document?period=2021-04&format=docx');
    assert.equal(head.type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(head.disposition, /^attachment; filename="zhizao-analysis-2021-04-zh\.docx"; filename\*=UTF-8''[%0-9A-F.a-z]+$/);
    assert.equal(decodeURIComponent(head.disposition.split("''")[1]), `${title}.docx`);
    assert.deepEqual(page.errors, []);
  });

  test('a county user reads its own area; admin chooses the scope; enterprises are refused', async () => {
    const county = await signedInPage(server.users.county, { hash: '#/analysis?period=2021-04' });
    await analysisDrawn(county, '2021-04', false, server.county);
    const own = markdownNarrative(await cli(['report', '--period', '2021-04', '--scope', server.county, '--format', 'markdown']));
    assert.deepEqual((await pageNarrative(county)).sections, own.sections);
    assert.equal(await county.locator('#analysis-scope').count(), 0, 'a county user has no scope to choose');
    assert.equal((await fetchText(county, '/api/report/document?period=2021-04&format=docx&scope=410305')).status, 403);
    await county.screenshot({ path: shot('analysis-county') });

    const admin = await signedInPage(server.users.admin, { hash: '#/analysis?period=2021-04' });
    await analysisDrawn(admin, '2021-04', false);
    await markStale(admin);
    await admin.selectOption('#analysis-scope', '410305');
    await analysisDrawn(admin, '2021-04', false, '410305');
    assert.match(admin.url(), /scope=410305/);
    const scoped = markdownNarrative(await cli(['report', '--period', '2021-04', '--scope', '410305', '--format', 'markdown']));
    assert.deepEqual((await pageNarrative(admin)).sections, scoped.sections);
    // The period picker keeps the scope.
    await markStale(admin);
    await admin.selectOption('#period-select', '2021-03');
    await analysisDrawn(admin, '2021-03', false, '410305');

    const enterprise = await signedInPage(server.users.enterprise, { hash: '#/analysis?period=2021-04' });
    await enterprise.waitForFunction(() => location.hash.startsWith('#/submit'));
    for (const path of ['/api/report/document?period=2021-04&format=markdown', '/api/report/analysis?period=2021-04', '/api/report/benchmark?period=2021-04']) {
      assert.equal((await fetchText(enterprise, path)).status, 403, path);
    }
    assert.equal((await fetchText(admin, '/api/report/document?period=2021-12&format=html')).status, 404);
    assert.deepEqual([...county.errors, ...admin.errors], []);
  });

  test('tables download as CSV (BOM, figures as numbers, formulas neutralised) and Excel', async () => {
    const page = await signedInPage(server.users.city, { hash: '#/cockpit?period=2021-04' });
    await openCockpit(page, '2021-04');
    const report = await apiGet(page, '/api/report?period=2021-04');

    // Divisions: the table of the growth chart, each growth the report's rounded once.
    const csv = await download(page, '[data-testid="chart-growth-table-csv"]');
    assert.match(csv.name, /^分行业增加值增速（可比价） 2021年1-4月\.csv$/);
    const [header, ...rows] = parseCsv(csv.bytes.toString('utf8'));
    assert.deepEqual(header, ['行业', '增加值增速（可比价）（%）', '拉动（百分点）', '贡献率（%）']);
    const divisions = report.industry.divisions.filter((d) => d.value_added_growth !== null);
    assert.equal(rows.length, divisions.length);
    for (const row of rows) {
      const division = divisions.find((d) => d.code === row[0].split(' ')[0]);
      assert.ok(division, row[0]);
      assert.equal(row[1], rounded(division.value_added_growth, 1), row[0]);
      assert.equal(row[2], division.pull === null ? '' : rounded(division.pull, 2), row[0]);
    }
    // The CSV is what the table shows: the same rows in the same order.
    const shown = await page.evaluate(() => [...document.querySelectorAll('#chart-growth-table tbody tr')].map((tr) => tr.cells[1].textContent));
    assert.deepEqual(rows.map((r) => `${r[1]}%`), shown);

    // Cells a spreadsheet would evaluate get a leading quote; figures stay numbers.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'injected';
      box.innerHTML = `<table class="data-table"><thead><tr><th>名称</th><th class="num">增速</th></tr></thead><tbody>
        <tr><td>=HYPERLINK("http://example.invalid","x")</td><td class="num">−3.4%</td></tr>
        <tr><td>+1+1</td><td class="num">12,345.6</td></tr>
        <tr><td>-2</td><td class="num">—</td></tr>
        <tr><td>@SUM(A1)</td><td class="num">+5.0%</td></tr>
        <tr><td>a "quoted", name</td><td class="num">3/5 个</td></tr></tbody></table>
        <button type="button" id="injected-csv" data-export="csv" data-target="injected" data-name="注入">CSV</button>`;
      document.querySelector('#view').append(box);
    });
    const injected = await download(page, '#injected-csv');
    assert.equal(
      injected.bytes.toString('utf8'),
      '\uFEFF"名称","增速（%）"\r\n' +
        '"\'=HYPERLINK(""http://example.invalid"",""x"")",-3.4\r\n' +
        '"\'+1+1",12345.6\r\n' +
        '"\'-2",\r\n' +
        '"\'@SUM(A1)",5.0\r\n' +
        '"a ""quoted"", name","3/5 个"\r\n',
    );

    // The key enterprises as Excel: inline strings, figures as numbers, no formula.
    const xlsx = await download(page, '[data-testid="key-table-xlsx"]');
    assert.match(xlsx.name, /\.xlsx$/);
    const files = unzipSync(new Uint8Array(xlsx.bytes));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const keyRows = await page.locator('#key-table tbody tr').count();
    assert.equal((sheet.match(/<row /g) ?? []).length, keyRows + 1);
    assert.ok(sheet.includes('<t xml:space="preserve">企业名称</t>'));
    assert.ok(!sheet.includes('<f>'), 'no formula in the workbook');
    const firstGrowth = await page.evaluate(() => document.querySelector('#key-table tbody tr td.num').textContent);
    assert.ok(sheet.includes(`<v>${Number(firstGrowth.replace('−', '-').replace(/[+%]/g, ''))}</v>`), firstGrowth);
    assert.ok(files['xl/styles.xml'] && files['[Content_Types].xml']);

    // A drill-down list and the project list download whole.
    await markStale(page);
    await page.goto(`${server.baseUrl}/#/detail/regions/410305?period=2021-04`);
    await page.waitForSelector('#view:not([data-stale]) [data-testid="detail-table"] tbody tr');
    const detail = parseCsv((await download(page, '[data-testid="detail-table-csv"]')).bytes.toString('utf8'));
    assert.equal(detail.length - 1, await page.locator('[data-testid="detail-table"] tbody tr').count());
    await markStale(page);
    await page.goto(`${server.baseUrl}/#/projects?period=2021-04`);
    await page.waitForSelector('#view:not([data-stale]) [data-testid="projects-table"] tbody tr');
    const projects = parseCsv((await download(page, '[data-testid="projects-table-csv"]')).bytes.toString('utf8'));
    assert.equal(projects.length - 1, (await apiGet(page, '/api/projects?period=2021-04')).projects.length);
    assert.deepEqual(page.errors, []);
  });

  test('the cockpit and the analysis print on A4 with the header and headline figure, charts whole', async () => {
    const page = await signedInPage(server.users.city, { hash: '#/cockpit?period=2021-04' });
    await openCockpit(page, '2021-04');
    const headline = await text(page, 'card-value-added');
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.topbar .nav')).display,
      title: getComputedStyle(document.querySelector('.brand .title')).display,
      panels: [...document.querySelectorAll('.panel')].filter((p) => p.querySelector('.chart')).map((p) => getComputedStyle(p).breakInside),
    }));
    await page.emulateMedia({ media: null });
    assert.equal(layout.nav, 'none');
    assert.notEqual(layout.title, 'none');
    assert.ok(layout.panels.length >= 8 && layout.panels.every((b) => b === 'avoid'), JSON.stringify(layout.panels));
    const cockpit = await printToPdf(page, 'print-cockpit');
    assertA4(cockpit.info);
    const flat = cockpit.text.replace(/\s+/g, '');
    assert.ok(flat.includes(headline.replace(/\s+/g, '')), `the headline ${headline} is in the PDF`);
    assert.ok(flat.includes('洛阳市工业经济运行驾驶舱'), 'the header is in the PDF');
    assert.ok(!flat.includes('退出') && !flat.includes('CSV'), 'no navigation chrome or buttons in the PDF');

    await markStale(page);
    await page.goto(`${server.baseUrl}/#/analysis?period=2021-04`);
    await analysisDrawn(page, '2021-04', false);
    const narrative = await pageNarrative(page);
    const analysis = await printToPdf(page, 'print-analysis');
    assertA4(analysis.info);
    const printed = analysis.text.replace(/\s+/g, '');
    assert.ok(printed.includes(narrative.title.replace(/\s+/g, '')), 'the title is in the PDF');
    assert.ok(printed.includes(narrative.sections[0].paragraphs[0].replace(/\s+/g, '').slice(0, 30)), 'the first paragraph is in the PDF');
    assert.ok(!printed.includes('下载全文'), 'no toolbar in the PDF');
    assert.deepEqual(page.errors, []);
  });

  test('county and park views show the city figure and their rank beside their own', async () => {
    const city = JSON.parse(await cli(['report', '--period', '2021-04', '--json']));
    const cityRate = rate(city.industry.value_added_growth);

    const county = await signedInPage(server.users.county, { hash: '#/cockpit?period=2021-04' });
    await openCockpit(county, '2021-04');
    await county.waitForSelector('[data-testid="benchmark"]');
    const countyRank = rankOf(city.industry.regions, server.county);
    assert.equal(await text(county, 'benchmark-own'), await text(county, 'card-value-added'));
    assert.equal(await text(county, 'benchmark-city'), cityRate);
    assert.equal(await text(county, 'benchmark-rank'), `第${countyRank.rank}/${countyRank.of}`);
    await county.screenshot({ path: shot('benchmark-county-cockpit') });

    const admin = await signedInPage(server.users.admin, { hash: '#/detail/regions/410305?period=2021-04', lang: 'en' });
    await admin.waitForSelector('[data-testid="benchmark"]');
    const jianxi = rankOf(city.industry.regions, '410305');
    assert.equal(await text(admin, 'benchmark-own'), await text(admin, 'detail-growth'));
    assert.equal(await text(admin, 'benchmark-own'), rate(city.industry.regions.find((r) => r.code === '410305').value_added_growth));
    assert.equal(await text(admin, 'benchmark-city'), cityRate);
    assert.equal(await text(admin, 'benchmark-rank'), `${jianxi.rank} of ${jianxi.of}`);

    const park = city.industry.parks.filter((p) => p.value_added_growth !== null).sort((a, b) => a.value_added_growth - b.value_added_growth)[0];
    const parkRank = rankOf(city.industry.parks, park.id, 'id');
    await markStale(admin);
    await admin.goto(`${server.baseUrl}/#/detail/parks/${encodeURIComponent(park.id)}?period=2021-04`);
    await admin.waitForSelector('#view:not([data-stale]) [data-testid="benchmark"]');
    await chartsDrawn(admin);
    assert.equal(await text(admin, 'benchmark-own'), rate(park.value_added_growth));
    assert.equal(await text(admin, 'benchmark-own'), await text(admin, 'detail-growth'));
    assert.equal(await text(admin, 'benchmark-city'), cityRate);
    assert.equal(await text(admin, 'benchmark-rank'), `${parkRank.rank} of ${parkRank.of}`);
    await admin.screenshot({ path: shot('benchmark-park-en') });
    assert.deepEqual([...county.errors, ...admin.errors], []);
  });
});
