// What the submit and review pages show beside a submission: the enterprise's name, last year's
// figures of the same month and the reason of a return. The server's submissions carry `name`,
// `last_year` and `reason` (issue #18, item 5); they are read from the submission itself, and
// only a submission without them (an older server) falls back to the endpoints the caller may
// read: GET /api/enterprises/USCC (name), …/months (last
// year's published figures) and GET /api/submissions/ID (the review events and their comments).
import { api } from '../api.js';
import { currentLang, t } from '../i18n.js';

/** The review state in words (the raw state for one this dashboard does not know). */
export function stateText(state) {
  const key = `state_${state}`;
  const text = t(key);
  return text === key ? state : text;
}

/** A rule violation's plain-language message in the reader's language. */
export function messageOf(v) {
  return currentLang() === 'en' && v.message_en ? v.message_en : v.message ?? v.message_en ?? '';
}

/** The same month a year before: 2021-04 → 2020-04. */
export function yearBefore(period) {
  const [y, m] = period.split('-');
  return `${Number(y) - 1}-${m}`;
}

/** uscc → name for the rows' enterprises (the row's `name`, else the enterprise record). */
export async function enterpriseNames(rows) {
  const names = new Map();
  for (const s of rows) if (s.name) names.set(s.uscc, s.name);
  const missing = [...new Set(rows.map((s) => s.uscc))].filter((u) => !names.has(u));
  const found = await Promise.all(missing.map((u) => api.enterprise(u).then((e) => e?.name, () => undefined)));
  missing.forEach((u, i) => found[i] && names.set(u, found[i]));
  return names;
}

const figures = ['output', 'value_added', 'electricity'];

/**
 * Last year's figures of each row's month, {output, value_added, electricity} (null where
 * unknown): the row's `last_year` object when the API gives it, else the figures the enterprise
 * reported as 上年同期 (`output_prev`, …), else its published month a year before.
 */
export async function lastYearOf(rows) {
  const fromRow = rows.map((s) =>
    Object.fromEntries(figures.map((f) => [f, s.last_year?.[f] ?? s[`${f}_prev`] ?? null])),
  );
  // A submission that carries `last_year` (null: nothing a year before) needs no request.
  const needed = [
    ...new Set(rows.filter((s, i) => !('last_year' in s) && figures.some((f) => fromRow[i][f] === null)).map((s) => s.uscc)),
  ];
  const months = new Map(
    await Promise.all(
      needed.map((u) =>
        api.enterpriseMonths(u).then(
          (h) => [u, new Map((h?.months ?? []).map((m) => [m.period, m]))],
          () => [u, new Map()],
        ),
      ),
    ),
  );
  return rows.map((s, i) => {
    const own = 'last_year' in s ? undefined : months.get(s.uscc);
    if (!own) return fromRow[i];
    const before = own.get(yearBefore(s.period));
    const same = own.get(s.period);
    return Object.fromEntries(
      figures.map((f) => [f, fromRow[i][f] ?? same?.[`${f}_prev`] ?? before?.[f] ?? null]),
    );
  });
}

/**
 * The reason a submission was returned: the row's `reason` when the API gives it, else the
 * comment of its last review event into `rejected`; null when there is none.
 */
export async function reasonOf(s) {
  if ('reason' in s) return typeof s.reason === 'string' && s.reason ? s.reason : null;
  const events = s.events ?? (await api.submission(s.id).then((d) => d?.events ?? [], () => []));
  const returned = events.filter((e) => e.to === 'rejected').pop();
  return returned?.comment || null;
}
