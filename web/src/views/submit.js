// The enterprise's monthly submission (联网直报): POST /api/submissions. Hard-rule violations are
// shown under their field; a soft rule that fails asks for a written explanation, which is sent
// with the next attempt. Each message leads with the rule's plain words, its id after it.
// 上年同期 (same month last year) comes from the published data of the month a year before the
// chosen period, read-only, and follows the period; what was typed survives a language switch
// (the draft below). Below the form: the enterprise's submissions, their review state and, for
// a returned one, the reviewer's reason. The products part (主要产品产量, issue 15) is a small table
// of rows {product code, quantity, quantity_prev}; the server checks the codes against the product
// list and names a faulty cell as products[I].FIELD, which marks that cell here.
import { api, ApiError } from '../api.js';
import { escapeHtml, wan } from '../format.js';
import { t } from '../i18n.js';
import { roleKind } from '../state.js';
import { messageOf, reasonOf, stateText, yearBefore } from './submission_facts.js';

// Each figure beside its 上年同期 (the form has two columns).
const fields = [
  { key: 'output', label: 'fieldOutput', unit: 'unitWan', required: true },
  { key: 'output_prev', label: 'fieldOutputPrev', unit: 'unitWan', from: 'output', readOnly: true },
  { key: 'value_added', label: 'fieldValueAdded', unit: 'unitWan' },
  { key: 'value_added_prev', label: 'fieldValueAddedPrev', unit: 'unitWan', from: 'value_added', readOnly: true },
  { key: 'electricity', label: 'fieldElectricity', unit: 'unitKwh' },
  { key: 'electricity_prev', label: 'fieldElectricityPrev', unit: 'unitKwh', from: 'electricity', readOnly: true },
];

const isSoft = (v) => ['soft', 'warning', 'warn'].includes(String(v.severity).toLowerCase());

