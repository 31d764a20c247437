// The installation's area on the dashboard (issue 16): the same generator's national data served
// three ways — the whole country, Henan's enterprises only, Kaifeng's only (filtered from it, all
// invented: 演示 enterprises of `zhizao demo --enterprises`) — each titled after its area
// (全国… / 河南省… / 开封市…), with the map of the area's regions one level below (the provinces,
// Henan's cities, Kaifeng's counties) fetched from dist/maps/, and a drill-down by clicking the
// map: country → Henan → 开封市 → a county's page. Screenshots area-country.png,
// area-province.png, area-city.png (and the drill-down pages) in the screenshot folder.
//   node tests/e2e/area.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chartsDrawn, launch, newPage, signIn, webDir } from './browser.mjs';
import { freePort, zhizao } from './server.mjs';

const binary = resolve(process.argv[2] ?? 'build/zhizao');
const shots = resolve(process.argv[3] ?? 'build/e2e');
const webRoot = join(webDir, 'dist');
const period = '2021-04';
const admin = { name: 'admin', password: 'admin-e2e-passw0rd' };

const dir = mkdtempSync(join(tmpdir(), 'zhizao-e2e-area-'));
let browser;

/** The rows of a CSV file (no quoted commas in the generator's files) and its header. */
function readCsv(path) {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
  return { header, rows: rows.map((r) => r.split(',')) };
}

/**
 * Writes into `to` the enterprises of `from` whose county starts with `prefix` (their park
 * cleared: the parks are elsewhere), their monthly records, and the tables every report needs.
 */
function subset(from, to, prefix) {
  mkdirSync(to, { recursive: true });
  const enterprises = readCsv(join(from, 'enterprises.csv'));
  const columns = enterprises.header.split(',');
  const region = columns.indexOf('region');
  const park = columns.indexOf('park');
  const kept = enterprises.rows.filter((r) => r[region].startsWith(prefix)).map((r) => r.map((v, i) => (i === park ? '' : v)));
  assert.ok(kept.length >= 10, `only ${kept.length} enterprises in ${prefix}`);
  writeFileSync(join(to, 'enterprises.csv'), [enterprises.header, ...kept.map((r) => r.join(','))].join('\n') + '\n');
  const ids = new Set(kept.map((r) => r[0]));
  const monthly = readCsv(join(from, 'monthly.csv'));
  writeFileSync(join(to, 'monthly.csv'), [monthly.header, ...monthly.rows.filter((r) => ids.has(r[0])).map((r) => r.join(','))].join('\n') + '\n');
  for (const name of ['deflators.csv', 'va_ratios.csv', 'chains.csv']) writeFileSync(join(to, name), readFileSync(join(from, name)));
  return [...new Set(kept.map((r) => r[region]))];
}

/** Imports the CSV files of `csvDir` into a new database with the admin user; returns its path. */
function database(name, csvDir) {
  const db = join(dir, `${name}.db`);
  const files = ['enterprises.csv', 'monthly.csv', 'deflators.csv', 'va_ratios.csv', 'chains.csv'].map((f) => join(csvDir, f));
  zhizao(binary, ['import', '--db', db, '-q', ...files]);
  return withAdmin(db);
}

/** Adds the admin user to the database `db`; returns its path. */
function withAdmin(db) {
  zhizao(binary, ['user', 'add', '--db', db, admin.name, '--role', 'admin'], `${admin.password}\n`);
  return db;
}

/** Serves `db` on a free port; returns {baseUrl, stop()}. */
async function serve(db) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(binary, ['serve', '--db', db, '--bind', '127.0.0.1', '--port', String(port), '--web-root', webRoot, '--login-limit', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const until = Date.now() + 60000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`zhizao serve exited: ${log}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) throw new Error(`zhizao serve did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    },
  };
}

/** The map drawn in `selector`: its file's code and the region codes of its series. */
const mapOf = (page, selector) =>
  page.evaluate((s) => {
    const el = document.querySelector(s);
    const option = el?.zhizaoChart?.getOption();
    return { code: el?.dataset.mapCode ?? null, regions: option ? option.series[0].data.filter((d) => d.code).map((d) => d.code) : [] };
  }, selector);

/** Clicks the region `code` on the map in `selector`, at the centre of its shape, as a user would. */
async function clickRegion(page, selector, code) {
  const point = await page.evaluate(
    ({ s, c }) => {
      const element = document.querySelector(s);
      element.scrollIntoView({ block: 'center' });
      const chart = element.zhizaoChart;
      const series = chart.getModel().getSeriesByIndex(0);
      const region = series.coordinateSystem.getRegion(c);
      if (!region) return null;
      // The centre of the region's largest polygon (a province's islands would pull a box's centre into the sea).
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, region.getCenter());
      const box = element.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    },
    { s: selector, c: code },
  );
  assert.ok(point, `no region ${code} on ${selector}`);
  await page.mouse.click(point.x, point.y);
}

/** Waits for the detail page of region `code` and its charts. */
async function detailOf(page, code) {
  await page.waitForFunction((c) => location.hash.startsWith(`#/detail/regions/${c}`) && document.querySelector('[data-testid="detail-title"]'), code);
  await chartsDrawn(page);
}

