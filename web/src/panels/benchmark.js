// The comparison with the city (issue #18, item 11): beside a county's or a park's own
// value-added growth, the city's growth and the rank among its peers (GET /api/report/benchmark,
// the figures of the same reports as /api/report), each rounded once (format.js).
import { wholeWord } from '../area.js';
import { escapeHtml, percent } from '../format.js';
import { t } from '../i18n.js';

/** The rank text: 第3/14 / 3 of 14 (— without a rank). */
function rankText(rank, of) {
  if (!rank || !of) return '—';
  return t('benchRankValue', { rank, of });
}

/**
 * The strip comparing `own` (a growth rate, unrounded) with the city's `city` and giving the rank
 * `rank` of `of` among `peers` ('counties', 'parks' or 'chains'); `ownLabel` names the own figure.
 */
export function benchmarkHtml({ ownLabel, own, city, rank, of, peers }) {
  const item = (label, value, testid) =>
    `<div class="bench-item"><span>${escapeHtml(label)}</span><b data-testid="${testid}">${escapeHtml(value)}</b></div>`;
  return `<section class="benchmark" data-testid="benchmark" aria-label="${escapeHtml(t('benchTitle'))}">
      <h2>${escapeHtml(t('benchTitle'))}<small>${escapeHtml(t('growthVA'))}</small></h2>
      ${item(ownLabel, percent(own), 'benchmark-own')}
      ${item(wholeWord(), percent(city), 'benchmark-city')}
      ${item(t(`benchRank_${peers}`), rankText(rank, of), 'benchmark-rank')}
    </section>`;
}

/** The entry of set `id` in the benchmark's `parks` or `chains`, or null. */
export function benchmarkSet(benchmark, kind, id) {
  return (benchmark?.[kind] ?? []).find((s) => s.id === id) ?? null;
}
