// The flood-season safety page (issue 14, docs/safety.md): opened from the cockpit, it shows each
// plan's progress and hazard counts exactly as `report --json`'s `safety` (GET /api/report),
// rounded once (half away from zero, as figures.test.mjs), the hazards with their states, the
// duty roster and its unstaffed days; a county user sees its county's figures; a period without
// a plan shows the empty state. The demo's plan runs June–September 2021 (docs/safety.md, "Demo").
//   node tests/e2e/safety.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { apiGet, markStale, openCockpit, shot, signedInPage, suite } from './fixture.mjs';
import { count, isNumber, rate, rounded } from './rounding.mjs';

const period = '2021-06';


/** The figures a plan's page must show, by data-key, from the report's JSON. */
function expectedFigures(plan) {
  const out = {
    enterprises: count(plan.enterprises),
    checked: count(plan.checked),
    coverage: rate(plan.coverage),
    time_progress: rate(plan.time_progress),
    unchecked: count(plan.unchecked.length),
  };
  for (const level of ['hazards', 'major', 'ordinary']) {
    for (const key of ['found', 'rectified', 'open', 'overdue', 'awaiting_reinspection']) out[`${level}.${key}`] = count(plan[level][key]);
  }
  return out;
}

/** The figures shown for `plan`, by data-key. */
const shownFigures = (page, plan) =>
  page.evaluate(
    (id) => Object.fromEntries([...document.querySelectorAll(`[data-testid="safety-figure"][data-plan="${id}"]`)].map((td) => [td.dataset.key, td.innerText.trim()])),
    plan,
  );

async function openSafety(page, p) {
  const { server } = await suite();
  await markStale(page);
  const url = `${server.baseUrl}/#/safety?period=${p}`;
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.waitForFunction((x) => document.querySelector('#view:not([data-stale]) [data-testid="safety-title"]')?.dataset.period === x, p);
}

let city;

describe('flood-season safety page (issue 14)', () => {
  before(async () => {
    city = await signedInPage((await suite()).server.users.city, { hash: `#/cockpit?period=${period}` });
  });

  test('opened from the cockpit; every figure equals the report JSON', async () => {
    await openCockpit(city, period);
    await markStale(city);
    await city.click('[data-testid="safety-link"]');
    await city.waitForSelector('#view:not([data-stale]) [data-testid="safety-title"]');
    assert.match(city.url(), /#\/safety\?period=2021-06/);
    const report = await apiGet(city, `/api/report?period=${period}`);
    assert.ok(report.safety, 'the demo has a safety plan in June 2021');
    const page = await apiGet(city, `/api/safety?period=${period}`);
    assert.deepEqual(page.safety, report.safety, 'GET /api/safety carries the report\'s figures');
    const plans = await city.locator('[data-testid="safety-plan"]').evaluateAll((els) => els.map((e) => e.dataset.plan));
    assert.deepEqual(plans, report.safety.plans.map((p) => p.id));
    for (const plan of report.safety.plans) {
      assert.deepEqual(await shownFigures(city, plan.id), expectedFigures(plan), `plan ${plan.id}`);
      const gaps = await city.locator(`[data-testid="safety-roster-gaps"][data-plan="${plan.id}"]`).innerText();
      assert.equal(gaps, plan.roster_gaps.length ? plan.roster_gaps.join('、') : '暂无');
    }
    // The hazards listed: those of the answer, each with its state; the overdue ones as the report.
    const rows = await city.locator('[data-testid="safety-hazard"]').evaluateAll((els) => els.map((e) => [e.dataset.id, e.dataset.state]));
    assert.deepEqual(rows, page.hazards.map((h) => [h.id, h.state]));
    const overdue = rows.filter(([, state]) => state === 'overdue').map(([id]) => id).sort();
    assert.deepEqual(overdue, report.safety.plans.flatMap((p) => p.overdue_hazards.map((h) => h.id)).sort());
    assert.equal(await city.locator('[data-testid="safety-roster"] tbody tr').count(), page.roster.length);
    await city.screenshot({ path: shot('safety-city'), fullPage: true });
    assert.deepEqual(city.errors, []);
  });

  test('a county sees its own county; a period without a plan shows the empty state', async () => {
    const county = await signedInPage((await suite()).server.users.county, { hash: `#/safety?period=${period}` });
    await openSafety(county, period);
    const report = await apiGet(county, `/api/report?period=${period}`);
    for (const plan of report.safety?.plans ?? []) {
      assert.deepEqual(await shownFigures(county, plan.id), expectedFigures(plan), `county plan ${plan.id}`);
    }
    await openSafety(county, '2021-04');
    assert.equal(await county.locator('[data-testid="safety-empty"]').count(), 1);
    assert.deepEqual(county.errors, []);
    await county.close();
  });
});
