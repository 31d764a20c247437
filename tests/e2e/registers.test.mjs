// The register forms of issue 14 as their users live them, on the demo: the county records a check
// and a hazard through the safety page's forms; the enterprise, on a phone, first picks a text
// file as proof (refused by the server, told in plain words) and then uploads a PNG; the county
// marks the hazard rectified and re-inspects it (passed). The enterprise raises a case through the
// form on a phone in English; the county finds it in its list (and is told in plain words when it
// raises one for an enterprise outside its area); the county assigns, records progress and
// resolves it, and the enterprise rates it and reopens it, through the case page's forms. At every
// step what the page shows equals the API's answer, and each row's history list equals GET
// .../revisions.
//   node tests/e2e/registers.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { webDir } from './browser.mjs';
import { apiGet, markStale, shot, signedInPage, suite } from './fixture.mjs';

const axeSource = readFileSync(createRequire(join(webDir, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

const period = '2021-06';
// A 1×1 PNG: the signature the server sniffs, then the image.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Goes to `hash` and waits until `testid` is drawn in the view drawn for it. */
async function open(page, hash, testid) {
  const { server } = await suite();
  await markStale(page);
  const url = `${server.baseUrl}/${hash}`;
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.waitForSelector(`#view:not([data-stale]) [data-testid="${testid}"]`);
}

/**
 * Runs `action` and waits until the view is drawn anew (an in-page redraw keeps #view itself, so
 * its heading is marked instead) with `testid` in it.
 */
async function redrawn(page, action, testid) {
  await page.evaluate(() => document.querySelector('#view .subhead')?.setAttribute('data-old', '1'));
  await action();
  await page.waitForFunction((id) => {
    const head = document.querySelector('#view .subhead');
    return head && !head.hasAttribute('data-old') && document.querySelector(`#view [data-testid="${id}"]`);
  }, testid);
}

/** A full-page screenshot from the top (a form's focus may have scrolled the page). */
async function snap(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot(name), fullPage: true });
}

/** Waits for the status line of `form` to say something of `kind` ('ok' or 'error'); its text. */
async function status(page, form, kind) {
  const selector = `#${form} [data-testid="form-status"][data-kind="${kind}"]`;
  await page.waitForSelector(selector);
  return (await page.locator(selector).innerText()).trim();
}

/** The hazard page's facts by key, and its history as [revision, action, user]. */
const shownFacts = (page, testid) =>
  page.evaluate((id) => Object.fromEntries([...document.querySelectorAll(`[data-testid="${id}"]`)].map((dd) => [dd.dataset.key, dd.innerText.trim()])), testid);
const shownHistory = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid="history-item"]')].map((li) => [Number(li.dataset.revision), li.dataset.action, li.dataset.user]));
const apiHistory = (answer) => answer.revisions.map((r) => [r.revision, r.action, r.user]);

/** The hazard page must show the API's hazard and its revisions. */
async function expectHazardPage(page, id, lang = 'zh') {
  const hazard = await apiGet(page, `/api/safety/hazards/${id}`);
  const history = await apiGet(page, `/api/safety/hazards/${id}/revisions`);
  assert.deepEqual(history.revisions, hazard.revisions, 'the history endpoint is the detail\'s revisions');
  const facts = await shownFacts(page, 'hazard-field');
  const levels = lang === 'zh' ? { major: '重大', ordinary: '一般' } : { major: 'Major', ordinary: 'Ordinary' };
  assert.equal(facts.level, levels[hazard.level]);
  assert.equal(facts.found, hazard.found);
  assert.equal(facts.deadline, hazard.deadline);
  assert.equal(facts.description, hazard.description);
  assert.equal(facts.rectified, hazard.rectified ?? '—');
  assert.equal(facts.reinspected, hazard.reinspected ?? '—');
  assert.equal(await page.locator('[data-testid="hazard-title"]').getAttribute('data-state'), hazard.state);
  assert.deepEqual(await shownHistory(page), apiHistory(history));
  return hazard;
}

let county;
let firm;
let uscc;
const ids = {};

