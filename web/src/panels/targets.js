// Plan targets (目标): a bullet chart per target of report.targets (data contract, "v2 additions",
// "Targets"): the current value against the target's value (progress, with the target at 100%),
// and the yearly growth still needed against the growth achieved over the last 12 months
// ("距2025年目标尚需年均增长X%，近12个月增长Y%"). One table holds the same figures behind the
// panel's 表格 button. Every number is the report's, rounded once (format.js); the level of a
// target's warning, if the engine raised one, comes from GET /api/warnings.
import { wholeWord } from '../area.js';
import { categoryAxis, fontSize, makeChart, palette, tooltip, valueAxis } from '../charts.js';
import { fillTable } from '../chart_table.js';
import { amount, chartValue, escapeHtml, money, percent } from '../format.js';
import { t } from '../i18n.js';
import { regionName } from '../names.js';
import { subjectBadge } from './warnings.js';

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

/** Counts of enterprises (家) for the *_over indicators, money (万元 → 亿元) for the others. */
const isCount = (target) => /enterprises_over$/.test(target.indicator ?? '');

/** A target's current value or its value in its unit, as the report writes it. */
export function targetAmount(target, value) {
  if (!isNumber(value)) return '—';
  if (isCount(target)) return `${amount(value)} ${t('unitFirms')}`;
  const m = money(value);
  return `${m.value} ${m.unit}`.trim();
}

/** The target's name (its id when the report gives none). */
export const targetName = (target) => target.name || target.id;

/**
 * The scope of a target in words: 全市, a county's name, or the name of a region group, park or
 * chain from `names` (a Map of id → name; the id when it has none).
 */
function scopeText(scope, names) {
  if (!scope || scope === 'all') return wholeWord();
  return names.get(scope) ?? regionName(scope, scope);
}

/** The line under a target's name: scope, year, indicator. */
function targetMeta(target, names) {
  const parts = [];
  if (target.scope) parts.push(scopeText(target.scope, names));
  if (target.year) parts.push(t('targetYear', { year: target.year }));
  if (target.indicator) {
    const word = t(`indicator_${target.indicator}`);
    parts.push(word === `indicator_${target.indicator}` ? target.indicator : word);
  }
  return parts.join(' · ');
}

/**
 * The markup of the panel body for `targets` (report.targets): a block per target with its chart
 * element (id `${id}-N`) and the table behind the 表格 button (id `${id}-table`). `warned` is
 * warningsBySubject(warnings, 'target'); `names` the names of region groups, parks and chains.
 */
export function targetsHtml(targets, id, warned = new Map(), names = new Map()) {
  if (!targets?.length) return `<div class="empty" data-testid="${id}-empty">${escapeHtml(t('targetNone'))}</div>`;
  const blocks = targets
    .map(
      (target, i) => `<div class="target" data-testid="target" data-id="${escapeHtml(target.id)}">
        <div class="target-head">
          <b>${escapeHtml(targetName(target))}</b>${warned.get(target.id) ? ` ${subjectBadge(warned.get(target.id))}` : ''}
          <span class="muted">${escapeHtml(targetMeta(target, names))}</span>
        </div>
        <div class="target-figures">
          <span>${escapeHtml(t('targetCurrent'))} <b data-testid="target-current">${escapeHtml(targetAmount(target, target.current))}</b></span>
          ${isNumber(target.value) ? `<span>${escapeHtml(t('targetValue'))} <b data-testid="target-value">${escapeHtml(targetAmount(target, target.value))}</b></span>` : ''}
        </div>
        <div class="chart target-chart" id="${id}-${i}" role="img" aria-label="${escapeHtml(`${targetName(target)} · ${t('panelTargets')}`)}"></div>
      </div>`,
    )
    .join('');
  return `<div class="chart-box"><div class="target-list">${blocks}</div>
      <div class="chart-table table-scroll" id="${id}-table" data-testid="${id}-table" hidden></div></div>`;
}

/** Draws each target's bullet chart and the table under `root` (which holds targetsHtml). */
export function render(root, targets, id) {
  if (!targets?.length) return;
  const p = palette();
  targets.forEach((target, i) => {
    const paceRows = [
      { name: t('targetPaceNeeded'), value: target.pace_needed, color: p.secondary },
      { name: t('targetPaceAchieved'), value: target.pace_achieved, color: p.tertiary },
    ];
    makeChart(root.querySelector(`#${id}-${i}`), {
      tooltip: tooltip({ trigger: 'item', formatter: (x) => `${escapeHtml(x.name)}: ${percent(x.value)}` }),
      grid: [
        { left: 4, right: 64, top: 4, height: 22, containLabel: true },
        { left: 4, right: 64, top: 40, bottom: 2, containLabel: true },
      ],
      xAxis: [
        valueAxis({ gridIndex: 0, min: 0, max: (v) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { show: false }, splitLine: { show: false } }),
        valueAxis({ gridIndex: 1, axisLabel: { show: false }, splitLine: { show: false } }),
      ],
      yAxis: [
        categoryAxis([t('targetProgress')], { gridIndex: 0 }),
        categoryAxis(paceRows.map((r) => r.name), { gridIndex: 1, inverse: true }),
      ],
      series: [
        {
          type: 'bar',
          name: t('targetProgress'),
          xAxisIndex: 0,
          yAxisIndex: 0,
          barWidth: 14,
          showBackground: true,
          backgroundStyle: { color: p.split },
          itemStyle: { color: p.primary },
          data: [{ name: t('targetProgress'), value: chartValue(target.progress) }],
          label: { show: true, position: 'right', color: p.text, fontSize: fontSize() - 1, formatter: (x) => percent(x.value) },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: p.up, type: 'solid', width: 2 },
            label: { show: false },
            data: [{ xAxis: 100 }],
          },
        },
        {
          type: 'bar',
          name: t('targetPace'),
          xAxisIndex: 1,
          yAxisIndex: 1,
          barWidth: 10,
          data: paceRows.map((r) => ({ name: r.name, value: chartValue(r.value), itemStyle: { color: r.color } })),
          label: { show: true, position: 'right', color: p.text, fontSize: fontSize() - 1, formatter: (x) => percent(x.value) },
        },
      ],
    });
  });
  fillTable(
    root.querySelector(`#${id}-table`),
    [
      { label: t('colTarget') },
      { label: t('targetCurrent'), num: true },
      { label: t('targetValue'), num: true },
      { label: t('targetProgress'), num: true },
      { label: t('targetPaceNeeded'), num: true },
      { label: t('targetPaceAchieved'), num: true },
    ],
    targets.map((target) => [
      escapeHtml(targetName(target)),
      escapeHtml(targetAmount(target, target.current)),
      escapeHtml(targetAmount(target, target.value)),
      percent(target.progress),
      percent(target.pace_needed),
      percent(target.pace_achieved),
    ]),
  );
}
