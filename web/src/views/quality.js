// Data quality (数据质量核查, GET /api/quality?period=&scope=, the shape of `zhizao quality --json`):
// the open findings per county and division, each worded as something to verify (the check, the
// enterprise, the months, the evidence in words); a finding opens its evidence charted — the
// enterprise's output against its electricity and its division's growth, the months concerned
// marked — and a reviewer marks it verified with a note (POST /api/quality/verify, with the
// session's CSRF token as every write). Nothing here judges a figure: the checks are the server's.
import { api } from '../api.js';
import { backLinkHtml } from '../back.js';
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { chartValue, escapeHtml, percent, wan } from '../format.js';
import { currentLang, monthLabel, periodText, t } from '../i18n.js';
import { divisionName, regionName } from '../names.js';
import { periodProblem, selectedPeriod } from '../state.js';
import { renderTable } from '../table.js';
import { downloadButtonsHtml } from '../table_export.js';
import { periodNoticeHtml } from './period_notice.js';

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

/** The finding's months as a short range or list: 21/02–21/04, or 21/02, 21/05. */
function monthsText(months) {
  if (!Array.isArray(months) || months.length === 0) return '—';
  if (months.length > 2) return t('qualityMonthRange', { from: monthLabel(months[0]), to: monthLabel(months[months.length - 1]), n: months.length });
  return months.map(monthLabel).join(', ');
}

/** The check's name in words (its id when the dashboard does not know it). */
const checkName = (check) => {
  const text = t(`check_${check}`);
  return text === `check_${check}` ? check : text;
};

/** The finding's evidence in words: the server's sentence in the current language. */
function reasonOf(f) {
  if (currentLang() === 'en' && (f.reason_en ?? f.evidence?.reason_en)) return f.reason_en ?? f.evidence.reason_en;
  return f.reason ?? f.evidence?.reason ?? '';
}

/**
 * The textual evidence (measure, rule …) of a finding, as `label: value` pairs: the strings of its
 * `evidence` (the server writes its figures, words and per-month series side by side there).
 */
function labelsOf(f) {
  const evidence = f.evidence;
  if (!evidence || typeof evidence !== 'object') return [];
  return Object.entries(evidence).filter(([, v]) => typeof v === 'string');
}

/** The words for an evidence key or value (e.g. electricity_source: daily), else it as given. */
function wordFor(key, given) {
  const word = t(key);
  return word === key ? given : word;
}

const statusBadge = (f) =>
  f.status === 'verified'
    ? `<span class="badge badge-green" data-testid="finding-status">${escapeHtml(t('qualityVerified'))}</span>`
    : `<span class="badge badge-orange" data-testid="finding-status">${escapeHtml(t('qualityOpen'))}</span>`;

/** A finding's key (enterprise, check, months): the row and the verification name it by it. */
const keyOf = (f) => `${f.uscc}|${f.check}|${(f.months ?? []).join(',')}`;

/** The table of counts of open findings by `field` ('region' or 'division'). */
function countsTable(el, findings, field, onPick) {
  const counts = new Map();
  for (const f of findings) {
    if (f.status === 'verified') continue;
    const key = f[field] ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].map(([code, n]) => ({
    code,
    name: code ? (field === 'region' ? regionName(code) : `${code} ${divisionName(code)}`) : '—',
    n,
  }));
  renderTable(
    el,
    [
      { key: 'name', label: field === 'region' ? t('colRegion') : t('colDivision'), format: (r) => escapeHtml(r.name) },
      { key: 'n', label: t('qualityOpenCount'), align: 'num', format: (r) => String(r.n) },
    ],
    rows,
    { sortKey: 'n', descending: true, onRow: (r) => onPick(field, r.code), testid: `quality-by-${field}`, empty: t('qualityNone') },
  );
}

/**
 * The evidence's monthly series: the server's (GET /api/quality/USCC?period=: 24 months of the
 * enterprise's output, value added, electricity and its division's growth), else the enterprise's
 * months (GET /api/enterprises/USCC/months: output and electricity only).
 */
async function evidenceSeries(f) {
  try {
    const given = await api.qualityEvidence(f.uscc, f.period);
    if (Array.isArray(given?.months) && given.months.length) return given;
  } catch (error) {
    if (error.status === 401) throw error;
  }
  try {
    const history = await api.enterpriseMonths(f.uscc);
    // The 24 months up to the period the finding was raised for (none after it).
    const months = (history.months ?? [])
      .filter((m) => !f.period || m.period <= f.period)
      .sort((a, b) => a.period.localeCompare(b.period))
      .slice(-24);
    return {
      months: months.map((m) => m.period),
      output: months.map((m) => m.output ?? null),
      value_added: months.map((m) => m.value_added ?? null),
      electricity: months.map((m) => m.electricity ?? null),
    };
  } catch {
    return null;
  }
}

