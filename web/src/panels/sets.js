// Parks (园区) and industrial chains (产业链): a ranked bar of each set's value-added growth with
// the industrial total as a reference line. A click opens the set's detail (the enterprises
// behind the figure, GET /api/parks/ID or /api/chains/ID).
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { amount, chartValue, escapeHtml, percent } from '../format.js';
import { t } from '../i18n.js';

/**
 * Draws `sets` (report.industry.parks or .chains: [{id, name, value_added_growth, ...}]) into
 * `el`, with `reference` (the industrial growth) as a dashed line; onSet(id) on a click.
 */
export function render(el, sets, reference, onSet) {
  const p = palette();
  const ranked = (sets ?? [])
    .filter((s) => s.value_added_growth !== null && s.value_added_growth !== undefined)
    .sort((a, b) => a.value_added_growth - b.value_added_growth);
  if (ranked.length === 0) {
    el.innerHTML = `<div class="empty">${escapeHtml(t('noData'))}</div>`;
    el.dataset.rendered = '1';
    return;
  }
  const hasReference = reference !== null && reference !== undefined;
  makeChart(
    el,
    {
      grid: { left: 4, right: 48, top: hasReference ? 20 : 4, bottom: 4, containLabel: true },
      tooltip: tooltip({
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items) => {
          const s = ranked[items[0].dataIndex];
          return `<b>${escapeHtml(s.name)}</b><br>${t('growth')}: ${percent(s.value_added_growth)}` +
            (s.enterprises !== undefined ? `<br>${t('enterprisesLabel')}: ${amount(s.enterprises)}` : '');
        },
      }),
      xAxis: valueAxis({ axisLabel: { show: false } }),
      yAxis: categoryAxis(
        ranked.map((s) => (s.name.length > 12 ? `${s.name.slice(0, 11)}…` : s.name)),
        { axisLabel: { color: p.text, fontSize: fontSize() - 1, interval: 0 } },
      ),
      series: [
        {
          type: 'bar',
          barMaxWidth: 14,
          data: ranked.map((s) => ({
            value: chartValue(s.value_added_growth),
            id: s.id,
            itemStyle: { color: s.value_added_growth < 0 ? p.down : p.tertiary, borderRadius: 2 },
          })),
          label: { show: true, position: 'right', color: p.muted, fontSize: fontSize() - 2, formatter: (x) => percent(x.value) },
          markLine: hasReference
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { color: p.secondary, type: 'dashed' },
                label: { color: p.secondary, fontSize: fontSize() - 2, formatter: () => percent(reference) },
                data: [{ xAxis: reference }],
              }
            : undefined,
        },
      ],
    },
    (params) => {
      if (params.componentType === 'series' && params.data?.id) onSet(params.data.id);
    },
  );
}
