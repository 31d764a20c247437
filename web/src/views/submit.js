// The enterprise's monthly submission (联网直报): POST /api/submissions. Hard-rule violations are
// shown under their field; a soft rule that fails asks for a written explanation, which is sent
// with the next attempt. Below: the enterprise's submissions and their review state.
import { api, ApiError } from '../api.js';
import { amount, escapeHtml } from '../format.js';
import { currentLang, t } from '../i18n.js';
import { roleKind } from '../state.js';

const fields = [
  { key: 'output', label: 'fieldOutput', required: true },
  { key: 'value_added', label: 'fieldValueAdded' },
  { key: 'electricity', label: 'fieldElectricity' },
  { key: 'output_prev', label: 'fieldOutputPrev' },
  { key: 'value_added_prev', label: 'fieldValueAddedPrev' },
  { key: 'electricity_prev', label: 'fieldElectricityPrev' },
];

const messageOf = (v) => (currentLang() === 'en' && v.message_en ? v.message_en : v.message ?? '');

const isSoft = (v) => ['soft', 'warning', 'warn'].includes(String(v.severity).toLowerCase());

const nextMonth = (period) => {
  const [y, m] = period.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

const yearBefore = (period) => {
  const [y, m] = period.split('-');
  return `${Number(y) - 1}-${m}`;
};

const listOf = (body) => (Array.isArray(body) ? body : body?.submissions ?? []);

function stateText(state) {
  const key = `state_${state}`;
  const text = t(key);
  return text === key ? state : text;
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
  const period = last ? nextMonth(last) : new Date().toISOString().slice(0, 7);

  root.innerHTML = `
    <div class="subhead">
      <h1>${escapeHtml(t('submitTitle'))}</h1>
      <span class="muted">${escapeHtml(t('submitEnterprise'))}：${escapeHtml(history.name ?? '')} ${escapeHtml(uscc)}</span>
    </div>
    <div class="submit-grid">
      <section class="panel">
        <form id="submit-form" class="form" novalidate>
          <label class="field" data-field="period"><span>${escapeHtml(t('fieldPeriod'))}</span>
            <input name="period" type="month" value="${period}" required data-testid="field-period">
            <div class="field-errors"></div></label>
          ${fields
            .map(
              (f) => `<label class="field" data-field="${f.key}"><span>${escapeHtml(t(f.label))}${f.required ? ' *' : ''}</span>
                <input name="${f.key}" type="number" step="any" inputmode="decimal" data-testid="field-${f.key}">
                <div class="field-errors"></div></label>`,
            )
            .join('')}
          <div id="violations-general" class="violations"></div>
          <div id="explanations"></div>
          <div class="form-actions">
            <button type="submit" class="primary" data-testid="submit">${escapeHtml(t('submit'))}</button>
            <a class="link" href="#/enterprise/${encodeURIComponent(uscc)}">${escapeHtml(t('enterpriseHistory'))} ›</a>
          </div>
          <div id="submit-result" role="status" data-testid="submit-result"></div>
        </form>
      </section>
      <section class="panel">
        <header><h2>${escapeHtml(t('mySubmissions'))}</h2></header>
        <div class="table-scroll" id="my-submissions"></div>
      </section>
    </div>`;

  const form = root.querySelector('#submit-form');
  const prefillPrev = () => {
    const before = byPeriod.get(yearBefore(form.period.value));
    if (!before) return;
    for (const [field, source] of [['output_prev', 'output'], ['value_added_prev', 'value_added'], ['electricity_prev', 'electricity']]) {
      if (form[field].value === '' && before[source] !== null && before[source] !== undefined) form[field].value = before[source];
    }
  };
  form.period.addEventListener('change', prefillPrev);
  prefillPrev();

  const drawSubmissions = (rows) => {
    root.querySelector('#my-submissions').innerHTML = rows.length
      ? `<table class="data-table"><thead><tr><th>${escapeHtml(t('colId'))}</th><th>${escapeHtml(t('colPeriod'))}</th><th class="num">${escapeHtml(t('colOutput'))}</th><th>${escapeHtml(t('colState'))}</th></tr></thead><tbody>${rows
          .map((s) => `<tr><td>${escapeHtml(s.id)}</td><td>${escapeHtml(s.period)}</td><td class="num">${amount(s.output ?? s.record?.output)}</td><td><span class="state state-${escapeHtml(s.state)}">${escapeHtml(stateText(s.state))}</span></td></tr>`)
          .join('')}</tbody></table>`
      : `<div class="empty">${escapeHtml(t('noData'))}</div>`;
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
    const kept = new Map([...explanations.querySelectorAll('textarea')].map((a) => [a.dataset.rule, a.value]));
    explanations.innerHTML = '';
    for (const v of violations) {
      const soft = isSoft(v);
      const line = `<div class="violation ${soft ? 'soft' : 'hard'}" data-rule="${escapeHtml(v.rule)}"><b>${escapeHtml(v.rule)}</b> <small>${escapeHtml(soft ? t('softRule') : t('hardRule'))}</small> ${escapeHtml(messageOf(v))}</div>`;
      const fieldEl = v.field ? form.querySelector(`.field[data-field="${CSS.escape(v.field)}"]`) : null;
      if (fieldEl) {
        fieldEl.classList.add(soft ? 'soft' : 'invalid');
        fieldEl.querySelector('.field-errors').insertAdjacentHTML('beforeend', line);
      } else {
        root.querySelector('#violations-general').insertAdjacentHTML('beforeend', line);
      }
      if (soft) {
        explanations.insertAdjacentHTML(
          'beforeend',
          `<label class="field explanation"><span>${escapeHtml(t('softRuleAsk'))}：${escapeHtml(v.rule)} — ${escapeHtml(messageOf(v))}</span>
            <textarea rows="2" data-rule="${escapeHtml(v.rule)}" data-testid="explain-${escapeHtml(v.rule)}">${escapeHtml(kept.get(v.rule) ?? '')}</textarea></label>`,
        );
      }
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = root.querySelector('#submit-result');
    result.className = '';
    result.textContent = '';
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
    clearViolations();
    try {
      const answer = await api.submit(payload);
      root.querySelector('#explanations').innerHTML = '';
      result.className = 'ok';
      result.textContent = t('submitted', { id: answer.id, state: stateText(answer.state) });
      if (answer.warnings?.length) {
        result.insertAdjacentHTML(
          'beforeend',
          `<div class="violations">${answer.warnings.map((w) => `<div class="violation soft">${escapeHtml(w.rule ?? '')} ${escapeHtml(messageOf(w))}</div>`).join('')}</div>`,
        );
      }
      drawSubmissions(listOf(await api.submissions().catch(() => [])));
    } catch (error) {
      result.className = 'bad';
      if (error instanceof ApiError && error.status === 422) {
        result.textContent = t('submitRejected');
        showViolations(error.body?.violations ?? []);
      } else {
        result.textContent = t('errorGeneric', { msg: error.message });
      }
    }
  });
}
