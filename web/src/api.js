// The JSON API of `zhizao serve` (docs/api.md). Every call goes through request(), which turns a
// non-2xx answer into an ApiError carrying the status and the server's error body.
import { setArea } from './area.js';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

// The session's CSRF token (docs/api.md, "CSRF"): /api/login and /api/me return it; every
// state-changing request sends it back in X-CSRF-Token.
let csrfToken = null;

// `rawType`: send `payload` (a Blob, e.g. a proof file) as the body with that Content-Type.
async function request(method, path, payload, rawType) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (method !== 'GET' && csrfToken) init.headers['X-CSRF-Token'] = csrfToken;
  if (payload !== undefined && rawType) {
    init.headers['Content-Type'] = rawType;
    init.body = payload;
  } else if (payload !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(payload);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = { error: { code: 'bad_json', message: text.slice(0, 200) } };
    }
  }
  if (!response.ok) throw new ApiError(response.status, body);
  if (typeof body?.csrf_token === 'string') csrfToken = body.csrf_token;
  return body;
}

// Figures change only when a month is imported or published: the answers of report and trend are
// kept for a minute so that switching language, screen or view does not compute them again.
const cache = new Map();
const cacheMs = 60_000;

function cachedGet(path) {
  const hit = cache.get(path);
  if (hit && Date.now() - hit.at < cacheMs) return hit.answer;
  const answer = request('GET', path);
  cache.set(path, { at: Date.now(), answer });
  answer.catch(() => cache.delete(path));
  return answer;
}

/** Forgets every kept answer (after a sign-out or a write). */
export function clearCache() {
  cache.clear();
}

const query = (params) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== false);
  if (entries.length === 0) return '';
  return '?' + new URLSearchParams(entries.map(([k, v]) => [k, v === true ? '1' : String(v)])).toString();
};

export const api = {
  login: (name, password) => request('POST', '/api/login', { name, password }),
  logout: () => {
    clearCache();
    return request('POST', '/api/logout');
  },
  me: () => request('GET', '/api/me'),
  periods: () => request('GET', '/api/periods'),
  report: (period, monthly, scope) =>
    cachedGet(`/api/report${query({ period, monthly, scope })}`).then((answer) => {
      setArea(answer?.area);
      return answer;
    }),
  trend: (period, monthly, scope) => cachedGet(`/api/trend${query({ period, months: 24, monthly, scope })}`),
  explain: (kind, code, period, monthly) =>
    request('GET', `/api/${kind}/${encodeURIComponent(code)}${query({ period, monthly })}`),
  keyEnterprises: (period, monthly) => request('GET', `/api/key-enterprises${query({ period, monthly })}`),
  enterprise: (uscc) => cachedGet(`/api/enterprises/${encodeURIComponent(uscc)}`),
  enterpriseMonths: (uscc) => request('GET', `/api/enterprises/${encodeURIComponent(uscc)}/months`),
  projects: (period, scope) => cachedGet(`/api/projects${query({ period, scope })}`),
  analysis: (period, monthly, scope, lang) => cachedGet(`/api/report/analysis${query({ period, monthly, scope, lang })}`),
  benchmark: (period, monthly, scope) => cachedGet(`/api/report/benchmark${query({ period, monthly, scope })}`),
  // The v2 figures (data contract, "v2 additions"): warnings, data-quality findings, products.
  warnings: (period, monthly, scope) => cachedGet(`/api/warnings${query({ period, monthly, scope })}`),
  quality: (period, scope) => request('GET', `/api/quality${query({ period, scope })}`),
  safety: (period, monthly, scope) => request('GET', `/api/safety${query({ period, monthly, scope })}`),
  enterpriseSafety: (uscc, period) => request('GET', `/api/enterprises/${encodeURIComponent(uscc)}/safety${query({ period })}`),
  qualityEvidence: (uscc, period) => request('GET', `/api/quality/${encodeURIComponent(uscc)}${query({ period })}`),
  verifyFinding: (finding) => {
    clearCache();
    return request('POST', '/api/quality/verify', finding);
  },
  // Daily electricity (issue 13): the nowcast and the month so far; city-wide roles only.
  nowcast: (period) => request('GET', `/api/nowcast${query({ period })}`),
  dailyElectricity: (period) => request('GET', `/api/electricity/daily${query({ period })}`),
  // Enterprise service (issue 14): the figures, the registers and the cases.
  service: (period, monthly, scope) => request('GET', `/api/service${query({ period, monthly, scope })}`),
  assignments: (params = {}) => request('GET', `/api/assignments${query(params)}`),
  visits: (params = {}) => request('GET', `/api/visits${query(params)}`),
  cases: (params = {}) => request('GET', `/api/cases${query(params)}`),
  logVisit: (visit) => request('POST', '/api/visits', visit),
  setAssignment: (assignment) => request('POST', '/api/assignments', assignment),
  // The register forms and histories (issue 14): raise a case, safety changes, revisions.
  raiseCase: (body) => request('POST', '/api/cases', body),
  /** `action`: assign, progress, resolve (the bureau), evaluate, reopen (the enterprise). */
  caseAction: (id, action, body) => request('POST', `/api/cases/${encodeURIComponent(id)}/${action}`, body),
  caseDetail: (id) => request('GET', `/api/cases/${encodeURIComponent(id)}`),
  caseRevisions: (id) => request('GET', `/api/cases/${encodeURIComponent(id)}/revisions`),
  recordCheck: (body) => request('POST', '/api/safety/checks', body),
  recordHazard: (body) => request('POST', '/api/safety/hazards', body),
  hazard: (id) => request('GET', `/api/safety/hazards/${encodeURIComponent(id)}`),
  hazardRevisions: (id) => request('GET', `/api/safety/hazards/${encodeURIComponent(id)}/revisions`),
  checkRevisions: (id) => request('GET', `/api/safety/checks/${encodeURIComponent(id)}/revisions`),
  uploadProof: (id, file) => request('POST', `/api/safety/hazards/${encodeURIComponent(id)}/proof`, file, file.type || 'application/octet-stream'),
  rectifyHazard: (id, body) => request('POST', `/api/safety/hazards/${encodeURIComponent(id)}/rectify`, body),
  reinspectHazard: (id, body) => request('POST', `/api/safety/hazards/${encodeURIComponent(id)}/reinspect`, body),
  product: (code, period, monthly) =>
    cachedGet(`/api/products/${encodeURIComponent(code)}${query({ period, window: monthly ? 'monthly' : 'cumulative' })}`),
  project: (id, period) => request('GET', `/api/projects/${encodeURIComponent(id)}${query({ period })}`),
  submissions: (state) => request('GET', `/api/submissions${query({ state })}`),
  submission: (id) => request('GET', `/api/submissions/${encodeURIComponent(id)}`),
  submit: (submission) => request('POST', '/api/submissions', submission),
  review: (id, decision, comment) => {
    clearCache();
    return request('POST', `/api/submissions/${encodeURIComponent(id)}/review`, { decision, comment });
  },
};

/** The URL of the analysis as a file: `format` docx, xlsx, html or markdown (GET /api/report/document). */
export function documentUrl(format, period, monthly, scope, lang) {
  return `/api/report/document${query({ period, monthly, scope, format, lang })}`;
}
