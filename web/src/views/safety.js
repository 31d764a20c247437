// Flood-season safety checks (汛期安全检查, issue 14; docs/safety.md): for the selected period, each
// plan's progress (enterprises checked against the time gone), its hazards (found, rectified,
// open, overdue, awaiting re-inspection; all, major and ordinary), the hazards with their
// deadlines and proof files, and the duty roster with its unstaffed days. Every figure is the
// server's (GET /api/safety, whose `safety` is report --json's), rounded once for display; the
// page computes nothing. A county user sees its county: the server scopes the answer.
import { api } from '../api.js';
import { backLinkHtml } from '../back.js';
import { escapeHtml, fixed, percent } from '../format.js';
import { currentLang, periodText, t } from '../i18n.js';
import { link } from '../state.js';

import { downloadButtonsHtml } from '../table_export.js';
import { selectedPeriodOrNotice } from './period_notice.js';
import { safetyFormsHtml, wireSafetyForms } from './safety_forms.js';

// The page's own words (zh, en); the shared table of i18n.js is not this page's to edit.
const words = {
  title: ['汛期安全检查', 'Flood-season safety checks'],
  none: ['本期没有汛期安全检查计划', 'No safety check plan in this period'],
  plan: ['检查计划', 'Check plan'],
  season: ['检查期', 'Season'],
  divisions: ['行业大类', 'Divisions'],
  enterprises: ['应查企业', 'Enterprises'],
  checked: ['已查企业', 'Checked'],
  coverage: ['检查覆盖率', 'Coverage'],
  timeProgress: ['时间进度', 'Time progress'],
  unchecked: ['未查企业', 'Not checked'],
  level: ['隐患', 'Hazards'],
  all: ['全部', 'All'],
  major: ['重大', 'Major'],
  ordinary: ['一般', 'Ordinary'],
  found: ['发现', 'Found'],
  rectified: ['已整改', 'Rectified'],
  open: ['未整改', 'Open'],
  overdue: ['逾期', 'Overdue'],
  awaiting: ['待复查', 'Awaiting re-inspection'],
  hazards: ['隐患清单', 'Hazards'],
  id: ['编号', 'Id'],
  enterprise: ['企业', 'Enterprise'],
  foundOn: ['发现日期', 'Found on'],
  deadline: ['整改时限', 'Deadline'],
  state: ['状态', 'State'],
  daysOverdue: ['逾期天数', 'Days overdue'],
  proof: ['整改佐证', 'Proof'],
  download: ['下载', 'Download'],
  roster: ['值班表', 'Duty roster'],
  rosterGaps: ['无人值班日期', 'Days without duty'],
  date: ['日期', 'Date'],
  shift: ['班次', 'Shift'],
  person: ['值班人员', 'On duty'],
  phone: ['电话', 'Phone'],
  handover: ['交接班情况', 'Handover'],
  noRows: ['暂无', 'None'],
  stateOpen: ['未整改', 'open'],
  stateOverdue: ['逾期未整改', 'overdue'],
  stateAwaiting: ['待复查', 'awaiting re-inspection'],
  stateClosed: ['已销号', 'closed'],
};
const w = (key) => (words[key] ? words[key][currentLang() === 'zh' ? 0 : 1] : key);
const count = (value) => fixed(value, 0, { group: true });
const stateWords = { open: 'stateOpen', overdue: 'stateOverdue', awaiting_reinspection: 'stateAwaiting', closed: 'stateClosed' };

/** A figure cell the browser test reads: plan, key and the shown text. */
const figure = (plan, key, text) =>
  `<td class="num" data-testid="safety-figure" data-plan="${escapeHtml(plan)}" data-key="${escapeHtml(key)}">${escapeHtml(text)}</td>`;

function planHtml(plan) {
  const id = plan.id;
  const levels = [
    ['hazards', w('all')],
    ['major', w('major')],
    ['ordinary', w('ordinary')],
  ];
  const keys = [
    ['found', w('found')],
    ['rectified', w('rectified')],
    ['open', w('open')],
    ['overdue', w('overdue')],
    ['awaiting_reinspection', w('awaiting')],
  ];
  const hazardRows = levels
    .map(
      ([level, label]) =>
        `<tr><th scope="row">${escapeHtml(label)}</th>${keys.map(([key]) => figure(id, `${level}.${key}`, count(plan[level]?.[key]))).join('')}</tr>`,
    )
    .join('');
  const gaps = plan.roster_gaps ?? [];
  return `
    <section class="panel" data-testid="safety-plan" data-plan="${escapeHtml(id)}" aria-labelledby="safety-plan-${escapeHtml(id)}">
      <header><h2 id="safety-plan-${escapeHtml(id)}">${escapeHtml(plan.name)} <span class="muted">${escapeHtml(plan.kind)} · ${escapeHtml(w('season'))} ${escapeHtml(plan.from)}–${escapeHtml(plan.to)} · ${escapeHtml(w('divisions'))} ${escapeHtml((plan.divisions ?? []).join('、'))}</span></h2></header>
      <table class="data-table"><thead><tr><th>${escapeHtml(w('enterprises'))}</th><th>${escapeHtml(w('checked'))}</th><th>${escapeHtml(w('coverage'))}</th><th>${escapeHtml(w('timeProgress'))}</th><th>${escapeHtml(w('unchecked'))}</th></tr></thead>
        <tbody><tr>${figure(id, 'enterprises', count(plan.enterprises))}${figure(id, 'checked', count(plan.checked))}${figure(id, 'coverage', percent(plan.coverage))}${figure(id, 'time_progress', percent(plan.time_progress))}${figure(id, 'unchecked', count((plan.unchecked ?? []).length))}</tr></tbody></table>
      <table class="data-table"><thead><tr><th>${escapeHtml(w('level'))}</th>${keys.map(([, label]) => `<th>${escapeHtml(label)}</th>`).join('')}</tr></thead><tbody>${hazardRows}</tbody></table>
      <p>${escapeHtml(w('rosterGaps'))}: <span data-testid="safety-roster-gaps" data-plan="${escapeHtml(id)}">${escapeHtml(gaps.length ? gaps.join('、') : w('noRows'))}</span></p>
    </section>`;
}

