// Key products' output (主要产品产量): per product of report.products (data contract, "v2
// additions", "Products") its quantity in its own unit, its growth over comparable pairs, its
// daily average and the enterprises reporting it. Quantities are written as the report's
// sentences write them (src/report/products_section.cc, quantity_zh / quantity_en): in Chinese
// 万 with one decimal from 10,000 up ("1.8万台"), whole numbers below; in English millions with two
// decimals from a million up, grouped digits below. A bar or a row opens the enterprises behind
// the product (#/product/CODE, GET /api/products/CODE).
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { fillChartTable } from '../chart_table.js';
import { amount, chartValue, displaySign, escapeHtml, fixed, percent, precision } from '../format.js';
import { currentLang, t } from '../i18n.js';
import { link } from '../state.js';

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

// The English units of the report (products_section.cc, unit_en).
const unitsEn = {
  台: 'units', 套: 'sets', 吨: 'tonnes', 辆: 'vehicles', 件: 'pieces', 个: 'units', 重量箱: 'weight cases',
  千瓦: 'kW', 万千瓦: '10,000 kW', 万吨: '10,000 tonnes', 千克: 'kg', 米: 'metres', 千米: 'km', 平方米: 'm²',
  立方米: 'm³', 艘: 'ships', 架: 'aircraft', 只: 'units', 条: 'units', 根: 'units',
};

/** A product's unit in the current language. */
export function unitText(unit) {
  return currentLang() === 'en' ? unitsEn[unit] ?? unit : unit ?? '';
}

/** A quantity below 10,000: whole numbers without decimals, others with one (plain_quantity). */
const plain = (q, group = false) => fixed(q, Number.isInteger(q) ? 0 : 1, { group });

/** A quantity with its unit as the report writes it: 1.8万台 / 18,000 units / 1.25 million tonnes. */
export function quantityText(quantity, unit) {
  if (!isNumber(quantity)) return '—';
  if (currentLang() === 'zh') {
    if ((unit ?? '').startsWith('万') || Math.abs(quantity) < 1e4) return `${plain(quantity)}${unit ?? ''}`;
    return `${fixed(quantity / 1e4, 1)}万${unit ?? ''}`;
  }
  if (Math.abs(quantity) >= 1e6) return `${fixed(quantity / 1e6, 2)} million ${unitText(unit)}`;
  const shown = Number.isInteger(quantity) || Math.abs(quantity) >= 1000 ? Math.round(quantity) : quantity;
  return `${plain(shown, Math.abs(shown) >= 1000)} ${unitText(unit)}`;
}

/** The products with rows in the window (the report's table leaves out those without). */
export const productsWithRows = (products) => (products ?? []).filter((x) => x.enterprises > 0);

/**
 * Draws the growth bars of `products` (report.products) into `el` with the table of the same
 * figures; onProduct(code) on a click.
 */
export function render(el, products, onProduct) {
  const rows = productsWithRows(products);
  if (rows.length === 0) {
    el.innerHTML = `<div class="empty" data-testid="products-empty">${escapeHtml(t('productsNone'))}</div>`;
    el.dataset.rendered = '1';
    return;
  }
  const p = palette();
  const ranked = rows.slice().reverse();
  makeChart(
    el,
    {
      grid: { left: 4, right: 150, top: 4, bottom: 4, containLabel: true },
      tooltip: tooltip({
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items) => {
          const x = ranked[items[0].dataIndex];
          return `<b>${escapeHtml(x.name)}</b><br>${t('productQuantity')}: ${escapeHtml(quantityText(x.quantity, x.unit))}<br>${t('growthYoY')}: ${percent(x.growth)}`;
        },
      }),
      xAxis: valueAxis({ axisLabel: { show: false } }),
      yAxis: categoryAxis(ranked.map((x) => x.name), { axisLabel: { color: p.text, fontSize: fontSize() - 1, interval: 0 } }),
      series: [
        {
          type: 'bar',
          barMaxWidth: 14,
          data: ranked.map((x) => ({
            // Without comparable pairs the bar has no length, but its label (the quantity) is drawn.
            value: chartValue(x.growth) ?? 0,
            code: x.code,
            itemStyle: { color: displaySign(x.growth, precision.rate) < 0 ? p.down : p.tertiary, borderRadius: 2 },
          })),
          label: {
            show: true,
            position: 'right',
            color: p.muted,
            fontSize: fontSize() - 2,
            formatter: (x) => `${quantityText(ranked[x.dataIndex].quantity, ranked[x.dataIndex].unit)} · ${percent(ranked[x.dataIndex].growth)}`,
          },
        },
      ],
    },
    (params) => params.data?.code && onProduct(params.data.code),
  );
  fillChartTable(
    el,
    [
      { label: t('colProduct') },
      { label: t('productQuantity'), num: true },
      { label: t('growthYoY'), num: true },
      { label: t('productDaily'), num: true },
      { label: t('enterprisesLabel'), num: true },
    ],
    rows.map((x) => [
      `<a href="${link(['product', x.code])}">${escapeHtml(x.name)}</a>`,
      escapeHtml(quantityText(x.quantity, x.unit)),
      percent(x.growth),
      escapeHtml(quantityText(x.daily_average, x.unit)),
      amount(x.enterprises),
    ]),
  );
}
