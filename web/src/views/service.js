// Enterprise service (企业服务·五每, issue 14): for the selected period, visit coverage of the
// assigned enterprises and the enterprises nobody visited in its month (每人必联、每月必访), for
// the caller's area and per cadre, department and county; the cases resolved in the window (on
// time, median days, mean rating) and those open and overdue (每事必督、每案必改); the cases by
// workflow state, overdue and escalated; and the meeting view (每会必评: overdue, escalated, rated
// 2 or less). The figures are the server's — GET /api/service, whose `service` is `report --json`'s
// — rounded once for display; the case lists are GET /api/cases. Reviewers log visits and set the
// responsible cadres here (POST /api/visits, /api/assignments) and download each register in the
// layout of its CSV file (GET /api/service/export), which imports back unchanged.
import { api, clearCache } from '../api.js';
import { backLinkHtml } from '../back.js';
import { escapeHtml, fixed, percent } from '../format.js';
import { currentLang, periodText, t } from '../i18n.js';
import { regionName } from '../names.js';

import { renderTable } from '../table.js';
import { downloadButtonsHtml } from '../table_export.js';
import { selectedPeriodOrNotice } from './period_notice.js';
import { serviceWord as w } from './service_words.js';
import './service.css';

const count = (value) => fixed(value, 0, { group: true });
const days = (value) => fixed(value, 1);
const rating = (value) => fixed(value, 2);

// The city's (or the county's) figures: key of `service`, label, how it is shown.
const headline = [
  ['assigned', 'assigned', count],
  ['visited', 'visited', count],
  ['visit_coverage', 'coverage', percent],
  ['unvisited', 'unvisited', (list) => count(list?.length ?? null)],
  ['cases_resolved', 'resolved', count],
  ['on_time_rate', 'onTime', percent],
  ['median_days', 'medianDays', days],
  ['mean_rating', 'meanRating', rating],
  ['open_overdue', 'openOverdue', count],
];

/** A headline figure the browser test reads: key, the JSON value and the shown text. */
function figureHtml([key, label, show], service) {
  const value = service[key];
  return `<div class="stat" data-testid="service-figure" data-key="${key}" data-value="${escapeHtml(JSON.stringify(value ?? null))}">
      <span>${escapeHtml(w(label))}</span><b>${escapeHtml(show(value))}</b></div>`;
}

const panel = (id, title, body, download = true) => `
  <section class="panel" aria-labelledby="${id}-title">
    <header><h2 id="${id}-title">${escapeHtml(title)}</h2>${download ? downloadButtonsHtml(id, title) : ''}</header>
    <div class="table-scroll" id="${id}">${body}</div>
  </section>`;

/** The columns of a breakdown: visits for every group, cases for departments and counties. */
function groupColumns(nameKey, nameLabel, withCases) {
  const columns = [
    { key: nameKey, label: w(nameLabel), format: (g) => escapeHtml(g.name ?? g[nameKey]) },
    { key: 'assigned', label: w('assigned'), align: 'num', format: (g) => count(g.assigned) },
    { key: 'visited', label: w('visited'), align: 'num', format: (g) => count(g.visited) },
    { key: 'visit_coverage', label: w('coverage'), align: 'num', format: (g) => percent(g.visit_coverage) },
    { key: 'unvisited', label: w('unvisited'), align: 'num', value: (g) => g.unvisited.length, format: (g) => count(g.unvisited.length) },
  ];
  if (!withCases) return columns;
  return columns.concat([
    { key: 'cases_resolved', label: w('resolved'), align: 'num', format: (g) => count(g.cases_resolved) },
    { key: 'on_time_rate', label: w('onTime'), align: 'num', format: (g) => percent(g.on_time_rate) },
    { key: 'median_days', label: w('medianDays'), align: 'num', format: (g) => days(g.median_days) },
    { key: 'mean_rating', label: w('meanRating'), align: 'num', format: (g) => rating(g.mean_rating) },
    { key: 'open_overdue', label: w('openOverdue'), align: 'num', format: (g) => count(g.open_overdue) },
  ]);
}

