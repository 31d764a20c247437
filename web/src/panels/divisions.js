// Divisions by growth and by pull: two horizontal bar charts, sorted, declines in the "down"
// colour, and the industrial total as a reference line. A click opens the division's enterprises.
// Bars carry the unrounded figures; labels, tooltips and the table round once (format.js).
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { fillChartTable } from '../chart_table.js';
import { chartValue, displaySign, escapeHtml, percent, points, precision } from '../format.js';
import { t } from '../i18n.js';
import { divisionName } from '../names.js';
import { link } from '../state.js';

function barOption(sorted, measure, reference, formatter) {
  const p = palette();
  const digits = measure === 'pull' ? precision.pull : precision.rate;
  return {
    grid: { left: 4, right: 48, top: reference === null || reference === undefined ? 4 : 20, bottom: 4, containLabel: true },
    tooltip: tooltip({
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const d = sorted[items[0].dataIndex];
        return `<b>${escapeHtml(d.code)} ${escapeHtml(divisionName(d.code, d.name))}</b><br>${t('growthVA')}: ${percent(d.value_added_growth)}<br>` +
          `${t('pull')}: ${points(d.pull)} ${t('unitPoints')}<br>${t('contribution')}: ${percent(d.contribution)}`;
      },
    }),
    xAxis: valueAxis({ axisLabel: { show: false } }),
    yAxis: categoryAxis(sorted.map((d) => divisionName(d.code, d.name)), {
      axisLabel: { color: p.text, fontSize: fontSize() - 1, interval: 0 },
    }),
    series: [
      {
        type: 'bar',
        barMaxWidth: 12,
        data: sorted.map((d) => ({
          value: chartValue(d[measure]),
          code: d.code,
          itemStyle: { color: displaySign(d[measure], digits) < 0 ? p.down : p.primary, borderRadius: 2 },
        })),
        label: { show: true, position: 'right', color: p.muted, fontSize: fontSize() - 2, formatter: (x) => formatter(x.value) },
        markLine: reference === null || reference === undefined ? undefined : {
          silent: true,
          symbol: 'none',
          lineStyle: { color: p.secondary, type: 'dashed' },
          label: { color: p.reference, fontSize: fontSize() - 2, formatter: () => formatter(reference) },
          data: [{ xAxis: reference }],
        },
      },
    ],
  };
}

const ranked = (divisions, measure) =>
  divisions.filter((d) => d[measure] !== null && d[measure] !== undefined).sort((a, b) => a[measure] - b[measure]);

/** Draws the growth chart into `growthEl` and the pull chart into `pullEl`, with their tables. */
export function render(growthEl, pullEl, report, onDivision) {
  const divisions = report.industry.divisions ?? [];
  const click = (params) => {
    if (params.componentType === 'series' && params.data?.code) onDivision(params.data.code);
  };
  const byGrowth = ranked(divisions, 'value_added_growth');
  const byPull = ranked(divisions, 'pull');
  makeChart(growthEl, barOption(byGrowth, 'value_added_growth', report.industry.value_added_growth, (v) => percent(v)), click);
  makeChart(pullEl, barOption(byPull, 'pull', null, (v) => points(v)), click);

  const columns = [
    { label: t('colDivision') },
    { label: t('growthVA'), num: true },
    { label: t('colPullPoints'), num: true },
    { label: t('contribution'), num: true },
  ];
  const row = (d) => [
    `<a href="${link(['detail', 'divisions', d.code])}">${escapeHtml(d.code)} ${escapeHtml(divisionName(d.code, d.name))}</a>`,
    percent(d.value_added_growth),
    points(d.pull),
    percent(d.contribution),
  ];
  fillChartTable(growthEl, columns, byGrowth.slice().reverse().map(row));
  fillChartTable(pullEl, columns, byPull.slice().reverse().map(row));
}
