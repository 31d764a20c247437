// Growth over 24 months (GET /api/trend): value added, manufacturing, the two-year average and
// electricity, cumulative as released (1-2月 once). A click on a month opens that month's cockpit.
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { chartValue, percent } from '../format.js';
import { monthLabel, t } from '../i18n.js';

/** Draws the trend of `points` into `el`; onPeriod(period) on a click. */
export function render(el, allPoints, selected, onPeriod) {
  const p = palette();
  // Months before the data can be compared (no previous year) would only stretch the axis.
  const first = allPoints.findIndex((x) => x.value_added_growth !== null && x.value_added_growth !== undefined);
  const points = first < 0 ? allPoints : allPoints.slice(first);
  const periods = points.map((x) => x.period);
  const line = (name, key, color, extra = {}) => ({
    name,
    type: 'line',
    smooth: false,
    showSymbol: true,
    symbolSize: 5,
    connectNulls: false,
    lineStyle: { width: 2, color },
    itemStyle: { color },
    data: points.map((x) => chartValue(x[key])),
    ...extra,
  });
  const selectedIndex = periods.indexOf(selected);
  makeChart(
    el,
    {
      color: p.series,
      legend: { top: 0, right: 8, textStyle: { color: p.muted, fontSize: fontSize() - 1 }, itemWidth: 14, itemHeight: 8 },
      grid: { left: 4, right: 16, top: 30, bottom: 4, containLabel: true },
      tooltip: tooltip({
        trigger: 'axis',
        valueFormatter: (v) => percent(v, 2),
      }),
      xAxis: categoryAxis(periods.map(monthLabel), { boundaryGap: false, axisLabel: { color: p.muted, fontSize: fontSize() - 2 } }),
      yAxis: valueAxis({ axisLabel: { color: p.muted, fontSize: fontSize() - 2, formatter: '{value}%' } }),
      series: [
        line(t('seriesValueAdded'), 'value_added_growth', p.series[0], {
          markLine:
            selectedIndex < 0
              ? undefined
              : { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: p.muted, type: 'dotted' }, data: [{ xAxis: selectedIndex }] },
        }),
        line(t('seriesManufacturing'), 'manufacturing_value_added_growth', p.series[2]),
        line(t('seriesTwoYear'), 'two_year_average_growth', p.series[1], { lineStyle: { width: 2, type: 'dashed', color: p.series[1] } }),
        line(t('seriesElectricity'), 'electricity_growth', p.series[3], { lineStyle: { width: 1.5, color: p.series[3] } }),
      ],
    },
    (params) => {
      if (params.componentType === 'series') onPeriod(periods[params.dataIndex]);
    },
  );
}
