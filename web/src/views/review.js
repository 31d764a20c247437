// The review queue: GET /api/submissions (the server returns what the caller may see) and
// POST /api/submissions/ID/review. A county approves submitted → county_approved, the city
// county_approved → published. Beside each figure the reviewer sees last year's value and the
// growth, and the enterprise's name; explanations of soft rules and the reason of a return are
// shown with the row. Tabs: the state the caller acts on (default), each state, and 全部 (all).
import { api } from '../api.js';
import { displaySign, escapeHtml, precision, signedPercent, wan } from '../format.js';
import { t } from '../i18n.js';
import { currentRoute, link, roleKind } from '../state.js';
import { enterpriseNames, lastYearOf, messageOf, reasonOf, stateText } from './submission_facts.js';

const states = ['submitted', 'county_approved', 'published', 'rejected'];

/** The state a role acts on: counties review `submitted`, the city `county_approved`. */
function actionableState(kind) {
  if (kind === 'county') return 'submitted';
  if (kind === 'city' || kind === 'admin') return 'county_approved';
  return null;
}

function explanationsHtml(s) {
  const entries = Object.entries(s.explanations ?? {});
  const warnings = s.warnings ?? [];
  const byRule = new Map(warnings.map((w) => [w.rule, w]));
  // The rule's message first, in the reader's language; its id after it, small.
  const parts = entries.map(([rule, text]) => {
    const w = byRule.get(rule);
    return `<div class="explain">${w ? `<span>${escapeHtml(messageOf(w))}</span> ` : ''}<b>${escapeHtml(text)}</b> <small class="rule-id">${escapeHtml(rule)}</small></div>`;
  });
  for (const w of warnings) {
    if (!entries.some(([rule]) => rule === w.rule)) {
      parts.push(`<div class="explain soft">${escapeHtml(messageOf(w))} <small class="rule-id">${escapeHtml(w.rule ?? '')}</small></div>`);
    }
  }
  return parts.join('') || '—';
}

/** The products part (issue 15): each product's quantity and last year's, the flagged ones marked. */
function productsHtml(s) {
  if (!s.products?.length) return '';
  const flagged = new Set((s.product_flags ?? []).map((f) => f.product));
  const items = s.products.map(
    (p) => `<li class="${flagged.has(p.product) ? 'soft' : ''}" data-testid="product-${escapeHtml(s.id)}-${escapeHtml(p.product)}">${escapeHtml(p.product)}: ${escapeHtml(
      p.quantity,
    )}${p.quantity_prev === null || p.quantity_prev === undefined ? '' : ` <small>(${escapeHtml(t('lastYearShort'))} ${escapeHtml(p.quantity_prev)})</small>`}${
      flagged.has(p.product) ? ` <b>${escapeHtml(t('productFlagged'))}</b>` : ''
    }</li>`,
  );
  return `<div class="products"><b>${escapeHtml(t('colProducts'))}</b><ul>${items.join('')}</ul></div>`;
}

/** A figure with last year's value and the growth beneath it. */
function figureCell(current, previous) {
  const growth =
    current === null || current === undefined || !previous ? null : (current / previous - 1) * 100;
  const growthClass = displaySign(growth, precision.rate) < 0 ? 'neg' : '';
  return `<td class="num figure"><span class="current">${wan(current)}</span>
      <small class="block previous">${escapeHtml(t('lastYearShort'))} ${wan(previous)}</small>
      <small class="block growth ${growthClass}">${escapeHtml(t('growth'))} ${signedPercent(growth)}</small></td>`;
}

