// The table beside every chart (issue #18, item 11): a chart cannot be read by the keyboard or a
// screen reader, so each chart panel has a "表格" toggle that lays a table of the same figures,
// formatted by the same functions as the chart's labels, over the chart. Rows that a click on
// the chart would open are links, reachable with Tab and Enter.
import { escapeHtml } from './format.js';
import { t } from './i18n.js';
import { downloadButtonsHtml } from './table_export.js';

/** The markup of a chart and its (hidden) table; `label` names the chart for assistive technology. */
export function chartBoxHtml(id, label) {
  return `<div class="chart-box">
      <div class="chart" id="${id}" role="img" aria-label="${escapeHtml(label)}"></div>
      <div class="chart-table table-scroll" id="${id}-table" data-testid="${id}-table" hidden></div>
    </div>`;
}

/** The header button that shows the table of the chart `id` instead of the chart, and back. */
export function tableToggleHtml(id) {
  return `<button type="button" class="table-toggle" aria-pressed="false" aria-controls="${id}-table" data-testid="${id}-toggle">${escapeHtml(t('viewTable'))}</button>`;
}

/**
 * The header tools of the chart `id`: its table toggle and the CSV and Excel downloads of that
 * table (table_export.js), named `name`.
 */
export function tableToolsHtml(id, name) {
  return `${tableToggleHtml(id)}${downloadButtonsHtml(`${id}-table`, name)}`;
}

/** Wires the table toggles under `root` (call once after the markup is in place). */
export function wireTableToggles(root) {
  for (const button of root.querySelectorAll('button.table-toggle')) {
    button.addEventListener('click', () => {
      const table = root.querySelector(`#${button.getAttribute('aria-controls')}`);
      if (!table) return;
      table.hidden = !table.hidden;
      button.setAttribute('aria-pressed', String(!table.hidden));
      button.textContent = table.hidden ? t('viewTable') : t('viewChart');
    });
  }
}

/**
 * Fills the table of the chart element `chartEl` (made by chartBoxHtml). `columns` are
 * {label, num}; `rows` are arrays of cell HTML (already escaped), in the chart's reading order.
 */
export function fillChartTable(chartEl, columns, rows) {
  fillTable(chartEl?.parentElement?.querySelector('.chart-table'), columns, rows);
}

/** Fills the table container `box` (a .chart-table) with `columns` and `rows` as fillChartTable. */
export function fillTable(box, columns, rows) {
  if (!box) return;
  box.innerHTML = `<table class="data-table">
      <thead><tr>${columns.map((c) => `<th scope="col" class="${c.num ? 'num' : ''}">${escapeHtml(c.label)}</th>`).join('')}</tr></thead>
      <tbody>${rows.map((r) => `<tr>${r.map((cell, i) => `<td class="${columns[i]?.num ? 'num' : ''}">${cell}</td>`).join('')}</tr>`).join('')}</tbody>
    </table>`;
}
