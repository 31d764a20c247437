// A sortable table: click a header to sort by it (again to reverse); rows may be clickable.
// Columns: {key, label, format(row) → html, value(row) → sort key, align, rowClass}.
import { escapeHtml } from './format.js';
import { t } from './i18n.js';

/**
 * Draws `rows` into `root` with `columns`. Options: sortKey, descending, onRow(row), rowClass(row),
 * testid. Re-draws itself on header clicks.
 */
export function renderTable(root, columns, rows, options = {}) {
  let sortKey = options.sortKey ?? null;
  let descending = options.descending ?? true;

  const draw = () => {
    const column = columns.find((c) => c.key === sortKey);
    const sorted = rows.slice();
    if (column) {
      const value = column.value ?? ((row) => row[column.key]);
      sorted.sort((a, b) => {
        const x = value(a);
        const y = value(b);
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        const order = typeof x === 'string' ? x.localeCompare(y, 'zh-CN') : x - y;
        return descending ? -order : order;
      });
    }
    root.innerHTML = `
      <table class="data-table" ${options.testid ? `data-testid="${options.testid}"` : ''}>
        <thead><tr>${columns
          .map((c) => {
            const mark = c.key === sortKey ? (descending ? ' ▼' : ' ▲') : '';
            return `<th data-key="${c.key}" class="${c.align ?? ''} ${c.sortable === false ? '' : 'sortable'}">${escapeHtml(c.label)}${mark}</th>`;
          })
          .join('')}</tr></thead>
        <tbody>${sorted.length === 0 ? `<tr><td colspan="${columns.length}" class="empty">${escapeHtml(t('noData'))}</td></tr>` : ''}${sorted
          .map(
            (row, i) => `<tr data-index="${i}" class="${options.rowClass?.(row) ?? ''} ${options.onRow ? 'clickable' : ''}">${columns
              .map((c) => `<td class="${c.align ?? ''}">${c.format ? c.format(row) : escapeHtml(row[c.key])}</td>`)
              .join('')}</tr>`,
          )
          .join('')}</tbody>
      </table>`;
    for (const th of root.querySelectorAll('th.sortable')) {
      th.addEventListener('click', () => {
        if (sortKey === th.dataset.key) descending = !descending;
        else {
          sortKey = th.dataset.key;
          descending = true;
        }
        draw();
      });
    }
    if (options.onRow) {
      for (const tr of root.querySelectorAll('tbody tr')) {
        tr.addEventListener('click', () => options.onRow(sorted[Number(tr.dataset.index)]));
      }
    }
  };
  draw();
}
