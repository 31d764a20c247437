// The review queue: GET /api/submissions (the server returns what the caller may see) and
// POST /api/submissions/ID/review. A county approves submitted → county_approved, the city
// county_approved → published. Explanations for soft rules are shown beside the figures.
import { api } from '../api.js';
import { amount, escapeHtml } from '../format.js';
import { t } from '../i18n.js';
import { currentRoute, link, roleKind } from '../state.js';

const states = ['submitted', 'county_approved', 'published', 'rejected'];

function stateText(state) {
  const key = `state_${state}`;
  const text = t(key);
  return text === key ? state : text;
}

/** The state a role acts on: counties review `submitted`, the city `county_approved`. */
function actionableState(kind) {
  if (kind === 'county') return 'submitted';
  if (kind === 'city' || kind === 'admin') return 'county_approved';
  return null;
}

const value = (s, key) => s[key] ?? s.record?.[key];

function explanationsHtml(s) {
  const entries = Object.entries(s.explanations ?? {});
  const warnings = s.warnings ?? [];
  const parts = entries.map(([rule, text]) => `<div class="explain"><b>${escapeHtml(rule)}</b> ${escapeHtml(text)}</div>`);
  for (const w of warnings) {
    if (!entries.some(([rule]) => rule === w.rule)) parts.push(`<div class="explain soft">${escapeHtml(w.rule ?? '')} ${escapeHtml(w.message ?? '')}</div>`);
  }
  return parts.join('') || '—';
}

/** Draws the queue into `root`. */
export async function render(root, { isCurrent }) {
  const { kind } = roleKind();
  const filter = currentRoute().params.get('state') ?? actionableState(kind) ?? '';
  const body = await api.submissions(filter || undefined);
  if (!isCurrent()) return;
  const rows = Array.isArray(body) ? body : body?.submissions ?? [];
  const canAct = (s) => s.state === actionableState(kind);

  root.innerHTML = `
    <div class="subhead">
      <h1>${escapeHtml(t('reviewTitle'))}</h1>
      <div class="segmented" role="group">
        ${['', ...states]
          .map((s) => `<a class="${s === filter ? 'on' : ''}" href="${link(['review'], { state: s || null })}">${escapeHtml(s ? stateText(s) : t('stateAll'))}</a>`)
          .join('')}
      </div>
    </div>
    <section class="panel">
      ${
        rows.length === 0
          ? `<div class="empty" data-testid="review-empty">${escapeHtml(t('reviewEmpty'))}</div>`
          : `<div class="table-scroll"><table class="data-table review-table" data-testid="review-table">
          <thead><tr>
            <th>${escapeHtml(t('colId'))}</th><th>${escapeHtml(t('colName'))}</th><th>${escapeHtml(t('colPeriod'))}</th>
            <th class="num">${escapeHtml(t('colOutput'))}</th><th class="num">${escapeHtml(t('colValueAdded'))}</th>
            <th class="num">${escapeHtml(t('colElectricity'))}</th><th>${escapeHtml(t('colExplanations'))}</th>
            <th>${escapeHtml(t('colState'))}</th><th>${escapeHtml(t('colAction'))}</th></tr></thead>
          <tbody>${rows
            .map(
              (s) => `<tr data-id="${escapeHtml(s.id)}">
                <td>${escapeHtml(s.id)}</td>
                <td><a href="${link(['enterprise', s.uscc])}">${escapeHtml(s.name ?? s.uscc)}</a>${s.name ? `<small class="block muted">${escapeHtml(s.uscc)}</small>` : ''}</td>
                <td>${escapeHtml(s.period)}</td>
                <td class="num">${amount(value(s, 'output'))}</td>
                <td class="num">${amount(value(s, 'value_added'))}</td>
                <td class="num">${amount(value(s, 'electricity'))}</td>
                <td class="explanations">${explanationsHtml(s)}</td>
                <td><span class="state state-${escapeHtml(s.state)}" data-testid="state-${escapeHtml(s.id)}">${escapeHtml(stateText(s.state))}</span></td>
                <td><div class="actions">${
                  canAct(s)
                    ? `<input class="comment" placeholder="${escapeHtml(t('comment'))}" data-testid="comment-${escapeHtml(s.id)}">
                       <button class="primary small" data-decision="approve" data-testid="approve-${escapeHtml(s.id)}">${escapeHtml(t('approve'))}</button>
                       <button class="danger small" data-decision="reject" data-testid="reject-${escapeHtml(s.id)}">${escapeHtml(t('reject'))}</button>`
                    : ''
                }</div></td></tr>`,
            )
            .join('')}</tbody></table></div>`
      }
    </section>`;

  for (const button of root.querySelectorAll('button[data-decision]')) {
    button.addEventListener('click', async () => {
      const tr = button.closest('tr');
      const comment = tr.querySelector('.comment')?.value ?? '';
      for (const b of tr.querySelectorAll('button')) b.disabled = true;
      try {
        const answer = await api.review(tr.dataset.id, button.dataset.decision, comment);
        const cell = tr.querySelector('.state');
        cell.className = `state state-${answer?.state ?? ''}`;
        cell.textContent = stateText(answer?.state ?? button.dataset.decision);
        tr.querySelector('.actions').innerHTML = '';
      } catch (error) {
        tr.querySelector('.actions').insertAdjacentHTML('beforeend', `<div class="form-error">${escapeHtml(error.message)}</div>`);
        for (const b of tr.querySelectorAll('button')) b.disabled = false;
      }
    });
  }
}