/** A page signed in to `server` on the cockpit of the period, its charts drawn. */
async function cockpit(server) {
  const page = await newPage(browser, 1440, 900);
  await signIn(page, server.baseUrl, admin, '', `#/cockpit?period=${period}`);
  await page.waitForSelector('[data-testid="cockpit-period"]');
  await chartsDrawn(page);
  return page;
}

const title = (page) => page.locator('[data-app-title]').first().innerText();
const panelTitle = (page, id) => page.locator(`#panel-${id}-title`).innerText();

let kaifengCounties;
const databases = {};

before(async () => {
  assert.ok(existsSync(binary), `no zhizao binary at ${binary}`);
  assert.ok(existsSync(join(webRoot, 'maps', '100000.json')), `no area maps in ${webRoot}: run make web`);
  mkdirSync(shots, { recursive: true });
  const csv = join(dir, 'country');
  zhizao(binary, ['demo', '--enterprises', '8000', '--from', '2020-01', '--to', period, '--csv-dir', csv, '--db', join(dir, 'generated.db')]);
  subset(csv, join(dir, 'henan'), '41');
  kaifengCounties = subset(csv, join(dir, 'kaifeng'), '4102');
  databases.country = withAdmin(join(dir, 'generated.db'));
  databases.province = database('province', join(dir, 'henan'));
  databases.city = database('city', join(dir, 'kaifeng'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the installation area on the dashboard (issue 16)', () => {
  test('a city: 开封市, its counties on its map, a county opened from the map', async () => {
    const server = await serve(databases.city);
    try {
      const page = await cockpit(server);
      assert.equal(await title(page), '开封市工业经济运行驾驶舱');
      assert.match(await panelTitle(page, 'map'), /^各县区/);
      const map = await mapOf(page, '#chart-map');
      assert.equal(map.code, '410200');
      assert.deepEqual(map.regions, ['410202', '410203', '410204', '410205', '410212', '410221', '410222', '410223', '410225']);
      for (const county of kaifengCounties) assert.ok(map.regions.includes(county), `county ${county} on the map`);
      await page.screenshot({ path: join(shots, 'area-city.png'), fullPage: true });
      const county = kaifengCounties.sort()[0];
      await clickRegion(page, '#chart-map', county);
      await detailOf(page, county);
      assert.equal(await page.locator('#chart-drill').count(), 0, 'a county has no map below it');
      assert.equal(page.errors.length, 0, page.errors.join('\n'));
      await page.close();
    } finally {
      await server.stop();
    }
  });

  test('a province: 河南省, its cities on its map, drill-down to 开封市 and its counties', async () => {
    const server = await serve(databases.province);
    try {
      const page = await cockpit(server);
      assert.equal(await title(page), '河南省工业经济运行驾驶舱');
      assert.match(await panelTitle(page, 'map'), /^各市/);
      assert.match(await panelTitle(page, 'rank'), /^各市/);
      const map = await mapOf(page, '#chart-map');
      assert.equal(map.code, '410000');
      assert.equal(map.regions.length, 18); // 17 cities and 济源 (419001)
      assert.ok(map.regions.includes('410200') && map.regions.includes('419001'));
      await page.screenshot({ path: join(shots, 'area-province.png'), fullPage: true });
      await clickRegion(page, '#chart-map', '410200');
      await detailOf(page, '410200');
      assert.match(await page.locator('[data-testid="detail-title"]').innerText(), /开封市/);
      const drill = await mapOf(page, '#chart-drill');
      assert.equal(drill.code, '410200');
      assert.equal(drill.regions.length, 9);
      await page.screenshot({ path: join(shots, 'area-province-drill.png'), fullPage: true });
      assert.equal(page.errors.length, 0, page.errors.join('\n'));
      await page.close();
    } finally {
      await server.stop();
    }
  });

  test('the country: 全国, its provinces on its map, drill-down to a city and a county', async () => {
    const server = await serve(databases.country);
    try {
      const page = await cockpit(server);
      assert.equal(await title(page), '全国工业经济运行驾驶舱');
      assert.match(await panelTitle(page, 'map'), /^各省/);
      const map = await mapOf(page, '#chart-map');
      assert.equal(map.code, '100000');
      assert.equal(map.regions.length, 34); // 31 provinces, Taiwan, Hong Kong, Macau
      await page.screenshot({ path: join(shots, 'area-country.png'), fullPage: true });
      await clickRegion(page, '#chart-map', '410000');
      await detailOf(page, '410000');
      assert.match(await page.locator('[data-testid="detail-title"]').innerText(), /河南省/);
      assert.equal((await mapOf(page, '#chart-drill')).code, '410000');
      await clickRegion(page, '#chart-drill', '410300');
      await detailOf(page, '410300');
      const counties = await mapOf(page, '#chart-drill');
      assert.equal(counties.code, '410300');
      assert.ok(counties.regions.includes('410307') && counties.regions.includes('410308'), "Luoyang's 2021 districts");
      assert.ok(!counties.regions.includes('410306') && !counties.regions.includes('410381'));
      await page.screenshot({ path: join(shots, 'area-country-drill.png'), fullPage: true });
      assert.equal(page.errors.length, 0, page.errors.join('\n'));
      await page.close();
    } finally {
      await server.stop();
    }
  });
});
