// Campaigns (攻坚行动, e.g. 百日攻坚): per campaign, its investment, starts and completions against
// the campaign's own plan, with the campaign's time progress (时间进度) as the line each bar should
// reach (report.campaigns, data contract "v2 additions", "Campaigns"). One chart (three bars per
// campaign), and a table of the same figures behind the panel's 表格 button. Every number shown
// is a report figure rounded once (format.js); a bar's length is actual ÷ plan, drawn but not
// written (the report gives the investment's share as investment_progress, and it is written).
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { chartBoxHtml, fillChartTable } from '../chart_table.js';
import { amount, chartValue, escapeHtml, money, percent } from '../format.js';
import { t } from '../i18n.js';
import { setName } from '../names.js';

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const count = (v) => (isNumber(v) ? amount(v) : '—');
const moneyText = (wanYuan) => {
  const m = money(wanYuan);
  return `${m.value} ${m.unit}`.trim();
};

/** actual ÷ plan in percent for a bar's length, or null without a plan. */
const share = (actual, planned) => (isNumber(actual) && isNumber(planned) && planned > 0 ? (100 * actual) / planned : null);

/** The three rows of a campaign: name, bar length, the label (report figures), the table's cells. */
function campaignRows(c) {
  const investmentLabel = isNumber(c.planned_investment)
    ? `${isNumber(c.investment_progress) ? `${percent(c.investment_progress)} · ` : ''}${money(c.investment).value}/${moneyText(c.planned_investment)}`
    : moneyText(c.investment);
  return [
    {
      name: t('campInvestment'),
      length: isNumber(c.investment_progress) ? c.investment_progress : share(c.investment, c.planned_investment),
      label: investmentLabel,
      cells: [moneyText(c.investment), isNumber(c.planned_investment) ? moneyText(c.planned_investment) : '—', percent(c.investment_progress)],
    },
    {
      name: t('campStarts'),
      length: share(c.actual_starts, c.planned_starts),
      label: isNumber(c.planned_starts) ? `${count(c.actual_starts)}/${count(c.planned_starts)}` : count(c.actual_starts),
      cells: [count(c.actual_starts), count(c.planned_starts), '—'],
    },
    {
      name: t('campCompletions'),
      length: share(c.actual_completions, c.planned_completions),
      label: isNumber(c.planned_completions) ? `${count(c.actual_completions)}/${count(c.planned_completions)}` : count(c.actual_completions),
      cells: [count(c.actual_completions), count(c.planned_completions), '—'],
    },
  ];
}

/** The campaign's name (its id when the report gives none) and its dates. */
export function campaignTitle(c) {
  return setName({ ...c, id: c.id });
}

const datesText = (c) => (c.from && c.to ? t('campDates', { from: c.from, to: c.to }) : '');

/**
 * The markup of the panel body for `campaigns` (report.campaigns): a line per campaign (name,
 * dates, time progress), then one chart (id `id`) with three bars per campaign, and the table
 * behind the 表格 button (id `${id}-table`).
 */
export function campaignsHtml(campaigns, id) {
  if (!campaigns?.length) {
    return `<div class="empty" data-testid="${id}-empty">${escapeHtml(t('campNone'))}</div>`;
  }
  const heads = campaigns
    .map(
      (c) => `<div class="campaign-head" data-testid="campaign" data-id="${escapeHtml(c.id)}"><b>${escapeHtml(campaignTitle(c))}</b>
          <span class="campaign-dates">${escapeHtml(datesText(c))}</span>
          <span class="campaign-time" data-testid="campaign-time">${escapeHtml(t('projTimeProgress', { v: percent(c.time_progress) }))}</span></div>`,
    )
    .join('');
  return `<div class="campaign-heads">${heads}</div>${chartBoxHtml(id, t('panelCampaigns'))}`;
}

/** The short name of a campaign on the chart's axis when there are several. */
const shortTitle = (c) => {
  const name = campaignTitle(c);
  return name.length > 6 ? `${name.slice(0, 5)}…` : name;
};

/**
 * Draws the chart of `campaigns` and its table under `root` (which holds campaignsHtml(…, id)):
 * three bars per campaign (investment, starts, completions, each actual ÷ plan) and the
 * campaign's time progress as a dashed line across its three bars.
 */
export function render(root, campaigns, id) {
  if (!campaigns?.length) return;
  const p = palette();
  const several = campaigns.length > 1;
  const rows = campaigns.flatMap((c, k) =>
    campaignRows(c).map((r) => ({ ...r, campaign: c, index: k, category: several ? `${shortTitle(c)} · ${r.name}` : r.name })),
  );
  const progressOf = (r) => (isNumber(r.campaign.time_progress) ? r.campaign.time_progress : null);
  // The time progress: one vertical segment per campaign through its rows, broken between them.
  const line = [];
  rows.forEach((r, i) => {
    if (i > 0 && rows[i - 1].index !== r.index) line.push([null, i - 0.5]);
    line.push([progressOf(r), i]);
  });
  makeChart(root.querySelector(`#${id}`), {
    grid: { left: 4, right: 120, top: 6, bottom: 2, containLabel: true },
    tooltip: tooltip({
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const r = rows[items[0].dataIndex];
        return `<b>${escapeHtml(campaignTitle(r.campaign))} · ${escapeHtml(r.name)}</b><br>${escapeHtml(r.label)}<br>${escapeHtml(
          t('projTimeProgress', { v: percent(r.campaign.time_progress) }),
        )}`;
      },
    }),
    xAxis: valueAxis({ min: 0, max: (v) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { show: false }, splitLine: { show: false } }),
    yAxis: categoryAxis(
      rows.map((r) => r.category),
      { inverse: true, axisLabel: { color: p.text, fontSize: fontSize() - 1, interval: 0 } },
    ),
    series: [
      {
        type: 'bar',
        barMaxWidth: 12,
        showBackground: true,
        backgroundStyle: { color: p.split, borderRadius: 6 },
        itemStyle: { borderRadius: 6 },
        data: rows.map((r) => ({
          // Without a plan the bar has no length, but its label (the actual figure) is drawn.
          value: chartValue(r.length) ?? 0,
          id: r.campaign.id,
          itemStyle: { color: progressOf(r) !== null && r.length !== null && r.length < progressOf(r) ? p.secondary : p.tertiary },
        })),
        label: { show: true, position: 'right', color: p.text, fontSize: fontSize() - 1, formatter: (x) => rows[x.dataIndex].label },
      },
      {
        type: 'line',
        silent: true,
        symbol: 'none',
        connectNulls: false,
        lineStyle: { color: p.up, type: 'dashed', width: 1.5 },
        tooltip: { show: false },
        data: line.map(([x, y]) => [x, y]),
      },
    ],
  });
  fillChartTable(
    root.querySelector(`#${id}`),
    [
      { label: t('colCampaignName') },
      { label: t('colItem') },
      { label: t('campActual'), num: true },
      { label: t('campPlan'), num: true },
      { label: t('campShare'), num: true },
      { label: t('projTimeProgressLabel'), num: true },
    ],
    campaigns.flatMap((c) =>
      campaignRows(c).map((r, k) => [k === 0 ? escapeHtml(campaignTitle(c)) : '', escapeHtml(r.name), ...r.cells.map(escapeHtml), k === 0 ? percent(c.time_progress) : '']),
    ),
  );
}
