// One enterprise case (诉求, issue 14) at `#/case/ID`: its facts (GET /api/cases/ID) and its
// revision history (GET /api/cases/ID/revisions: every change, who made it, the fields it
// changed). Whoever may read the case sees this page; the server answers 403/404 otherwise.
import { api } from '../api.js';
import { backLinkHtml } from '../back.js';
import { escapeHtml, fixed } from '../format.js';
import { currentLang, t } from '../i18n.js';
import { caseLabels } from './cases.js';
import { historyHtml } from './form_support.js';
import { registerWord as w } from './register_words.js';
import './forms.css';

/** The facts shown, in order: key and how the value is shown. */
const facts = [
  ['name', (c) => c.name || c.uscc],
  ['uscc', (c) => c.uscc],
  ['category', (c) => c.category],
  ['title', (c) => c.title],
  ['description', (c) => c.description],
  ['state', (c) => w(`state_${c.state}`)],
  ['raised', (c) => c.raised],
  ['deadline', (c) => c.deadline],
  ['department', (c) => c.department],
  ['assignee', (c) => c.assignee],
  ['level', (c) => w(c.level === 'city' ? 'levelCity' : 'levelCounty')],
  ['resolved', (c) => c.resolved ?? ''],
  ['rating', (c) => (c.rating === null ? '' : fixed(c.rating, 0))],
];

/** Draws case `path[0]` into `root`. */
export async function render(root, { path, isCurrent }) {
  const id = path[0];
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  const [detail, history] = await Promise.all([api.caseDetail(id), api.caseRevisions(id)]);
  if (!isCurrent()) return;
  const labels = { ...caseLabels(), name: w('enterprise'), raised: w('raised') };
  const rows = facts
    .map(([key, show]) => `<div class="fact"><dt>${escapeHtml(labels[key] ?? key)}</dt><dd data-testid="case-field" data-key="${key}">${escapeHtml(show(detail) || '—')}</dd></div>`)
    .join('');
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(['cases'])}
      <h1 data-testid="case-title" data-id="${escapeHtml(detail.id)}" data-revision="${escapeHtml(detail.revision)}">${escapeHtml(w('caseId'))} ${escapeHtml(detail.id)}</h1>
    </div>
    <div class="register-grid">
      <section class="panel" aria-labelledby="case-facts-title"><header><h2 id="case-facts-title">${escapeHtml(detail.title)}</h2></header>
        <dl class="facts-list">${rows}</dl></section>
      <section class="panel" aria-labelledby="case-history-title"><header><h2 id="case-history-title">${escapeHtml(w('history'))}</h2></header>
        ${historyHtml(history, labels)}</section>
    </div>
    <footer class="page-footer">${escapeHtml(t('footer'))}</footer>`;
  root.dataset.lang = currentLang();
}
