// Enterprise cases (诉求, issue 14): `#/cases` raises a case and lists the cases the caller sees
// (GET /api/cases, scoped by the server); `#/case/ID` (case_detail.js) shows one with its history.
// An enterprise user raises a case for itself (category, title, description: the bureau assigns
// it); a cadre (admin, city, county) raises one for an enterprise of its area and may name the
// department at once (docs/api.md "Cases": the deadline is the raise date + the category's days of
// `case_deadline`, decided by the server and shown once it answers). Refusals are told in plain
// words (form_support.js).
import { api, clearCache } from '../api.js';
import { backLinkHtml } from '../back.js';
import { escapeHtml, fixed } from '../format.js';
import { currentLang, t } from '../i18n.js';
import { link, roleKind } from '../state.js';
import { renderTable } from '../table.js';
import { fieldHtml, statusHtml, wireForm } from './form_support.js';
import { registerWord as w } from './register_words.js';
import './forms.css';

/** The labels of a case's fields, for messages and the history list. */
export function caseLabels() {
  return {
    uscc: w('uscc'),
    category: w('category'),
    title: w('title'),
    description: w('description'),
    department: w('department').replace(/（可选）| \(optional\)/, ''),
    assignee: w('assignee'),
    state: w('state'),
    deadline: w('deadline'),
    resolved: w('resolved'),
    rating: w('rating'),
    level: w('level'),
  };
}

function formHtml(enterprise, categories) {
  const id = 'case-form';
  const f = (spec) => fieldHtml(id, spec);
  return `<form class="form register-form" id="${id}" data-testid="case-form" aria-labelledby="case-form-heading">
      <h2 id="case-form-heading">${escapeHtml(w('raiseCase'))}</h2>
      <p class="hint form-wide">${escapeHtml(w(enterprise ? 'raiseHintEnterprise' : 'raiseHint'))}</p>
      ${enterprise ? '' : f({ name: 'uscc', label: w('uscc'), required: true, hint: w('usccHint'), attrs: 'maxlength="18" autocomplete="off" spellcheck="false"' })}
      ${f({ name: 'category', label: w('category'), required: true, hint: w('categoryHint'), attrs: 'list="case-categories" maxlength="40"' })}
      <datalist id="case-categories">${categories.map((c) => `<option value="${escapeHtml(c)}"></option>`).join('')}</datalist>
      ${f({ name: 'title', label: w('title'), required: true, attrs: 'maxlength="200"' })}
      ${enterprise ? '' : f({ name: 'department', label: w('department'), attrs: 'maxlength="100"' })}
      <div class="form-wide">${f({ name: 'description', label: w('description'), type: 'textarea', attrs: 'maxlength="2000"' })}</div>
      <div class="form-actions"><button type="submit" class="primary" data-testid="case-submit">${escapeHtml(w('submitCase'))}</button>${statusHtml()}</div>
    </form>`;
}

const columns = () => [
  { key: 'id', label: w('caseId'), format: (c) => `<a href="${escapeHtml(link(['case', c.id]))}" data-testid="case-link">${escapeHtml(c.id)}</a>` },
  { key: 'name', label: w('enterprise'), format: (c) => escapeHtml(c.name || c.uscc) },
  { key: 'category', label: w('category') },
  { key: 'title', label: w('title') },
  { key: 'state', label: w('state'), format: (c) => escapeHtml(w(`state_${c.state}`)) },
  { key: 'deadline', label: w('deadline') },
  { key: 'days_left', label: w('daysLeft'), align: 'num', format: (c) => escapeHtml(fixed(c.days_left, 0)) },
];

function drawList(root, cases) {
  renderTable(root.querySelector('#cases-list'), columns(), cases, { sortKey: 'id', descending: true, testid: 'cases-table', empty: w('none') });
}

/** Draws the cases view into `root`. */
export async function render(root, { isCurrent }) {
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  const answer = await api.cases();
  if (!isCurrent()) return;
  const enterprise = roleKind().kind === 'enterprise';
  const cases = answer.cases ?? [];
  const categories = [...new Set(cases.map((c) => c.category))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(enterprise ? ['submit'] : ['service'])}
      <h1 data-testid="cases-title" data-today="${escapeHtml(answer.today)}">${escapeHtml(w('casesTitle'))}</h1>
    </div>
    <div class="register-grid">
      <section class="panel">${formHtml(enterprise, categories)}</section>
      <section class="panel" aria-labelledby="cases-list-title"><header><h2 id="cases-list-title">${escapeHtml(w('caseList'))}</h2></header>
        <div class="table-scroll" id="cases-list"></div></section>
    </div>
    <footer class="page-footer">${escapeHtml(t('footer'))}</footer>`;
  drawList(root, cases);
  const form = root.querySelector('#case-form');
  wireForm(form, {
    labels: caseLabels(),
    required: enterprise ? ['category', 'title'] : ['uscc', 'category', 'title'],
    send: (v) =>
      api.raiseCase({
        ...(enterprise ? {} : { uscc: v.uscc, department: v.department || undefined }),
        category: v.category,
        title: v.title,
        description: v.description || undefined,
      }),
    done: (raised) => {
      clearCache();
      form.reset();
      api.cases().then((fresh) => isCurrent() && drawList(root, fresh.cases ?? []));
      return w('caseRaised', { id: raised.id, deadline: raised.deadline });
    },
  });
  root.dataset.lang = currentLang();
}
