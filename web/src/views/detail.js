// The detail behind a figure (same JSON as `zhizao explain --format json`): a division, a region
// (a county; a city or a province, with the map of its own regions to drill down, issue 16), a
// park, a chain or the key enterprises, with the enterprises that make it up, the ten that pull
// it up most and the ten that pull it down most. A row opens the enterprise's months.
// The page shows the measure of the figure it explains (issue #18, item 1): value added at
// comparable prices for divisions, counties, parks and chains; gross output at current prices
// for the key enterprises, as the report's key-enterprise figures and the card that links here.
import { api } from '../api.js';
import { backLinkHtml } from '../back.js';
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { amount, chartValue, displaySign, escapeHtml, percent, points, precision, wan } from '../format.js';
import { currentLang, periodText, t } from '../i18n.js';
import { divisionName, regionName, setName } from '../names.js';
import { growthCell } from '../panels/key-enterprises.js';
import { subjectBadge, warningList, warningsBySubject } from '../panels/warnings.js';
import { go, periodProblem, selectedMonthly, selectedPeriod } from '../state.js';
import { chartAndTableHtml, fillChartAndTable } from './chart_and_table.js';
import { chartBoxHtml, tableToolsHtml, wireTableToggles } from '../chart_table.js';
import { drawAreaMap } from '../panels/counties.js';
import { periodNoticeHtml } from './period_notice.js';
import { benchmarkHtml, benchmarkSet } from '../panels/benchmark.js';

/** The peers a detail compares with the city (issue #18, item 11), by the detail's kind. */
const benchmarkPeers = { regions: 'counties', parks: 'parks', chains: 'chains' };
const benchmarkOwn = { regions: 'benchOwnCounty', parks: 'benchOwnPark', chains: 'benchOwnChain' };

/**
 * The comparison of a county, park or chain with the city: the city's growth and the rank among
 * its peers, from GET /api/report/benchmark (a county: scoped to it; a park or chain: among the
 * sets of the caller's report). Null for the other kinds, or when the benchmark fails.
 */
async function comparison(kind, code, period, monthly, own) {
  // A city's or a province's page (drill-down, issue 16) is no county compared with its city.
  if (!benchmarkPeers[kind] || drills(kind, code)) return null;
  try {
    const benchmark = await api.benchmark(period, monthly, kind === 'regions' ? code : undefined);
    const peer = kind === 'regions' ? benchmark.region : benchmarkSet(benchmark, kind, code);
    return benchmarkHtml({
      ownLabel: t(benchmarkOwn[kind]),
      own,
      city: benchmark.city.value_added_growth,
      rank: peer?.rank,
      of: peer?.of,
      peers: benchmarkPeers[kind],
    });
  } catch {
    return null;
  }
}

const titles = {
  divisions: 'detailDivision',
  regions: 'detailRegion',
  parks: 'detailPark',
  chains: 'detailChain',
  'key-enterprises': 'detailKey',
};

/** The words of a measure: the growth's label, the sums' column labels and the page's note. */
function measureWords(measure) {
  if (measure === 'output') {
    return { growth: t('growthOutput'), current: t('colCurrentOutput'), previous: t('colPreviousOutput'), note: t('measureOutputNote') };
  }
  return { growth: t('growthVA'), current: t('colCurrentVA'), previous: t('colPreviousVA'), note: t('measureVANote') };
}

function pullChart(el, enterprises, words) {
  const p = palette();
  const withPull = enterprises.filter((e) => e.pull !== null && e.pull !== undefined).sort((a, b) => b.pull - a.pull);
  const top = withPull.slice(0, 10);
  const bottom = withPull.slice(-10).filter((e) => !top.includes(e));
  const rows = [...top, ...bottom].reverse();
  makeChart(
    el,
    {
      grid: { left: 4, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: tooltip({
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items) => {
          const e = rows[items[0].dataIndex];
          return `<b>${escapeHtml(e.name)}</b><br>${words.growth}: ${percent(e.growth)}<br>${t('pull')}: ${points(e.pull)} ${t('unitPoints')}`;
        },
      }),
      xAxis: valueAxis({ axisLabel: { show: false } }),
      yAxis: categoryAxis(rows.map((e) => (e.name.length > 14 ? `${e.name.slice(0, 13)}…` : e.name)), {
        axisLabel: { color: p.text, fontSize: fontSize() - 1, interval: 0 },
      }),
      series: [
        {
          type: 'bar',
          barMaxWidth: 12,
          data: rows.map((e) => ({
            value: chartValue(e.pull),
            uscc: e.uscc,
            itemStyle: { color: displaySign(e.pull, precision.pull) < 0 ? p.down : p.primary },
          })),
          label: { show: true, position: 'right', color: p.muted, fontSize: fontSize() - 2, formatter: (x) => points(x.value) },
        },
      ],
    },
    (params) => params.data?.uscc && go(['enterprise', params.data.uscc]),
  );
}

/** The name of the target in the current language. */
function targetName(kind, code, data) {
  // The division's full name as the API gives it in Chinese; the short English name otherwise.
  if (kind === 'divisions') return `${code} ${currentLang() === 'zh' && data.name ? data.name : divisionName(code, data.name)}`;
  if (kind === 'regions') return regionName(code, data.name);
  if (kind === 'key-enterprises') return t('keyAll');
  return setName({ ...data, id: code });
}

