// The regions one level below the area (a city's counties, a province's cities, the country's
// provinces; issue 16): on the area's map (area_maps.js, fetched on demand) coloured by value-added
// growth, and as a ranked bar. A click on either opens the region, whose page shows its own map
// one level further down (drillMap), from the country to a county. The map and the bars carry
// the unrounded figures; labels round once (format.js).
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { areaMap } from '../area_maps.js';
import { fillChartTable } from '../chart_table.js';
import { chartValue, displaySign, escapeHtml, percent, points } from '../format.js';
import { t } from '../i18n.js';
import { regionName } from '../names.js';
import { link } from '../state.js';

// Luoyang's four old urban districts are too small on its county map for a label: their figures
// are in the tooltip and the ranked bar.
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

/** The i18n key of the map's title (各县区/各市/各省) for the level placesOf() ranks. */
export function mapTitleKey(report) {
  return rankTitleKey(report).replace('Rank', 'Map');
}

/** The sets of the report, every level, by code (a province's map may show a county-level unit). */
function setsByCode(report) {
  const byCode = new Map();
  for (const list of [report.industry.regions, report.industry.cities, report.industry.provinces]) {
    for (const r of list ?? []) if (!byCode.has(r.code)) byCode.set(r.code, r);
  }
  return byCode;
}

const mapColumns = () => [
  { label: t('colRegion') },
  { label: t('growthVA'), num: true },
  { label: t('colPullPoints'), num: true },
  { label: t('contribution'), num: true },
];

const tableRow = (r) => [
  `<a href="${link(['detail', 'regions', r.code])}">${escapeHtml(regionName(r.code, r.name))}</a>`,
  percent(r.value_added_growth),
  points(r.pull),
  percent(r.contribution),
];

/**
 * Draws the map of the area `code` into `mapEl`, its regions coloured by the figures of `report`
 * (any level), `highlight` (a region code) outlined; a click on a region with figures calls
 * onRegion(code). Says so in the panel when no map shows the area or none of its regions has
 * figures. Returns a promise of the codes drawn (empty when none).
 */
export async function drawAreaMap(mapEl, report, code, onRegion, highlight) {
  mapEl.dataset.rendered = '0';
  const map = await areaMap(code);
  if (!mapEl.isConnected) return [];
  const sets = setsByCode(report);
  const shown = map ? [...map.regions.keys()].filter((c) => sets.has(c)) : [];
  if (!map || shown.length === 0) {
    mapEl.innerHTML = `<p class="muted map-unavailable" data-testid="map-unavailable">${escapeHtml(t('mapUnavailable'))}</p>`;
    mapEl.dataset.rendered = '1';
    return [];
  }
  const p = palette();
  const growths = shown.map((c) => sets.get(c).value_added_growth).filter((v) => v !== null && v !== undefined);
  const low = Math.floor(Math.min(0, ...growths));
  const high = Math.ceil(Math.max(1, ...growths));
  // Labels with the figure for up to 40 regions; the country's 34 provinces get their names only.
  const withFigures = map.code !== '100000';
  mapEl.dataset.mapCode = map.code;
  makeChart(
    mapEl,
    {
      tooltip: tooltip({
        trigger: 'item',
        formatter: (x) => (sets.has(x.data?.code) ? describe(sets.get(x.data.code)) : escapeHtml(x.name)),
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
        seriesIndex: 0,
        // The scale's ends are words: every number drawn on a chart is a figure of the report.
        text: [t('scaleHigh'), t('scaleLow')],
        textStyle: { color: p.muted, fontSize: fontSize() - 2 },
        inRange: { color: p.mapRange },
      },
      series: [
        {
          type: 'map',
          map: map.name,
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
              if (urbanCore.has(x.name) || !map.regions.has(x.name)) return '';
              const r = sets.get(x.name);
              const name = regionName(x.name, map.regions.get(x.name));
              return r && withFigures ? `${name}\n${percent(r.value_added_growth)}` : name;
            },
          },
          itemStyle: { borderColor: p.mapBorder, borderWidth: 1, areaColor: p.split },
          emphasis: { label: { color: p.text }, itemStyle: { areaColor: p.secondary } },
          data: [...map.regions.keys()].map((c) => ({
            name: c,
            code: c,
            value: chartValue(sets.get(c)?.value_added_growth),
            itemStyle: c === highlight ? { borderColor: p.secondary, borderWidth: 3 } : undefined,
          })),
        },
      ],
    },
    (params) => {
      const c = params.data?.code;
      if (c && sets.has(c)) onRegion(c);
    },
  );
  // The shapes are Tianditu's: a published map carries their review number (docs/maps-research.md).
  const panel = mapEl.closest('.panel');
  if (panel && !panel.querySelector('.map-credit')) {
    panel.insertAdjacentHTML('beforeend', `<p class="map-credit muted" data-testid="map-credit">${escapeHtml(t('mapCredit'))}</p>`);
  }
  const rows = shown
    .map((c) => sets.get(c))
    .filter((r) => r.value_added_growth !== null && r.value_added_growth !== undefined)
    .sort((a, b) => b.value_added_growth - a.value_added_growth)
    .map(tableRow);
  fillChartTable(mapEl, mapColumns(), rows);
  return shown;
}

function describe(region) {
  return `<b>${escapeHtml(regionName(region.code, region.name))}</b><br>${t('growthVA')}: ${percent(region.value_added_growth)}<br>` +
    `${t('pull')}: ${points(region.pull)} ${t('unitPoints')}<br>${t('contribution')}: ${percent(region.contribution)}`;
}

/** Draws the map into `mapEl` and the ranked bar into `rankEl`; `highlight` is a region code. */
export function render(mapEl, rankEl, report, onRegion, highlight) {
  const p = palette();
  const places = placesOf(report);
  const byCode = new Map(places.map((r) => [r.code, r]));
  const click = (params) => {
    const code = params.data?.code;
    if (code && byCode.has(code)) onRegion(code);
  };
  // The area's map; a county's report (and a county user's) shows its city with the county
  // outlined. The ranked bar and its table do not wait for the map's file.
  // A scope that is a region (a county user's county) is drawn on its own map; a group of
  // regions (luoyang-metro) on the area's.
  const area = report.area?.code ?? '';
  const scope = /^\d{6}$/.test(report.scope ?? '') ? report.scope : '';
  const outlined = highlight ?? (/^\d{4}(?!00)\d{2}$/.test(area) ? area : null);
  const mapped = drawAreaMap(mapEl, report, scope || area, onRegion, outlined);

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

  fillChartTable(rankEl, mapColumns(), ranked.slice().reverse().map(tableRow));
  return mapped;
}