function hazardsHtml(hazards) {
  if (!hazards.length) return `<div class="empty">${escapeHtml(w('noRows'))}</div>`;
  const head = ['id', 'enterprise', 'level', 'foundOn', 'deadline', 'state', 'daysOverdue', 'proof'].map((k) => `<th>${escapeHtml(w(k))}</th>`).join('');
  const rows = hazards
    .map(
      (h) => `<tr data-testid="safety-hazard" data-id="${escapeHtml(h.id)}" data-state="${escapeHtml(h.state)}">
        <td><a href="${escapeHtml(link(['hazard', h.id]))}" data-testid="hazard-link">${escapeHtml(h.id)}</a></td><td>${escapeHtml(h.name || h.uscc)}</td><td>${escapeHtml(w(h.level))}</td>
        <td>${escapeHtml(h.found)}</td><td>${escapeHtml(h.deadline)}</td><td>${escapeHtml(w(stateWords[h.state] ?? h.state))}</td>
        <td class="num">${h.state === 'overdue' ? escapeHtml(count(h.days_overdue)) : ''}</td>
        <td>${h.proof?.url ? `<a href="${escapeHtml(h.proof.url)}" download>${escapeHtml(w('download'))}</a>` : ''}</td></tr>`,
    )
    .join('');
  return `<table class="data-table" id="safety-hazards-table"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function rosterHtml(roster) {
  if (!roster.length) return `<div class="empty">${escapeHtml(w('noRows'))}</div>`;
  const head = ['date', 'shift', 'person', 'phone', 'handover'].map((k) => `<th>${escapeHtml(w(k))}</th>`).join('');
  const rows = roster
    .map((r) => `<tr><td>${escapeHtml(r.date)}</td><td>${escapeHtml(r.shift)}</td><td>${escapeHtml(r.person)}</td><td>${escapeHtml(r.phone)}</td><td>${escapeHtml(r.handover)}</td></tr>`)
    .join('');
  return `<table class="data-table" id="safety-roster-table" data-testid="safety-roster"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** Draws the safety view into `root`. */
export async function render(root, context) {
  const { isCurrent } = context;
  const selected = selectedPeriodOrNotice(root);
  if (!selected) return;
  const { period, monthly } = selected;
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  const answer = await api.safety(period, monthly);
  if (!isCurrent()) return;
  const plans = answer.safety?.plans ?? [];
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(['cockpit'])}
      <h1 data-testid="safety-title" data-period="${escapeHtml(answer.period)}" data-as-of="${escapeHtml(answer.as_of)}">${escapeHtml(w('title'))} · ${escapeHtml(periodText(answer.period, monthly))}</h1>
    </div>
    ${plans.length ? plans.map(planHtml).join('') : `<div class="empty" data-testid="safety-empty">${escapeHtml(w('none'))}</div>`}
    ${
      plans.length
        ? `<section class="panel" aria-labelledby="safety-hazards-title"><header><h2 id="safety-hazards-title">${escapeHtml(w('hazards'))}</h2>${downloadButtonsHtml('safety-hazards', w('hazards'))}</header>
             <div class="table-scroll" id="safety-hazards">${hazardsHtml(answer.hazards ?? [])}</div></section>
           ${safetyFormsHtml(answer)}
           <section class="panel" aria-labelledby="safety-roster-title"><header><h2 id="safety-roster-title">${escapeHtml(w('roster'))}</h2>${downloadButtonsHtml('safety-roster-list', w('roster'))}</header>
             <div class="table-scroll" id="safety-roster-list">${rosterHtml(answer.roster ?? [])}</div></section>`
        : ''
    }
    <footer class="page-footer">${escapeHtml(t('footer'))}</footer>`;
  wireSafetyForms(root, () => render(root, context));
}
