// Industrial projects (工业项目), year to date (GET /api/projects): the totals the report counts,
// the projects ranked by investment, and a sortable table with milestones (开工/竣工), investment
// and the flags of the start and completion campaigns. A row or a bar opens one project
// (GET /api/projects/ID): its milestones, its monthly investment and links to its park and chain.
import { api } from '../api.js';
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { backLinkHtml } from '../back.js';
import { amount, chartValue, escapeHtml, money, percent, wan } from '../format.js';
import { monthLabel, periodText, t } from '../i18n.js';
import { regionName } from '../names.js';
import * as campaigns from '../panels/campaigns.js';
import * as lagging from '../panels/lagging.js';
import { tableToolsHtml, wireTableToggles } from '../chart_table.js';
import { downloadButtonsHtml } from '../table_export.js';
import { currentRoute, go, link, periodProblem, selectedPeriod } from '../state.js';
import { chartAndTableHtml, fillChartAndTable } from './chart_and_table.js';
import { periodNoticeHtml } from './period_notice.js';

const statHtml = (label, html, testid) =>
  `<div class="stat"><span>${escapeHtml(label)}</span><b ${testid ? `data-testid="${testid}"` : ''}>${html}</b></div>`;
const stat = (label, value, testid) => statHtml(label, escapeHtml(value), testid);

const moneyText = (wanYuan) => {
  const m = money(wanYuan);
  return `${m.value} ${m.unit}`.trim();
};

/** The badge of a project's stage at the end of the period. */
function stageBadge(stage) {
  const level = { completed: 'green', started: 'orange', planned: 'none' }[stage] ?? 'none';
  return `<span class="badge badge-${level}">${escapeHtml(t(`stage_${stage}`))}</span>`;
}

/**
 * The campaign flags of a project, the same in the list and on its own page: started / completed
 * this year to date (green), or a milestone planned on or before the end of the period and not
 * yet reached, whatever year it was planned in (red: the server's start_overdue /
 * completion_overdue, issue #18 item 3).
 */
function campaignBadges(p) {
  const badges = [];
  if (p.started_in_window) badges.push(`<span class="badge badge-green">${escapeHtml(t('flagStarted'))}</span>`);
  else if (p.start_overdue) badges.push(`<span class="badge badge-red">${escapeHtml(t('flagStartDue'))}</span>`);
  if (p.completed_in_window) badges.push(`<span class="badge badge-green">${escapeHtml(t('flagCompleted'))}</span>`);
  else if (p.completion_overdue) badges.push(`<span class="badge badge-red">${escapeHtml(t('flagCompletionDue'))}</span>`);
  return badges.join(' ');
}

/** actual / year plan (share), as the cockpit's projects panel shows them. */
const ofYear = (actual, planned, share) => t('projShareOf', { a: amount(actual), p: amount(planned), v: percent(share) });

function investmentChart(el, projects) {
  const p = palette();
  const rows = projects
    .filter((x) => x.investment > 0)
    .sort((a, b) => b.investment - a.investment)
    .slice(0, 15)
    .reverse();
  makeChart(
    el,
    {
      grid: { left: 4, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: tooltip({
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items) => {
          const x = rows[items[0].dataIndex];
          return `<b>${escapeHtml(x.name)}</b><br>${t('projInvestment')}: ${wan(x.investment)} ${t('unitWan')}<br>${t('colPlanShare')}: ${percent(x.investment_share)}`;
        },
      }),
      xAxis: valueAxis({ axisLabel: { show: false } }),
      yAxis: categoryAxis(rows.map((x) => (x.name.length > 14 ? `${x.name.slice(0, 13)}…` : x.name)), {
        axisLabel: { color: p.text, fontSize: fontSize() - 1, interval: 0 },
      }),
      series: [
        {
          type: 'bar',
          barMaxWidth: 12,
          data: rows.map((x) => ({ value: chartValue(x.investment), id: x.id, itemStyle: { color: p.tertiary } })),
          label: { show: true, position: 'right', color: p.muted, fontSize: fontSize() - 2, formatter: (x) => wan(x.value) },
        },
      ],
    },
    (params) => params.data?.id && go(['projects', params.data.id]),
  );
}

