// Lagging projects (滞后项目): the projects the report lists in `projects.lagging` (data contract,
// "v2 additions": planned start on or before the period's last day D without an actual start by
// then, or the same for the completion), with how many days late, county, park, chain and
// division; a sortable table whose rows open the project (#/projects/ID).
// The report gives the ids, and beside them each project's details (`lagging_projects`: kind,
// days_late, region, park, chain, division), used as they are. Otherwise the details come from the
// project list (GET /api/projects) and the days late are counted as the contract defines them:
// D − the earliest planned date missed.
import { amount, escapeHtml } from '../format.js';
import { t } from '../i18n.js';
import { divisionName, regionName } from '../names.js';
import { renderTable } from '../table.js';

const dayMs = 86_400_000;

/** The last day of `period` (YYYY-MM) as a UTC day number. */
function lastDay(period) {
  const [year, month] = period.split('-').map(Number);
  return Date.UTC(year, month, 0) / dayMs;
}

const dayOf = (date) => (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) / dayMs : null);

/** Why a project lags at D and since which planned date, from its dates. */
function lagOf(project, period) {
  const d = lastDay(period);
  const missed = (planned, actual) => {
    const p = dayOf(planned);
    const a = dayOf(actual);
    return p !== null && p <= d && (a === null || a > d) ? p : null;
  };
  const start = missed(project.planned_start, project.actual_start);
  const completion = missed(project.planned_completion, project.actual_completion);
  const kind = start !== null && completion !== null ? 'both' : start !== null ? 'start' : completion !== null ? 'completion' : null;
  const earliest = [start, completion].filter((x) => x !== null);
  return { kind, days: earliest.length ? d - Math.min(...earliest) : null };
}

const kindNames = { start: 'lagStart', completion: 'lagCompletion', both: 'lagBoth', kStart: 'lagStart', kCompletion: 'lagCompletion', kStartAndCompletion: 'lagBoth', start_and_completion: 'lagBoth' };

/**
 * The rows of the list: `report.projects.lagging` with the report's `lagging_projects`, and the
 * project list `projects` (GET /api/projects `projects`, names) for `period`.
 */
export function laggingRows(report, projects, period) {
  const lagging = report?.projects?.lagging ?? [];
  const details = new Map((report?.lagging_projects ?? report?.projects?.lagging_projects ?? []).map((x) => [x.id, x]));
  const listed = new Map((projects ?? []).map((x) => [x.id, x]));
  return lagging.map((entry) => {
    const id = typeof entry === 'string' ? entry : entry.id;
    const given = typeof entry === 'object' ? entry : details.get(id) ?? {};
    const project = { ...(listed.get(id) ?? {}), ...given };
    const lag = lagOf(project, period);
    const division = project.division || String(project.industry ?? '').slice(0, 2);
    return {
      id,
      name: project.name ?? id,
      region: project.region ?? '',
      regionName: regionName(project.region, project.region_name),
      park: listed.get(id)?.park_name ?? project.park ?? '',
      chain: listed.get(id)?.chain_name ?? project.chain ?? '',
      division: division ? divisionName(division) : '',
      kind: project.kind ?? project.lag ?? lag.kind,
      days: typeof project.days_late === 'number' ? project.days_late : lag.days,
    };
  });
}

/** Draws the lagging list `rows` (laggingRows) into `root`; onProject(id) opens one. */
export function render(root, rows, onProject) {
  const text = (v) => escapeHtml(v || '—');
  renderTable(
    root,
    [
      { key: 'name', label: t('colProject'), format: (x) => `<span class="ellipsis" title="${escapeHtml(x.name)}">${escapeHtml(x.name)}</span>` },
      { key: 'days', label: t('colDaysLate'), align: 'num', format: (x) => amount(x.days) },
      { key: 'kind', label: t('colLagKind'), value: (x) => t(kindNames[x.kind] ?? 'lagStart'), format: (x) => `<span class="badge badge-red">${escapeHtml(t(kindNames[x.kind] ?? 'lagStart'))}</span>` },
      { key: 'regionName', label: t('colRegion'), format: (x) => text(x.regionName) },
      { key: 'park', label: t('colPark'), format: (x) => text(x.park) },
      { key: 'chain', label: t('colChain'), format: (x) => text(x.chain) },
      { key: 'division', label: t('colDivision'), format: (x) => text(x.division) },
    ],
    rows,
    { sortKey: 'days', descending: true, onRow: (x) => onProject(x.id), testid: 'lagging-table', empty: t('lagNone') },
  );
}
