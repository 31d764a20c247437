// The enterprise page's 服务与安全 section (issue 14): a key enterprise's responsible cadres, its
// open cases (GET /api/cases, its own), its visits (GET /api/visits?uscc=) and, below, its
// flood-season safety checks (views/safety_section.js). Every role that may open the enterprise
// page sees it; what the server refuses shows as not available. Nothing is computed here.
import { api } from '../api.js';
import { escapeHtml } from '../format.js';
import { renderSafetySection } from './safety_section.js';
import { serviceWord as w } from './service_words.js';

const open = (c) => c.state !== 'resolved' && c.state !== 'evaluated';

function tableHtml(testid, heads, rows) {
  if (!rows.length) return `<div class="empty" data-testid="${testid}-empty">${escapeHtml(w('none'))}</div>`;
  return `<table class="data-table" data-testid="${testid}"><thead><tr>${heads.map((h) => `<th scope="col">${escapeHtml(w(h))}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The section's HTML from the answers of /api/cases, /api/visits and /api/assignments. */
export function serviceSectionHtml(uscc, cases, visits, assignments) {
  const mine = (cases ?? []).filter((c) => c.uscc === uscc && open(c));
  const cadres = (assignments ?? []).map((a) => `${a.cadre}（${a.department}）`).join('、');
  const caseRows = mine.map((c) => [c.id, c.category, c.title, c.department, w(`state_${c.state}`), c.deadline, c.escalated ? w('escalatedToCity') : w('county')]);
  const visitRows = (visits ?? [])
    .slice()
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, 12)
    .map((v) => [v.date, v.cadre, v.findings]);
  return `<section class="panel" data-testid="enterprise-service" aria-labelledby="enterprise-service-title">
      <header><h2 id="enterprise-service-title">${escapeHtml(w('serviceAndSafety'))}</h2></header>
      <p><span class="muted">${escapeHtml(w('cadres'))}：</span><span data-testid="enterprise-cadres">${escapeHtml(cadres || w('none'))}</span></p>
      <div class="enterprise-service">
        <div><h3>${escapeHtml(w('openCases'))}</h3>${tableHtml('enterprise-open-cases', ['caseId', 'category', 'caseTitle', 'department', 'state', 'deadline', 'level'], caseRows)}</div>
        <div><h3>${escapeHtml(w('visits'))}</h3>${tableHtml('enterprise-visits', ['date', 'cadre', 'findings'], visitRows)}</div>
      </div>
    </section>
    <div id="enterprise-safety-slot"></div>`;
}

/** Fetches and draws the section of enterprise `uscc` into `container`; `period` for the safety list. */
export async function renderServiceSection(container, uscc, { period } = {}) {
  const [cases, visits, assignments] = await Promise.allSettled([api.cases(), api.visits({ uscc }), api.assignments({ uscc })]);
  const value = (settled, key) => (settled.status === 'fulfilled' ? settled.value[key] : null);
  if (visits.status === 'rejected' && cases.status === 'rejected') {
    container.innerHTML = `<section class="panel" data-testid="enterprise-service"><div class="empty">${escapeHtml(w('unavailable'))}</div></section>`;
    return;
  }
  container.innerHTML = serviceSectionHtml(uscc, value(cases, 'cases'), value(visits, 'visits'), value(assignments, 'assignments'));
  await renderSafetySection(container.querySelector('#enterprise-safety-slot'), uscc, { period });
}