const nextMonth = (period) => {
  const [y, m] = period.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

const listOf = (body) => (Array.isArray(body) ? body : body?.submissions ?? []);

// What the enterprise typed and what the server answered, kept across re-renders of this view
// (the language switch draws the page anew): {uscc, period, values, products: [{product,
// quantity, quantity_prev}], explanations, violations, result: {kind: 'ok' | 'rejected' |
// 'error', id, state, warnings, message}}.
let draft = null;

/** The message of a violation, plain words first and the rule's id after them. */
function violationHtml(v) {
  const soft = isSoft(v);
  return `<div class="violation ${soft ? 'soft' : 'hard'}" data-rule="${escapeHtml(v.rule)}">
      <span class="message">${escapeHtml(messageOf(v))}</span>
      <small class="rule-id">${escapeHtml(soft ? t('softRule') : t('hardRule'))} · ${escapeHtml(v.rule)}</small></div>`;
}

const productColumns = [
  { key: 'product', label: 'productCode', type: 'text' },
  { key: 'quantity', label: 'productQuantity', type: 'number' },
  { key: 'quantity_prev', label: 'productQuantityPrev', type: 'number' },
];

/** The rows of the products part, each cell a .field named as the server names it. */
function productRowsHtml(products) {
  return products
    .map(
      (row, i) => `<tr data-row="${i}">${productColumns
        .map(
          (c) => `<td><div class="field" data-field="products[${i}].${c.key}">
            <input name="product-${c.key}" data-index="${i}" data-key="${c.key}" type="${c.type}" ${c.type === 'number' ? 'step="any" inputmode="decimal"' : ''}
              aria-label="${escapeHtml(t(c.label))} ${i + 1}" data-testid="product-${c.key}-${i}" value="${escapeHtml(row[c.key] ?? '')}">
            <div class="field-errors"></div></div></td>`,
        )
        .join('')}<td><button type="button" class="link" data-remove="${i}" data-testid="product-remove-${i}">${escapeHtml(t('removeProduct'))}</button></td></tr>`,
    )
    .join('');
}

/** Draws the form into `root`. */
export async function render(root, { isCurrent }) {
  const uscc = roleKind().code;
  const [history, submissions] = await Promise.all([
    api.enterpriseMonths(uscc).catch(() => ({ months: [] })),
    api.submissions().catch(() => []),
  ]);
  if (!isCurrent()) return;
  const months = history.months ?? [];
  const byPeriod = new Map(months.map((m) => [m.period, m]));
  const last = months.map((m) => m.period).sort().pop();
  if (draft?.uscc !== uscc) {
    draft = { uscc, period: last ? nextMonth(last) : new Date().toISOString().slice(0, 7), values: {}, products: [], explanations: {}, violations: [], result: null };
  }

  root.innerHTML = `
    <div class="subhead">
      <h1>${escapeHtml(t('submitTitle'))}</h1>
      <span class="muted">${escapeHtml(t('submitEnterprise'))}${escapeHtml(t('labelSep'))}${escapeHtml(history.name ?? '')} ${escapeHtml(uscc)}</span>
    </div>
    <div class="submit-grid">
      <section class="panel" aria-label="${escapeHtml(t('submitTitle'))}">
        <form id="submit-form" class="form" novalidate>
          <label class="field" data-field="period"><span>${escapeHtml(t('fieldPeriod'))}</span>
            <input name="period" type="month" value="${escapeHtml(draft.period)}" required data-testid="field-period">
            <div class="field-errors"></div></label>
          ${fields
            .map(
              (f) => `<label class="field ${f.readOnly ? 'readonly' : ''}" data-field="${f.key}"><span>${escapeHtml(t(f.label))}${f.required ? ' *' : ''}</span>
                <span class="input-unit"><input name="${f.key}" type="number" step="any" inputmode="decimal" data-testid="field-${f.key}" ${
                  f.readOnly ? `readonly aria-readonly="true" tabindex="-1" placeholder="${escapeHtml(t('noLastYear'))}"` : ''
                }><span class="unit" data-testid="unit-${f.key}">${escapeHtml(t(f.unit))}</span></span>
                ${f.readOnly ? `<small class="hint">${escapeHtml(t('prevFromPublished'))}</small>` : ''}
                <div class="field-errors"></div></label>`,
            )
            .join('')}
          <fieldset id="products" class="products-part" data-testid="products-part">
            <legend>${escapeHtml(t('productsTitle'))}</legend>
            <small class="hint">${escapeHtml(t('productsHint'))}</small>
            <table class="data-table product-rows"><thead><tr>${productColumns
              .map((c) => `<th scope="col">${escapeHtml(t(c.label))}</th>`)
              .join('')}<th scope="col"><span class="sr-only">${escapeHtml(t('removeProduct'))}</span></th></tr></thead><tbody id="product-rows"></tbody></table>
            <button type="button" class="link" id="add-product" data-testid="add-product">+ ${escapeHtml(t('addProduct'))}</button>
          </fieldset>
          <div id="violations-general" class="violations"></div>
          <div id="explanations"></div>
          <div class="form-actions">
            <button type="submit" class="primary" data-testid="submit">${escapeHtml(t('submit'))}</button>
            <a class="link" href="#/enterprise/${encodeURIComponent(uscc)}">${escapeHtml(t('enterpriseHistory'))} ›</a>
          </div>
          <div id="submit-result" role="status" data-testid="submit-result"></div>
        </form>
      </section>
      <section class="panel" aria-labelledby="my-submissions-title">
        <header><h2 id="my-submissions-title">${escapeHtml(t('mySubmissions'))}</h2></header>
        <div class="table-scroll" id="my-submissions"></div>
      </section>
    </div>`;

  const form = root.querySelector('#submit-form');
  for (const f of fields) {
    if (!f.readOnly && draft.values[f.key] !== undefined) form[f.key].value = draft.values[f.key];
  }
  // 上年同期 of the chosen period: what was reported for it as last year's figure, else the
  // published month a year before; empty (with a placeholder) when neither exists.
  const fillLastYear = () => {
    const own = byPeriod.get(form.period.value);
    const before = byPeriod.get(yearBefore(form.period.value || '0000-00'));
    for (const f of fields.filter((x) => x.readOnly)) {
      const value = own?.[f.key] ?? before?.[f.from] ?? null;
      form[f.key].value = value === null || value === undefined ? '' : String(value);
    }
  };
  fillLastYear();
  const drawProducts = () => {
    root.querySelector('#product-rows').innerHTML = productRowsHtml(draft.products);
  };
  drawProducts();
  root.querySelector('#add-product').addEventListener('click', () => {
    draft.products.push({ product: '', quantity: '', quantity_prev: '' });
    drawProducts();
    root.querySelector(`[data-testid="product-product-${draft.products.length - 1}"]`)?.focus();
  });
  root.querySelector('#product-rows').addEventListener('click', (event) => {
    const index = event.target.dataset?.remove;
    if (index === undefined) return;
    draft.products.splice(Number(index), 1);
    drawProducts();
  });
  form.period.addEventListener('change', () => {
    draft.period = form.period.value;
    fillLastYear();
  });
  form.addEventListener('input', (event) => {
    const name = event.target.name;
    if (event.target.dataset.key) {
      draft.products[Number(event.target.dataset.index)][event.target.dataset.key] = event.target.value;
      return;
    }
    if (name && name !== 'period' && !fields.find((f) => f.key === name)?.readOnly) draft.values[name] = event.target.value;
    if (event.target.dataset.rule) draft.explanations[event.target.dataset.rule] = event.target.value;
  });

  const drawSubmissions = async (rows) => {
    const box = root.querySelector('#my-submissions');
    if (!rows.length) {
      box.innerHTML = `<div class="empty">${escapeHtml(t('noData'))}</div>`;
      return;
    }
    const reasons = await Promise.all(rows.map((s) => (s.state === 'rejected' ? reasonOf(s) : null)));
    if (!isCurrent()) return;
    box.innerHTML = `<table class="data-table my-submissions"><thead><tr><th scope="col">${escapeHtml(t('colId'))}</th><th scope="col">${escapeHtml(t('colPeriod'))}</th><th scope="col" class="num">${escapeHtml(
      t('fieldOutputShort'),
    )}</th><th scope="col">${escapeHtml(t('colState'))}</th></tr></thead><tbody>${rows
      .map(
        (s, i) => `<tr data-id="${escapeHtml(s.id)}"><td>${escapeHtml(s.id)}</td><td>${escapeHtml(s.period)}</td><td class="num">${wan(s.output ?? s.record?.output)}</td><td><span class="state state-${escapeHtml(
          s.state,
        )}" data-testid="my-state-${escapeHtml(s.id)}">${escapeHtml(stateText(s.state))}</span>${
          s.state === 'rejected'
            ? `<div class="reason" data-testid="my-reason-${escapeHtml(s.id)}">${escapeHtml(t('returnReason'))}${escapeHtml(reasons[i] ?? t('noReasonGiven'))}</div>`
            : ''
        }</td></tr>`,
      )
      .join('')}</tbody></table>`;
  };
  drawSubmissions(listOf(submissions));

  const clearViolations = () => {
    for (const el of form.querySelectorAll('.field[data-field]')) {
      el.classList.remove('invalid', 'soft');
      el.querySelector('.field-errors').innerHTML = '';
    }
    root.querySelector('#violations-general').innerHTML = '';
  };

  const showViolations = (violations) => {
    const explanations = root.querySelector('#explanations');
    explanations.innerHTML = '';
    for (const v of violations) {
      const soft = isSoft(v);
      const fieldEl = v.field ? form.querySelector(`.field[data-field="${CSS.escape(v.field)}"]`) : null;
      if (fieldEl) {
        fieldEl.classList.add(soft ? 'soft' : 'invalid');
        fieldEl.querySelector('.field-errors').insertAdjacentHTML('beforeend', violationHtml(v));
      } else {
        root.querySelector('#violations-general').insertAdjacentHTML('beforeend', violationHtml(v));
      }
      if (soft) {
        explanations.insertAdjacentHTML(
          'beforeend',
          `<label class="field explanation"><span>${escapeHtml(t('softRuleAsk'))}${escapeHtml(t('labelSep'))}${escapeHtml(messageOf(v))} <small class="rule-id">${escapeHtml(v.rule)}</small></span>
            <textarea rows="2" data-rule="${escapeHtml(v.rule)}" data-testid="explain-${escapeHtml(v.rule)}">${escapeHtml(draft.explanations[v.rule] ?? '')}</textarea></label>`,
        );
      }
    }
  };

  const showResult = () => {
    const result = root.querySelector('#submit-result');
    const r = draft.result;
    result.className = '';
    result.textContent = '';
    if (!r) return;
    if (r.kind === 'ok') {
      result.className = 'ok';
      result.textContent = t('submitted', { id: r.id, state: stateText(r.state) });
      if (r.warnings?.length) {
        result.insertAdjacentHTML('beforeend', `<div class="violations">${r.warnings.map(violationHtml).join('')}</div>`);
      }
    } else {
      result.className = 'bad';
      result.textContent = r.kind === 'rejected' ? t('submitRejected') : t('errorGeneric', { msg: r.message });
    }
  };
  // A re-render (language switch) shows the last answer again, in the new language.
  showViolations(draft.violations);
  showResult();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const payload = { uscc, period: form.period.value };
    for (const f of fields) {
      const raw = form[f.key].value.trim();
      if (raw !== '') payload[f.key] = Number(raw);
    }
    const explanations = {};
    for (const area of root.querySelectorAll('#explanations textarea')) {
      if (area.value.trim()) explanations[area.dataset.rule] = area.value.trim();
    }
    if (Object.keys(explanations).length) payload.explanations = explanations;
    // Empty rows are dropped first, so that the server's products[I] is the I-th row shown. A cell
    // goes as typed (the server reads numeric strings and names what it cannot read).
    draft.products = draft.products.filter((row) => productColumns.some((c) => String(row[c.key] ?? '').trim() !== ''));
    drawProducts();
    if (draft.products.length) {
      payload.products = draft.products.map((row) => ({
        product: String(row.product ?? '').trim(),
        quantity: String(row.quantity ?? '').trim() || null,
        quantity_prev: String(row.quantity_prev ?? '').trim() || null,
      }));
    }
    clearViolations();
    draft.result = null;
    showResult();
    try {
      const answer = await api.submit(payload);
      root.querySelector('#explanations').innerHTML = '';
      draft.violations = [];
      draft.explanations = {};
      draft.result = { kind: 'ok', id: answer.id, state: answer.state, warnings: answer.warnings ?? [] };
      showResult();
      drawSubmissions(listOf(await api.submissions().catch(() => [])));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        draft.violations = error.body?.violations ?? [];
        draft.result = { kind: 'rejected' };
        showViolations(draft.violations);
      } else {
        draft.result = { kind: 'error', message: error.message };
      }
      showResult();
    }
  });
}