const states = ['raised', 'assigned', 'in_progress', 'resolved', 'evaluated'];

/** The cases kept through the workflow by state, and how many are overdue or escalated. */
function caseCountsHtml(cases) {
  const cells = states.map((s) => [s, cases.filter((c) => c.state === s).length]);
  cells.push(['overdue', cases.filter((c) => c.alert === 'overdue').length]);
  cells.push(['escalated', cases.filter((c) => c.escalated).length]);
  return `<table class="data-table" data-testid="service-case-states"><thead><tr>${cells.map(([s]) => `<th scope="col" class="num">${escapeHtml(w(`state_${s}`))}</th>`).join('')}</tr></thead>
    <tbody><tr>${cells.map(([s, n]) => `<td class="num" data-state="${s}">${escapeHtml(count(n))}</td>`).join('')}</tr></tbody></table>`;
}

/** The columns of a list of cases (GET /api/cases). */
const caseColumns = () => [
  { key: 'id', label: w('caseId') },
  { key: 'name', label: w('enterprise'), format: (c) => escapeHtml(c.name || c.uscc) },
  { key: 'category', label: w('category') },
  { key: 'department', label: w('department') },
  { key: 'state', label: w('state'), format: (c) => escapeHtml(w(`state_${c.state}`)) },
  { key: 'deadline', label: w('deadline') },
  { key: 'days_left', label: w('daysLeft'), align: 'num', format: (c) => count(c.days_left) },
  { key: 'escalated', label: w('level'), value: (c) => (c.escalated ? 1 : 0), format: (c) => escapeHtml(c.escalated ? w('escalatedToCity') : w('county')) },
  { key: 'rating', label: w('rating'), align: 'num', format: (c) => count(c.rating) },
];

/** The forms of the registers (not for enterprise users: they only read). */
function formsHtml() {
  const field = (name, label, type = 'text', extra = '') =>
    `<label class="field"><span>${escapeHtml(w(label))}</span><input name="${name}" type="${type}" ${extra}></label>`;
  return `
    <section class="panel service-registers" aria-labelledby="service-forms-title">
      <header><h2 id="service-forms-title">${escapeHtml(w('registers'))}</h2>
        <span class="downloads">${['assignments', 'visits', 'cases']
          .map((r) => `<a class="download" data-testid="register-export-${r}" href="/api/service/export?register=${r}" download>${escapeHtml(w(`register_${r}`))}</a>`)
          .join('')}</span></header>
      <div class="service-forms">
        <form class="form" id="visit-form" data-testid="visit-form">
          <h3>${escapeHtml(w('logVisit'))}</h3>
          ${field('uscc', 'uscc', 'text', 'required maxlength="18"')}${field('date', 'date', 'date')}
          ${field('cadre', 'cadre')}${field('findings', 'findings')}
          <div class="form-actions"><button type="submit" class="primary">${escapeHtml(w('save'))}</button><span class="form-error" role="status"></span></div>
        </form>
        <form class="form" id="assignment-form" data-testid="assignment-form">
          <h3>${escapeHtml(w('setAssignment'))}</h3>
          ${field('uscc', 'uscc', 'text', 'required maxlength="18"')}${field('department', 'department', 'text', 'required')}
          ${field('cadres', 'cadresComma')}
          <div class="form-actions"><button type="submit" class="primary">${escapeHtml(w('save'))}</button><span class="form-error" role="status"></span></div>
        </form>
      </div>
    </section>`;
}

/** Sends a form's register change, then draws the page anew (the figures changed). */
function wireForm(form, send, redraw) {
  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = form.querySelector('.form-error');
    const data = Object.fromEntries(new FormData(form).entries());
    try {
      await send(data);
      clearCache();
      redraw();
    } catch (error) {
      status.textContent = error.message;
    }
  });
}

