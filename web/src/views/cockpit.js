// The cockpit (驾驶舱): headline cards, then the panels, for the selected period and window.
// A county user sees its county (the server scopes the report); the map highlights it. Every
// panel names its measure; every chart has a table of the same figures (chart_table.js).
import { wholeWord } from '../area.js';
import { api } from '../api.js';
import { chartBoxHtml, tableToolsHtml, wireTableToggles } from '../chart_table.js';
import { amount, escapeHtml } from '../format.js';
import { periodText, t } from '../i18n.js';
import * as cards from '../panels/cards.js';
import * as counties from '../panels/counties.js';
import * as divisions from '../panels/divisions.js';
import * as campaigns from '../panels/campaigns.js';
import * as keyEnterprises from '../panels/key-enterprises.js';
import * as projects from '../panels/projects.js';
import * as sets from '../panels/sets.js';
import * as trend from '../panels/trend.js';
import * as warnings from '../panels/warnings.js';
import { regionName } from '../names.js';
import { go, link, monthStatus, roleKind } from '../state.js';
import { selectedPeriodOrNotice } from './period_notice.js';
import { benchmarkHtml } from '../panels/benchmark.js';
import { downloadButtonsHtml } from '../table_export.js';

const panel = (area, title, body, extra = '') => `
  <section class="panel area-${area}" id="panel-${area}" aria-labelledby="panel-${area}-title">
    <header><h2 id="panel-${area}-title">${escapeHtml(title)}</h2>${extra}</header>
    ${body}
  </section>`;

/** A panel holding one chart (and its table): `chart` is the chart element's id. */
const chartPanel = (area, title, chart, extra = '') =>
  panel(area, title, chartBoxHtml(chart, title), `${extra}${tableToolsHtml(chart, title)}`);

