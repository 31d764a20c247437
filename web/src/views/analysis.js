// The monthly analysis (工业经济运行分析) in the dashboard (issue #18): the narrative report of
// the selected period, window and scope — the same text as `zhizao report` (GET
// /api/report/analysis gives report_document's sections and tables) — readable on a desktop and a
// phone, printable, and downloadable as Word, Excel and HTML (GET /api/report/document, the
// files `zhizao report --format docx|xlsx|html` writes). Admin and city users choose the scope
// (the whole city or a county); a county user reads its own area.
import { wholeWord } from '../area.js';
import { api, documentUrl } from '../api.js';
import { escapeHtml } from '../format.js';
import { currentLang, t } from '../i18n.js';
import { regionName } from '../names.js';
import { currentRoute, go, roleKind } from '../state.js';
import { downloadButtonsHtml } from '../table_export.js';
import { selectedPeriodOrNotice } from './period_notice.js';

/** The report's table `table` ({title, columns, rows, footnotes}) as a data table with downloads. */
function tableHtml(table, index) {
  const id = `analysis-table-${index + 1}`;
  const numeric = table.columns.map((c) => c.numeric);
  const cell = (text, i) => `<td class="${numeric[i] ? 'num' : ''}">${escapeHtml(text)}</td>`;
  return `<section class="analysis-table" aria-labelledby="${id}-title">
      <header><h3 id="${id}-title">${escapeHtml(table.title)}</h3>${downloadButtonsHtml(id, table.title)}</header>
      <div class="table-scroll" id="${id}" tabindex="0" role="region" aria-labelledby="${id}-title">
        <table class="data-table">
          <thead><tr>${table.columns.map((c) => `<th scope="col" class="${c.numeric ? 'num' : ''}">${escapeHtml(c.header)}</th>`).join('')}</tr></thead>
          <tbody>${table.rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</tbody>
        </table>
      </div>
      ${(table.footnotes ?? []).map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('')}
    </section>`;
}

/** The scope picker of admin and city users: the whole city or one of the report's counties. */
function scopePickerHtml(report, scope) {
  const regions = report?.industry?.regions ?? [];
  const option = (code, label) => `<option value="${escapeHtml(code)}" ${code === (scope ?? '') ? 'selected' : ''}>${escapeHtml(label)}</option>`;
  return `<label class="scope-picker"><span>${escapeHtml(t('analysisScope'))}</span>
      <select id="analysis-scope" data-testid="analysis-scope">${option('', wholeWord())}${regions
        .map((r) => option(r.code, regionName(r.code, r.name)))
        .join('')}</select></label>`;
}

/** Draws the analysis of the selected period into `root`. */
export async function render(root, { isCurrent }) {
  const selected = selectedPeriodOrNotice(root);
  if (!selected) return;
  const { period, monthly } = selected;
  const { kind } = roleKind();
  const choosesScope = kind === 'admin' || kind === 'city';
  const scope = choosesScope ? currentRoute().params.get('scope') || null : null;
  const lang = currentLang();
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  const [analysis, report] = await Promise.all([
    api.analysis(period, monthly, scope, lang),
    // The counties to choose from: the city's report (the cockpit's, usually kept by api.js).
    choosesScope ? api.report(period, monthly).catch(() => null) : null,
  ]);
  if (!isCurrent()) return;

  const link = (format, label) =>
    `<a class="doc-link" href="${escapeHtml(documentUrl(format, period, monthly, scope, lang))}" download data-testid="analysis-${format}">${escapeHtml(label)}</a>`;
  const where = analysis.scope ? regionName(analysis.scope, analysis.scope) : wholeWord();
  root.innerHTML = `
    <div class="analysis-toolbar">
      ${choosesScope ? scopePickerHtml(report, scope) : ''}
      <span class="doc-downloads" role="group" aria-label="${escapeHtml(t('analysisDownload'))}">
        <span class="muted">${escapeHtml(t('analysisDownload'))}</span>
        ${link('docx', 'Word')}${link('xlsx', 'Excel')}${link('html', 'HTML')}
      </span>
      <button type="button" class="print-button" id="analysis-print" data-testid="analysis-print">${escapeHtml(t('print'))}</button>
    </div>
    <article class="analysis" lang="${lang === 'zh' ? 'zh-CN' : 'en'}" data-testid="analysis-article"
      data-period="${escapeHtml(analysis.period)}" data-window="${analysis.monthly ? 'monthly' : 'cumulative'}" data-scope="${escapeHtml(analysis.scope ?? '')}">
      <header class="analysis-masthead">
        <div class="kind">${escapeHtml(t('analysisKind'))}</div>
        <h1 data-testid="analysis-title">${escapeHtml(analysis.title)}</h1>
        <p class="muted">${escapeHtml(t('analysisMeta', { period: analysis.period_label, scope: where }))}</p>
      </header>
      ${analysis.sections
        .map(
          (s) => `<section class="analysis-section"><h2>${escapeHtml(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</section>`,
        )
        .join('')}
      ${analysis.tables.length ? `<h2 class="tables-heading">${escapeHtml(analysis.tables_heading)}</h2>${analysis.tables.map(tableHtml).join('')}` : ''}
    </article>`;
  root.querySelector('#analysis-print').addEventListener('click', () => window.print());
  root.querySelector('#analysis-scope')?.addEventListener('change', (event) => {
    go(['analysis'], { scope: event.target.value || null });
  });
}
