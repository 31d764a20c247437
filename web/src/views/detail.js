// The detail behind a figure (same JSON as `zhizao explain --format json`): a division, a county,
// a park, a chain or the key enterprises, with the enterprises that make it up, the ten that pull
// it up most and the ten that pull it down most. A row opens the enterprise's months.
import { api } from '../api.js';
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { amount, chartValue, escapeHtml, percent, points, signedPercent } from '../format.js';
import { periodText, t } from '../i18n.js';
import { divisionName, regionName } from '../names.js';
import { warningBadge, warningLevel } from '../panels/key-enterprises.js';
import { go, link, selectedMonthly, selectedPeriod } from '../state.js';
import { chartAndTableHtml, fillChartAndTable } from './chart_and_table.js';

const titles = {
  divisions: 'detailDivision',
  regions: 'detailRegion',
  parks: 'detailPark',
  chains: 'detailChain',
  'key-enterprises': 'detailKey',
};

function pullChart(el, enterprises) {
  const p = palette();
  const withPull = enterprises.filter((e) => e.pull !== null && e.pull !== undefined).sort((a, b) => b.pull - a.pull);
  const top = withPull.slice(0, 10);
  const bottom = withPull.slice(-10).filter((e) => !top.includes(e));
  const rows = [...top, ...bottom].reverse();
  makeChart(
    el,
    {
      grid: { left: 4, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: tooltip({
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items) => {
          const e = rows[items[0].dataIndex];
          return `<b>${escapeHtml(e.name)}</b><br>${t('growth')}: ${percent(e.growth)}<br>${t('pull')}: ${points(e.pull, 3)} ${t('unitPoints')}`;
        },
      }),
      xAxis: valueAxis({ axisLabel: { show: false } }),
      yAxis: categoryAxis(rows.map((e) => (e.name.length > 14 ? `${e.name.slice(0, 13)}…` : e.name)), {
        axisLabel: { color: p.text, fontSize: fontSize() - 1, interval: 0 },
      }),
      series: [
        {
          type: 'bar',
          barMaxWidth: 12,
          data: rows.map((e) => ({ value: chartValue(e.pull, 3), uscc: e.uscc, itemStyle: { color: e.pull < 0 ? p.down : p.primary } })),
          label: { show: true, position: 'right', color: p.muted, fontSize: fontSize() - 2, formatter: (x) => points(x.value, 3) },
        },
      ],
    },
    (params) => params.data?.uscc && go(['enterprise', params.data.uscc]),
  );
}

/** Draws the detail named by `path` ([kind, code]) into `root`. */
export async function render(root, { path, isCurrent }) {
  const [kind, code] = path;
  const period = selectedPeriod();
  const monthly = selectedMonthly();
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  const data =
    kind === 'key-enterprises' ? await api.keyEnterprises(period, monthly) : await api.explain(kind, code, period, monthly);
  if (!isCurrent()) return;

  const totals = data.totals ?? {};
  const enterprises = data.enterprises ?? [];
  let name = data.name ?? code;
  if (kind === 'divisions') name = `${code} ${data.name ?? divisionName(code)}`;
  if (kind === 'regions') name = regionName(code, data.name);
  const layout = {
    chart: { title: t('detailTopPull'), id: 'chart-detail', draw: (el) => pullChart(el, enterprises) },
    table: {
      title: t('detailEnterprises'),
      id: 'detail-table',
      columns: [
        { key: 'name', label: t('colName'), format: (e) => `<span class="ellipsis" title="${escapeHtml(e.name)}">${escapeHtml(e.name)}</span>` },
        { key: 'division', label: t('colDivision'), format: (e) => escapeHtml(divisionName(e.division)) },
        { key: 'region', label: t('colRegion'), format: (e) => escapeHtml(regionName(e.region)) },
        { key: 'current', label: t('colCurrent'), align: 'num', format: (e) => amount(e.current) },
        { key: 'previous', label: t('colPrevious'), align: 'num', format: (e) => amount(e.previous) },
        { key: 'growth', label: t('colGrowth'), align: 'num', format: (e) => `<span class="${e.growth < 0 ? 'neg' : 'pos'}">${signedPercent(e.growth)}</span>` },
        { key: 'pull', label: t('colPull'), align: 'num', format: (e) => points(e.pull, 3) },
        { key: 'contribution', label: t('colContribution'), align: 'num', format: (e) => percent(e.contribution) },
        { key: 'warning', label: t('colWarning'), value: (e) => e.growth, format: (e) => warningBadge(e.growth) },
      ],
      rows: enterprises,
      options: {
        sortKey: 'pull',
        descending: true,
        onRow: (e) => go(['enterprise', e.uscc]),
        rowClass: (e) => `warn-${warningLevel(e.growth)}`,
        testid: 'detail-table',
      },
    },
  };
  const stat = (label, value, testid) => `<div class="stat"><span>${escapeHtml(label)}</span><b ${testid ? `data-testid="${testid}"` : ''}>${escapeHtml(value)}</b></div>`;
  root.innerHTML = `
    <div class="subhead">
      <a class="back" href="${link(['cockpit'])}">‹ ${escapeHtml(t('back'))}</a>
      <h1 data-testid="detail-title">${escapeHtml(t(titles[kind] ?? 'detailDivision'))} · ${escapeHtml(name)}</h1>
      <span class="muted">${escapeHtml(periodText(period, monthly))}${data.measure ? ` · ${escapeHtml(t(`measure_${data.measure}`))}` : ''}</span>
    </div>
    <div class="stats">
      ${stat(t('growth'), percent(totals.value_added_growth ?? totals.output_growth), 'detail-growth')}
      ${stat(t('pull'), `${points(totals.pull)} ${t('unitPoints')}`)}
      ${stat(t('contribution'), percent(totals.contribution))}
      ${stat(t('cardElectricity'), percent(totals.electricity_growth, 2))}
      ${stat(t('enterprisesLabel'), amount(totals.enterprises ?? enterprises.length))}
    </div>
    ${chartAndTableHtml(layout)}`;
  fillChartAndTable(root, layout);
}
