// Parks (园区) and industrial chains (产业链): a ranked bar of each set's value-added growth with
// the industrial total as a reference line. A click opens the set's detail (the enterprises
// behind the figure, GET /api/parks/ID or /api/chains/ID). Labels round once (format.js).
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { fillChartTable } from '../chart_table.js';
import { amount, chartValue, displaySign, escapeHtml, percent, points } from '../format.js';
import { t } from '../i18n.js';
import { setName } from '../names.js';
import { link } from '../state.js';

/**
 * Draws `sets` (report.industry.parks or .chains: [{id, name, value_added_growth, ...}]) into
 * `el`, with `reference` (the industrial growth) as a dashed line; onSet(id) on a click.
 * `kind` ('parks' or 'chains') names the detail route of the table's links.
 */
export function render(el, sets, reference, onSet, kind) {
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
  const label = (s) => {
    const name = setName(s);
    return name.length > 12 ? `${name.slice(0, 11)}…` : name;
  };
  makeChart(
    el,
    {
      grid: { left: 4, right: 48, top: hasReference ? 20 : 4, bottom: 4, containLabel: true },
      tooltip: tooltip({
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items) => {
          const s = ranked[items[0].dataIndex];
          return `<b>${escapeHtml(setName(s))}</b><br>${t('growthVA')}: ${percent(s.value_added_growth)}` +
            (s.enterprises !== undefined ? `<br>${t('enterprisesLabel')}: ${amount(s.enterprises)}` : '');
        },
      }),
      xAxis: valueAxis({ axisLabel: { show: false } }),
      yAxis: categoryAxis(ranked.map(label), { axisLabel: { color: p.text, fontSize: fontSize() - 1, interval: 0 } }),
      series: [
        {
          type: 'bar',
          barMaxWidth: 14,
          data: ranked.map((s) => ({
            value: chartValue(s.value_added_growth),
            id: s.id,
            itemStyle: { color: displaySign(s.value_added_growth, 1) < 0 ? p.down : p.tertiary, borderRadius: 2 },
          })),
          label: { show: true, position: 'right', color: p.muted, fontSize: fontSize() - 2, formatter: (x) => percent(x.value) },
          markLine: hasReference
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { color: p.secondary, type: 'dashed' },
                label: { color: p.reference, fontSize: fontSize() - 2, formatter: () => percent(reference) },
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
  fillChartTable(
    el,
    [
      { label: kind === 'chains' ? t('colChain') : t('colPark') },
      { label: t('growthVA'), num: true },
      { label: t('colPullPoints'), num: true },
      { label: t('enterprisesLabel'), num: true },
    ],
    ranked
      .slice()
      .reverse()
      .map((s) => [
        `<a href="${link(['detail', kind, s.id])}">${escapeHtml(setName(s))}</a>`,
        percent(s.value_added_growth),
        points(s.pull),
        amount(s.enterprises),
      ]),
  );
}
