// The body of a detail view (detail.js) and of the project list (projects.js): a chart panel
// beside a panel with a sortable table (.detail-grid in style.css; stacked on narrow screens).
// One description of both panels serves twice: first for the markup, then to draw into it.
//   chart: { title, id, draw(element) }  the panel's heading, the chart element's id, the drawer
//   table: { title, id, columns, rows, options, exportName }  heading, container id, renderTable's
//          arguments, and the name of its CSV and Excel downloads (default: the heading)
import { escapeHtml } from '../format.js';
import { renderTable } from '../table.js';
import { downloadButtonsHtml } from '../table_export.js';

/** The markup of the two panels of a layout ({chart, table}, above), empty until filled. */
export function chartAndTableHtml({ chart, table }) {
  return `<div class="detail-grid">
      <section class="panel"><header><h2>${escapeHtml(chart.title)}</h2></header><div class="chart" id="${chart.id}" role="img" aria-label="${escapeHtml(chart.title)}"></div></section>
      <section class="panel"><header><h2>${escapeHtml(table.title)}</h2>${downloadButtonsHtml(table.id, table.exportName ?? table.title)}</header><div class="table-scroll" id="${table.id}"></div></section>
    </div>`;
}

/**
 * Draws the chart and the table of a layout into its panels under `root`, which must already
 * hold chartAndTableHtml of the same layout.
 */
export function fillChartAndTable(root, { chart, table }) {
  chart.draw(root.querySelector(`#${chart.id}`));
  renderTable(root.querySelector(`#${table.id}`), table.columns, table.rows, table.options);
}
