// The headline cards: value added (with the two-year average), manufacturing, electricity,
// breadth, key enterprises and projects. Each value carries a data-testid for the browser tests.
import { escapeHtml, money, percent } from '../format.js';
import { t } from '../i18n.js';

const trendClass = (value) => (value === null || value === undefined ? '' : value < 0 ? 'down' : 'up');

function card({ id, title, value, valueClass = '', unit = '', lines = [], href }) {
  const tag = href ? 'a' : 'div';
  return `
    <${tag} class="card ${href ? 'clickable' : ''}" data-card="${id}" ${href ? `href="${href}"` : ''}>
      <div class="card-title">${escapeHtml(title)}</div>
      <div class="card-value ${valueClass}" data-testid="card-${id}">${escapeHtml(value)}<small>${escapeHtml(unit)}</small></div>
      ${lines.map((line) => `<div class="card-line">${line}</div>`).join('')}
    </${tag}>`;
}

/** Draws the six cards for `report` (GET /api/report) into `root`; `links` gives their targets. */
export function render(root, report, links) {
  const industry = report.industry;
  const breadth = industry.manufacturing_breadth ?? {};
  const key = report.key_enterprises ?? {};
  const projects = report.projects ?? {};
  const span = (testid, text) => `<span data-testid="${testid}">${escapeHtml(text)}</span>`;
  root.innerHTML = [
    card({
      id: 'value-added',
      title: t('cardValueAdded'),
      value: percent(industry.value_added_growth),
      valueClass: trendClass(industry.value_added_growth),
      lines: [
        span('card-two-year', t('twoYearAverage', { v: percent(industry.two_year_average_growth) })),
        escapeHtml(t('enterprisesCount', { n: industry.enterprises ?? '—' })),
      ],
      href: links.trend,
    }),
    card({
      id: 'manufacturing',
      title: t('cardManufacturing'),
      value: percent(industry.manufacturing_value_added_growth),
      valueClass: trendClass(industry.manufacturing_value_added_growth),
      lines: [
        escapeHtml(t('twoYearAverage', { v: percent(industry.manufacturing?.two_year_average_growth) })),
        escapeHtml(t('previousPeriod', { v: percent(industry.previous_manufacturing_value_added_growth) })),
      ],
      href: links.divisions,
    }),
    card({
      id: 'electricity',
      title: t('cardElectricity'),
      value: percent(industry.electricity_growth, 2),
      valueClass: trendClass(industry.electricity_growth),
      lines: [escapeHtml(t('growthYoY'))],
      href: links.trend,
    }),
    card({
      id: 'breadth',
      title: t('cardBreadth'),
      value: percent(breadth.share, 2),
      lines: [
        span('card-breadth-count', t('breadthValue', { growing: breadth.growing ?? '—', with_data: breadth.with_data ?? '—' })),
        span('card-breadth-double', t('breadthDouble', { n: breadth.double_digit ?? '—' })),
      ],
      href: links.divisions,
    }),
    card({
      id: 'key',
      title: t('cardKey'),
      value: percent(key.output_growth),
      valueClass: trendClass(key.output_growth),
      unit: '',
      lines: [
        span('card-key-count', t('keyCount', { n: key.count ?? '—' })),
        `${span('card-key-over50', t('keyOver50', { n: key.over_50 ?? '—' }))} · ${span('card-key-doubled', t('keyDoubled', { n: key.doubled ?? '—' }))}`,
      ],
      href: links.key,
    }),
    card({
      id: 'projects',
      title: t('cardProjects'),
      value: money(projects.investment).value,
      unit: money(projects.investment).unit,
      lines: [
        span('card-project-starts', t('projectStarts', { a: projects.actual_starts ?? '—', p: projects.planned_starts ?? '—' })),
        escapeHtml(t('projectShare', { v: percent(projects.start_share, 2) })),
      ],
      href: links.projects,
    }),
  ].join('');
}