describe('register forms: a hazard carried to re-inspection, a case raised (issue 14)', () => {
  before(async () => {
    const { server } = await suite();
    uscc = server.enterprise.uscc;
    county = await signedInPage(server.users.county, { hash: `#/safety?period=${period}` });
    firm = await signedInPage(server.users.enterprise, { width: 390, height: 844, lang: 'en' });
  });

  test('the county records a check and a hazard through the safety page', async () => {
    await open(county, `#/safety?period=${period}`, 'check-form');
    // A required field left empty is told before anything is sent.
    await county.selectOption('#check-form-plan', { index: 0 });
    await county.fill('#check-form-uscc', uscc);
    await county.fill('#check-form-date', '2021-06-20');
    await county.click('[data-testid="check-submit"]');
    assert.equal(await status(county, 'check-form', 'error'), '请填写“检查人”。');
    assert.equal(await county.evaluate(() => document.activeElement?.id), 'check-form-inspector');
    // With the keyboard: type the inspector and press Enter.
    await county.fill('#check-form-inspector', '测试检查员');
    await county.fill('#check-form-findings', '排洪设施淤堵（测试）');
    await redrawn(county, () => county.press('#check-form-inspector', 'Enter'), 'check-form');
    const said = await status(county, 'check-form', 'ok');
    ids.check = /JC\d{8}-\d{3}/.exec(said)?.[0];
    assert.ok(ids.check, said);
    await snap(county, 'registers-safety-forms');
    const answer = await apiGet(county, `/api/safety?period=${period}`);
    const check = answer.checks.find((c) => c.id === ids.check);
    assert.deepEqual([check.uscc, check.date, check.inspector, check.findings, check.plan], [uscc, '2021-06-20', '测试检查员', '排洪设施淤堵（测试）', answer.plans[0].id]);
    const checkHistory = await apiGet(county, `/api/safety/checks/${ids.check}/revisions`);
    assert.deepEqual(apiHistory(checkHistory), [[1, 'check', 'laocheng']]);

    // The hazard form has the new check chosen; a deadline before the day found is refused by the
    // server and told in plain words, the field marked.
    assert.equal(await county.inputValue('#hazard-form-check'), ids.check);
    await county.check('#hazard-form input[name="level"][value="major"]');
    await county.fill('#hazard-form-found', '2021-06-21');
    await county.fill('#hazard-form-deadline', '2021-06-01');
    await county.fill('#hazard-form-description', '坝体渗水（测试）');
    await county.click('[data-testid="hazard-submit"]');
    assert.match(await status(county, 'hazard-form', 'error'), /^整改时限不能早于发现日期。/);
    assert.match(await county.locator('#hazard-form [data-testid="form-error-detail"]').innerText(), /bad_request · deadline/);
    await county.fill('#hazard-form-deadline', '');
    await redrawn(county, () => county.click('[data-testid="hazard-submit"]'), 'hazard-title');
    ids.hazard = await county.locator('[data-testid="hazard-title"]').getAttribute('data-id');
    assert.match(ids.hazard, /^YH20210621-\d{3}$/);
    const hazard = await expectHazardPage(county, ids.hazard);
    assert.deepEqual([hazard.level, hazard.deadline, hazard.state], ['major', '2021-07-21', 'overdue'], 'major: found + 30 days');
    // The county may not upload for itself yet: rectifying needs a proof file.
    assert.equal(await county.locator('[data-testid="rectify-form"]').count(), 1);
    assert.equal(await county.locator('[data-testid="reinspect-form"]').count(), 0);
    await snap(county, 'registers-hazard-recorded');
    assert.deepEqual(county.errors, []);
  });

  test('the enterprise uploads its proof on a phone: a text file refused, a PNG taken', async () => {
    await open(firm, `#/hazard/${ids.hazard}`, 'proof-form');
    assert.equal(await firm.locator('[data-testid="rectify-form"]').count(), 0, 'the bureau confirms rectification');
    await firm.setInputFiles('#proof-form-proof', { name: 'proof.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await firm.click('[data-testid="proof-submit"]');
    assert.match(await status(firm, 'proof-form', 'error'), /^The proof must be a PDF, JPEG or PNG file\./);
    assert.match(await firm.locator('#proof-form [data-testid="form-error-detail"]').innerText(), /^unsupported_media_type · proof/);
    await snap(firm, 'registers-proof-refused-phone');
    await firm.setInputFiles('#proof-form-proof', { name: 'proof.png', mimeType: 'image/png', buffer: png });
    await redrawn(firm, () => firm.click('[data-testid="proof-submit"]'), 'hazard-proof');
    assert.equal(await status(firm, 'proof-form', 'ok'), 'Proof uploaded');
    const hazard = await expectHazardPage(firm, ids.hazard, 'en');
    assert.ok(hazard.proof?.url, 'the stored proof');
    const overflow = await firm.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
    await snap(firm, 'registers-proof-phone');
    assert.deepEqual(firm.errors, []);
  });

  test('the county marks it rectified and re-inspects it (passed)', async () => {
    await open(county, `#/hazard/${ids.hazard}`, 'rectify-form');
    await county.fill('#rectify-form-rectified', '2021-06-25');
    await county.fill('#rectify-form-note', '已清淤加固（测试）');
    await redrawn(county, () => county.click('[data-testid="rectify-submit"]'), 'reinspect-form');
    let hazard = await expectHazardPage(county, ids.hazard);
    assert.equal(hazard.state, 'awaiting_reinspection');
    await county.check('#reinspect-form input[name="result"][value="passed"]');
    await county.fill('#reinspect-form-date', '2021-06-27');
    await redrawn(county, () => county.click('[data-testid="reinspect-submit"]'), 'hazard-closed');
    hazard = await expectHazardPage(county, ids.hazard);
    assert.deepEqual([hazard.state, hazard.rectified, hazard.reinspected, hazard.reinspection_result], ['closed', '2021-06-25', '2021-06-27', 'passed']);
    const history = await apiGet(county, `/api/safety/hazards/${ids.hazard}/revisions`);
    assert.deepEqual(
      history.revisions.map((r) => [r.action, r.user]),
      [['hazard', 'laocheng'], ['proof', 'firm'], ['rectify', 'laocheng'], ['reinspect', 'laocheng']],
    );
    // The history shows what changed: the rectification date, then the result.
    const changes = await county.locator('[data-testid="history-item"][data-action="reinspect"] .revision-changes li').allInnerTexts();
    assert.ok(changes.some((c) => c.startsWith('复查结果') && c.endsWith('通过')), changes.join(' | '));
    await snap(county, 'registers-hazard-closed');
    // The safety page of June lists it closed, as the API.
    await open(county, `#/safety?period=${period}`, 'safety-title');
    const row = county.locator(`[data-testid="safety-hazard"][data-id="${ids.hazard}"]`);
    assert.equal(await row.getAttribute('data-state'), (await apiGet(county, `/api/safety?period=${period}`)).hazards.find((h) => h.id === ids.hazard).state);
    assert.equal(await row.getAttribute('data-state'), 'closed');
    assert.deepEqual(county.errors, []);
  });

  test('the enterprise raises a case on a phone, in English; the county finds it in its list', async () => {
    await open(firm, '#/cases', 'case-form');
    assert.equal(await firm.locator('#case-form-uscc').count(), 0, 'an enterprise raises for itself');
    await firm.fill('#case-form-title', 'Power line for the new workshop (test)');
    await firm.click('[data-testid="case-submit"]');
    assert.equal(await status(firm, 'case-form', 'error'), 'Please fill in “Category”.');
    await firm.fill('#case-form-category', '用电');
    await firm.fill('#case-form-description', 'A second line before July (test)');
    await firm.click('[data-testid="case-submit"]');
    const said = await status(firm, 'case-form', 'ok');
    ids.case = /SQ\d{8}-\d{3}/.exec(said)?.[0];
    assert.ok(ids.case, said);
    const raised = await apiGet(firm, `/api/cases/${ids.case}`);
    assert.equal(said, `Case ${raised.id} raised; deadline ${raised.deadline}`);
    assert.deepEqual([raised.uscc, raised.category, raised.state, raised.department], [uscc, '用电', 'raised', '']);
    await firm.waitForSelector(`[data-testid="cases-table"] a[href*="${ids.case}"]`);
    const overflow = await firm.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
    await snap(firm, 'registers-case-phone');

    // The county's list: every case the API gives it, the new one with the API's words.
    await open(county, '#/cases', 'cases-table');
    const listed = await county.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('[data-testid="cases-table"] tbody tr')].map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.innerText.trim());
        return [cells[0], cells];
      })),
    );
    const all = (await apiGet(county, '/api/cases')).cases;
    assert.deepEqual(Object.keys(listed).sort(), all.map((c) => c.id).sort());
    assert.deepEqual(listed[ids.case].slice(2, 6), ['用电', raised.title, '已提出', raised.deadline]);
    // Its page: the facts and the history as the API.
    await redrawn(county, () => county.click(`[data-testid="cases-table"] a[href*="${ids.case}"]`), 'case-title');
    const facts = await shownFacts(county, 'case-field');
    assert.deepEqual([facts.uscc, facts.category, facts.title, facts.deadline, facts.state], [uscc, '用电', raised.title, raised.deadline, '已提出']);
    const history = await apiGet(county, `/api/cases/${ids.case}/revisions`);
    assert.deepEqual(await shownHistory(county), apiHistory(history));
    assert.deepEqual(apiHistory(history), [[1, 'raise', 'firm']]);
    await snap(county, 'registers-case-county');
  });

  test('a cadre raises a case in its area with a department; outside it, is told why not', async () => {
    const { server } = await suite();
    const city = await signedInPage(server.users.city);
    const elsewhere = (await apiGet(city, '/api/assignments')).assignments.find((a) => !a.region.startsWith(server.county));
    await city.close();
    assert.ok(elsewhere, 'the demo assigns an enterprise outside 410302');
    await open(county, '#/cases', 'case-form');
    await county.fill('#case-form-uscc', elsewhere.uscc);
    await county.fill('#case-form-category', '用地');
    await county.fill('#case-form-title', '扩建用地（测试）');
    await county.click('[data-testid="case-submit"]');
    assert.match(await status(county, 'case-form', 'error'), /^您无权为该企业进行此操作/);
    assert.match(await county.locator('#case-form [data-testid="form-error-detail"]').innerText(), /^forbidden/);
    await county.fill('#case-form-uscc', uscc);
    await county.fill('#case-form-department', '区自然资源局');
    await county.click('[data-testid="case-submit"]');
    const said = await status(county, 'case-form', 'ok');
    const id = /SQ\d{8}-\d{3}/.exec(said)?.[0];
    const raised = await apiGet(county, `/api/cases/${id}`);
    assert.deepEqual([raised.state, raised.department, raised.raised_by], ['assigned', '区自然资源局', 'laocheng']);
    assert.equal(said, `已提出诉求 ${id}，办结时限 ${raised.deadline}`);
    assert.deepEqual(county.errors, []);
  });

  test('the county assigns, records progress and resolves the case; the enterprise rates it and reopens it', async () => {
    const step = async (page, form, fill, state) => {
      await open(page, `#/case/${ids.case}`, form);
      await fill();
      await redrawn(page, () => page.click(`[data-testid="${form}-submit"]`), 'case-title');
      const answer = await apiGet(page, `/api/cases/${ids.case}`);
      assert.equal(answer.state, state, form);
      assert.equal(await page.locator('[data-testid="case-title"]').getAttribute('data-revision'), String(answer.revision));
      return answer;
    };
    const assigned = await step(county, 'assign-form', async () => {
      await county.fill('#assign-form-department', '区发展改革委');
      await county.fill('#assign-form-assignee', '王五');
    }, 'assigned');
    assert.deepEqual([assigned.department, assigned.assignee], ['区发展改革委', '王五']);
    assert.equal((await shownFacts(county, 'case-field')).department, '区发展改革委');
    await step(county, 'progress-form', () => county.fill('#progress-form-note', '已协调供电公司现场查勘（测试）'), 'in_progress');
    const resolved = await step(county, 'resolve-form', () => county.fill('#resolve-form-note', '第二回路已接通（测试）'), 'resolved');
    assert.match(resolved.resolved, /^\d{4}-\d{2}-\d{2}$/, 'resolved today when no date is given');
    assert.equal((await shownFacts(county, 'case-field')).resolved, resolved.resolved);
    assert.equal(await county.locator('#evaluate-form').count(), 0, 'only the enterprise rates');

    // The enterprise, on its phone in English: rates 4, then reopens (a reason is required).
    await open(firm, `#/case/${ids.case}`, 'evaluate-form');
    await firm.check('#evaluate-form input[name="rating"][value="4"]');
    await firm.fill('#evaluate-form-comment', 'Quick, but the line trips (test)');
    await redrawn(firm, () => firm.click('[data-testid="evaluate-form-submit"]'), 'case-title');
    const rated = await apiGet(firm, `/api/cases/${ids.case}`);
    assert.deepEqual([rated.state, rated.rating], ['evaluated', 4]);
    assert.equal((await shownFacts(firm, 'case-field')).rating, '4');
    await firm.click('[data-testid="reopen-form-submit"]');
    assert.equal(await status(firm, 'reopen-form', 'error'), 'Please fill in “Reason”.');
    await firm.fill('#reopen-form-reason', 'The second line trips every night (test)');
    await redrawn(firm, () => firm.click('[data-testid="reopen-form-submit"]'), 'case-title');
    const reopened = await apiGet(firm, `/api/cases/${ids.case}`);
    assert.ok(reopened.reopened, 'marked reopened');
    assert.ok(!['resolved', 'evaluated'].includes(reopened.state), reopened.state);
    const history = await apiGet(firm, `/api/cases/${ids.case}/revisions`);
    assert.deepEqual(history.revisions.map((r) => r.action), ['raise', 'assign', 'progress', 'resolve', 'evaluate', 'reopen']);
    assert.deepEqual(await shownHistory(firm), apiHistory(history));
    await snap(firm, 'registers-case-reopened-phone');
    assert.deepEqual(firm.errors, []);
  });

  test('axe finds no serious violation on the forms and histories', async () => {
    const { server } = await suite();
    const pages = [
      [server.users.county, `#/hazard/${ids.hazard}`, 'hazard-title'],
      [server.users.county, `#/safety?period=${period}`, 'check-form'],
      [server.users.enterprise, '#/cases', 'case-form'],
      [server.users.county, `#/case/${ids.case}`, 'case-title'],
    ];
    for (const [user, hash, testid] of pages) {
      const page = await signedInPage(user, { hash, bypassCSP: true });
      await page.waitForSelector(`[data-testid="${testid}"]`);
      await page.addScriptTag({ content: axeSource });
      const results = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
      );
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')}`);
      assert.deepEqual(serious, [], hash);
      await page.close();
    }
  });
});
