// The cockpit (驾驶舱): headline cards, then the panels, for the selected period and window.
// A county user sees its county (the server scopes the report); the map highlights it.
import { api } from '../api.js';
import { escapeHtml } from '../format.js';
import { periodText, t } from '../i18n.js';
import * as cards from '../panels/cards.js';
import * as counties from '../panels/counties.js';
import * as divisions from '../panels/divisions.js';
import * as keyEnterprises from '../panels/key-enterprises.js';
import * as projects from '../panels/projects.js';
import * as sets from '../panels/sets.js';
import * as trend from '../panels/trend.js';
import { regionName } from '../names.js';
import { go, link, roleKind, selectedMonthly, selectedPeriod } from '../state.js';

const panel = (area, title, body, extra = '') => `
  <section class="panel area-${area}" id="panel-${area}">
    <header><h2>${escapeHtml(title)}</h2>${extra}</header>
    ${body}
  </section>`;

/** Draws the cockpit into `root`. */
export async function render(root, { isCurrent }) {
  const period = selectedPeriod();
  const monthly = selectedMonthly();
  if (!period) {
    root.innerHTML = `<div class="empty">${escapeHtml(t('noData'))}</div>`;
    return;
  }
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  // The trend is the slowest answer (24 months computed): the rest is drawn without waiting for it.
  const trendData = api.trend(period).catch(() => ({ points: [] }));
  const report = await api.report(period, monthly);
  if (!isCurrent()) return;

  const { kind, code } = roleKind();
  root.innerHTML = `
    <div class="subhead">
      <h1 data-testid="cockpit-period">${escapeHtml(periodText(report.period, report.monthly))}</h1>
      <span class="muted">${escapeHtml(report.scope ? t('scopeLabel', { name: regionName(report.scope, report.scope) }) : t('wholeCity'))} · ${escapeHtml(t('clickHint'))}</span>
    </div>
    <section class="cards" id="cards"></section>
    <div class="cockpit-grid">
      ${panel('trend', t('panelTrend'), `<div class="chart" id="chart-trend"><div class="loading">${escapeHtml(t('loading'))}</div></div>`)}
      ${panel(
        'projects',
        t('panelProjects'),
        '<div class="chart" id="chart-projects"></div><div class="facts" id="project-facts"></div>',
        `<a class="more" href="${link(['projects'])}" title="${escapeHtml(t('projOpenList'))}" data-testid="projects-more">›</a>`,
      )}
      ${panel('map', t('panelCountiesMap'), '<div class="chart" id="chart-map"></div>')}
      ${panel('rank', t('panelCountiesRank'), '<div class="chart" id="chart-rank"></div>')}
      ${panel('growth', t('panelDivisionsGrowth'), '<div class="chart" id="chart-growth"></div>')}
      ${panel('pull', t('panelDivisionsPull'), '<div class="chart" id="chart-pull"></div>')}
      ${panel('parks', t('panelParks'), '<div class="chart" id="chart-parks"></div>')}
      ${panel('chains', t('panelChains'), '<div class="chart" id="chart-chains"></div>')}
      ${panel(
        'key',
        t('panelKey'),
        '<div class="table-scroll" id="key-table"></div>',
        `<label class="toggle"><input type="checkbox" id="key-declines"> ${escapeHtml(t('filterDecline'))}</label>
         <a class="more" href="${link(['detail', 'key-enterprises', 'all'])}">›</a>`,
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
  trendData.then((data) => {
    if (isCurrent()) trend.render(root.querySelector('#chart-trend'), data.points ?? [], report.period, (p) => go(['cockpit'], { period: p }));
  });
  projects.render(root.querySelector('#chart-projects'), root.querySelector('#project-facts'), report.projects ?? {}, () => go(['projects']));
  sets.render(root.querySelector('#chart-parks'), report.industry.parks, report.industry.value_added_growth, (id) => go(['detail', 'parks', id]));
  sets.render(root.querySelector('#chart-chains'), report.industry.chains, report.industry.value_added_growth, (id) => go(['detail', 'chains', id]));
  counties.render(root.querySelector('#chart-map'), root.querySelector('#chart-rank'), report, openRegion, kind === 'county' ? code : null);
  divisions.render(root.querySelector('#chart-growth'), root.querySelector('#chart-pull'), report, openDivision);

  const allKey = report.key_enterprises?.enterprises ?? [];
  const drawKey = () => {
    const declinesOnly = root.querySelector('#key-declines').checked;
    const rows = declinesOnly ? allKey.filter((e) => e.output_growth < 0) : allKey;
    keyEnterprises.render(root.querySelector('#key-table'), rows, openEnterprise, true);
  };
  root.querySelector('#key-declines').addEventListener('change', drawKey);
  drawKey();
}
