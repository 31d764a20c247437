// What the whole page shares: the signed-in user, the months with data, and the period being
// looked at. The period and window live in the hash (#/cockpit?period=2021-04&monthly=1) so that
// every view has a link; the screen mode lives in the query (?screen=wall).

export const state = {
  user: null, // {name, role, scope}
  periods: [], // months with data, ascending
  latest: null, // the latest publishable month (GET /api/periods `latest`)
  months: [], // GET /api/periods `months`: {period, reported, expected, coverage, publishable}
  previousHash: null, // the hash of the view shown before this one, for "‹ 返回"
};

/** Parses location.hash into {path: ['cockpit'], params: URLSearchParams}. */
export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search] = hash.split('?');
  return {
    path: path ? path.split('/').map(decodeURIComponent) : [],
    params: new URLSearchParams(search ?? ''),
  };
}

/**
 * A hash link to `path` (array of segments) carrying the period and window along, and the scope
 * (#/analysis?scope=410305) while it stays on the same view.
 */
export function link(path, extra = {}) {
  const { path: here, params } = currentRoute();
  const next = new URLSearchParams();
  const kept = path[0] === here[0] ? ['period', 'monthly', 'scope'] : ['period', 'monthly'];
  for (const key of kept) if (params.get(key)) next.set(key, params.get(key));
  for (const [k, v] of Object.entries(extra)) {
    if (v === null || v === undefined || v === false) next.delete(k);
    else next.set(k, v === true ? '1' : String(v));
  }
  const q = next.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${q ? `?${q}` : ''}`;
}

/** Navigates to a hash link (see link()). */
export function go(path, extra = {}) {
  location.hash = link(path, extra);
}

/**
 * The period a view opens on without one in its link, and the one a notice offers instead: the
 * server's `latest` (GET /api/periods: the latest publishable month, issue #18 item 4) or, when
 * that is a January, the last reportable month before it; the last reportable month when the
 * server names none.
 */
export function defaultPeriod() {
  const all = reportablePeriods();
  const candidates = state.latest ? all.filter((p) => p <= state.latest) : all;
  return candidates[candidates.length - 1] ?? all[all.length - 1] ?? null;
}

/** The period in the hash, else the default one (January folds into February). */
export function selectedPeriod() {
  const wanted = currentRoute().params.get('period');
  if (wanted && reportablePeriods().includes(wanted)) return wanted;
  return defaultPeriod();
}

/**
 * Why the period in the hash cannot be shown, or null when it can (or none is asked for):
 * {wanted, reason: 'january' | 'no-data' | 'malformed', instead} where `instead` is the period
 * to offer (February for a January, else the latest). Views show this instead of silently
 * drawing another period (issue #18, item 9).
 */
export function periodProblem() {
  const wanted = currentRoute().params.get('period');
  if (!wanted || reportablePeriods().includes(wanted)) return null;
  const all = reportablePeriods();
  const latest = defaultPeriod();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(wanted)) return { wanted, reason: 'malformed', instead: latest };
  const february = `${wanted.slice(0, 4)}-02`;
  if (wanted.endsWith('-01') && all.includes(february)) return { wanted, reason: 'january', instead: february };
  return { wanted, reason: 'no-data', instead: latest };
}

/** The /api/periods `months[]` entry of `period` ({reported, expected, publishable, …}), or null. */
export function monthStatus(period) {
  return state.months.find((m) => m.period === period) ?? null;
}

/** True when the 当月 (month alone) window is selected. */
export function selectedMonthly() {
  return currentRoute().params.get('monthly') === '1';
}

/** Months a report can be asked for: every month with data but January (released as 1-2月). */
export function reportablePeriods() {
  return state.periods.filter((p) => !p.endsWith('-01'));
}

/** 'wall' for the 大屏 layout (?screen=wall), else 'laptop'. */
export function screenMode() {
  return new URLSearchParams(location.search).get('screen') === 'wall' ? 'wall' : 'laptop';
}

/** The role's kind: admin, city, county or enterprise; with its code for the last two. */
export function roleKind(role = state.user?.role ?? '') {
  const [kind, code] = role.split(':');
  return { kind, code: code ?? null };
}
