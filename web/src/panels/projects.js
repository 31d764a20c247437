// Project progress (year to date): starts, completions and investment against the year's plan,
// with the share of the year elapsed (时间进度) as the line each bar should reach. Shares, counts
// and money are the report's `projects` figures, rounded once (format.js).
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { fillChartTable } from '../chart_table.js';
import { amount, chartValue, escapeHtml, money, percent } from '../format.js';
import { t } from '../i18n.js';

const moneyText = (wanYuan) => {
  const m = money(wanYuan);
  return `${m.value} ${m.unit}`.trim();
};

/**
 * Draws the progress bars of `projects` (report.projects) into `chartEl`, facts into `factsEl`;
 * a click on the chart calls onOpen() (the project list).
 */
export function render(chartEl, factsEl, projects, onOpen) {
  const p = palette();
  const count = (v) => (v === null || v === undefined ? '—' : amount(v));
  const rows = [
    {
      name: t('projStarts'),
      share: projects.start_share,
      text: `${count(projects.actual_starts)}/${count(projects.year_planned_starts)}`,
      tableText: t('projOfYear', { a: count(projects.actual_starts), p: count(projects.year_planned_starts), unit: t('unitProjects') }),
    },
    {
      name: t('projCompletions'),
      share: projects.completion_share,
      text: `${count(projects.actual_completions)}/${count(projects.year_planned_completions)}`,
      tableText: t('projOfYear', { a: count(projects.actual_completions), p: count(projects.year_planned_completions), unit: t('unitProjects') }),
    },
    {
      name: t('projInvestment'),
      share: projects.investment_share,
      text: `${money(projects.investment).value}/${money(projects.year_plan_investment).value}`,
      tableText: t('projOfYear', { a: money(projects.investment).value, p: money(projects.year_plan_investment).value, unit: money(projects.investment).unit }),
    },
  ];
  // The facts first: the chart takes the height they leave.
  factsEl.innerHTML = [
    t('projTotal', { n: count(projects.projects) }),
    t('projectStarts', { a: count(projects.actual_starts), p: count(projects.planned_starts) }),
    `${t('projInvestment')} ${moneyText(projects.investment)}`,
  ]
    .map((x) => `<span>${escapeHtml(x)}</span>`)
    .join('');
  const progress = projects.time_progress;
  makeChart(chartEl, {
    grid: { left: 4, right: 70, top: 18, bottom: 4, containLabel: true },
    tooltip: tooltip({
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const r = rows[items[0].dataIndex];
        return `<b>${escapeHtml(r.name)}</b><br>${percent(r.share)} (${escapeHtml(r.tableText)})`;
      },
    }),
    xAxis: valueAxis({ max: (v) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { show: false }, splitLine: { show: false } }),
    yAxis: categoryAxis(rows.map((r) => r.name), { inverse: true }),
    series: [
      {
        type: 'bar',
        barWidth: 14,
        showBackground: true,
        backgroundStyle: { color: p.split, borderRadius: 7 },
        itemStyle: { borderRadius: 7 },
        data: rows.map((r) => ({
          value: chartValue(r.share),
          itemStyle: { color: progress !== null && progress !== undefined && r.share < progress ? p.secondary : p.tertiary },
        })),
        label: { show: true, position: 'right', color: p.text, fontSize: fontSize() - 1, formatter: (x) => `${percent(x.value)}  ${rows[x.dataIndex].text}` },
        markLine:
          progress === null || progress === undefined
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: p.up, type: 'dashed' },
                label: { position: 'start', color: p.up, fontSize: fontSize() - 2, formatter: () => t('projTimeProgress', { v: percent(progress) }) },
                data: [{ xAxis: progress }],
              },
      },
    ],
  }, onOpen);
  fillChartTable(
    chartEl,
    [{ label: t('colItem') }, { label: t('colPlanShare'), num: true }, { label: t('colActualOfPlan'), num: true }],
    [
      ...rows.map((r) => [escapeHtml(r.name), percent(r.share), escapeHtml(r.tableText)]),
      [escapeHtml(t('projTimeProgressLabel')), percent(progress), ''],
    ],
  );
}
