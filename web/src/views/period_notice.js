// What a view shows instead of its figures when the period in its link has no report (issue #18,
// item 9): the period asked for, why it cannot be shown, the months that have data and a link to
// the period to look at instead. Never another period's figures under the asked period's link.
import { escapeHtml } from '../format.js';
import { periodText, t } from '../i18n.js';
import { currentRoute, link, periodProblem, reportablePeriods, selectedMonthly, selectedPeriod } from '../state.js';

/** The notice for `problem` (state.periodProblem()). */
export function periodNoticeHtml(problem) {
  const monthly = currentRoute().params.get('monthly') === '1';
  const all = reportablePeriods();
  const wanted = /^\d{4}-(0[1-9]|1[0-2])$/.test(problem.wanted) ? periodText(problem.wanted, monthly) : problem.wanted;
  const reason = {
    january: t('periodJanuary', { wanted }),
    'no-data': t('periodNoData', { wanted }),
    malformed: t('periodMalformed', { wanted }),
  }[problem.reason];
  const range = all.length
    ? t('periodRange', { from: periodText(all[0], monthly), to: periodText(all[all.length - 1], monthly) })
    : t('noData');
  const { path } = currentRoute();
  const instead = problem.instead
    ? `<a class="button-link" href="${link(path.length ? path : ['cockpit'], { period: problem.instead })}" data-testid="period-instead">${escapeHtml(
        t('periodShowInstead', { period: periodText(problem.instead, monthly) }),
      )}</a>`
    : '';
  return `<div class="notice" role="alert" data-testid="period-notice">
      <h1>${escapeHtml(reason)}</h1>
      <p>${escapeHtml(range)}</p>
      ${instead}
    </div>`;
}

/**
 * The first step of every view of a period: when the link's period cannot be shown, draws the
 * notice (or 暂无数据 when there is no period at all) into `root` and returns null; else returns
 * the selected {period, monthly}.
 */
export function selectedPeriodOrNotice(root) {
  const problem = periodProblem();
  if (problem) {
    root.innerHTML = periodNoticeHtml(problem);
    return null;
  }
  const period = selectedPeriod();
  if (!period) {
    root.innerHTML = `<div class="empty">${escapeHtml(t('noData'))}</div>`;
    return null;
  }
  return { period, monthly: selectedMonthly() };
}
