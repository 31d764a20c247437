// What the register forms share (issue 14): a labelled field, the check of required fields before
// sending, the API's refusals told in plain words (register_words.js) with the server's code and
// field in small type after them, the faulty field marked and focused, and the revision history
// list of a row (GET .../revisions). Forms are plain <form>s: Tab moves between fields, Enter
// sends, the status line is announced (aria-live).
import { ApiError } from '../api.js';
import { escapeHtml } from '../format.js';
import { currentLang } from '../i18n.js';
import { registerWord as w } from './register_words.js';

/**
 * A labelled field. `type` text (default), date, textarea, select (`options`: [[value, label]]),
 * file or radio (`options`); `hint` is read with the field (aria-describedby).
 */
export function fieldHtml(formId, { name, label, type = 'text', required = false, hint = '', options = [], attrs = '', value = '' }) {
  const id = `${formId}-${name}`;
  const hintId = hint ? `${id}-hint` : '';
  const describedBy = hintId ? ` aria-describedby="${hintId}"` : '';
  const req = required ? ' aria-required="true"' : '';
  const mark = required ? ' <span aria-hidden="true" class="required-mark">*</span>' : '';
  const hintHtml = hint ? `<span class="hint" id="${hintId}">${escapeHtml(hint)}</span>` : '';
  if (type === 'radio') {
    const choices = options
      .map(([v, text], i) => `<label class="choice"><input type="radio" name="${name}" value="${escapeHtml(v)}" ${i === 0 ? 'checked' : ''}> ${escapeHtml(text)}</label>`)
      .join('');
    return `<fieldset class="field choices" data-name="${name}"><legend>${escapeHtml(label)}${mark}</legend>${choices}${hintHtml}</fieldset>`;
  }
  let control;
  if (type === 'textarea') {
    control = `<textarea id="${id}" name="${name}" rows="3"${req}${describedBy} ${attrs}>${escapeHtml(value)}</textarea>`;
  } else if (type === 'select') {
    control = `<select id="${id}" name="${name}"${req}${describedBy} ${attrs}>${options
      .map(([v, text]) => `<option value="${escapeHtml(v)}"${v === value ? ' selected' : ''}>${escapeHtml(text)}</option>`)
      .join('')}</select>`;
  } else {
    control = `<input id="${id}" name="${name}" type="${type}" value="${escapeHtml(value)}"${req}${describedBy} ${attrs}>`;
  }
  return `<div class="field" data-name="${name}"><label for="${id}">${escapeHtml(label)}${mark}</label>${control}${hintHtml}</div>`;
}

/** The status line of a form (announced when it changes). */
export const statusHtml = () => '<p class="form-status" role="status" aria-live="polite" data-testid="form-status"></p>';

// The field a server message names: "\"found\" is before ..." → found.
const fieldOf = (message) => /^"([a-z_]+)"/.exec(message ?? '')?.[1] ?? null;

/**
 * The API's refusal `error` in plain words: {text, field (the form field to mark, or null),
 * detail (the server's code, field and words)}. `labels` maps field names to their labels.
 */
export function plainError(error, labels = {}) {
  if (!(error instanceof ApiError)) return { text: w('errNetwork'), field: null, detail: String(error?.message ?? '') };
  const code = error.body?.error?.code ?? `http_${error.status}`;
  const message = error.body?.error?.message ?? '';
  const field = error.formField ?? fieldOf(message);
  const label = labels[field] ?? field;
  const detail = [code, field, message].filter(Boolean).join(' · ');
  const say = (key, vars) => ({ text: w(key, vars), field, detail });
  const m = message;
  if (error.status === 401) return say('errSession');
  if (error.status === 413) return say('errProofSize');
  if (error.status === 415) return say(/not of the type/.test(m) ? 'errProofMismatch' : 'errProofType');
  if (error.status === 403) return say('errForbidden');
  if (error.status === 404) {
    if (/^no enterprise|^enterprise /.test(m)) return { ...say('errNoEnterprise'), field: 'uscc' };
    if (/^no plan/.test(m)) return { ...say('errNoPlan'), field: 'plan' };
    return say('errNotFound');
  }
  if (error.status === 409) {
    if (/proof of rectification first/.test(m)) return { ...say('errProofMissing'), field: 'proof' };
    if (/rectified already/.test(m)) return say('errRectifiedAlready');
    if (/passed its re-inspection/.test(m)) return say('errClosed');
    if (/re-?inspect/.test(m) || /not rectified/.test(m)) return say('errNotRectified');
    if (/changed|meanwhile|try again/.test(m)) return say('errChanged');
    return say('errState');
  }
  if (/proof file is empty/.test(m)) return say('errProofEmpty');
  if (/larger than 256/.test(m)) return say('errProofSize');
  if (/is required|are required/.test(m)) return say('errRequired', { field: label });
  if (/is after today/.test(m)) return say('errAfterToday', { field: label });
  if (/is longer than/.test(m)) return say('errTooLong', { field: label });
  if (/"found" is before the check/.test(m)) return say('errFoundBeforeCheck');
  if (/"deadline" is before/.test(m)) return say('errDeadlineBeforeFound');
  if (/"rectified" is before/.test(m)) return say('errRectifiedEarly');
  if (/"date" is before the rectification/.test(m)) return say('errReinspectEarly');
  if (field && /^"[a-z_]+": /.test(m)) return say('errDate', { field: label });
  return say('errOther', { message: m || `HTTP ${error.status}` });
}

