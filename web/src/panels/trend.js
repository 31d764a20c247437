// Growth over 24 months (GET /api/trend): value added, manufacturing, the two-year average and
// electricity, in the window the cockpit shows: year to date as released (1-2月 once), or each
// month alone (当月, `monthly=1`). A click on a month opens that month's cockpit. The lines carry
// the unrounded figures; the tooltip and the table round once, each figure at its precision.
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { fillChartTable } from '../chart_table.js';
import { chartValue, escapeHtml, percent, precision } from '../format.js';
import { monthLabel, periodText, t } from '../i18n.js';
import { link } from '../state.js';

const series = [
  { key: 'value_added_growth', label: 'seriesValueAdded', digits: precision.rate },
  { key: 'manufacturing_value_added_growth', label: 'seriesManufacturing', digits: precision.rate },
  { key: 'two_year_average_growth', label: 'seriesTwoYear', digits: precision.rate },
  { key: 'electricity_growth', label: 'seriesElectricity', digits: precision.electricity },
];

/** Draws the trend of `points` into `el`; `monthly` says which window they are; onPeriod(period) on a click. */
export function render(el, allPoints, selected, monthly, onPeriod) {
  const p = palette();
  // Months before the data can be compared (no previous year) would only stretch the axis.
  const first = allPoints.findIndex((x) => x.value_added_growth !== null && x.value_added_growth !== undefined);
  const points = first < 0 ? allPoints : allPoints.slice(first);
  const periods = points.map((x) => x.period);
  el.dataset.window = monthly ? 'monthly' : 'cumulative';
  const colors = [p.series[0], p.series[2], p.series[1], p.series[3]];
  const line = (s, i, extra = {}) => ({
    name: t(s.label),
    type: 'line',
    smooth: false,
    showSymbol: true,
    symbolSize: 5,
    connectNulls: false,
    lineStyle: { width: 2, color: colors[i] },
    itemStyle: { color: colors[i] },
    data: points.map((x) => chartValue(x[s.key])),
    tooltip: { valueFormatter: (v) => percent(v, s.digits) },
    ...extra,
  });
  const selectedIndex = periods.indexOf(selected);
  makeChart(
    el,
    {
      color: colors,
      legend: { top: 0, right: 8, textStyle: { color: p.muted, fontSize: fontSize() - 1 }, itemWidth: 14, itemHeight: 8 },
      grid: { left: 4, right: 16, top: 30, bottom: 4, containLabel: true },
      tooltip: tooltip({ trigger: 'axis' }),
      xAxis: categoryAxis(periods.map(monthLabel), { boundaryGap: false, axisLabel: { color: p.muted, fontSize: fontSize() - 2 } }),
      yAxis: valueAxis({ axisLabel: { color: p.muted, fontSize: fontSize() - 2, formatter: '{value}%' } }),
      series: [
        line(series[0], 0, {
          markLine:
            selectedIndex < 0
              ? undefined
              : { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: p.muted, type: 'dotted' }, data: [{ xAxis: selectedIndex }] },
        }),
        line(series[1], 1),
        line(series[2], 2, { lineStyle: { width: 2, type: 'dashed', color: colors[2] } }),
        line(series[3], 3, { lineStyle: { width: 1.5, color: colors[3] } }),
      ],
    },
    (params) => {
      if (params.componentType === 'series') onPeriod(periods[params.dataIndex]);
    },
  );
  fillChartTable(
    el,
    [{ label: t('colPeriod') }, ...series.map((s) => ({ label: t(s.label), num: true }))],
    points
      .slice()
      .reverse()
      .map((x) => [
        `<a href="${link(['cockpit'], { period: x.period })}">${escapeHtml(periodText(x.period, monthly))}</a>`,
        ...series.map((s) => percent(x[s.key], s.digits)),
      ]),
  );
}
