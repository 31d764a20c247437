// One flood-season hazard (隐患, issue 14) at `#/hazard/ID`: its facts and check (GET
// /api/safety/hazards/ID), what may be done next, and its revision history (GET .../revisions).
// The bureau (admin, city, the enterprise's county) marks it rectified — with a proof file, uploaded
// first when one is chosen — and re-inspects it (passed closes it; failed opens it again); an
// enterprise user uploads the proof of its own hazard and nothing else (docs/safety.md). The proof
// is sent as it is (PDF, JPEG or PNG): the server checks its type and size, and its refusal is
// told in plain words.
import { api, clearCache } from '../api.js';
import { backLinkHtml } from '../back.js';
import { escapeHtml, fixed } from '../format.js';
import { currentLang, t } from '../i18n.js';
import { roleKind } from '../state.js';
import { fieldHtml, historyHtml, showStatus, statusHtml, wireForm } from './form_support.js';
import { registerWord as w } from './register_words.js';
import './forms.css';

let flash = null;

const labels = () => ({
  level: w('hazardLevel'),
  description: w('hazardDescription'),
  found: w('found'),
  deadline: w('hazardDeadlineShort'),
  rectified: w('rectified'),
  reinspected: w('reinspected'),
  reinspection_result: w('reinspectionResult'),
  proof: w('proof'),
  note: w('note'),
  result: w('reinspectionResult'),
  date: w('reinspectDate'),
});

const facts = [
  ['name', w.bind(null, 'enterprise'), (h) => h.name || h.uscc],
  ['check', w.bind(null, 'check'), (h) => `${h.check} · ${h.check_record?.date ?? ''} · ${h.check_record?.inspector ?? ''}`],
  ['level', w.bind(null, 'hazardLevel'), (h) => w(h.level)],
  ['description', w.bind(null, 'hazardDescription'), (h) => h.description],
  ['found', w.bind(null, 'found'), (h) => h.found],
  ['deadline', w.bind(null, 'hazardDeadlineShort'), (h) => h.deadline],
  ['state', w.bind(null, 'state'), (h) => w(`state_${h.state}`) + (h.state === 'overdue' ? ` · ${w('daysOverdue')} ${fixed(h.days_overdue, 0)}` : '')],
  ['rectified', w.bind(null, 'rectified'), (h) => h.rectified ?? ''],
  ['reinspected', w.bind(null, 'reinspected'), (h) => h.reinspected ?? ''],
  ['reinspection_result', w.bind(null, 'reinspectionResult'), (h) => (h.reinspection_result ? w(h.reinspection_result) : '')],
];

const proofField = (form, required) =>
  fieldHtml(form, { name: 'proof', label: w('proofFile'), type: 'file', required, attrs: 'accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"' });

/** The forms that fit the hazard's state and the caller's role. */
function actionsHtml(h, enterprise) {
  if (h.reinspection_result === 'passed') return `<p class="muted" data-testid="hazard-closed">${escapeHtml(w('closedNote'))}</p>`;
  const rectifiable = !h.rectified || h.reinspection_result === 'failed';
  const reinspectable = Boolean(h.rectified) && !h.reinspected;
  if (enterprise) {
    return `<p class="hint">${escapeHtml(w('enterpriseNote'))}</p>
      <form class="form register-form" id="proof-form" data-testid="proof-form" aria-label="${escapeHtml(w('uploadProof'))}">
        <div class="form-wide">${proofField('proof-form', true)}</div>
        <div class="form-actions"><button type="submit" class="primary" data-testid="proof-submit">${escapeHtml(w('uploadProof'))}</button>${statusHtml()}</div>
      </form>`;
  }
  const out = [];
  if (rectifiable) {
    out.push(`<form class="form register-form" id="rectify-form" data-testid="rectify-form" aria-labelledby="rectify-form-heading">
        <h3 id="rectify-form-heading">${escapeHtml(w('rectify'))}</h3>
        <div class="form-wide">${proofField('rectify-form', !h.proof)}</div>
        ${fieldHtml('rectify-form', { name: 'rectified', label: w('rectified'), type: 'date', required: true })}
        ${fieldHtml('rectify-form', { name: 'note', label: w('note'), attrs: 'maxlength="2000"' })}
        <div class="form-actions"><button type="submit" class="primary" data-testid="rectify-submit">${escapeHtml(w('rectifySubmit'))}</button>${statusHtml()}</div>
      </form>`);
  }
  if (reinspectable) {
    out.push(`<form class="form register-form" id="reinspect-form" data-testid="reinspect-form" aria-labelledby="reinspect-form-heading">
        <h3 id="reinspect-form-heading">${escapeHtml(w('reinspect'))}</h3>
        ${fieldHtml('reinspect-form', { name: 'result', label: w('reinspectionResult'), type: 'radio', required: true, options: [['passed', w('passed')], ['failed', w('failed')]] })}
        ${fieldHtml('reinspect-form', { name: 'date', label: w('reinspectDate'), type: 'date', required: true })}
        <div class="form-wide">${fieldHtml('reinspect-form', { name: 'note', label: w('note'), attrs: 'maxlength="2000"' })}</div>
        <div class="form-actions"><button type="submit" class="primary" data-testid="reinspect-submit">${escapeHtml(w('reinspectSubmit'))}</button>${statusHtml()}</div>
      </form>`);
  }
  return out.join('');
}

