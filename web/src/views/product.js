// One key product (#/product/CODE): the enterprises behind its figure (GET /api/products/CODE,
// as `zhizao explain --product CODE`): each enterprise's quantity in the window, its quantity a
// year before and its growth, with the product's own figures above. A row opens the enterprise.
import { api } from '../api.js';
import { backLinkHtml } from '../back.js';
import { amount, displaySign, escapeHtml, fixed, percent, precision, signedPercent } from '../format.js';
import { periodText, t } from '../i18n.js';
import { divisionName, regionName } from '../names.js';
import { quantityText, unitText } from '../panels/products.js';
import { go, periodProblem, selectedMonthly, selectedPeriod } from '../state.js';
import { renderTable } from '../table.js';
import { downloadButtonsHtml } from '../table_export.js';
import { periodNoticeHtml } from './period_notice.js';

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
/** A quantity for a table cell (the unit is in the header): whole numbers grouped, else one decimal. */
const cell = (q) => (isNumber(q) ? fixed(q, Number.isInteger(q) ? 0 : 1, { group: true }) : '—');

/** The enterprises of an answer, whatever the server calls the list. */
const enterprisesOf = (data) => [data.enterprises, data.rows, data.contributors].find(Array.isArray) ?? [];

/** Draws the product `path[0]` into `root`. */
export async function render(root, { path, isCurrent }) {
  const problem = periodProblem();
  if (problem) {
    root.innerHTML = periodNoticeHtml(problem);
    return;
  }
  const code = path[0];
  const period = selectedPeriod();
  const monthly = selectedMonthly();
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  let data;
  try {
    data = await api.product(code, period, monthly);
  } catch (error) {
    if (!isCurrent()) return;
    root.innerHTML = `<div class="subhead">${backLinkHtml(['steering'])}</div><div class="empty" data-testid="product-empty">${escapeHtml(
      error.status === 404 ? t('productUnknown', { code }) : t('productsUnavailable'),
    )}</div>`;
    return;
  }
  if (!isCurrent()) return;
  const product = data.product ?? data;
  const unit = product.unit ?? '';
  const rows = enterprisesOf(data);
  const stat = (label, value, testid) => `<div class="stat"><span>${escapeHtml(label)}</span><b data-testid="${testid}">${escapeHtml(value)}</b></div>`;
  const enterprisesCount = isNumber(product.enterprises) ? product.enterprises : rows.length;
  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(['steering'])}
      <h1 data-testid="product-title">${escapeHtml(t('productDetail'))} · ${escapeHtml(product.name ?? code)}</h1>
      <span class="muted">${escapeHtml(code)} · ${escapeHtml(periodText(period, monthly))} · ${escapeHtml(t('productUnit', { unit: unitText(unit) }))}</span>
    </div>
    <div class="stats">
      ${stat(t('productQuantity'), quantityText(product.quantity, unit), 'product-quantity')}
      ${stat(t('growthYoY'), percent(product.growth), 'product-growth')}
      ${stat(t('productDaily'), quantityText(product.daily_average, unit), 'product-daily')}
      ${stat(t('enterprisesLabel'), amount(enterprisesCount), 'product-enterprises')}
    </div>
    <section class="panel product-panel"><header><h2>${escapeHtml(t('productEnterprises'))}</h2>${downloadButtonsHtml('product-table', `${product.name ?? code} ${t('productEnterprises')}`)}</header>
      <div class="table-scroll" id="product-table"></div></section>`;
  const u = unitText(unit);
  renderTable(
    root.querySelector('#product-table'),
    [
      { key: 'name', label: t('colName'), format: (e) => `<span class="ellipsis" title="${escapeHtml(e.name ?? e.uscc)}">${escapeHtml(e.name ?? e.uscc)}</span>` },
      { key: 'region', label: t('colRegion'), format: (e) => escapeHtml(regionName(e.region, e.region_name) ?? '—') },
      { key: 'division', label: t('colDivision'), format: (e) => escapeHtml(e.division ? divisionName(String(e.division).slice(0, 2)) : '—') },
      { key: 'quantity', label: t('colQuantityUnit', { unit: u }), align: 'num', format: (e) => cell(e.quantity) },
      { key: 'previous', label: t('colQuantityPrevUnit', { unit: u }), align: 'num', value: (e) => e.previous ?? e.quantity_prev, format: (e) => cell(e.previous ?? e.quantity_prev) },
      {
        key: 'growth',
        label: t('growthYoY'),
        align: 'num',
        format: (e) => `<span class="${displaySign(e.growth, precision.rate) < 0 ? 'neg' : 'pos'}">${signedPercent(e.growth)}</span>`,
      },
    ],
    rows,
    { sortKey: 'quantity', descending: true, onRow: (e) => go(['enterprise', e.uscc]), testid: 'product-table' },
  );
}