async function renderList(root, period, isCurrent) {
  // The campaigns and the lagging projects are the report's (GET /api/report, the year to date:
  // both are dated by the period's last day whatever the window).
  const [data, report] = await Promise.all([api.projects(period), api.report(period, false)]);
  if (!isCurrent()) return;
  const laggingRows = lagging.laggingRows(report, data.projects, period);
  const campaignList = report.campaigns ?? [];
  const totals = data.totals ?? {};
  const projects = data.projects ?? [];
  const layout = {
    chart: { title: t('projTopInvestment'), id: 'chart-projects-list', draw: (el) => investmentChart(el, projects) },
    table: {
      title: t('projList'),
      id: 'projects-table',
      columns: [
        { key: 'name', label: t('colProject'), format: (x) => `<span class="ellipsis" title="${escapeHtml(x.name)}">${escapeHtml(x.name)}</span>` },
        { key: 'region', label: t('colRegion'), format: (x) => escapeHtml(regionName(x.region, x.region_name)) },
        { key: 'stage', label: t('colStage'), format: (x) => stageBadge(x.stage) },
        { key: 'planned_start', label: t('colPlannedStart') },
        { key: 'actual_start', label: t('colActualStart'), format: (x) => escapeHtml(x.actual_start ?? '—') },
        { key: 'planned_completion', label: t('colPlannedCompletion'), format: (x) => escapeHtml(x.planned_completion ?? '—') },
        { key: 'actual_completion', label: t('colActualCompletion'), format: (x) => escapeHtml(x.actual_completion ?? '—') },
        { key: 'total_investment', label: t('colTotalInvestment'), align: 'num', format: (x) => wan(x.total_investment) },
        { key: 'investment', label: t('colYtdInvestment'), align: 'num', format: (x) => wan(x.investment) },
        { key: 'investment_share', label: t('colPlanShare'), align: 'num', format: (x) => percent(x.investment_share) },
        {
          key: 'campaign',
          label: t('colCampaign'),
          value: (x) => Number(x.started_in_window) * 2 + Number(x.completed_in_window) - Number(Boolean(x.start_overdue)) * 2 - Number(Boolean(x.completion_overdue)),
          format: (x) => `<span data-testid="project-row-badges">${campaignBadges(x)}</span>`,
        },
      ],
      rows: projects,
      options: { sortKey: 'investment', descending: true, onRow: (x) => go(['projects', x.id]), testid: 'projects-table' },
    },
  };
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(['cockpit'])}
      <h1 data-testid="projects-title">${escapeHtml(t('projectsTitle'))}</h1>
      <span class="muted">${escapeHtml(periodText(period, false))}${data.scope ? ` · ${escapeHtml(t('scopeLabel', { name: regionName(data.scope, data.scope) }))}` : ''}</span>
    </div>
    <div class="stats">
      ${stat(t('projCount'), amount(totals.projects), 'projects-count')}
      ${stat(t('projInvestment'), moneyText(totals.investment), 'projects-investment')}
      ${stat(t('projStarts'), ofYear(totals.actual_starts, totals.year_planned_starts, totals.start_share), 'projects-starts')}
      ${stat(t('projCompletions'), ofYear(totals.actual_completions, totals.year_planned_completions, totals.completion_share), 'projects-completions')}
      ${stat(t('projStartsDue'), amount(totals.planned_starts), 'projects-starts-due')}
      ${stat(t('projCompletionsDue'), amount(totals.planned_completions), 'projects-completions-due')}
      ${stat(t('colPlanShare'), `${percent(totals.investment_share)} · ${t('projTimeProgress', { v: percent(totals.time_progress) })}`)}
    </div>
    <div class="steer-row">
      <section class="panel" id="panel-campaigns" aria-labelledby="panel-campaigns-title">
        <header><h2 id="panel-campaigns-title">${escapeHtml(t('panelCampaigns'))}</h2>${campaignList.length ? tableToolsHtml('projects-campaigns', t('panelCampaigns')) : ''}</header>
        ${campaigns.campaignsHtml(campaignList, 'projects-campaigns')}
      </section>
      <section class="panel" id="panel-lagging" aria-labelledby="panel-lagging-title">
        <header><h2 id="panel-lagging-title">${escapeHtml(t('panelLagging'))} <span class="muted" data-testid="lagging-count" data-count="${Array.isArray(report.projects?.lagging) ? report.projects.lagging.length : ''}">${escapeHtml(
          Array.isArray(report.projects?.lagging) ? t('lagCountShort', { n: amount(report.projects.lagging.length) }) : t('lagUnknown'),
        )}</span></h2>${downloadButtonsHtml('lagging-list', t('panelLagging'))}</header>
        <div class="table-scroll" id="lagging-list"></div>
      </section>
    </div>
    ${chartAndTableHtml(layout)}`;
  fillChartAndTable(root, layout);
  campaigns.render(root, campaignList, 'projects-campaigns');
  lagging.render(root.querySelector('#lagging-list'), laggingRows, (id) => go(['projects', id]));
  wireTableToggles(root);
  if (currentRoute().params.get('show') === 'lagging') root.querySelector('#panel-lagging').scrollIntoView({ block: 'start' });
}

async function renderOne(root, id, period, isCurrent) {
  const x = await api.project(id, period);
  if (!isCurrent()) return;
  const p = palette();
  const setLink = (kind, code, name) =>
    code ? `<a href="${link(['detail', kind, code])}" data-testid="project-${kind}">${escapeHtml(name ?? code)}</a>` : '—';
  root.innerHTML = `
    <div class="subhead">
      <a class="back" href="${link(['projects'])}">‹ ${escapeHtml(t('projectsTitle'))}</a>
      <h1 data-testid="project-name">${escapeHtml(x.name)}</h1>
      <span class="muted">${escapeHtml(x.id)} · ${escapeHtml(regionName(x.region, x.region_name))} · ${stageBadge(x.stage)}</span>
    </div>
    <div class="stats">
      ${stat(t('colTotalInvestment'), `${wan(x.total_investment)} ${t('unitWan')}`)}
      ${stat(t('colYearPlan'), x.year_plan_investment === null ? '—' : `${wan(x.year_plan_investment)} ${t('unitWan')}`)}
      ${stat(t('colYtdInvestment'), `${wan(x.investment)} ${t('unitWan')}`, 'project-investment')}
      ${stat(t('colPlanShare'), percent(x.investment_share))}
      ${x.investment_to_date === undefined ? '' : stat(t('projToDate'), `${wan(x.investment_to_date)} ${t('unitWan')}`, 'project-investment-to-date')}
      ${statHtml(t('colCampaign'), campaignBadges(x) || '—', 'project-badges')}
    </div>
    <div class="detail-grid">
      <section class="panel"><header><h2>${escapeHtml(t('projMonthly'))}</h2></header><div class="chart" id="chart-project" role="img" aria-label="${escapeHtml(t('projMonthly'))}"></div></section>
      <section class="panel"><header><h2>${escapeHtml(t('projMilestones'))}</h2></header>
        <table class="data-table milestones" data-testid="project-milestones"><tbody>
          <tr><th>${escapeHtml(t('colPlannedStart'))}</th><td>${escapeHtml(x.planned_start ?? '—')}</td><th>${escapeHtml(t('colActualStart'))}</th><td>${escapeHtml(x.actual_start ?? '—')}</td></tr>
          <tr><th>${escapeHtml(t('colPlannedCompletion'))}</th><td>${escapeHtml(x.planned_completion ?? '—')}</td><th>${escapeHtml(t('colActualCompletion'))}</th><td>${escapeHtml(x.actual_completion ?? '—')}</td></tr>
          <tr><th>${escapeHtml(t('colPark'))}</th><td>${setLink('parks', x.park, x.park_name)}</td><th>${escapeHtml(t('colChain'))}</th><td>${setLink('chains', x.chain, x.chain_name)}</td></tr>
          <tr><th>${escapeHtml(t('colDivision'))}</th><td>${escapeHtml(x.industry || '—')}</td><th>${escapeHtml(t('period'))}</th><td>${escapeHtml(periodText(period, false))}</td></tr>
        </tbody></table>
      </section>
    </div>`;
  const progress = x.progress ?? [];
  let running = 0;
  const cumulative = progress.map((row) => (running += row.investment));
  makeChart(root.querySelector('#chart-project'), {
    legend: { top: 0, right: 8, textStyle: { color: p.muted, fontSize: fontSize() - 1 } },
    grid: { left: 4, right: 12, top: 30, bottom: 4, containLabel: true },
    tooltip: tooltip({ trigger: 'axis', valueFormatter: (v) => `${wan(v)} ${t('unitWan')}` }),
    xAxis: categoryAxis(progress.map((row) => monthLabel(row.period)), { axisLabel: { color: p.muted, fontSize: fontSize() - 2 } }),
    yAxis: [valueAxis(), valueAxis({ splitLine: { show: false } })],
    series: [
      { name: t('projMonthInvestment'), type: 'bar', barMaxWidth: 18, itemStyle: { color: p.tertiary }, data: progress.map((row) => chartValue(row.investment)) },
      { name: t('projCumulative'), type: 'line', yAxisIndex: 1, symbolSize: 4, itemStyle: { color: p.secondary }, data: cumulative.map((v) => chartValue(v)) },
    ],
  });
}

/** Draws the project list, or the project `path[0]`, into `root`. */
export async function render(root, { path, isCurrent }) {
  const problem = periodProblem();
  if (problem) {
    root.innerHTML = periodNoticeHtml(problem);
    return;
  }
  const period = selectedPeriod();
  if (!period) {
    root.innerHTML = `<div class="empty">${escapeHtml(t('noData'))}</div>`;
    return;
  }
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  if (path[0]) await renderOne(root, path[0], period, isCurrent);
  else await renderList(root, period, isCurrent);
}
