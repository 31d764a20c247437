// One enterprise's monthly history (GET /api/enterprises/USCC/months): output against the same
// month of the previous year, and the table of every month it reported.
import { api } from '../api.js';
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { backLinkHtml } from '../back.js';
import { chartValue, displaySign, escapeHtml, precision, signedPercent, wan } from '../format.js';
import { monthLabel, t } from '../i18n.js';
import { divisionName, regionName } from '../names.js';
import { roleKind, selectedPeriod } from '../state.js';
import { renderTable } from '../table.js';
import { downloadButtonsHtml } from '../table_export.js';
import { renderServiceSection } from './enterprise_service.js';

const growth = (current, previous) =>
  current === null || current === undefined || !previous ? null : (current / previous - 1) * 100;

/** Draws the enterprise `path[0]` (a USCC) into `root`. */
export async function render(root, { path, isCurrent }) {
  const uscc = path[0];
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  const [history, record] = await Promise.all([api.enterpriseMonths(uscc), api.enterprise(uscc).catch(() => ({}))]);
  if (!isCurrent()) return;
  // Last year's figure as reported, else the enterprise's own month m−12 (data contract).
  const own = new Map((history.months ?? []).map((m) => [m.period, m]));
  const yearBefore = (period) => `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
  const months = (history.months ?? [])
    .map((m) => ({ ...m, output_prev: m.output_prev ?? own.get(yearBefore(m.period))?.output ?? null }))
    .sort((a, b) => a.period.localeCompare(b.period));
  const recent = months.slice(-24);
  const p = palette();
  const division = record.division ?? record.industry;
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(roleKind().kind === 'enterprise' ? ['submit'] : ['cockpit'])}
      <h1 data-testid="enterprise-name">${escapeHtml(history.name ?? record.name ?? uscc)}</h1>
      <span class="muted">${escapeHtml(uscc)}${division ? ` · ${escapeHtml(divisionName(String(division).slice(0, 2)))}` : ''}${record.region ? ` · ${escapeHtml(regionName(record.region))}` : ''}</span>
    </div>
    <div class="detail-grid">
      <section class="panel"><header><h2>${escapeHtml(t('outputChart'))}</h2></header><div class="chart" id="chart-enterprise" role="img" aria-label="${escapeHtml(t('outputChart'))}"></div></section>
      <section class="panel"><header><h2>${escapeHtml(t('enterpriseHistory'))}</h2>${downloadButtonsHtml('months-table', `${history.name ?? record.name ?? uscc} ${t('enterpriseHistory')}`)}</header><div class="table-scroll" id="months-table"></div></section>
    </div>
    <div id="enterprise-service-section"></div>`;

  makeChart(root.querySelector('#chart-enterprise'), {
    legend: { top: 0, right: 8, textStyle: { color: p.muted, fontSize: fontSize() - 1 } },
    grid: { left: 4, right: 12, top: 30, bottom: 4, containLabel: true },
    tooltip: tooltip({ trigger: 'axis', valueFormatter: (v) => wan(v) }),
    xAxis: categoryAxis(recent.map((m) => monthLabel(m.period)), { axisLabel: { color: p.muted, fontSize: fontSize() - 2 } }),
    yAxis: valueAxis(),
    series: [
      { name: t('thisYear'), type: 'bar', barMaxWidth: 14, itemStyle: { color: p.primary }, data: recent.map((m) => chartValue(m.output)) },
      {
        name: t('lastYear'),
        type: 'line',
        symbolSize: 4,
        itemStyle: { color: p.secondary },
        lineStyle: { color: p.secondary, type: 'dashed' },
        data: recent.map((m) => chartValue(m.output_prev)),
      },
    ],
  });

  // 服务与安全 (issue 14): cadres, open cases, visits and the safety checks, drawn when they arrive.
  renderServiceSection(root.querySelector('#enterprise-service-section'), uscc, {
    period: roleKind().kind === 'enterprise' ? undefined : selectedPeriod(),
  }).catch(() => {});

  const rows = months.slice().reverse();
  renderTable(
    root.querySelector('#months-table'),
    [
      { key: 'period', label: t('colPeriod') },
      { key: 'output', label: t('colCurrentOutput'), align: 'num', format: (m) => wan(m.output) },
      { key: 'output_prev', label: t('colPreviousOutput'), align: 'num', format: (m) => wan(m.output_prev) },
      {
        key: 'growth',
        label: t('growthOutput'),
        align: 'num',
        value: (m) => growth(m.output, m.output_prev),
        format: (m) => {
          const g = growth(m.output, m.output_prev);
          return `<span class="${displaySign(g, precision.rate) < 0 ? 'neg' : 'pos'}">${signedPercent(g)}</span>`;
        },
      },
      { key: 'value_added', label: t('colValueAddedCurrent'), align: 'num', format: (m) => wan(m.value_added) },
      { key: 'electricity', label: t('colElectricityUnit'), align: 'num', format: (m) => wan(m.electricity) },
      { key: 'in_scope', label: t('colInScope'), format: (m) => escapeHtml(m.in_scope === false ? t('no') : t('yes')) },
    ],
    rows,
    {
      sortKey: 'period',
      descending: true,
      testid: 'months-table',
      rowClass: (m) => (displaySign(growth(m.output, m.output_prev), precision.rate) < 0 ? 'warn-red' : ''),
    },
  );
}
