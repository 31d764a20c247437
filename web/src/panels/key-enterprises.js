// Key enterprises (重点企业): a sortable table of their gross output (现价, 万元) and its growth,
// the measure of the report's key-enterprise figures, with warnings: a decline is red (预警),
// growth under 5% orange, otherwise green. A row opens the enterprise's monthly history.
import { displaySign, escapeHtml, points, precision, signedPercent, wan } from '../format.js';
import { t } from '../i18n.js';
import { divisionName, regionName } from '../names.js';
import { renderTable } from '../table.js';

/** The warning level of a growth rate as displayed: red (decline), orange (under 5%), green, or none. */
export function warningLevel(growth) {
  if (growth === null || growth === undefined) return 'none';
  if (displaySign(growth, precision.rate) < 0) return 'red';
  if (growth < 5) return 'orange';
  return 'green';
}

const warningLabel = { red: 'warnRed', orange: 'warnOrange', green: 'warnGreen', none: 'warnNone' };

/** A badge for a growth rate's warning level. */
export function warningBadge(growth) {
  const level = warningLevel(growth);
  return `<span class="badge badge-${level}">${escapeHtml(t(warningLabel[level]))}</span>`;
}

/** A growth rate for a table cell: signed, red when it declines as displayed. */
export function growthCell(growth) {
  return `<span class="${displaySign(growth, precision.rate) < 0 ? 'neg' : 'pos'}">${signedPercent(growth)}</span>`;
}

/** Draws the table of `enterprises` (report.key_enterprises.enterprises) into `root`. */
export function render(root, enterprises, onEnterprise, compact = false) {
  const columns = [
    { key: 'name', label: t('colName'), format: (e) => `<span class="ellipsis" title="${escapeHtml(e.name)}">${escapeHtml(e.name)}</span>` },
    { key: 'division', label: t('colDivision'), format: (e) => escapeHtml(divisionName(e.division)) },
    { key: 'region', label: t('colRegion'), format: (e) => escapeHtml(regionName(e.region)) },
    { key: 'output', label: t('colCurrentOutput'), align: 'num', value: (e) => e.output?.current, format: (e) => wan(e.output?.current) },
    { key: 'output_growth', label: t('growthOutput'), align: 'num', format: (e) => growthCell(e.output_growth) },
    { key: 'pull', label: t('colPullPoints'), align: 'num', format: (e) => points(e.pull) },
    { key: 'warning', label: t('colWarning'), value: (e) => e.output_growth, format: (e) => warningBadge(e.output_growth) },
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
    rowClass: (e) => `warn-${warningLevel(e.output_growth)}`,
    testid: 'key-table',
  });
}
