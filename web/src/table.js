// A sortable table: a header button sorts by its column (again to reverse); rows may open
// something. Both work with the keyboard (issue #18, item 11): the sort buttons are buttons
// (Tab, Enter or Space) and the header cell carries aria-sort; a row that opens something is
// focusable (tabindex 0) and opens on Enter as on a click.
// Columns: {key, label, format(row) → html, value(row) → sort key, align, sortable}.
import { escapeHtml } from './format.js';
import { t } from './i18n.js';

/**
 * Draws `rows` into `root` with `columns`. Options: sortKey, descending, onRow(row), rowClass(row),
 * testid, empty (the words of an empty table; default 暂无数据). Re-draws itself when a header is
 * used, keeping the focus on that header.
 */
export function renderTable(root, columns, rows, options = {}) {
  let sortKey = options.sortKey ?? null;
  let descending = options.descending ?? true;

  const draw = (focusKey = null) => {
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
    const header = (c) => {
      if (c.sortable === false) return `<th scope="col" class="${c.align ?? ''}">${escapeHtml(c.label)}</th>`;
      const sorting = c.key === sortKey;
      const mark = sorting ? (descending ? ' ▼' : ' ▲') : '';
      const aria = sorting ? (descending ? 'descending' : 'ascending') : 'none';
      return `<th scope="col" data-key="${c.key}" class="${c.align ?? ''} sortable" aria-sort="${aria}"><button type="button" class="sort" data-key="${c.key}">${escapeHtml(c.label)}${mark}</button></th>`;
    };
    const opens = Boolean(options.onRow);
    root.innerHTML = `
      <table class="data-table" ${options.testid ? `data-testid="${options.testid}"` : ''}>
        <thead><tr>${columns.map(header).join('')}</tr></thead>
        <tbody>${sorted.length === 0 ? `<tr><td colspan="${columns.length}" class="empty">${escapeHtml(options.empty ?? t('noData'))}</td></tr>` : ''}${sorted
          .map(
            (row, i) => `<tr data-index="${i}" class="${options.rowClass?.(row) ?? ''} ${opens ? 'clickable' : ''}" ${opens ? 'tabindex="0"' : ''}>${columns
              .map((c) => `<td class="${c.align ?? ''}">${c.format ? c.format(row) : escapeHtml(row[c.key])}</td>`)
              .join('')}</tr>`,
          )
          .join('')}</tbody>
      </table>`;
    for (const button of root.querySelectorAll('th.sortable button.sort')) {
      button.addEventListener('click', () => {
        if (sortKey === button.dataset.key) descending = !descending;
        else {
          sortKey = button.dataset.key;
          descending = true;
        }
        draw(button.dataset.key);
      });
    }
    if (focusKey) root.querySelector(`th.sortable button.sort[data-key="${CSS.escape(focusKey)}"]`)?.focus();
    if (opens) {
      for (const tr of root.querySelectorAll('tbody tr[data-index]')) {
        const open = () => options.onRow(sorted[Number(tr.dataset.index)]);
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' && event.target === tr) {
            event.preventDefault();
            open();
          }
        });
      }
    }
  };
  draw();
}