/** Draws the evidence chart of finding `f` into `el`. */
function evidenceChart(el, f, series) {
  const p = palette();
  if (!series || !series.months?.length) {
    el.innerHTML = `<div class="empty">${escapeHtml(t('qualityNoSeries'))}</div>`;
    el.dataset.rendered = '1';
    return;
  }
  const concerned = new Set(f.months ?? []);
  const hasDivision = Array.isArray(series.division_growth) && series.division_growth.some(isNumber);
  makeChart(el, {
    legend: { top: 0, left: 'center', textStyle: { color: p.muted, fontSize: fontSize() - 1 } },
    grid: { left: 4, right: hasDivision ? 76 : 12, top: 48, bottom: 4, containLabel: true },
    tooltip: tooltip({
      trigger: 'axis',
      formatter: (items) =>
        `<b>${escapeHtml(items[0].axisValueLabel)}</b>` +
        items
          .map((x) => `<br>${escapeHtml(x.seriesName)}: ${x.seriesIndex === 2 ? percent(x.value) : wan(x.value)}`)
          .join(''),
    }),
    xAxis: categoryAxis(series.months.map(monthLabel), { axisLabel: { color: p.muted, fontSize: fontSize() - 2 } }),
    yAxis: [
      valueAxis({ name: t('unitWan'), nameTextStyle: { color: p.muted } }),
      valueAxis({ name: t('unitKwh'), nameTextStyle: { color: p.muted }, splitLine: { show: false } }),
      ...(hasDivision ? [valueAxis({ name: '%', nameTextStyle: { color: p.muted }, position: 'right', offset: 64, splitLine: { show: false } })] : []),
    ],
    series: [
      {
        name: t('colOutput'),
        type: 'bar',
        barMaxWidth: 14,
        data: (series.output ?? []).map((v, i) => ({
          value: chartValue(v),
          itemStyle: { color: concerned.has(series.months[i]) ? p.secondary : p.primary },
        })),
      },
      {
        name: t('fieldElectricityShort'),
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 4,
        itemStyle: { color: p.tertiary },
        data: (series.electricity ?? []).map(chartValue),
      },
      ...(hasDivision
        ? [
            {
              name: t('qualityDivisionGrowth'),
              type: 'line',
              yAxisIndex: 2,
              symbolSize: 3,
              itemStyle: { color: p.series[3] },
              lineStyle: { type: 'dashed' },
              data: series.division_growth.map(chartValue),
            },
          ]
        : []),
    ],
  });
}

/** Draws the evidence of finding `f` and its verify form into `box`. */
async function showFinding(box, f, onVerified, isCurrent) {
  box.hidden = false;
  const name = f.name ?? f.uscc;
  const labels = labelsOf(f);
  box.innerHTML = `
    <header><h2 id="finding-title">${escapeHtml(t('qualityEvidence'))} · ${escapeHtml(name)} · ${escapeHtml(checkName(f.check))}</h2></header>
    <p class="finding-reason" data-testid="finding-reason">${escapeHtml(reasonOf(f))}</p>
    ${labels.length ? `<p class="muted" data-testid="finding-labels">${labels.map(([k, v]) => `${escapeHtml(wordFor(`evidence_${k}`, k))}: ${escapeHtml(wordFor(`evidence_${k}_${v}`, v))}`).join(' · ')}</p>` : ''}
    <p class="muted">${escapeHtml(t('qualityMonths'))}: ${escapeHtml(monthsText(f.months))} · <a href="#/enterprise/${encodeURIComponent(f.uscc)}">${escapeHtml(t('qualityOpenEnterprise'))}</a></p>
    <div class="chart finding-chart" id="chart-finding" role="img" aria-label="${escapeHtml(t('qualityEvidence'))}"></div>
    ${
      f.status === 'verified'
        ? `<p class="verified-note" data-testid="finding-verified">${escapeHtml(t('qualityVerifiedBy', { who: f.verified_by ?? '—', at: f.verified_at ?? '' }))}${f.note ? ` — ${escapeHtml(f.note)}` : ''}</p>`
        : `<form class="verify-form" data-testid="verify-form">
            <label class="field"><span>${escapeHtml(t('qualityNote'))}</span>
              <textarea id="verify-note" rows="2" required data-testid="verify-note"></textarea></label>
            <div class="form-actions"><button type="submit" class="primary" data-testid="verify-submit">${escapeHtml(t('qualityVerify'))}</button>
              <span class="form-error" id="verify-result" role="status"></span></div>
          </form>`
    }`;
  const form = box.querySelector('.verify-form');
  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const note = box.querySelector('#verify-note').value.trim();
    const result = box.querySelector('#verify-result');
    if (!note) {
      result.textContent = t('qualityNoteNeeded');
      return;
    }
    form.querySelector('button').disabled = true;
    try {
      await api.verifyFinding({ uscc: f.uscc, check: f.check, months: f.months ?? [], note });
      onVerified();
    } catch (error) {
      result.textContent = error.status === 403 ? t('errorForbidden') : t('errorGeneric', { msg: error.message });
      form.querySelector('button').disabled = false;
    }
  });
  const series = await evidenceSeries(f);
  if (!isCurrent()) return;
  evidenceChart(box.querySelector('#chart-finding'), f, series);
}

