// The headline cards: value added (with the two-year average), manufacturing, electricity,
// breadth, key enterprises and projects. Each card names its measure (可比价增加值, 现价产值);
// every figure on a card is a span with data-fig naming the report field it shows (the browser
// tests compare each with GET /api/report), rounded once at the report's precision.
import { amount, displaySign, escapeHtml, money, percent, precision } from '../format.js';
import { t, tHtml } from '../i18n.js';

const trendClass = (value, digits = precision.rate) => {
  if (value === null || value === undefined) return '';
  const sign = displaySign(value, digits);
  return sign < 0 ? 'down' : sign > 0 ? 'up' : '';
};

/** A figure: its text in a span that names the report field (data-fig) it comes from. */
const fig = (path, text) => `<span class="fig" data-fig="${path}">${escapeHtml(text)}</span>`;

/** A count, or — when the report has none. */
const count = (value) => (value === null || value === undefined ? '—' : amount(value));

function card({ id, title, measure, value, valueClass = '', unit = '', lines = [], href }) {
  const tag = href ? 'a' : 'div';
  return `
    <${tag} class="card ${href ? 'clickable' : ''}" data-card="${id}" ${href ? `href="${href}"` : ''}>
      <div class="card-title">${escapeHtml(title)}</div>
      <div class="card-measure" data-testid="card-${id}-measure">${escapeHtml(measure)}</div>
      <div class="card-value ${valueClass}" data-testid="card-${id}">${value}${unit ? `<small>${escapeHtml(unit)}</small>` : ''}</div>
      ${lines.map((line) => `<div class="card-line">${line}</div>`).join('')}
    </${tag}>`;
}

/** Draws the six cards for `report` (GET /api/report) into `root`; `links` gives their targets. */
export function render(root, report, links) {
  const industry = report.industry;
  const breadth = industry.manufacturing_breadth ?? {};
  const key = report.key_enterprises ?? {};
  const projects = report.projects ?? {};
  const span = (testid, html) => `<span data-testid="${testid}">${html}</span>`;
  const investment = money(projects.investment);
  root.innerHTML = [
    card({
      id: 'value-added',
      title: t('cardValueAdded'),
      measure: t('measureCardVA'),
      value: fig('industry.value_added_growth', percent(industry.value_added_growth)),
      valueClass: trendClass(industry.value_added_growth),
      lines: [
        span('card-two-year', tHtml('twoYearAverage', { v: fig('industry.two_year_average_growth', percent(industry.two_year_average_growth)) })),
        tHtml('enterprisesCount', { n: fig('industry.enterprises', count(industry.enterprises)) }),
      ],
      href: links.trend,
    }),
    card({
      id: 'manufacturing',
      title: t('cardManufacturing'),
      measure: t('measureCardVA'),
      value: fig('industry.manufacturing_value_added_growth', percent(industry.manufacturing_value_added_growth)),
      valueClass: trendClass(industry.manufacturing_value_added_growth),
      lines: [
        tHtml('twoYearAverage', { v: fig('industry.manufacturing.two_year_average_growth', percent(industry.manufacturing?.two_year_average_growth)) }),
        tHtml('previousPeriod', { v: fig('industry.previous_manufacturing_value_added_growth', percent(industry.previous_manufacturing_value_added_growth)) }),
      ],
      href: links.divisions,
    }),
    card({
      id: 'electricity',
      title: t('cardElectricity'),
      measure: t('measureCardElectricity'),
      value: fig('industry.electricity_growth', percent(industry.electricity_growth, precision.electricity)),
      valueClass: trendClass(industry.electricity_growth, precision.electricity),
      lines: [escapeHtml(t('growthYoY'))],
      href: links.trend,
    }),
    card({
      id: 'breadth',
      title: t('cardBreadth'),
      measure: t('measureCardBreadth'),
      value: fig('industry.manufacturing_breadth.share', percent(breadth.share)),
      lines: [
        span(
          'card-breadth-count',
          tHtml('breadthValue', {
            growing: fig('industry.manufacturing_breadth.growing', count(breadth.growing)),
            with_data: fig('industry.manufacturing_breadth.with_data', count(breadth.with_data)),
          }),
        ),
        span('card-breadth-double', tHtml('breadthDouble', { n: fig('industry.manufacturing_breadth.double_digit', count(breadth.double_digit)) })),
      ],
      href: links.divisions,
    }),
    card({
      id: 'key',
      title: t('cardKey'),
      measure: t('measureCardOutput'),
      value: fig('key_enterprises.output_growth', percent(key.output_growth)),
      valueClass: trendClass(key.output_growth),
      lines: [
        span('card-key-count', tHtml('keyCount', { n: fig('key_enterprises.count', count(key.count)) })),
        `${span('card-key-over50', tHtml('keyOver50', { n: fig('key_enterprises.over_50', count(key.over_50)) }))} · ${span(
          'card-key-doubled',
          tHtml('keyDoubled', { n: fig('key_enterprises.doubled', count(key.doubled)) }),
        )}`,
      ],
      href: links.key,
    }),
    card({
      id: 'projects',
      title: t('cardProjects'),
      measure: t('measureCardProjects'),
      value: fig('projects.investment', investment.value),
      unit: investment.unit,
      lines: [
        span(
          'card-project-starts',
          tHtml('projectStarts', { a: fig('projects.actual_starts', count(projects.actual_starts)), p: fig('projects.planned_starts', count(projects.planned_starts)) }),
        ),
        tHtml('projectShare', { v: fig('projects.start_share', percent(projects.start_share)) }),
      ],
      href: links.projects,
    }),
  ].join('');
}
