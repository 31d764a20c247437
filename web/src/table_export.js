// Every table of the dashboard can be taken to a spreadsheet (issue #18): a "CSV" and an "Excel"
// button beside it export exactly what the table shows — its columns, its rows in their current
// order and filter, each figure as displayed (rounded once by format.js) — read from the table
// itself, so that a download can never disagree with the screen.
// A cell of a figure column (class "num") that reads as a figure (12.7, −3.4%, 12,345.6) becomes
// a number; everything else stays text. The buttons work by delegation: a view only writes
// downloadButtonsHtml() into its markup.
import { escapeHtml } from './format.js';
import { currentLang, periodText, t } from './i18n.js';
import { selectedMonthly, selectedPeriod } from './state.js';
import { xlsxWorkbook } from './xlsx_writer.js';

// A displayed figure: optional sign (ASCII or U+2212 minus, as signedPercent writes it), digits
// with optional thousands separators, optional decimals, optional percent sign.
const figurePattern = /^([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$/;

/**
 * A cell's text as a figure: {number, decimals, grouped, percent}, or null when it is not one.
 * "+12.7%" → {number: 12.7, decimals: 1, percent: true}; "12,345.6" → grouped; "—" → null.
 */
export function parseFigure(text) {
  const match = figurePattern.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = '', percent] = match;
  const digits = `${whole.replaceAll(',', '')}${fraction ? `.${fraction}` : ''}`;
  const negative = sign === '-' || sign === '\u2212';
  return {
    // The canonical decimal text ("−3.40" → "-3.40"): what the CSV writes, digits kept as shown.
    literal: `${negative && Number(digits) !== 0 ? '-' : ''}${digits}`,
    number: (negative ? -1 : 1) * Number(digits),
    decimals: fraction.length,
    grouped: whole.includes(','),
    percent: percent === '%',
  };
}

const cellText = (cell) => cell.textContent.replace(/\s+/g, ' ').trim();

/**
 * Reads `table` (a <table> element) as it is shown: {headers: [string], rows: [[cell]]} where a
 * cell is {text} or {figure} (parseFigure's). A figure column whose figures are percentages says
 * so in its header, as its cells lose the sign.
 */
export function readTable(table) {
  const headers = [...table.querySelectorAll('thead th')].map(cellText);
  const rows = [...table.querySelectorAll('tbody tr')]
    .filter((tr) => !tr.querySelector('td.empty'))
    .map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => {
        const text = cellText(cell);
        if (text === '—' || text === '') return { text: '' };
        const figure = cell.classList.contains('num') ? parseFigure(text) : null;
        return figure ? { figure } : { text };
      }),
    );
  headers.forEach((header, i) => {
    const percent = rows.some((row) => row[i]?.figure?.percent);
    if (percent && !header.includes('%')) headers[i] = currentLang() === 'zh' ? `${header}（%）` : `${header} (%)`;
  });
  return { headers, rows };
}

/**
 * A text cell as OWASP's CSV Injection page says: a cell starting with = + - @ tab or carriage
 * return gets a leading single quote (a spreadsheet shows it as text instead of evaluating it);
 * every text cell is quoted, its quotes doubled, so that no separator inside it starts a new cell.
 */
export function csvText(text) {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The CSV (RFC 4180, CRLF) of readTable's result, with a UTF-8 BOM so that Excel reads Chinese. */
export function tableCsv({ headers, rows }) {
  const line = (cells) => cells.join(',');
  const body = [
    line(headers.map(csvText)),
    ...rows.map((row) => line(row.map((cell) => (cell.figure ? cell.figure.literal : cell.text === '' ? '' : csvText(cell.text))))),
  ];
  return `\uFEFF${body.join('\r\n')}\r\n`;
}

/** `name` without the characters file systems refuse. */
function fileName(name) {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 120) || 'table';
}

/** The file name of a table's download: the table's name and the period it shows. */
export function downloadName(name, extension) {
  const period = selectedPeriod();
  const when = period ? ` ${periodText(period, selectedMonthly())}` : '';
  return `${fileName(`${name}${when}`)}.${extension}`;
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the table inside the element `target` as `format` ('csv' or 'xlsx'), named after `name`. */
export function downloadTable(target, format, name) {
  const table = target?.matches('table') ? target : target?.querySelector('table');
  if (!table) return;
  const content = readTable(table);
  if (format === 'xlsx') {
    const bytes = xlsxWorkbook(content, name);
    save(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), downloadName(name, 'xlsx'));
  } else {
    save(new Blob([tableCsv(content)], { type: 'text/csv;charset=utf-8' }), downloadName(name, 'csv'));
  }
}

/**
 * The markup of the two download buttons of the table inside the element with id `targetId`;
 * `name` names the table (the file and the buttons' accessible names).
 */
export function downloadButtonsHtml(targetId, name) {
  // The accessible name starts with the visible label (WCAG 2.5.3, label in name): "CSV", then
  // which table, for assistive technology only.
  const button = (format, label) =>
    `<button type="button" class="download" data-export="${format}" data-target="${escapeHtml(targetId)}" data-name="${escapeHtml(name)}" data-testid="${escapeHtml(
      targetId,
    )}-${format}">${escapeHtml(label)}<span class="sr-only">${escapeHtml(t('downloadOf', { name }))}</span></button>`;
  return `<span class="downloads">${button('csv', 'CSV')}${button('xlsx', 'Excel')}</span>`;
}

document.addEventListener('click', (event) => {
  const button = event.target.closest?.('button[data-export]');
  if (!button) return;
  downloadTable(document.getElementById(button.dataset.target), button.dataset.export, button.dataset.name);
});