// Uploads the chosen file (if any); its refusal names the file field.
async function uploadChosen(id, file) {
  if (!file || (!file.size && !file.name)) return;
  try {
    await api.uploadProof(id, file);
  } catch (error) {
    error.formField = 'proof';
    throw error;
  }
}

/** Draws hazard `path[0]` into `root`. */
export async function render(root, context) {
  const { path, isCurrent } = context;
  const id = path[0];
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  const [h, history] = await Promise.all([api.hazard(id), api.hazardRevisions(id)]);
  if (!isCurrent()) return;
  const enterprise = roleKind().kind === 'enterprise';
  const rows = facts
    .map(([key, label, show]) => `<div class="fact"><dt>${escapeHtml(label())}</dt><dd data-testid="hazard-field" data-key="${key}">${escapeHtml(show(h) || '—')}</dd></div>`)
    .join('');
  const proof = h.proof?.url
    ? `<a href="${escapeHtml(h.proof.url)}" download data-testid="hazard-proof">${escapeHtml(w('download'))}</a>`
    : escapeHtml(h.proof?.name ?? '—');
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(enterprise ? ['enterprise', h.uscc] : ['safety'])}
      <h1 data-testid="hazard-title" data-id="${escapeHtml(h.id)}" data-state="${escapeHtml(h.state)}" data-as-of="${escapeHtml(h.as_of)}">${escapeHtml(w('hazardTitle', { id: h.id }))}</h1>
    </div>
    <div class="register-grid">
      <section class="panel" aria-labelledby="hazard-facts-title"><header><h2 id="hazard-facts-title">${escapeHtml(w('hazardFacts'))}</h2></header>
        <dl class="facts-list">${rows}<div class="fact"><dt>${escapeHtml(w('proof'))}</dt><dd>${proof}</dd></div></dl>
        <div id="hazard-actions">${actionsHtml(h, enterprise)}</div></section>
      <section class="panel" aria-labelledby="hazard-history-title"><header><h2 id="hazard-history-title">${escapeHtml(w('history'))}</h2></header>
        ${historyHtml(history, labels())}</section>
    </div>
    <footer class="page-footer">${escapeHtml(t('footer'))}</footer>`;
  root.dataset.lang = currentLang();

  const redraw = (form, text) => {
    clearCache();
    flash = { form, text };
    render(root, context);
  };
  if (flash) {
    const form = root.querySelector(`#${flash.form}`) ?? root.querySelector('#hazard-actions form');
    if (form) showStatus(form, 'ok', flash.text);
    else root.querySelector('#hazard-actions').insertAdjacentHTML('afterbegin', `<p class="form-status ok" role="status" data-testid="form-status">${escapeHtml(flash.text)}</p>`);
    flash = null;
  }
  const wire = (formId, required, send, doneKey) => {
    const form = root.querySelector(`#${formId}`);
    if (form) wireForm(form, { labels: labels(), required, send, done: () => redraw(formId, w(doneKey)) });
  };
  wire('proof-form', ['proof'], (v) => uploadChosen(id, v.proof), 'proofUploaded');
  wire(
    'rectify-form',
    h.proof ? ['rectified'] : ['proof', 'rectified'],
    async (v) => {
      await uploadChosen(id, v.proof);
      return api.rectifyHazard(id, { rectified: v.rectified, note: v.note || undefined });
    },
    'rectifiedDone',
  );
  wire('reinspect-form', ['result', 'date'], (v) => api.reinspectHazard(id, { result: v.result, date: v.date, note: v.note || undefined }), 'reinspectDone');
}