/** Shows `text` (and the server's `detail` in small type) in `form`'s status line. */
export function showStatus(form, kind, text, detail = '') {
  const status = form.querySelector('.form-status');
  status.className = `form-status ${kind}`;
  status.dataset.kind = kind;
  status.innerHTML = `${escapeHtml(text)}${detail ? ` <span class="rule-id" data-testid="form-error-detail">${escapeHtml(detail)}</span>` : ''}`;
}

function markField(form, name) {
  for (const el of form.querySelectorAll('.field.invalid')) el.classList.remove('invalid');
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  if (!name) return;
  const field = form.querySelector(`.field[data-name="${name}"]`);
  if (!field) return;
  field.classList.add('invalid');
  const control = field.querySelector('input, select, textarea');
  control?.setAttribute('aria-invalid', 'true');
  control?.focus();
}

/**
 * Wires `form`: on submit, checks the `required` field names are filled (told in plain words
 * without asking the server), then awaits `send(values, form)`; `done(answer)` returns the words
 * of success (or nothing when the page is drawn anew). `labels` names the fields for messages.
 */
export function wireForm(form, { labels, required = [], send, done }) {
  form.noValidate = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
    const missing = required.find((name) => !values[name] || (values[name] instanceof File && !values[name].size && !values[name].name));
    if (missing) {
      markField(form, missing);
      showStatus(form, 'error', w('errRequired', { field: labels[missing] ?? missing }));
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const answer = await send(values, form);
      markField(form, null);
      const words = done(answer);
      if (words && form.isConnected) showStatus(form, 'ok', words);
    } catch (error) {
      const { text, field, detail } = plainError(error, labels);
      markField(form, labels[field] ? field : null);
      showStatus(form, 'error', text, detail);
    } finally {
      button.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
}

// Values that are words of the registers (a level, a result, a state), shown in words.
const valueWords = {
  level: (v) => w(v),
  reinspection_result: (v) => w(v),
  state: (v) => w(`state_${v}`),
};

const shown = (key, value) => {
  if (value === null || value === undefined || value === '') return w('empty');
  if (typeof value === 'object') return JSON.stringify(value);
  return valueWords[key] ? valueWords[key](String(value)) : String(value);
};

/**
 * The revision history `history` (GET .../revisions: {register, id, revisions}) as a list, newest
 * last: number, time, who, what, the note, and the fields that changed (labelled by `labels`,
 * the others by their key).
 */
export function historyHtml(history, labels = {}) {
  const revisions = history?.revisions ?? [];
  if (!revisions.length) return `<p class="empty" data-testid="history-empty">${escapeHtml(w('historyEmpty'))}</p>`;
  const items = revisions.map((r) => {
    const before = r.before ?? {};
    const after = r.after ?? {};
    // A new row lists what it was given; a change what it changed.
    const empty = (v) => v === null || v === undefined || v === '';
    const keys = Object.keys(after).filter(
      (k) => k in labels && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null) && (r.before || !empty(after[k])),
    );
    const colon = currentLang() === 'zh' ? '：' : ': ';
    const changes = keys
      .map((k) => `<li data-key="${escapeHtml(k)}">${escapeHtml(labels[k])}${colon}${r.before ? `${escapeHtml(shown(k, before[k]))} → ` : ''}${escapeHtml(shown(k, after[k]))}</li>`)
      .join('');
    const who = r.user === 'system' ? w('system') : r.user === '' ? w('importUser') : r.user;
    const at = String(r.at ?? '');
    return `<li class="revision" data-testid="history-item" data-revision="${escapeHtml(r.revision)}" data-action="${escapeHtml(r.action)}" data-user="${escapeHtml(r.user)}">
      <div class="revision-head"><b>#${escapeHtml(r.revision)}</b> <span class="action">${escapeHtml(w(`action_${r.action}`))}</span>
        <span class="muted">${escapeHtml(w('by'))} ${escapeHtml(who)} · <time datetime="${escapeHtml(at)}">${escapeHtml(at.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC'))}</time></span></div>
      ${r.note ? `<div class="revision-note">${escapeHtml(r.note)}</div>` : ''}
      ${changes ? `<ul class="revision-changes">${changes}</ul>` : ''}
    </li>`;
  });
  return `<ol class="history" data-testid="history" data-register="${escapeHtml(history.register)}" data-id="${escapeHtml(history.id)}">${items.join('')}</ol>`;
}