/** Draws the data-quality view into `root`. */
export async function render(root, { isCurrent }) {
  const problem = periodProblem();
  if (problem) {
    root.innerHTML = periodNoticeHtml(problem);
    return;
  }
  const period = selectedPeriod();
  if (!period) {
    root.innerHTML = `<div class="empty">${escapeHtml(t('noData'))}</div>`;
    return;
  }
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  let answer = null;
  try {
    answer = await api.quality(period);
  } catch (error) {
    if (error.status === 401) throw error;
    answer = null;
  }
  if (!isCurrent()) return;
  const findings = (answer?.findings ?? []).map((f) => ({ ...f, period: answer.period ?? period }));
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(['cockpit'])}
      <h1 data-testid="quality-title" data-state="${answer ? 'loaded' : 'unavailable'}">${escapeHtml(t('qualityTitle'))} · ${escapeHtml(periodText(period, false))}</h1>
      <span class="muted">${escapeHtml(t('qualityNoteWords'))}</span>
    </div>
    ${
      answer
        ? `<div class="quality-grid">
        <section class="panel" aria-labelledby="q-region-title"><header><h2 id="q-region-title">${escapeHtml(t('qualityByRegion'))}</h2></header><div class="table-scroll" id="quality-regions"></div></section>
        <section class="panel" aria-labelledby="q-division-title"><header><h2 id="q-division-title">${escapeHtml(t('qualityByDivision'))}</h2></header><div class="table-scroll" id="quality-divisions"></div></section>
        <section class="panel area-findings" aria-labelledby="q-findings-title"><header><h2 id="q-findings-title">${escapeHtml(t('qualityFindings'))}</h2>
          <label class="toggle"><input type="checkbox" id="quality-show-verified" data-testid="quality-show-verified"> ${escapeHtml(t('qualityShowVerified'))}</label>
          <button type="button" class="table-toggle" id="quality-clear" hidden>${escapeHtml(t('qualityClearFilter'))}</button>
          ${downloadButtonsHtml('quality-findings', t('qualityFindings'))}</header>
          <div class="table-scroll" id="quality-findings"></div></section>
        <section class="panel finding" id="finding" aria-labelledby="finding-title" data-testid="finding" hidden></section>
      </div>`
        : `<div class="empty" data-testid="quality-empty">${escapeHtml(t('qualityUnavailable'))}</div>`
    }`;
  if (!answer) return;

  let filter = null; // {field, code}
  const showVerified = root.querySelector('#quality-show-verified');
  const clear = root.querySelector('#quality-clear');
  const findingBox = root.querySelector('#finding');
  const drawFindings = () => {
    const rows = findings.filter((f) => (showVerified.checked || f.status !== 'verified') && (!filter || (f[filter.field] ?? '') === filter.code));
    clear.hidden = !filter;
    renderTable(
      root.querySelector('#quality-findings'),
      [
        { key: 'name', label: t('colName'), value: (f) => f.name ?? f.uscc, format: (f) => `<span class="ellipsis" title="${escapeHtml(f.name ?? f.uscc)}">${escapeHtml(f.name ?? f.uscc)}</span>` },
        { key: 'region', label: t('colRegion'), value: (f) => regionName(f.region) ?? '', format: (f) => escapeHtml(f.region ? regionName(f.region) : '—') },
        { key: 'division', label: t('colDivision'), format: (f) => escapeHtml(f.division ? divisionName(f.division) : '—') },
        { key: 'check', label: t('colCheck'), value: (f) => checkName(f.check), format: (f) => escapeHtml(checkName(f.check)) },
        { key: 'months', label: t('qualityMonths'), value: (f) => (f.months ?? [])[0] ?? null, format: (f) => escapeHtml(monthsText(f.months)) },
        { key: 'reason', label: t('qualityEvidenceWords'), sortable: false, format: (f) => `<span class="reason-text">${escapeHtml(reasonOf(f))}</span>` },
        { key: 'status', label: t('colState'), format: statusBadge },
      ],
      rows,
      {
        sortKey: 'region',
        descending: false,
        onRow: (f) => showFinding(findingBox, f, reload, isCurrent).then(() => findingBox.scrollIntoView({ block: 'nearest' })),
        testid: 'quality-table',
        empty: t('qualityNone'),
      },
    );
  };
  const pick = (field, code) => {
    filter = { field, code };
    drawFindings();
  };
  const reload = () => {
    if (isCurrent()) render(root, { isCurrent });
  };
  clear.addEventListener('click', () => {
    filter = null;
    drawFindings();
  });
  showVerified.addEventListener('change', drawFindings);
  countsTable(root.querySelector('#quality-regions'), findings, 'region', pick);
  countsTable(root.querySelector('#quality-divisions'), findings, 'division', pick);
  drawFindings();
}
