// Key enterprises (重点企业): a sortable table of their gross output (现价, 万元) and its growth,
// the measure of the report's key-enterprise figures, with the level of the enterprise's early
// warning as the engine raised it (GET /api/warnings, panels/warnings.js): the dashboard holds no
// threshold of its own, and an enterprise without a warning has a neutral badge. A row opens the
// enterprise's monthly history.
import { displaySign, escapeHtml, points, precision, signedPercent, wan } from '../format.js';
import { t } from '../i18n.js';
import { divisionName, regionName } from '../names.js';
import { renderTable } from '../table.js';
import { subjectBadge } from './warnings.js';

/** A growth rate for a table cell: signed, red when it declines as displayed. */
export function growthCell(growth) {
  return `<span class="${displaySign(growth, precision.rate) < 0 ? 'neg' : 'pos'}">${signedPercent(growth)}</span>`;
}

/**
 * Draws the table of `enterprises` (report.key_enterprises.enterprises) into `root`. `warned` is
 * the Map of warningsBySubject(warnings, 'enterprise') (panels/warnings.js); empty when the
 * warnings are not known.
 */
export function render(root, enterprises, onEnterprise, compact = false, warned = new Map()) {
  const level = (e) => warned.get(e.uscc)?.level ?? null;
  const order = { red: 0, orange: 1, yellow: 2, blue: 3 };
  const columns = [
    { key: 'name', label: t('colName'), format: (e) => `<span class="ellipsis" title="${escapeHtml(e.name)}" data-uscc="${escapeHtml(e.uscc)}">${escapeHtml(e.name)}</span>` },
    { key: 'division', label: t('colDivision'), format: (e) => escapeHtml(divisionName(e.division)) },
    { key: 'region', label: t('colRegion'), format: (e) => escapeHtml(regionName(e.region)) },
    { key: 'output', label: t('colCurrentOutput'), align: 'num', value: (e) => e.output?.current, format: (e) => wan(e.output?.current) },
    { key: 'output_growth', label: t('growthOutput'), align: 'num', format: (e) => growthCell(e.output_growth) },
    { key: 'pull', label: t('colPullPoints'), align: 'num', format: (e) => points(e.pull) },
    { key: 'warning', label: t('colWarning'), value: (e) => order[level(e)] ?? null, format: (e) => subjectBadge(warned.get(e.uscc)) },
  ];
  // The compact table sits under a title that names the measure: a short header fits its width.
  const shown = compact
    ? columns
        .filter((c) => !['division', 'output', 'pull'].includes(c.key))
        .map((c) => (c.key === 'output_growth' ? { ...c, label: t('colOutputGrowthShort') } : c))
    : columns;
  renderTable(root, shown, enterprises, {
    sortKey: 'output_growth',
    descending: false,
    onRow: (e) => onEnterprise(e.uscc),
    rowClass: (e) => (level(e) ? `warn-${level(e)}` : ''),
    testid: 'key-table',
  });
}