/** Draws the queue into `root`. */
export async function render(root, { isCurrent }) {
  const { kind } = roleKind();
  const wanted = currentRoute().params.get('state');
  const filter = wanted ?? actionableState(kind) ?? 'all';
  const body = await api.submissions(filter === 'all' ? undefined : filter);
  if (!isCurrent()) return;
  const rows = Array.isArray(body) ? body : body?.submissions ?? [];
  // Names, last year's figures and the reasons of returns come with the rows when the API gives
  // them (docs/issue18-server-needs.md), else from the enterprise endpoints the reviewer may read.
  const [names, lastYear, reasons] = await Promise.all([
    enterpriseNames(rows),
    lastYearOf(rows),
    Promise.all(rows.map((s) => (s.state === 'rejected' ? reasonOf(s) : null))),
  ]);
  if (!isCurrent()) return;
  const canAct = (s) => s.state === actionableState(kind);

  root.innerHTML = `
    <div class="subhead">
      <h1>${escapeHtml(t('reviewTitle'))}</h1>
      <nav class="segmented tabs" aria-label="${escapeHtml(t('reviewTabs'))}">
        ${['all', ...states]
          .map(
            (s) =>
              `<a class="${s === filter ? 'on' : ''}" ${s === filter ? 'aria-current="page"' : ''} href="${link(['review'], { state: s })}" data-testid="tab-${s}">${escapeHtml(
                s === 'all' ? t('stateAll') : stateText(s),
              )}</a>`,
          )
          .join('')}
      </nav>
    </div>
    <section class="panel">
      ${
        rows.length === 0
          ? `<div class="empty" data-testid="review-empty">${escapeHtml(t('reviewEmpty'))}</div>`
          : `<div class="table-scroll"><table class="data-table review-table" data-testid="review-table">
          <thead><tr>
            <th scope="col">${escapeHtml(t('colId'))}</th><th scope="col">${escapeHtml(t('colName'))}</th><th scope="col">${escapeHtml(t('colPeriod'))}</th>
            <th scope="col" class="num">${escapeHtml(t('fieldOutputShort'))}</th><th scope="col" class="num">${escapeHtml(t('fieldValueAddedShort'))}</th>
            <th scope="col" class="num">${escapeHtml(t('fieldElectricityShort'))}</th><th scope="col">${escapeHtml(t('colExplanations'))}</th>
            <th scope="col">${escapeHtml(t('colState'))}</th><th scope="col">${escapeHtml(t('colAction'))}</th></tr></thead>
          <tbody>${rows
            .map((s, i) => {
              const name = names.get(s.uscc);
              const before = lastYear[i] ?? {};
              return `<tr data-id="${escapeHtml(s.id)}">
                <td>${escapeHtml(s.id)}</td>
                <td><a href="${link(['enterprise', s.uscc])}" data-testid="name-${escapeHtml(s.id)}">${escapeHtml(name ?? s.uscc)}</a>${name ? `<small class="block muted">${escapeHtml(s.uscc)}</small>` : ''}</td>
                <td>${escapeHtml(s.period)}</td>
                ${figureCell(s.output, before.output)}
                ${figureCell(s.value_added, before.value_added)}
                ${figureCell(s.electricity, before.electricity)}
                <td class="explanations">${explanationsHtml(s)}${productsHtml(s)}${
                  reasons[i] ? `<div class="reason" data-testid="reason-${escapeHtml(s.id)}"><b>${escapeHtml(t('returnReason'))}</b> ${escapeHtml(reasons[i])}</div>` : ''
                }</td>
                <td><span class="state state-${escapeHtml(s.state)}" data-testid="state-${escapeHtml(s.id)}">${escapeHtml(stateText(s.state))}</span></td>
                <td><div class="actions">${
                  canAct(s)
                    ? `<input class="comment" aria-label="${escapeHtml(t('comment'))}" placeholder="${escapeHtml(t('comment'))}" data-testid="comment-${escapeHtml(s.id)}">
                       <button type="button" class="primary small" data-decision="approve" data-testid="approve-${escapeHtml(s.id)}">${escapeHtml(t('approve'))}</button>
                       <button type="button" class="danger small" data-decision="reject" data-testid="reject-${escapeHtml(s.id)}">${escapeHtml(t('reject'))}</button>`
                    : ''
                }</div></td></tr>`;
            })
            .join('')}</tbody></table></div>`
      }
    </section>`;

  for (const button of root.querySelectorAll('button[data-decision]')) {
    button.addEventListener('click', async () => {
      const tr = button.closest('tr');
      const comment = tr.querySelector('.comment')?.value ?? '';
      for (const b of tr.querySelectorAll('button')) b.disabled = true;
      try {
        const answer = await api.review(tr.dataset.id, button.dataset.decision, comment);
        const cell = tr.querySelector('.state');
        cell.className = `state state-${answer?.state ?? ''}`;
        cell.textContent = stateText(answer?.state ?? button.dataset.decision);
        tr.querySelector('.actions').innerHTML = '';
      } catch (error) {
        tr.querySelector('.actions').insertAdjacentHTML('beforeend', `<div class="form-error">${escapeHtml(error.message)}</div>`);
        for (const b of tr.querySelectorAll('button')) b.disabled = false;
      }
    });
  }
}
