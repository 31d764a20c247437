// Issue #18, items 7 and 6: the submit form's 上年同期 follows the period, is read-only and has its
// unit; what was typed survives the language switch; messages lead with plain words, the rule id
// after. The review queue reaches 全部, names the enterprise, shows last year's value and the
// growth; a return's reason reaches the enterprise. Run alone or through dashboard.test.mjs:
//   node tests/e2e/workflow.test.mjs ZHIZAO_BINARY [SCREENSHOT_DIR]
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { signIn, signOut } from './browser.mjs';
import { apiGet, markStale, shot, signedInPage, suite, text } from './fixture.mjs';
import { rounded } from './rounding.mjs';

const yearBefore = (period) => `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
const previousMonth = (period) => {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
/** 万元 as the dashboard writes it: thousands separators, one decimal. */
const wan = (v) => (v === null || v === undefined ? '—' : v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

let server;

/** Switches the language with the header button and waits for the page drawn anew. */
async function switchLanguage(page, waitFor) {
  await markStale(page);
  await page.click('#lang-toggle');
  await page.waitForSelector(`#view:not([data-stale]) ${waitFor}`);
}

describe('submission and review (issue #18, items 6 and 7)', () => {
  before(async () => {
    ({ server } = await suite());
  });

  test('item 7: 上年同期 follows the period, read-only with units; typing survives 中文/EN; messages first', async () => {
    for (const [width, height] of [[1440, 900], [390, 844]]) {
      const page = await signedInPage(server.users.enterprise, { width, height });
      await page.waitForSelector('[data-testid="submit"]');
      const months = new Map((await apiGet(page, `/api/enterprises/${server.enterprise.uscc}/months`)).months.map((m) => [m.period, m]));
      const lastYear = async () => ({
        output: await page.inputValue('[data-testid="field-output_prev"]'),
        value_added: await page.inputValue('[data-testid="field-value_added_prev"]'),
        electricity: await page.inputValue('[data-testid="field-electricity_prev"]'),
      });
      const expected = (period) => {
        const own = months.get(period);
        const before = months.get(yearBefore(period));
        const pick = (field) => own?.[`${field}_prev`] ?? before?.[field] ?? null;
        return Object.fromEntries(['output', 'value_added', 'electricity'].map((f) => [f, pick(f) === null ? '' : String(pick(f))]));
      };
      const first = await page.inputValue('[data-testid="field-period"]');
      assert.deepEqual(await lastYear(), expected(first));
      assert.notEqual(expected(first).output, '', 'the demo enterprise reported a year before');

      // Read-only, with units.
      for (const field of ['output_prev', 'value_added_prev', 'electricity_prev']) {
        assert.equal(await page.getAttribute(`[data-testid="field-${field}"]`, 'readonly'), '');
      }
      assert.equal(await text(page, 'unit-output_prev'), '万元');
      assert.equal(await text(page, 'unit-value_added_prev'), '万元');
      assert.equal(await text(page, 'unit-electricity_prev'), '万千瓦时');

      // Another period: its own last year, not the previous period's.
      const other = previousMonth(previousMonth(first));
      await page.fill('[data-testid="field-period"]', other);
      await page.dispatchEvent('[data-testid="field-period"]', 'change');
      assert.deepEqual(await lastYear(), expected(other));
      assert.notDeepEqual(expected(other), expected(first));
      await page.fill('[data-testid="field-period"]', first);
      await page.dispatchEvent('[data-testid="field-period"]', 'change');

      // A refused figure: the message in words first, the rule id after it, small.
      await page.fill('[data-testid="field-output"]', '-5');
      await page.fill('[data-testid="field-value_added"]', '12.5');
      await page.click('[data-testid="submit"]');
      const violation = page.locator('.field[data-field="output"] .violation').first();
      await violation.waitFor();
      const [message, ruleId] = [await violation.locator('.message').innerText(), await violation.locator('.rule-id').innerText()];
      assert.match(ruleId, /output_non_negative/);
      assert.doesNotMatch(message, /output_non_negative/);
      assert.ok((await violation.innerText()).trim().startsWith(message.trim()), 'the message leads');
      await page.screenshot({ path: shot(`item7-submit-message-zh-${width}`), fullPage: true });

      // 中文 → EN: what was typed stays, the message is in English now; and back.
      await switchLanguage(page, '[data-testid="submit"]');
      assert.equal(await page.inputValue('[data-testid="field-output"]'), '-5');
      assert.equal(await page.inputValue('[data-testid="field-value_added"]'), '12.5');
      assert.equal(await page.inputValue('[data-testid="field-period"]'), first);
      assert.equal(await text(page, 'unit-output_prev'), '10k yuan');
      const english = await page.locator('.field[data-field="output"] .violation .message').first().innerText();
      assert.doesNotMatch(english, /[\u4e00-\u9fff]/);
      assert.notEqual(english, message);
      await page.screenshot({ path: shot(`item7-submit-message-en-${width}`), fullPage: true });
      await switchLanguage(page, '[data-testid="submit"]');
      assert.equal(await page.inputValue('[data-testid="field-output"]'), '-5');
      assert.equal(await page.locator('.field[data-field="output"] .violation .message').first().innerText(), message);
      if (width < 400) assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test('item 6: the reviewer sees names, last year and growth, reaches 全部; the enterprise sees the reason', async () => {
    // The enterprise submits a plausible month (explaining what the soft rules ask about).
    const page = await signedInPage(server.users.enterprise);
    await page.waitForSelector('[data-testid="submit"]');
    const period = await page.inputValue('[data-testid="field-period"]');
    const prev = {
      output: Number(await page.inputValue('[data-testid="field-output_prev"]')),
      value_added: Number(await page.inputValue('[data-testid="field-value_added_prev"]')),
      electricity: Number(await page.inputValue('[data-testid="field-electricity_prev"]')),
    };
    const figures = { output: Math.round(prev.output * 1.1), value_added: Math.round(prev.value_added * 1.1), electricity: Math.round(prev.electricity * 1.1) };
    for (const [field, value] of Object.entries(figures)) if (value > 0) await page.fill(`[data-testid="field-${field}"]`, String(value));
    await page.click('[data-testid="submit"]');
    await page.waitForSelector('#submit-result.ok, #explanations textarea');
    if (await page.locator('#explanations textarea').count()) {
      for (const area of await page.locator('#explanations textarea').all()) await area.fill('订单增加，已核实');
      await page.click('[data-testid="submit"]');
      await page.waitForSelector('#submit-result.ok');
    }
    const id = (await text(page, 'submit-result')).match(/编号 (\d+)/)[1];
    await signOut(page);

    // The county: the enterprise's name (not its code), last year's figure and the growth.
    await signIn(page, server.baseUrl, server.users.county, '', '#/review');
    await page.waitForSelector(`[data-testid="approve-${id}"]`);
    const record = await apiGet(page, `/api/enterprises/${server.enterprise.uscc}`);
    assert.equal((await text(page, `name-${id}`)).trim(), record.name);
    const row = page.locator(`tr[data-id="${id}"]`);
    const outputCell = await row.locator('td.figure').first().innerText();
    assert.match(outputCell, new RegExp(wan(figures.output).replace(/[.]/g, '\\.')));
    assert.match(outputCell, new RegExp(`上年 ${wan(prev.output).replace(/[.]/g, '\\.')}`));
    const growth = (figures.output / prev.output - 1) * 100;
    assert.match(outputCell, new RegExp(`增速 \\+${rounded(growth, 1)}%`));
    await page.screenshot({ path: shot('item6-review-queue'), fullPage: true });

    // It returns the month with a reason.
    await page.fill(`[data-testid="comment-${id}"]`, '产值增幅与用电量不匹配，请核实后重报');
    await page.click(`[data-testid="reject-${id}"]`);
    await page.waitForFunction((sid) => document.querySelector(`[data-testid="state-${sid}"]`)?.textContent === '已退回', id);

    // 全部 is reachable and lists it with its reason.
    await markStale(page);
    await page.click('[data-testid="tab-all"]');
    await page.waitForSelector(`#view:not([data-stale]) tr[data-id="${id}"]`);
    assert.match(page.url(), /#\/review\?state=all$/);
    assert.equal(await page.getAttribute('[data-testid="tab-all"]', 'aria-current'), 'page');
    assert.match(await text(page, `reason-${id}`), /产值增幅与用电量不匹配/);
    await page.screenshot({ path: shot('item6-review-all'), fullPage: true });
    await signOut(page);

    // The enterprise sees 已退回 and the county's reason, in Chinese and in English.
    await signIn(page, server.baseUrl, server.users.enterprise);
    await page.waitForSelector(`[data-testid="my-reason-${id}"]`);
    assert.equal(await text(page, `my-state-${id}`), '已退回');
    assert.match(await text(page, `my-reason-${id}`), /退回原因：产值增幅与用电量不匹配，请核实后重报/);
    await page.screenshot({ path: shot('item6-enterprise-reason'), fullPage: true });
    await switchLanguage(page, `[data-testid="my-reason-${id}"]`);
    assert.match(await text(page, `my-reason-${id}`), /^Reason for return: 产值增幅与用电量不匹配/);
    await switchLanguage(page, '[data-testid="submit"]');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