/** Draws the detail named by `path` ([kind, code]) into `root`. */
export async function render(root, { path, isCurrent }) {
  const problem = periodProblem();
  if (problem) {
    root.innerHTML = periodNoticeHtml(problem);
    return;
  }
  const [kind, code] = path;
  const period = selectedPeriod();
  const monthly = selectedMonthly();
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  // The warnings of the period (the badges; none when the server has no warnings for it).
  const warningsAnswer = api.warnings(period, monthly).catch(() => null);
  const data =
    kind === 'key-enterprises' ? await api.keyEnterprises(period, monthly) : await api.explain(kind, code, period, monthly);
  const warned = warningsBySubject(warningList(await warningsAnswer), 'enterprise');
  if (!isCurrent()) return;
  const levelOrder = { red: 0, orange: 1, yellow: 2, blue: 3 };

  const totals = data.totals ?? {};
  const enterprises = data.enterprises ?? [];
  // The explain JSON names its measure; without it, key enterprises are output (the report's).
  const measure = data.measure ?? (kind === 'key-enterprises' ? 'output' : 'value_added');
  const words = measureWords(measure);
  const sums = (measure === 'output' ? totals.output : totals.value_added) ?? {};
  const growth = measure === 'output' ? totals.output_growth : totals.value_added_growth;
  const compared = await comparison(kind, code, period, monthly, growth);
  if (!isCurrent()) return;
  const layout = {
    chart: { title: t('detailTopPull'), id: 'chart-detail', draw: (el) => pullChart(el, enterprises, words) },
    table: {
      title: `${t('detailEnterprises')} · ${words.note}`,
      exportName: `${t(titles[kind] ?? 'detailDivision')} · ${targetName(kind, code, data)}`,
      id: 'detail-table',
      columns: [
        { key: 'name', label: t('colName'), format: (e) => `<span class="ellipsis" title="${escapeHtml(e.name)}">${escapeHtml(e.name)}</span>` },
        { key: 'division', label: t('colDivision'), format: (e) => escapeHtml(divisionName(e.division)) },
        { key: 'region', label: t('colRegion'), format: (e) => escapeHtml(regionName(e.region)) },
        { key: 'current', label: words.current, align: 'num', format: (e) => wan(e.current) },
        { key: 'previous', label: words.previous, align: 'num', format: (e) => wan(e.previous) },
        { key: 'growth', label: words.growth, align: 'num', format: (e) => growthCell(e.growth) },
        { key: 'pull', label: t('colPullPoints'), align: 'num', format: (e) => points(e.pull) },
        { key: 'contribution', label: t('colContribution'), align: 'num', format: (e) => percent(e.contribution) },
        { key: 'warning', label: t('colWarning'), value: (e) => levelOrder[warned.get(e.uscc)?.level] ?? null, format: (e) => subjectBadge(warned.get(e.uscc)) },
      ],
      rows: enterprises,
      options: {
        sortKey: 'pull',
        descending: true,
        onRow: (e) => go(['enterprise', e.uscc]),
        rowClass: (e) => (warned.get(e.uscc) ? `warn-${warned.get(e.uscc).level}` : ''),
        testid: 'detail-table',
      },
    },
  };
  const stat = (label, value, testid) =>
    `<div class="stat"><span>${escapeHtml(label)}</span><b ${testid ? `data-testid="${testid}"` : ''}>${escapeHtml(value)}</b></div>`;
  // Pull and contribution of a set are shares of the industry's value added: shown for that
  // measure only, so that no figure of another measure stands beside this one.
  const measureStats =
    measure === 'output'
      ? `${stat(words.current, wan(sums.current), 'detail-current')}${stat(words.previous, wan(sums.previous), 'detail-previous')}`
      : `${stat(t('colPullPoints'), points(totals.pull), 'detail-pull')}${stat(t('contribution'), percent(totals.contribution), 'detail-contribution')}`;
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(['cockpit'])}
      <h1 data-testid="detail-title">${escapeHtml(t(titles[kind] ?? 'detailDivision'))} · ${escapeHtml(targetName(kind, code, data))}</h1>
      <span class="muted" data-testid="detail-measure">${escapeHtml(periodText(period, monthly))} · ${escapeHtml(words.note)}</span>
    </div>
    <div class="stats">
      ${stat(words.growth, percent(growth), 'detail-growth')}
      ${measureStats}
      ${stat(t('growthElectricity'), percent(totals.electricity_growth, precision.electricity))}
      ${stat(t('enterprisesLabel'), amount(totals.enterprises ?? enterprises.length))}
    </div>
    ${compared ?? ''}
    ${drillHtml(kind, code, data)}
    ${chartAndTableHtml(layout)}`;
  fillChartAndTable(root, layout);
  drawDrill(root, kind, code, period, monthly, isCurrent);
}

/** Whether a region's page shows its own regions on a map: a province's cities, a city's counties. */
const drills = (kind, code) => kind === 'regions' && /^\d{4}00$/.test(code);

/** The panel of the region's map (drill-down, issue 16); '' for the other details. */
function drillHtml(kind, code, data) {
  if (!drills(kind, code)) return '';
  const title = t('drillMapTitle', { name: targetName(kind, code, data) });
  return `<section class="panel drill-panel" aria-labelledby="drill-title">
      <header><h2 id="drill-title">${escapeHtml(title)}</h2>${tableToolsHtml('chart-drill', title)}</header>
      ${chartBoxHtml('chart-drill', title)}
    </section>`;
}

/** Draws the region's map from the period's report; a click opens the region below. */
async function drawDrill(root, kind, code, period, monthly, isCurrent) {
  const el = root.querySelector('#chart-drill');
  if (!el) return;
  wireTableToggles(el.closest('.drill-panel'));
  el.dataset.rendered = '0';
  let report = null;
  try {
    report = await api.report(period, monthly);
  } catch {
    report = null;
  }
  if (!isCurrent()) return;
  if (!report) {
    el.dataset.rendered = '1';
    return;
  }
  await drawAreaMap(el, report, code, (c) => go(['detail', 'regions', c]));
}
