// One enterprise case (诉求, issue 14) at `#/case/ID`: its facts (GET /api/cases/ID), the forms of
// its next steps that its state and the caller's role allow (the bureau assigns, records progress
// and resolves; the enterprise rates the handling 1–5 or reopens the case: POST /api/cases/ID/…,
// docs/api.md), and its revision history (GET /api/cases/ID/revisions: every change, who made it,
// the fields it changed). Whoever may read the case sees this page; the server answers 403/404
// otherwise, and 409 when the state moved meanwhile.
import { api, clearCache } from '../api.js';
import { backLinkHtml } from '../back.js';
import { escapeHtml, fixed } from '../format.js';
import { currentLang, t } from '../i18n.js';
import { caseLabels } from './cases.js';
import { roleKind } from '../state.js';
import { fieldHtml, historyHtml, showStatus, statusHtml, wireForm } from './form_support.js';
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

let flash = null;

const formLabels = () => ({
  department: w('assignDepartment'),
  assignee: w('assignee'),
  note: w('note'),
  resolved: w('resolvedDate'),
  rating: w('ratingChoice'),
  comment: w('comment'),
  reason: w('reason'),
});

const OPEN = ['raised', 'assigned', 'in_progress'];

/** A form `id` headed `heading` with `fields` (fieldHtml specs) and a submit button. */
function formHtml(id, heading, fields, submit) {
  const body = fields.map((f) => `<div class="${f.type === 'textarea' || f.type === 'radio' ? 'form-wide' : ''}">${fieldHtml(id, f)}</div>`).join('');
  return `<form class="form register-form" id="${id}" data-testid="${id}" aria-labelledby="${id}-heading">
      <h3 id="${id}-heading">${escapeHtml(heading)}</h3>${body}
      <div class="form-actions"><button type="submit" class="primary" data-testid="${id}-submit">${escapeHtml(submit)}</button>${statusHtml()}</div>
    </form>`;
}

/** The forms of the next steps the case's state and the caller's role allow (docs/api.md). */
function actionsHtml(c, enterprise) {
  const l = formLabels();
  const out = [];
  if (!enterprise && OPEN.includes(c.state)) {
    out.push(formHtml('assign-form', w('assignCase'), [
      { name: 'department', label: l.department, required: true, value: c.department ?? '', attrs: 'maxlength="200"' },
      { name: 'assignee', label: l.assignee, value: c.assignee ?? '', attrs: 'maxlength="200"' },
    ], w('assignSubmit')));
  }
  if (!enterprise && (c.state === 'assigned' || c.state === 'in_progress')) {
    out.push(formHtml('progress-form', w('progressCase'), [{ name: 'note', label: l.note, type: 'textarea', required: true, attrs: 'maxlength="2000"' }], w('progressSubmit')));
    out.push(formHtml('resolve-form', w('resolveCase'), [
      { name: 'resolved', label: l.resolved, type: 'date' },
      { name: 'note', label: l.note, type: 'textarea', attrs: 'maxlength="2000"' },
    ], w('resolveSubmit')));
  }
  if (enterprise && c.state === 'resolved') {
    const ratings = [5, 4, 3, 2, 1].map((r) => [String(r), String(r)]);
    out.push(formHtml('evaluate-form', w('evaluateCase'), [
      { name: 'rating', label: l.rating, type: 'radio', required: true, options: ratings },
      { name: 'comment', label: l.comment, type: 'textarea', attrs: 'maxlength="2000"' },
    ], w('evaluateSubmit')));
  }
  if (enterprise && (c.state === 'resolved' || c.state === 'evaluated')) {
    out.push(formHtml('reopen-form', w('reopenCase'), [{ name: 'reason', label: l.reason, type: 'textarea', required: true, attrs: 'maxlength="2000"' }], w('reopenSubmit')));
  }
  return out.length ? out.join('') : `<p class="muted" data-testid="case-no-action">${escapeHtml(w('caseNoAction'))}</p>`;
}

/** Draws case `path[0]` into `root`. */
export async function render(root, context) {
  const { path, isCurrent } = context;
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
        <dl class="facts-list">${rows}</dl>
        <div id="case-actions" aria-label="${escapeHtml(w('caseActions'))}">${actionsHtml(detail, roleKind().kind === 'enterprise')}</div></section>
      <section class="panel" aria-labelledby="case-history-title"><header><h2 id="case-history-title">${escapeHtml(w('history'))}</h2></header>
        ${historyHtml(history, labels)}</section>
    </div>
    <footer class="page-footer">${escapeHtml(t('footer'))}</footer>`;
  root.dataset.lang = currentLang();

  if (flash) {
    const form = root.querySelector('#case-actions form');
    const text = flash;
    flash = null;
    if (form) showStatus(form, 'ok', text);
    else root.querySelector('#case-actions').insertAdjacentHTML('afterbegin', `<p class="form-status ok" role="status" data-testid="form-status">${escapeHtml(text)}</p>`);
  }
  const wire = (formId, required, action, body) => {
    const form = root.querySelector(`#${formId}`);
    if (!form) return;
    wireForm(form, {
      labels: formLabels(),
      required,
      send: (v) => api.caseAction(id, action, body(v)),
      done: () => {
        clearCache();
        flash = w('caseDone');
        render(root, context);
      },
    });
  };
  const given = (v) => (v ? v : undefined);
  wire('assign-form', ['department'], 'assign', (v) => ({ department: v.department, assignee: v.assignee ?? '' }));
  wire('progress-form', ['note'], 'progress', (v) => ({ note: v.note }));
  wire('resolve-form', [], 'resolve', (v) => ({ note: v.note ?? '', resolved: given(v.resolved) }));
  wire('evaluate-form', ['rating'], 'evaluate', (v) => ({ rating: Number(v.rating), comment: v.comment ?? '' }));
  wire('reopen-form', ['reason'], 'reopen', (v) => ({ reason: v.reason }));
}
