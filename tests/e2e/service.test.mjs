// The enterprise service (五每, issue 14) as its users live it, on the demo: the enterprise raises
// cases, the city assigns them, the county (the department's side) works and resolves them, the
// enterprise rates one badly, reopens it and rates it again; another passes its deadline and is
// escalated to the city. The city sets the enterprise's cadre and the county logs a visit through
// the service page's forms. Then every figure of the service page equals `zhizao report --json`'s
// `service` for the same period (the command run on the served database), the meeting view lists
// exactly the overdue, escalated and badly rated cases, the registers download as workbooks, the
// enterprise page shows the open case and the visit, and the page fits a phone.
//   node tests/e2e/service.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { webDir } from './browser.mjs';
import { cli, shot, signedInPage, suite } from './fixture.mjs';
import { count, isNumber, rate, rounded } from './rounding.mjs';

const axeSource = readFileSync(createRequire(join(webDir, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

const period = '2021-06';

const decimals = (digits) => (v) => (isNumber(v) ? rounded(v, digits) : '—');

/** The headline figures the page must show, by key, from the report's `service`. */
function expectedHeadline(service) {
  return {
    assigned: count(service.assigned),
    visited: count(service.visited),
    visit_coverage: rate(service.visit_coverage),
    unvisited: count(service.unvisited.length),
    cases_resolved: count(service.cases_resolved),
    on_time_rate: rate(service.on_time_rate),
    median_days: decimals(1)(service.median_days),
    mean_rating: decimals(2)(service.mean_rating),
    open_overdue: count(service.open_overdue),
  };
}

/** What the page shows: {key: {text, value}} of the headline figures. */
const shownHeadline = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid="service-figure"]')].map((el) => [el.dataset.key, { text: el.querySelector('b').innerText.trim(), value: JSON.parse(el.dataset.value) }]),
    ),
  );

/** The rows of the table `testid` as arrays of cell texts. */
const tableRows = (page, testid) =>
  page.evaluate(
    (id) =>
      [...document.querySelectorAll(`[data-testid="${id}"] tbody tr`)]
        .filter((tr) => !tr.querySelector('td.empty'))
        .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
    testid,
  );

/** A write of the API with the page's session and its CSRF token (from GET /api/me), as the dashboard sends it. */
function apiPost(page, path, body) {
  return page.evaluate(
    async ({ p, b }) => {
      const me = await (await fetch('/api/me')).json();
      const response = await fetch(p, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify(b),
      });
      const answer = await response.json();
      if (!response.ok) throw new Error(`${p}: HTTP ${response.status} ${JSON.stringify(answer)}`);
      return answer;
    },
    { p: path, b: body },
  );
}

const apiGet = (page, path) => page.evaluate(async (p) => (await fetch(p)).json(), path);

/** Opens the service page of `p` and waits until it is drawn anew (reloaded when already there). */
async function openService(page, p) {
  const { server } = await suite();
  await page.evaluate(() => {
    const title = document.querySelector('[data-testid="service-title"]');
    if (title) title.dataset.old = '1';
  });
  const url = `${server.baseUrl}/#/service?period=${p}`;
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.waitForFunction((x) => {
    const title = document.querySelector('[data-testid="service-title"]');
    return title?.dataset.period === x && !title.dataset.old;
  }, p);
}

/** Submits `form` with `values` and waits until the page is drawn anew. */
async function submitForm(page, form, values) {
  await page.evaluate(() => {
    document.querySelector('[data-testid="service-title"]').dataset.old = '1';
  });
  for (const [name, value] of Object.entries(values)) await page.fill(`#${form} [name="${name}"]`, value);
  await page.click(`#${form} button[type="submit"]`);
  await page.waitForFunction(() => {
    const title = document.querySelector('[data-testid="service-title"]');
    return title && !title.dataset.old;
  });
}

let enterprise;
let city;
let county;
let uscc;
const ids = {};

