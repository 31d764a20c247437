// One enterprise's flood-season safety checks and hazards (issue 14), for the enterprise page:
// renderSafetySection(container, uscc, {period}) draws the counts and the two lists from
// GET /api/enterprises/USCC/safety (at the period's last day, or today without one). Every role
// that may open the enterprise page may call it; the server answers 403 otherwise, and the section
// then says it is not available. Figures are the server's; nothing is computed here.
import { api } from '../api.js';
import { escapeHtml, fixed } from '../format.js';
import { currentLang } from '../i18n.js';
import { link } from '../state.js';

const words = {
  title: ['汛期安全检查', 'Flood-season safety checks'],
  checks: ['检查', 'Checks'],
  hazards: ['隐患', 'Hazards'],
  open: ['未整改', 'Open'],
  overdue: ['逾期', 'Overdue'],
  awaiting: ['待复查', 'Awaiting re-inspection'],
  closed: ['已销号', 'Closed'],
  date: ['日期', 'Date'],
  inspector: ['检查人', 'Inspector'],
  findings: ['检查情况', 'Findings'],
  level: ['等级', 'Level'],
  major: ['重大', 'major'],
  ordinary: ['一般', 'ordinary'],
  deadline: ['整改时限', 'Deadline'],
  state: ['状态', 'State'],
  proof: ['整改佐证', 'Proof'],
  download: ['下载', 'Download'],
  none: ['暂无', 'None'],
  unavailable: ['无权查看或暂无数据', 'Not available'],
  open_state: ['未整改', 'open'],
  overdue_state: ['逾期未整改', 'overdue'],
  awaiting_reinspection_state: ['待复查', 'awaiting re-inspection'],
  closed_state: ['已销号', 'closed'],
};
const w = (key) => (words[key] ? words[key][currentLang() === 'zh' ? 0 : 1] : key);
const count = (v) => fixed(v, 0, { group: true });

/** The section's HTML for the answer of GET /api/enterprises/USCC/safety. */
export function safetySectionHtml(answer) {
  const s = answer.summary ?? {};
  const stats = [
    ['checks', s.checks],
    ['hazards', s.hazards],
    ['open', s.open],
    ['overdue', s.overdue],
    ['awaiting', s.awaiting_reinspection],
    ['closed', s.closed],
  ]
    .map(([key, value]) => `<span class="stat" data-testid="enterprise-safety-${key}">${escapeHtml(w(key))} <b>${escapeHtml(count(value))}</b></span>`)
    .join(' ');
  const checks = (answer.checks ?? [])
    .map((c) => `<tr><td>${escapeHtml(c.date)}</td><td>${escapeHtml(c.inspector)}</td><td>${escapeHtml(c.findings)}</td></tr>`)
    .join('');
  const hazards = (answer.hazards ?? [])
    .map(
      (h) => `<tr data-state="${escapeHtml(h.state)}"><td><a href="${escapeHtml(link(['hazard', h.id]))}" data-testid="hazard-link">${escapeHtml(h.id)}</a></td><td>${escapeHtml(w(h.level))}</td><td>${escapeHtml(h.deadline)}</td>
        <td>${escapeHtml(w(`${h.state}_state`))}${h.state === 'overdue' ? ` ${escapeHtml(count(h.days_overdue))}` : ''}</td>
        <td>${h.proof?.url ? `<a href="${escapeHtml(h.proof.url)}" download>${escapeHtml(w('download'))}</a>` : ''}</td></tr>`,
    )
    .join('');
  const table = (head, rows) =>
    rows ? `<table class="data-table"><thead><tr>${head.map((k) => `<th>${escapeHtml(w(k))}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>` : `<div class="empty">${escapeHtml(w('none'))}</div>`;
  return `<section class="panel" data-testid="enterprise-safety" data-as-of="${escapeHtml(answer.as_of)}" aria-labelledby="enterprise-safety-title">
      <header><h2 id="enterprise-safety-title">${escapeHtml(w('title'))}</h2></header>
      <div class="facts">${stats}</div>
      ${table(['date', 'inspector', 'findings'], checks)}
      ${table(['hazards', 'level', 'deadline', 'state', 'proof'], hazards)}
    </section>`;
}

/** Fetches and draws the section of enterprise `uscc` into `container`. */
export async function renderSafetySection(container, uscc, { period } = {}) {
  try {
    container.innerHTML = safetySectionHtml(await api.enterpriseSafety(uscc, period));
  } catch {
    container.innerHTML = `<section class="panel" data-testid="enterprise-safety"><div class="empty">${escapeHtml(w('unavailable'))}</div></section>`;
  }
}
