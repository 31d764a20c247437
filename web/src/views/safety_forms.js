// The safety page's forms (issue 14, docs/api.md "Flood-season safety checks"): record a check of
// a plan shown (plan, enterprise, date, inspector, findings) and a hazard of a check (level,
// description, found, deadline — empty: found + the level's days, decided by the server). Only
// the bureau's roles open the safety page; the server decides whether the enterprise lies in the
// caller's area (a county records only its own) and says so, told here in plain words. A hazard
// recorded opens its page (#/hazard/ID), where its proof, rectification and re-inspection follow.
import { api, clearCache } from '../api.js';
import { escapeHtml } from '../format.js';
import { go } from '../state.js';
import { fieldHtml, showStatus, statusHtml, wireForm } from './form_support.js';
import { registerWord as w } from './register_words.js';
import './forms.css';

// What the last draw of the page should say, and the check recorded last (it may be dated after
// the period shown, so not in the page's list of checks).
let flash = null;
let lastCheck = null;

const checkLabels = () => ({ plan: w('plan'), uscc: w('uscc'), date: w('checkDate'), inspector: w('inspector'), findings: w('findings') });
const hazardLabels = () => ({ check: w('check'), level: w('hazardLevel'), description: w('hazardDescription'), found: w('found'), deadline: w('hazardDeadline') });

/** The forms' markup for the answer of GET /api/safety (nothing when no plan is shown). */
export function safetyFormsHtml(answer) {
  const plans = answer.plans ?? [];
  if (!plans.length) return '';
  const checks = (answer.checks ?? []).map((c) => [c.id, `${c.id} · ${c.name || c.uscc} · ${c.date}`]);
  if (lastCheck && !checks.some(([id]) => id === lastCheck.id)) checks.unshift([lastCheck.id, `${lastCheck.id} · ${lastCheck.name || lastCheck.uscc} · ${lastCheck.date}`]);
  const enterprises = new Map();
  for (const c of answer.checks ?? []) enterprises.set(c.uscc, c.name);
  for (const p of answer.safety?.plans ?? []) for (const u of p.unchecked ?? []) if (!enterprises.has(u)) enterprises.set(u, '');
  const cl = checkLabels();
  const hl = hazardLabels();
  const check = (spec) => fieldHtml('check-form', spec);
  const hazard = (spec) => fieldHtml('hazard-form', spec);
  return `
    <section class="panel" aria-labelledby="safety-forms-title"><header><h2 id="safety-forms-title">${escapeHtml(w('recordCheck'))} / ${escapeHtml(w('recordHazard'))}</h2></header>
      <div class="register-grid">
        <form class="form register-form" id="check-form" data-testid="check-form" aria-labelledby="check-form-heading">
          <h3 id="check-form-heading">${escapeHtml(w('recordCheck'))}</h3>
          ${check({ name: 'plan', label: cl.plan, type: 'select', required: true, options: plans.map((p) => [p.id, `${p.name}（${p.from}–${p.to}）`]) })}
          ${check({ name: 'uscc', label: cl.uscc, required: true, attrs: 'list="safety-enterprises" maxlength="18" autocomplete="off" spellcheck="false"' })}
          <datalist id="safety-enterprises">${[...enterprises].map(([u, name]) => `<option value="${escapeHtml(u)}">${escapeHtml(name)}</option>`).join('')}</datalist>
          ${check({ name: 'date', label: cl.date, type: 'date', required: true })}
          ${check({ name: 'inspector', label: cl.inspector, required: true, attrs: 'maxlength="100"' })}
          <div class="form-wide">${check({ name: 'findings', label: cl.findings, type: 'textarea', attrs: 'maxlength="2000"' })}</div>
          <div class="form-actions"><button type="submit" class="primary" data-testid="check-submit">${escapeHtml(w('save'))}</button>${statusHtml()}</div>
        </form>
        <form class="form register-form" id="hazard-form" data-testid="hazard-form" aria-labelledby="hazard-form-heading">
          <h3 id="hazard-form-heading">${escapeHtml(w('recordHazard'))}</h3>
          <div class="form-wide">${hazard({ name: 'check', label: hl.check, type: 'select', required: true, options: [['', '—'], ...checks] })}</div>
          ${hazard({ name: 'level', label: hl.level, type: 'radio', required: true, options: [['ordinary', w('ordinary')], ['major', w('major')]] })}
          ${hazard({ name: 'found', label: hl.found, type: 'date', required: true })}
          ${hazard({ name: 'deadline', label: hl.deadline, type: 'date', hint: w('hazardDeadlineHint') })}
          <div class="form-wide">${hazard({ name: 'description', label: hl.description, type: 'textarea', required: true, attrs: 'maxlength="2000"' })}</div>
          <div class="form-actions"><button type="submit" class="primary" data-testid="hazard-submit">${escapeHtml(w('save'))}</button>${statusHtml()}</div>
        </form>
      </div>
    </section>`;
}

/** Wires the forms drawn by safetyFormsHtml; `redraw()` draws the page anew after a check. */
export function wireSafetyForms(root, redraw) {
  const checkForm = root.querySelector('#check-form');
  const hazardForm = root.querySelector('#hazard-form');
  if (!checkForm || !hazardForm) return;
  if (flash) {
    const form = root.querySelector(`#${flash.form}`);
    if (form) showStatus(form, 'ok', flash.text);
    if (flash.check) hazardForm.querySelector('[name="check"]').value = flash.check;
    flash = null;
  }
  wireForm(checkForm, {
    labels: checkLabels(),
    required: ['plan', 'uscc', 'date', 'inspector'],
    send: (v) => api.recordCheck({ plan: v.plan, uscc: v.uscc, date: v.date, inspector: v.inspector, findings: v.findings || undefined }),
    done: (check) => {
      clearCache();
      lastCheck = check;
      flash = { form: 'check-form', text: w('checkRecorded', { id: check.id }), check: check.id };
      redraw();
    },
  });
  wireForm(hazardForm, {
    labels: hazardLabels(),
    required: ['check', 'found', 'description'],
    send: (v) => api.recordHazard({ check: v.check, level: v.level, description: v.description, found: v.found, deadline: v.deadline || undefined }),
    done: (hazard) => {
      clearCache();
      go(['hazard', hazard.id]);
    },
  });
}
