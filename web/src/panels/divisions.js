// Divisions by growth and by pull: two horizontal bar charts, sorted, declines in the "down"
// colour, and the industrial total as a reference line. A click opens the division's enterprises.
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { chartValue, percent, points } from '../format.js';
import { t } from '../i18n.js';
import { divisionName } from '../names.js';

function barOption(rows, measure, reference, formatter) {
  const p = palette();
  const sorted = rows.filter((d) => d[measure] !== null && d[measure] !== undefined).sort((a, b) => a[measure] - b[measure]);
  return {
    grid: { left: 4, right: 48, top: reference === null || reference === undefined ? 4 : 20, bottom: 4, containLabel: true },
    tooltip: tooltip({
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const d = sorted[items[0].dataIndex];
        return `<b>${d.code} ${d.name}</b><br>${t('growth')}: ${percent(d.value_added_growth)}<br>` +
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
          itemStyle: { color: d[measure] < 0 ? p.down : p.primary, borderRadius: 2 },
        })),
        label: { show: true, position: 'right', color: p.muted, fontSize: fontSize() - 2, formatter: (x) => formatter(x.value) },
        markLine: reference === null || reference === undefined ? undefined : {
          silent: true,
          symbol: 'none',
          lineStyle: { color: p.secondary, type: 'dashed' },
          label: { color: p.secondary, fontSize: fontSize() - 2, formatter: () => formatter(reference) },
          data: [{ xAxis: reference }],
        },
      },
    ],
  };
}

/** Draws the growth chart into `growthEl` and the pull chart into `pullEl`. */
export function render(growthEl, pullEl, report, onDivision) {
  const divisions = report.industry.divisions ?? [];
  const click = (params) => {
    if (params.componentType === 'series' && params.data?.code) onDivision(params.data.code);
  };
  makeChart(growthEl, barOption(divisions, 'value_added_growth', report.industry.value_added_growth, (v) => percent(v)), click);
  makeChart(pullEl, barOption(divisions, 'pull', null, (v) => points(v)), click);
}