describe('enterprise service page and a case from raised to evaluated (issue 14)', () => {
  before(async () => {
    const { server } = await suite();
    uscc = server.enterprise.uscc;
    enterprise = await signedInPage(server.users.enterprise);
    city = await signedInPage(server.users.city, { hash: `#/service?period=${period}` });
    county = await signedInPage(server.users.county, { hash: `#/service?period=${period}` });
  });

  test('a case is raised, assigned, worked, resolved, rated, reopened and rated again', async () => {
    // Raised today: within its deadline all along, so never escalated.
    const raised = await apiPost(enterprise, '/api/cases', { category: '用工', title: '技工招聘难（测试）' });
    assert.equal(raised.state, 'raised');
    assert.equal(raised.uscc, uscc);
    assert.equal(raised.alert, 'none');
    ids.reopened = raised.id;
    const path = `/api/cases/${raised.id}`;
    assert.equal((await apiPost(city, `${path}/assign`, { department: '市人社局', assignee: '王科长（测试）' })).state, 'assigned');
    assert.equal((await apiPost(county, `${path}/progress`, { note: '已对接职业院校（测试）' })).state, 'in_progress');
    assert.equal((await apiPost(county, `${path}/resolve`, { note: '已招到12人（测试）' })).state, 'resolved');
    assert.equal((await apiPost(enterprise, `${path}/evaluate`, { rating: 2, comment: '人数不够（测试）' })).rating, 2);
    // Rated 2: the meeting view lists it until it is reopened and settled.
    assert.ok((await apiGet(city, '/api/cases?view=meeting')).cases.some((c) => c.id === raised.id));
    const reopened = await apiPost(enterprise, `${path}/reopen`, { reason: '仍缺焊工（测试）' });
    assert.equal(reopened.state, 'assigned');
    assert.equal(reopened.reopened, 1);
    assert.equal(reopened.rating, null);
    assert.equal((await apiPost(county, `${path}/resolve`, { note: '再招8人（测试）' })).state, 'resolved');
    const evaluated = await apiPost(enterprise, `${path}/evaluate`, { rating: 5, comment: '满意（测试）' });
    assert.equal(evaluated.state, 'evaluated');
    assert.equal(evaluated.escalated, false);
    const detail = await apiGet(enterprise, path);
    assert.deepEqual(
      detail.events.map((e) => e.action),
      ['raise', 'assign', 'progress', 'resolve', 'evaluate', 'reopen', 'resolve', 'evaluate'],
    );
    assert.ok(!(await apiGet(city, '/api/cases?view=meeting')).cases.some((c) => c.id === raised.id));
  });

  test('a case of the period is resolved and rated there', async () => {
    // Registered late (its deadline passed before anyone read it: escalated on the way), resolved
    // on 2021-06-09 and rated 4: one of the period's resolved cases.
    const raised = await apiPost(enterprise, '/api/cases', { category: '用工', title: '用工备案（测试）', raised: '2021-06-02' });
    assert.equal(raised.deadline, '2021-06-12', '用工 has 10 days');
    ids.period = raised.id;
    const path = `/api/cases/${raised.id}`;
    await apiPost(city, `${path}/assign`, { department: '市人社局' });
    await apiPost(county, `${path}/resolve`, { resolved: '2021-06-09' });
    assert.equal((await apiPost(enterprise, `${path}/evaluate`, { rating: 4 })).state, 'evaluated');
  });

  test('a case past its deadline is overdue and escalated to the city', async () => {
    const raised = await apiPost(enterprise, '/api/cases', { category: '用电', title: '双回路供电（测试）', raised: '2021-06-05' });
    ids.overdue = raised.id;
    await apiPost(city, `/api/cases/${raised.id}/assign`, { department: '供电公司' });
    const read = await apiGet(county, `/api/cases/${raised.id}`);
    assert.equal(read.alert, 'overdue');
    assert.equal(read.level, 'city');
    assert.equal(read.escalated, true);
    assert.ok(read.events.some((e) => e.action === 'escalate' && e.user === 'system'));
  });

  test('the city sets the cadre and the county logs a visit through the page', async () => {
    await openService(city, period);
    await submitForm(city, 'assignment-form', { uscc, department: '市工信局', cadres: '测试干部甲' });
    const assignments = await apiGet(city, `/api/assignments?uscc=${uscc}&cadre=测试干部甲`);
    assert.equal(assignments.assignments.length, 1);
    await openService(county, period);
    await submitForm(county, 'visit-form', { uscc, date: '2021-06-15', cadre: '测试干部甲', findings: '现场查看招工进展（测试）' });
    const visits = await apiGet(county, `/api/visits?uscc=${uscc}&period=${period}&cadre=测试干部甲`);
    assert.equal(visits.visits.length, 1);
    assert.deepEqual(county.errors, []);
  });

  test('every figure of the service page equals report --json', async () => {
    const report = JSON.parse(await cli(['report', '--period', period, '--json']));
    const service = report.service;
    assert.ok(service, 'the demo has the service registers');
    const answer = await apiGet(city, `/api/service?period=${period}`);
    assert.deepEqual(answer.service, service, 'GET /api/service is the report\'s `service`');
    await openService(city, period);
    const shown = await shownHeadline(city);
    const expected = expectedHeadline(service);
    assert.deepEqual(Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v.text])), expected);
    for (const key of ['assigned', 'visited', 'visit_coverage', 'cases_resolved', 'on_time_rate', 'median_days', 'mean_rating', 'open_overdue']) {
      assert.deepEqual(shown[key].value, service[key], key);
    }
    assert.ok(service.cases_resolved >= 1, 'the case resolved on 2021-06-09 counts');
    // The cadre set and visited in June covers his one enterprise.
    const cadre = service.cadres.find((c) => c.cadre === '测试干部甲');
    assert.deepEqual([cadre.assigned, cadre.visited, cadre.visit_coverage], [1, 1, 100]);
    // Unvisited enterprises, the breakdowns and the overdue list, row by row.
    const unvisited = await tableRows(city, 'service-unvisited-table');
    assert.deepEqual(unvisited.map((r) => r[0]).sort(), [...service.unvisited].sort());
    const departments = Object.fromEntries((await tableRows(city, 'service-departments-table')).map((r) => [r[0], r.slice(1)]));
    assert.equal(Object.keys(departments).length, service.departments.length);
    for (const d of service.departments) {
      assert.deepEqual(
        departments[d.department],
        [count(d.assigned), count(d.visited), rate(d.visit_coverage), count(d.unvisited.length), count(d.cases_resolved), rate(d.on_time_rate), decimals(1)(d.median_days), decimals(2)(d.mean_rating), count(d.open_overdue)],
        d.department,
      );
    }
    const cadres = Object.fromEntries((await tableRows(city, 'service-cadres-table')).map((r) => [r[0], r.slice(1)]));
    for (const c of service.cadres) {
      assert.deepEqual(cadres[c.cadre], [count(c.assigned), count(c.visited), rate(c.visit_coverage), count(c.unvisited.length)], c.cadre);
    }
    assert.equal((await tableRows(city, 'service-counties-table')).length, service.counties.length);
    const overdue = await tableRows(city, 'service-overdue-table');
    assert.deepEqual(overdue.map((r) => r[0]).sort(), service.overdue_cases.map((c) => c.id).sort());
    assert.ok(overdue.some((r) => r[0] === ids.overdue), 'the escalated case is open and overdue at 2021-06-30');
    // The meeting view: exactly the overdue, escalated or rated ≤ 2 cases of the API.
    const all = (await apiGet(city, '/api/cases')).cases;
    const meeting = (await tableRows(city, 'service-meeting-table')).map((r) => r[0]).sort();
    const wanted = all.filter((c) => c.alert === 'overdue' || c.escalated || (c.rating !== null && c.rating <= 2)).map((c) => c.id).sort();
    assert.deepEqual(meeting, wanted);
    assert.ok(meeting.includes(ids.overdue));
    assert.ok(!meeting.includes(ids.reopened), 'rated 5 at last, never overdue nor escalated');
    assert.ok(meeting.includes(ids.period), 'escalated on its way');
    // Cases by state, as the list of cases.
    const states = await city.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-testid="service-case-states"] td')].map((td) => [td.dataset.state, td.innerText.trim()])));
    for (const s of ['raised', 'assigned', 'in_progress', 'resolved', 'evaluated']) {
      assert.equal(states[s], count(all.filter((c) => c.state === s).length), s);
    }
    assert.equal(states.escalated, count(all.filter((c) => c.escalated).length));
    await city.screenshot({ path: shot('service-city'), fullPage: true });
    assert.deepEqual(city.errors, []);
    assert.deepEqual(city.cspViolations, []);
  });

  test('a county sees its own area, as report --json with its scope', async () => {
    const report = JSON.parse(await cli(['report', '--period', period, '--scope', '410302', '--json']));
    await openService(county, period);
    const shown = await shownHeadline(county);
    assert.deepEqual(Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v.text])), expectedHeadline(report.service));
  });

  test('the registers download as workbooks', async () => {
    for (const register of ['assignments', 'visits', 'cases']) {
      const [download] = await Promise.all([city.waitForEvent('download'), city.click(`[data-testid="register-export-${register}"]`)]);
      assert.match(download.suggestedFilename(), /\.xlsx$/, register);
      const stream = await download.createReadStream();
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      assert.equal(Buffer.concat(chunks).subarray(0, 2).toString(), 'PK', `${register} is a zip (xlsx)`);
    }
  });

  test('the enterprise page shows its open case, its visit and its safety section', async () => {
    const { server } = await suite();
    for (const page of [city, enterprise]) {
      await page.goto(`${server.baseUrl}/#/enterprise/${uscc}?period=${period}`);
      await page.waitForSelector('[data-testid="enterprise-service"]');
      const open = (await tableRows(page, 'enterprise-open-cases')).map((r) => r[0]);
      assert.ok(open.includes(ids.overdue), 'the open case');
      assert.ok(!open.includes(ids.reopened) && !open.includes(ids.period), 'not the evaluated ones');
      const visits = await tableRows(page, 'enterprise-visits');
      assert.ok(visits.some((r) => r[0] === '2021-06-15' && r[1] === '测试干部甲'));
      assert.match(await page.locator('[data-testid="enterprise-cadres"]').innerText(), /测试干部甲/);
      await page.waitForSelector('[data-testid="enterprise-safety"]');
      assert.deepEqual(page.errors, []);
    }
    await city.screenshot({ path: shot('service-enterprise-page'), fullPage: true });
  });

  test('axe finds no serious violation on the service page', async () => {
    const { server } = await suite();
    const page = await signedInPage(server.users.city, { hash: `#/service?period=${period}`, bypassCSP: true });
    await openService(page, period);
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
    );
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')}`);
    assert.deepEqual(serious, []);
    await page.close();
  });

  test('the service page fits a phone', async () => {
    const { server } = await suite();
    const phone = await signedInPage(server.users.city, { width: 390, height: 844, hash: `#/service?period=${period}` });
    await openService(phone, period);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
    const columns = await phone.evaluate(() => getComputedStyle(document.querySelector('.service-stats')).gridTemplateColumns.split(' ').length);
    assert.equal(columns, 2);
    await phone.screenshot({ path: shot('service-phone'), fullPage: true });
    assert.deepEqual(phone.errors, []);
    await phone.close();
  });
});
