// Early warnings (预警), as the engine computes them from the bureau's rules file
// (GET /api/warnings?period=&scope=, the shape of `zhizao warnings --json`): four levels of the
// national scheme, red 一级 to blue 四级. The dashboard decides nothing here: every level, reason
// and date is the server's; this module only draws them (the level badge, the subject linked to
// its page, the reason, since when it holds) and lets the reader filter by level. The key
// enterprises' badges (key-enterprises.js, views/detail.js) come from the same answer.
import { escapeHtml } from '../format.js';
import { currentLang, monthLabel, t } from '../i18n.js';
import { divisionName, regionName } from '../names.js';
import { link } from '../state.js';
import { renderTable } from '../table.js';

/** The four levels, most severe first (the contract's order). */
export const levels = ['red', 'orange', 'yellow', 'blue'];

const rank = (level) => {
  const i = levels.indexOf(level);
  return i < 0 ? levels.length : i;
};

/** The badge of a level: 一级 (red) … 四级 (blue); a neutral dash for none. */
export function levelBadge(level) {
  if (!levels.includes(level)) return `<span class="badge badge-none">—</span>`;
  return `<span class="badge badge-level badge-${level}" data-level="${level}">${escapeHtml(t(`level_${level}`))}</span>`;
}

/** The warnings of an answer of GET /api/warnings ([] for none or a missing answer). */
export function warningList(answer) {
  return Array.isArray(answer?.warnings) ? answer.warnings : [];
}

/**
 * The most severe warning of each subject of `kind` ('enterprise', 'division', …): a Map from the
 * subject's id to {level, warnings} (its warnings, most severe first).
 */
export function warningsBySubject(warnings, kind) {
  const bySubject = new Map();
  for (const w of warnings) {
    if (w.subject?.kind !== kind) continue;
    const entry = bySubject.get(w.subject.id) ?? { level: null, warnings: [] };
    entry.warnings.push(w);
    if (entry.level === null || rank(w.level) < rank(entry.level)) entry.level = w.level;
    bySubject.set(w.subject.id, entry);
  }
  for (const entry of bySubject.values()) entry.warnings.sort((a, b) => rank(a.level) - rank(b.level));
  return bySubject;
}

/** The badge of a subject's most severe warning, titled with its reasons; none without one. */
export function subjectBadge(entry) {
  if (!entry) return `<span class="badge badge-none" data-level="none">—</span>`;
  const title = entry.warnings.map(reasonText).join('\n');
  return `<span title="${escapeHtml(title)}">${levelBadge(entry.level)}</span>`;
}

/** The reason in the current language (the server's `reason_en` in English when it gives one). */
export function reasonText(w) {
  if (currentLang() === 'en' && w.reason_en) return w.reason_en;
  return w.reason ?? '';
}

/** The page of a warning's subject (a hash link), or null when it has none. */
export function subjectHref(subject) {
  const id = subject?.id;
  if (!id) return null;
  switch (subject.kind) {
    case 'enterprise':
      return link(['enterprise', id]);
    case 'division':
      return link(['detail', 'divisions', id]);
    case 'region':
      return link(['detail', 'regions', id]);
    case 'park':
      return link(['detail', 'parks', id]);
    case 'chain':
      return link(['detail', 'chains', id]);
    case 'project':
      return link(['projects', id]);
    case 'target':
      return link(['steering']);
    default:
      return null;
  }
}

/** The subject's name: the server's when it gives one, else the short name of a code. */
export function subjectName(w) {
  const subject = w.subject ?? {};
  const given = subject.name ?? w.name ?? w.subject_name;
  if (subject.kind === 'division') return divisionName(subject.id, given);
  if (subject.kind === 'region') return regionName(subject.id, given);
  return given || subject.id || '';
}

/** "since" as the server gives it (YYYY-MM or a date): a month label, or — without one. */
function sinceText(w) {
  const since = w.since ?? null;
  if (typeof since !== 'string' || !/^\d{4}-\d{2}/.test(since)) return '—';
  return monthLabel(since.slice(0, 7));
}

/** The markup of the level filter (全部 and one button per level, with its count). */
export function levelFilterHtml(warnings, id) {
  const count = (level) => warnings.filter((w) => w.level === level).length;
  const button = (level, label, n) =>
    `<button type="button" data-level="${level}" aria-pressed="${level === 'all'}" class="${level === 'all' ? 'on' : ''}" data-testid="${id}-filter-${level}">${escapeHtml(label)} <span class="count">${n}</span></button>`;
  return `<div class="segmented level-filter" role="group" aria-label="${escapeHtml(t('warnFilter'))}" id="${id}-filter">
      ${button('all', t('filterAll'), warnings.length)}
      ${levels.map((level) => button(level, t(`level_${level}`), count(level))).join('')}
    </div>`;
}

/**
 * Draws `warnings` (GET /api/warnings `warnings`) into the table container `tableEl`, filtered by
 * the level buttons under `filterEl` (levelFilterHtml). `compact` drops the rule column.
 */
export function render(tableEl, filterEl, warnings, { compact = false, testid = 'warnings-table' } = {}) {
  const columns = [
    { key: 'level', label: t('colLevel'), value: (w) => rank(w.level), format: (w) => levelBadge(w.level) },
    { key: 'subject', label: t('colSubject'), value: (w) => subjectName(w), format: subjectCell },
    ...(compact ? [] : [{ key: 'rule', label: t('colRule'), format: (w) => `<code class="rule-name">${escapeHtml(w.rule ?? '')}</code>` }]),
    { key: 'reason', label: t('colReason'), sortable: false, format: (w) => `<span class="reason-text">${escapeHtml(reasonText(w))}</span>` },
    { key: 'since', label: t('colSince'), value: (w) => w.since ?? null, format: (w) => escapeHtml(sinceText(w)) },
  ];
  let shown = 'all';
  const draw = () => {
    const rows = shown === 'all' ? warnings : warnings.filter((w) => w.level === shown);
    renderTable(tableEl, columns, rows, { sortKey: 'level', descending: false, rowClass: (w) => `warn-${w.level}`, testid, empty: t('warnNone') });
  };
  for (const button of filterEl?.querySelectorAll('button[data-level]') ?? []) {
    button.addEventListener('click', () => {
      shown = button.dataset.level;
      for (const b of filterEl.querySelectorAll('button[data-level]')) {
        b.classList.toggle('on', b === button);
        b.setAttribute('aria-pressed', String(b === button));
      }
      draw();
    });
  }
  draw();
}

function subjectCell(w) {
  const href = subjectHref(w.subject);
  const kind = w.subject?.kind ? t(`subject_${w.subject.kind}`) : '';
  const name = escapeHtml(subjectName(w));
  const named = href ? `<a href="${href}" data-testid="warning-subject">${name}</a>` : name;
  return `<span class="subject-kind">${escapeHtml(kind)}</span> ${named}`;
}
