// 用电看经济 (issue 13): the month so far from daily electricity, before the statistics arrive.
// Two answers of the server, drawn as they come: GET /api/nowcast (the value-added growth estimated
// from the month's electricity, its interval and the back-test's mean absolute error, as
// `zhizao nowcast` prints them) and GET /api/electricity/daily (each day's readings against the
// same day a year before, the Spring Festival marked). Every number is the server's, rounded once
// at display (format.js); the daily chart has its table, and the table its downloads.
import { api } from '../api.js';
import { backLinkHtml } from '../back.js';
import { chartBoxHtml, fillChartTable, tableToolsHtml, wireTableToggles } from '../chart_table.js';
import { categoryAxis, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { chartValue, escapeHtml, fixed, percent, points, precision } from '../format.js';
import { currentLang, periodText, t } from '../i18n.js';
import { divisionName } from '../names.js';
import { selectedPeriodOrNotice } from './period_notice.js';

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

/** kWh → 万千瓦时 (the unit of the monthly electricity), as a number for charts. */
const tenThousandKwh = (kwh) => (isNumber(kwh) ? kwh / 10_000 : null);

/** A 万千瓦时 figure as the report writes electricity: two decimals, one rounding. */
const electricityText = (kwh) => (isNumber(kwh) ? fixed(kwh / 10_000, precision.electricity, { group: true }) : '—');

/** The nowcast's block: the estimate, its interval, the back-test, the statistics if stored. */
function nowcastHtml(nowcast) {
  if (!nowcast) return `<div class="empty" data-testid="nowcast-empty">${escapeHtml(t('nowcastNone'))}</div>`;
  const va = nowcast.value_added_growth ?? {};
  const level = isNumber(nowcast.interval_level) ? Math.round(nowcast.interval_level <= 1 ? nowcast.interval_level * 100 : nowcast.interval_level) : 90;
  const estimate = isNumber(va.estimate)
    ? `<b class="big" data-testid="nowcast-estimate" data-value="${va.estimate}">${escapeHtml(percent(va.estimate))}</b>`
    : `<b data-testid="nowcast-estimate" data-value="">${escapeHtml(t(nowcast.days > 0 ? 'nowcastTooFewMonths' : 'nowcastNoReadings'))}</b>`;
  const interval =
    isNumber(va.low) && isNumber(va.high)
      ? `<span data-testid="nowcast-interval">${escapeHtml(t('nowcastInterval', { level, low: percent(va.low), high: percent(va.high) }))}</span>`
      : '';
  const backtest = nowcast.backtest ?? {};
  const mae = isNumber(backtest.mean_absolute_error) ? points(backtest.mean_absolute_error, precision.rate) : '—';
  const actual = isNumber(nowcast.actual)
    ? `<div data-testid="nowcast-actual" data-value="${nowcast.actual}">${escapeHtml(t('nowcastActual', { value: percent(nowcast.actual) }))}</div>`
    : '';
  return `<div class="facts nowcast">
      <div>${escapeHtml(t('nowcastEstimate'))} ${estimate} ${interval}</div>
      <div data-testid="nowcast-electricity">${escapeHtml(t('nowcastElectricity', { value: isNumber(nowcast.electricity_growth) ? percent(nowcast.electricity_growth) : '—', days: nowcast.days ?? 0 }))}</div>
      <div data-testid="nowcast-backtest">${escapeHtml(t('nowcastBacktest', { months: backtest.months ?? 0, mae }))}</div>
      ${actual}
    </div>`;
}

/**
 * The divisions' table of the nowcast (as `zhizao nowcast` prints it): each manufacturing
 * division's electricity growth, estimate, interval and back-test, or why it has none.
 */
function divisionsHtml(nowcast) {
  const divisions = nowcast?.divisions ?? [];
  if (!divisions.length) return '';
  const level = isNumber(nowcast.interval_level) ? Math.round(nowcast.interval_level * 100) : 90;
  const name = (d) => (currentLang() === 'zh' ? d.name : divisionName(d.code, d.name));
  const rows = divisions.map((d) => {
    const va = d.value_added_growth ?? {};
    const estimate = isNumber(va.estimate) ? percent(va.estimate) : t(`nowcastReason_${d.reason}`);
    const interval = isNumber(va.low) && isNumber(va.high) ? `${percent(va.low)} ${currentLang() === 'zh' ? '～' : 'to'} ${percent(va.high)}` : '—';
    const mae = isNumber(d.backtest?.mean_absolute_error) ? points(d.backtest.mean_absolute_error, precision.rate) : '—';
    return `<tr data-testid="division-row" data-code="${escapeHtml(d.code)}">
        <td data-testid="division-code">${escapeHtml(d.code)}</td><td>${escapeHtml(name(d))}</td>
        <td class="num" data-testid="division-electricity">${escapeHtml(isNumber(d.electricity_growth) ? percent(d.electricity_growth) : '—')}</td>
        <td class="num" data-testid="division-estimate" data-reason="${escapeHtml(d.reason ?? '')}">${escapeHtml(estimate)}</td>
        <td data-testid="division-interval">${escapeHtml(interval)}</td>
        <td class="num" data-testid="division-backtest-months">${escapeHtml(String(d.backtest?.months ?? 0))}</td>
        <td class="num" data-testid="division-mae">${escapeHtml(mae)}</td></tr>`;
  });
  const heads = [t('nowcastColCode'), t('colDivision'), t('nowcastColElectricity'), t('nowcastColEstimate'), t('nowcastColInterval', { level }), t('nowcastColBacktestMonths'), t('nowcastColMae')];
  return `<div class="muted">${escapeHtml(t('nowcastDivisionsHint'))}</div>
    <div class="table-scroll"><table class="data-table" data-testid="nowcast-divisions">
      <thead><tr>${heads.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
      <tbody>${rows.join('')}</tbody></table></div>`;
}

/** Draws the daily chart (this year's paired readings against last year's) and its table. */
function drawDaily(el, daily) {
  const days = daily?.days ?? [];
  if (!days.length) {
    el.innerHTML = `<div class="empty" data-testid="daily-empty">${escapeHtml(t('dailyNone'))}</div>`;
    return;
  }
  const colors = palette();
  const labels = days.map((d) => d.date.slice(8));
  const festival = [daily.spring_festival, daily.previous_spring_festival].filter(Boolean);
  makeChart(el, {
    tooltip: tooltip({ trigger: 'axis' }),
    legend: { data: [t('dailyThisYear'), t('dailyLastYear')], top: 0 },
    grid: { left: 56, right: 16, top: 32, bottom: 28 },
    xAxis: categoryAxis(labels),
    yAxis: valueAxis({ name: t('unitTenThousandKwh') }),
    series: [
      {
        name: t('dailyThisYear'),
        type: 'line',
        data: days.map((d) => chartValue(tenThousandKwh(d.paired_kwh))),
        itemStyle: { color: colors[0] },
        markLine: festival.length
          ? { symbol: 'none', label: { formatter: t('springFestival') }, data: festival.filter((f) => f.startsWith(daily.period)).map((f) => ({ xAxis: f.slice(8) })) }
          : undefined,
      },
      {
        name: t('dailyLastYear'),
        type: 'line',
        data: days.map((d) => chartValue(tenThousandKwh(d.paired_kwh_prev))),
        itemStyle: { color: colors[3] ?? colors[1] },
        lineStyle: { type: 'dashed' },
      },
    ],
  });
  fillChartTable(
    el,
    [{ label: t('colDate') }, { label: t('dailyKwh'), num: true }, { label: t('dailyThisYear'), num: true }, { label: t('dailyLastYear'), num: true }, { label: t('colGrowth'), num: true }],
    days.map((d) => [
      escapeHtml(d.date),
      escapeHtml(electricityText(d.kwh)),
      escapeHtml(electricityText(d.paired_kwh)),
      escapeHtml(electricityText(d.paired_kwh_prev)),
      `<span data-testid="daily-growth" data-value="${isNumber(d.growth) ? d.growth : ''}">${escapeHtml(isNumber(d.growth) ? percent(d.growth) : '—')}</span>`,
    ]),
  );
}

/** Draws the view into `root`. */
export async function render(root, { isCurrent }) {
  const selected = selectedPeriodOrNotice(root);
  if (!selected) return;
  const { period } = selected;
  const title = t('electricityTitle');
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(['cockpit'])}
      <h1 data-testid="electricity-title" data-period="${escapeHtml(period ?? '')}">${escapeHtml(title)} · ${escapeHtml(periodText(period, true))}</h1>
      <span class="muted">${escapeHtml(t('electricityHint'))}</span>
    </div>
    <div class="steering-grid">
      <section class="panel" aria-labelledby="nowcast-title"><header><h2 id="nowcast-title">${escapeHtml(t('nowcastTitle'))}</h2></header>
        <div id="nowcast-body" data-testid="nowcast"><div class="loading">${escapeHtml(t('loading'))}</div></div></section>
      <section class="panel" aria-labelledby="daily-title"><header><h2 id="daily-title">${escapeHtml(t('dailyTitle'))}</h2>${tableToolsHtml('chart-daily', t('dailyTitle'))}</header>
        ${chartBoxHtml('chart-daily', t('dailyTitle'))}</section>
    </div>
    <section class="panel" aria-labelledby="nowcast-divisions-title"><header><h2 id="nowcast-divisions-title">${escapeHtml(t('nowcastDivisionsTitle'))}</h2></header>
      <div id="nowcast-divisions-body"></div></section>
    <footer class="page-footer">${escapeHtml(t('footer'))}</footer>`;
  wireTableToggles(root);
  // A month without readings is a 404 of both endpoints: said in words, not as an error.
  const orNull = (promise) => promise.catch((error) => (error?.status === 404 ? null : Promise.reject(error)));
  const [nowcast, daily] = await Promise.all([orNull(api.nowcast(period)), orNull(api.dailyElectricity(period))]);
  if (!isCurrent()) return;
  root.querySelector('#nowcast-body').innerHTML = nowcastHtml(nowcast);
  root.querySelector('#nowcast-divisions-body').innerHTML = divisionsHtml(nowcast);
  drawDaily(root.querySelector('#chart-daily'), daily);
}
