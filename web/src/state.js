// What the whole page shares: the signed-in user, the months with data, and the period being
// looked at. The period and window live in the hash (#/cockpit?period=2021-04&monthly=1) so that
// every view has a link; the screen mode lives in the query (?screen=wall).

export const state = {
  user: null, // {name, role, scope}
  periods: [], // months with data, ascending
  latest: null,
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

/** A hash link to `path` (array of segments) carrying the period and window along. */
export function link(path, extra = {}) {
  const { params } = currentRoute();
  const next = new URLSearchParams();
  for (const key of ['period', 'monthly']) if (params.get(key)) next.set(key, params.get(key));
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

/** The period in the hash, else the latest reportable one (January folds into February). */
export function selectedPeriod() {
  const wanted = currentRoute().params.get('period');
  if (wanted && reportablePeriods().includes(wanted)) return wanted;
  const all = reportablePeriods();
  return all[all.length - 1] ?? null;
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