/** Draws the cockpit into `root`. */
export async function render(root, { isCurrent }) {
  const selected = selectedPeriodOrNotice(root);
  if (!selected) return;
  const { period, monthly } = selected;
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  // The trend is the slowest answer (24 months computed): the rest is drawn without waiting for
  // it. It follows the window: 当月 growth month by month, or year to date.
  const trendData = api.trend(period, monthly).catch(() => ({ points: [] }));
  // The early warnings of the period (GET /api/warnings): the warnings panel and the key
  // enterprises' badges; null when the server has none to give.
  const warningData = api.warnings(period, monthly).catch(() => null);
  // The key enterprises' badges come with the table, drawn once (a table redrawn under the reader
  // would lose its sort and focus).
  const [report, warningAnswer] = await Promise.all([api.report(period, monthly), warningData]);
  if (!isCurrent()) return;

  const { kind, code } = roleKind();
  const windowName = monthly ? t('windowMonthly') : t('windowCumulative');
  // How many of the expected reports the month shown has (GET /api/periods `months[]`), and
  // 数据未齐 when that is short of the publishing threshold (issue #18, item 4).
  const status = monthStatus(report.period);
  const reported = status
    ? `<span class="muted" data-testid="cockpit-reported" data-reported="${status.reported}" data-expected="${status.expected}">${escapeHtml(t('monthReported', { r: amount(status.reported), e: amount(status.expected) }))}</span>${
        status.publishable === false ? ` <span class="badge badge-orange" data-testid="cockpit-incomplete">${escapeHtml(t('monthIncomplete'))}</span>` : ''
      }`
    : '';
  root.innerHTML = `
    <div class="subhead">
      <h1 data-testid="cockpit-period" data-period="${escapeHtml(report.period)}" data-window="${report.monthly ? 'monthly' : 'cumulative'}">${escapeHtml(periodText(report.period, report.monthly))}</h1>
      <span class="muted">${escapeHtml(report.scope ? t('scopeLabel', { name: regionName(report.scope, report.scope) }) : wholeWord())} · ${escapeHtml(t('clickHint'))}</span>
      ${reported}
      ${kind === 'county' ? '' : `<a class="subhead-link" href="${link(['electricity'])}" data-testid="electricity-link">${escapeHtml(t('openElectricity'))} ›</a>`}
    </div>
    <section class="cards" id="cards" aria-label="${escapeHtml(t('cardsLabel'))}"></section>
    ${kind === 'county' ? '<div id="benchmark-slot"></div>' : ''}
    <div class="cockpit-grid">
      ${panel(
        'trend',
        t('panelTrend', { window: windowName }),
        chartBoxHtml('chart-trend', t('panelTrend', { window: windowName })),
        tableToolsHtml('chart-trend', t('panelTrend', { window: windowName })),
      )}
      ${panel(
        'projects',
        t('panelProjects'),
        `${chartBoxHtml('chart-projects', t('panelProjects'))}<div class="facts" id="project-facts"></div>`,
        `${tableToolsHtml('chart-projects', t('panelProjects'))}<a class="more" href="${link(['projects'])}" title="${escapeHtml(t('projOpenList'))}" data-testid="projects-more"><span aria-hidden="true">›</span><span class="sr-only">${escapeHtml(t('projOpenList'))}</span></a>`,
      )}
      ${chartPanel('map', t(counties.mapTitleKey(report)), 'chart-map')}
      ${chartPanel('rank', t(counties.rankTitleKey(report)), 'chart-rank')}
      ${chartPanel('growth', t('panelDivisionsGrowth'), 'chart-growth')}
      ${chartPanel('pull', t('panelDivisionsPull'), 'chart-pull')}
      ${chartPanel('parks', t('panelParks'), 'chart-parks')}
      ${chartPanel('chains', t('panelChains'), 'chart-chains')}
      ${panel(
        'camp',
        t('panelCampaigns'),
        `${campaigns.campaignsHtml(report.campaigns, 'chart-campaigns')}<div class="facts" id="campaign-facts">${laggingFact(report)}</div>`,
        `${report.campaigns?.length ? tableToolsHtml('chart-campaigns', t('panelCampaigns')) : ''}<a class="more" href="${link(['projects'])}" title="${escapeHtml(t('projOpenList'))}"><span aria-hidden="true">›</span><span class="sr-only">${escapeHtml(t('projOpenList'))}</span></a>`,
      )}
      ${panel(
        'warn',
        t('panelWarnings'),
        '<div id="cockpit-warnings-levels"></div><div class="table-scroll" id="cockpit-warnings" data-testid="cockpit-warnings"></div>',
        `<a class="toggle" href="${link(['safety'])}" data-testid="safety-link">${escapeHtml(t('openSafety'))}</a><a class="more" href="${link(['steering'])}" title="${escapeHtml(t('openSteering'))}" data-testid="warnings-more"><span aria-hidden="true">›</span><span class="sr-only">${escapeHtml(t('openSteering'))}</span></a>`,
      )}
      ${panel(
        'key',
        t('panelKey'),
        '<div class="table-scroll" id="key-table"></div>',
        `<label class="toggle"><input type="checkbox" id="key-warned" data-testid="key-warned"> ${escapeHtml(t('filterWarned'))}</label>
         ${downloadButtonsHtml('key-table', t('panelKey'))}
         <a class="more" href="${link(['detail', 'key-enterprises', 'all'])}" title="${escapeHtml(t('detailKey'))}"><span aria-hidden="true">›</span><span class="sr-only">${escapeHtml(t('detailKey'))}</span></a>`,
      )}
    </div>
    <footer class="page-footer">${escapeHtml(t('footer'))}</footer>`;

  const openDivision = (c) => go(['detail', 'divisions', c]);
  const openRegion = (c) => go(['detail', 'regions', c]);
  const openEnterprise = (uscc) => go(['enterprise', uscc]);
  cards.render(root.querySelector('#cards'), report, {
    trend: '#panel-trend',
    divisions: '#panel-growth',
    key: link(['detail', 'key-enterprises', 'all']),
    projects: link(['projects']),
  });
  for (const a of root.querySelectorAll('a.card[href^="#panel-"]')) {
    a.addEventListener('click', (event) => {
      event.preventDefault();
      root.querySelector(a.getAttribute('href'))?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    });
  }
  if (kind === 'county') {
    // A county user's report holds its own area only: the city's growth and the county's rank
    // come from the benchmark (issue #18, item 11).
    api
      .benchmark(period, monthly)
      .then((benchmark) => {
        const slot = root.querySelector('#benchmark-slot');
        if (!isCurrent() || !slot) return;
        slot.innerHTML = benchmarkHtml({
          ownLabel: benchmark.region ? regionName(benchmark.region.code, benchmark.region.name) : t('benchOwnCounty'),
          own: report.industry.value_added_growth,
          city: benchmark.city.value_added_growth,
          rank: benchmark.region?.rank,
          of: benchmark.region?.of,
          peers: 'counties',
        });
      })
      .catch(() => {});
  }
  wireTableToggles(root);
  const trendEl = root.querySelector('#chart-trend');
  trendEl.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  trendData.then((data) => {
    if (!isCurrent()) return;
    trendEl.innerHTML = '';
    trend.render(trendEl, data.points ?? [], report.period, report.monthly === true, (p) => go(['cockpit'], { period: p }));
  });
  projects.render(root.querySelector('#chart-projects'), root.querySelector('#project-facts'), report.projects ?? {}, () => go(['projects']));
  sets.render(root.querySelector('#chart-parks'), report.industry.parks, report.industry.value_added_growth, (id) => go(['detail', 'parks', id]), 'parks');
  sets.render(root.querySelector('#chart-chains'), report.industry.chains, report.industry.value_added_growth, (id) => go(['detail', 'chains', id]), 'chains');
  counties.render(root.querySelector('#chart-map'), root.querySelector('#chart-rank'), report, openRegion, kind === 'county' ? code : null);
  divisions.render(root.querySelector('#chart-growth'), root.querySelector('#chart-pull'), report, openDivision);

  campaigns.render(root, report.campaigns, 'chart-campaigns');

  const allKey = report.key_enterprises?.enterprises ?? [];
  const warningList = warnings.warningList(warningAnswer);
  const warned = warnings.warningsBySubject(warningList, 'enterprise');
  const drawKey = () => {
    const warnedOnly = root.querySelector('#key-warned').checked;
    const rows = warnedOnly ? allKey.filter((e) => warned.has(e.uscc)) : allKey;
    keyEnterprises.render(root.querySelector('#key-table'), rows, openEnterprise, true, warned);
  };
  root.querySelector('#key-warned').addEventListener('change', drawKey);
  drawKey();
  const listEl = root.querySelector('#cockpit-warnings');
  listEl.dataset.state = warningAnswer ? 'loaded' : 'unavailable';
  if (warningAnswer) {
    const filterEl = root.querySelector('#cockpit-warnings-levels');
    filterEl.innerHTML = warnings.levelFilterHtml(warningList, 'cockpit-warnings');
    warnings.render(listEl, filterEl, warningList, { compact: true, testid: 'cockpit-warnings-table' });
  } else {
    listEl.innerHTML = `<div class="empty" data-testid="cockpit-warnings-empty">${escapeHtml(t('warnUnavailable'))}</div>`;
  }
}

/** The count of lagging projects (report.projects.lagging), linked to their list. */
function laggingFact(report) {
  const lagging = report.projects?.lagging;
  if (!Array.isArray(lagging)) return `<span data-testid="cockpit-lagging" data-count="">${escapeHtml(t('lagUnknown'))}</span>`;
  return `<a href="${link(['projects'], { show: 'lagging' })}" data-testid="cockpit-lagging" data-count="${lagging.length}">${escapeHtml(
    t('lagCount', { n: amount(lagging.length) }),
  )}</a>`;
}