/** Draws the service view into `root`. */
export async function render(root, context) {
  const { isCurrent } = context;
  const selected = selectedPeriodOrNotice(root);
  if (!selected) return;
  const { period, monthly } = selected;
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  const [answer, all, meeting] = await Promise.all([api.service(period, monthly), api.cases(), api.cases({ view: 'meeting' })]);
  if (!isCurrent()) return;
  const service = answer.service;
  const names = answer.unvisited_names ?? {};
  const unvisited = (service.unvisited ?? []).map((uscc) => ({ uscc, name: names[uscc] ?? '' }));
  const overdue = service.overdue_cases ?? [];
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(['cockpit'])}
      <h1 data-testid="service-title" data-period="${escapeHtml(answer.period)}" data-window="${answer.monthly ? 'monthly' : 'cumulative'}">${escapeHtml(w('title'))} · ${escapeHtml(periodText(answer.period, monthly))}</h1>
      ${answer.scope ? `<span class="muted">${escapeHtml(regionName(answer.scope))}</span>` : ''}
    </div>
    <div class="stats service-stats">${headline.map((h) => figureHtml(h, service)).join('')}</div>
    <div class="service-grid">
      ${panel('service-unvisited', w('unvisitedList'), '')}
      <section class="panel" aria-labelledby="service-states-title"><header><h2 id="service-states-title">${escapeHtml(w('caseStates'))}</h2></header>
        <div class="table-scroll">${caseCountsHtml(all.cases ?? [])}</div></section>
      ${panel('service-meeting', w('meeting'), '')}
      ${panel('service-overdue', w('overdueList'), '')}
      ${panel('service-cadres', w('byCadre'), '')}
      ${panel('service-departments', w('byDepartment'), '')}
      ${panel('service-counties', w('byCounty'), '')}
    </div>
    ${formsHtml()}
    <footer class="page-footer">${escapeHtml(t('footer'))}</footer>`;

  const table = (id, columns, rows, options = {}) => renderTable(root.querySelector(`#${id}`), columns, rows, { testid: `${id}-table`, empty: w('none'), ...options });
  table('service-unvisited', [
    { key: 'uscc', label: w('uscc') },
    { key: 'name', label: w('enterprise') },
  ], unvisited, { sortKey: 'uscc', descending: false });
  table('service-meeting', caseColumns(), meeting.cases ?? [], { sortKey: 'days_left', descending: false });
  table(
    'service-overdue',
    [
      { key: 'id', label: w('caseId') },
      { key: 'name', label: w('enterprise'), format: (c) => escapeHtml(c.name || c.uscc) },
      { key: 'category', label: w('category') },
      { key: 'department', label: w('department') },
      { key: 'deadline', label: w('deadline') },
      { key: 'days_overdue', label: w('daysOverdue'), align: 'num', format: (c) => count(c.days_overdue) },
    ],
    overdue,
    { sortKey: 'days_overdue' },
  );
  table('service-cadres', groupColumns('cadre', 'cadre', false), service.cadres ?? [], { sortKey: 'visit_coverage', descending: false });
  table('service-departments', groupColumns('department', 'department', true), service.departments ?? [], { sortKey: 'department', descending: false });
  table(
    'service-counties',
    groupColumns('code', 'county', true).map((c) => (c.key === 'code' ? { ...c, format: (g) => escapeHtml(regionName(g.code, g.name)) } : c)),
    service.counties ?? [],
    { sortKey: 'code', descending: false },
  );
  const redraw = () => render(root, context);
  wireForm(root.querySelector('#visit-form'), (d) => api.logVisit({ uscc: d.uscc, date: d.date || undefined, cadre: d.cadre || undefined, findings: d.findings }), redraw);
  wireForm(
    root.querySelector('#assignment-form'),
    (d) => api.setAssignment({ uscc: d.uscc, department: d.department, cadres: d.cadres.split(/[,，、\s]+/).filter(Boolean) }),
    redraw,
  );
  root.dataset.lang = currentLang();
}
