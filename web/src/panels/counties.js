// The counties: on the map of Luoyang (post-2021 districts; see scripts/build-luoyang-geo.mjs),
// coloured by value-added growth, and as a ranked bar. A click opens the county's enterprises.
// The map and the bars carry the unrounded figures; labels round once (format.js).
import { categoryAxis, fontSize, makeChart, mapRegions, palette, tooltip, valueAxis } from '../charts.js';
import { fillChartTable } from '../chart_table.js';
import { chartValue, displaySign, escapeHtml, percent, points } from '../format.js';
import { t } from '../i18n.js';
import { regionName } from '../names.js';
import { link } from '../state.js';

// The four old urban districts are too small on a county map for a label: their figures are in
// the tooltip and the ranked bar.
const urbanCore = new Set(['410302', '410303', '410304', '410305']);

/**
 * The regions the report ranks (issue 16): one level below the installation's area, as the
 * report's own table (report/report_selection.h places_below_area) — a city's counties, a
 * province's cities (a municipality's districts), the country's provinces; a scoped report's
 * counties.
 */
export function placesOf(report) {
  const area = report.area ?? {};
  if (!report.scope && area.level === 'country') return report.industry.provinces ?? [];
  if (!report.scope && area.level === 'province' && !String(area.name ?? '').endsWith('市')) {
    return report.industry.cities ?? [];
  }
  return report.industry.regions ?? [];
}

/** The i18n key of the ranked bar's title for the level placesOf() ranks. */
export function rankTitleKey(report) {
  const places = placesOf(report);
  if (places === report.industry.provinces) return 'panelProvincesRank';
  if (places === report.industry.cities) return 'panelCitiesRank';
  return 'panelCountiesRank';
}

function describe(region) {
  return `<b>${escapeHtml(regionName(region.code, region.name))}</b><br>${t('growthVA')}: ${percent(region.value_added_growth)}<br>` +
    `${t('pull')}: ${points(region.pull)} ${t('unitPoints')}<br>${t('contribution')}: ${percent(region.contribution)}`;
}

/** Draws the map into `mapEl` and the ranked bar into `rankEl`; `highlight` is a county code. */
export function render(mapEl, rankEl, report, onRegion, highlight) {
  const p = palette();
  const places = placesOf(report);
  // The map drawn is Luoyang's (the maps of other areas are issue 16's next step): it is shown
  // only when the ranked regions are on it; the ranked bar and its table always are.
  const counties = places.filter((r) => mapRegions.has(r.code));
  const byCode = new Map(places.map((r) => [r.code, r]));
  const growths = counties.map((r) => r.value_added_growth).filter((v) => v !== null && v !== undefined);
  const low = Math.floor(Math.min(0, ...growths));
  const high = Math.ceil(Math.max(1, ...growths));
  const click = (params) => {
    const code = params.data?.code;
    if (code && byCode.has(code)) onRegion(code);
  };

  if (counties.length === 0) {
    mapEl.innerHTML = `<p class="muted map-unavailable" data-testid="map-unavailable">${escapeHtml(t('mapUnavailable'))}</p>`;
  } else makeChart(
    mapEl,
    {
      tooltip: tooltip({
        trigger: 'item',
        formatter: (x) => (byCode.has(x.data?.code) ? describe(byCode.get(x.data.code)) : escapeHtml(x.name)),
      }),
      visualMap: {
        type: 'continuous',
        min: low,
        max: high,
        left: 8,
        bottom: 8,
        itemHeight: 90,
        itemWidth: 10,
        calculable: false,
        // The scale's ends are words: every number drawn on a chart is a figure of the report.
        text: [t('scaleHigh'), t('scaleLow')],
        textStyle: { color: p.muted, fontSize: fontSize() - 2 },
        inRange: { color: p.mapRange },
      },
      series: [
        {
          type: 'map',
          map: 'luoyang',
          nameProperty: 'code',
          roam: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '98%',
          aspectScale: 0.85,
          selectedMode: false,
          label: {
            show: true,
            fontSize: fontSize() - 2,
            color: p.text,
            textBorderColor: p.mapBorder,
            textBorderWidth: 2,
            formatter: (x) => {
              if (urbanCore.has(x.name)) return '';
              const r = byCode.get(x.name);
              const name = regionName(x.name, mapRegions.get(x.name));
              return r ? `${name}\n${percent(r.value_added_growth)}` : name;
            },
          },
          itemStyle: { borderColor: p.mapBorder, borderWidth: 1, areaColor: p.split },
          emphasis: { label: { color: p.text }, itemStyle: { areaColor: p.secondary } },
          data: [...mapRegions.keys()].map((code) => ({
            name: code,
            code,
            value: chartValue(byCode.get(code)?.value_added_growth),
            itemStyle: code === highlight ? { borderColor: p.secondary, borderWidth: 3 } : undefined,
          })),
        },
      ],
    },
    click,
  );

  const ranked = places
    .filter((r) => r.value_added_growth !== null && r.value_added_growth !== undefined)
    .sort((a, b) => a.value_added_growth - b.value_added_growth);
  makeChart(
    rankEl,
    {
      grid: { left: 4, right: 44, top: 20, bottom: 4, containLabel: true },
      tooltip: tooltip({
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items) => describe(ranked[items[0].dataIndex]),
      }),
      xAxis: valueAxis({ axisLabel: { show: false } }),
      yAxis: categoryAxis(ranked.map((r) => regionName(r.code, r.name)), { axisLabel: { color: p.text, fontSize: fontSize() - 1, interval: 0 } }),
      series: [
        {
          type: 'bar',
          barMaxWidth: 14,
          data: ranked.map((r) => ({
            value: chartValue(r.value_added_growth),
            code: r.code,
            itemStyle: {
              color: displaySign(r.value_added_growth, 1) < 0 ? p.down : r.code === highlight ? p.secondary : p.primary,
              borderRadius: 2,
            },
          })),
          label: { show: true, position: 'right', color: p.muted, fontSize: fontSize() - 2, formatter: (x) => percent(x.value) },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: p.secondary, type: 'dashed' },
            label: { color: p.reference, fontSize: fontSize() - 2, formatter: () => percent(report.industry.value_added_growth) },
            data: [{ xAxis: report.industry.value_added_growth }],
          },
        },
      ],
    },
    click,
  );

  const columns = [
    { label: t('colRegion') },
    { label: t('growthVA'), num: true },
    { label: t('colPullPoints'), num: true },
    { label: t('contribution'), num: true },
  ];
  const rows = ranked.slice().reverse().map((r) => [
    `<a href="${link(['detail', 'regions', r.code])}">${escapeHtml(regionName(r.code, r.name))}</a>`,
    percent(r.value_added_growth),
    points(r.pull),
    percent(r.contribution),
  ]);
  if (counties.length > 0) fillChartTable(mapEl, columns, rows);
  fillChartTable(rankEl, columns, rows);
}
