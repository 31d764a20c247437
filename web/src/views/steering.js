// Steering (目标与预警): the plan targets (bullet charts), the early warnings of the period with a
// filter by level, and the key products' output, for the selected period (and window, for the
// products). Each panel shows a clear empty state (暂无…) when the report or the server has none.
// A county user sees its county: the server scopes the report, the warnings and the products.
import { wholeWord } from '../area.js';
import { api } from '../api.js';
import { backLinkHtml } from '../back.js';
import { chartBoxHtml, tableToolsHtml, wireTableToggles } from '../chart_table.js';
import { escapeHtml } from '../format.js';
import { periodText, t } from '../i18n.js';
import { regionName, setName } from '../names.js';
import * as products from '../panels/products.js';
import * as targets from '../panels/targets.js';
import * as warnings from '../panels/warnings.js';
import { go } from '../state.js';
import { downloadButtonsHtml } from '../table_export.js';
import { selectedPeriodOrNotice } from './period_notice.js';

const panel = (area, title, body, extra = '') => `
  <section class="panel area-${area}" id="panel-${area}" aria-labelledby="panel-${area}-title">
    <header><h2 id="panel-${area}-title">${escapeHtml(title)}</h2>${extra}</header>
    ${body}
  </section>`;

/** Draws the steering view into `root`. */
export async function render(root, { isCurrent }) {
  const selected = selectedPeriodOrNotice(root);
  if (!selected) return;
  const { period, monthly } = selected;
  root.innerHTML = `<div class="loading">${escapeHtml(t('loading'))}</div>`;
  const [report, warningAnswer] = await Promise.all([api.report(period, monthly), api.warnings(period, monthly).catch(() => null)]);
  if (!isCurrent()) return;
  const list = warnings.warningList(warningAnswer);
  const targetList = report.targets ?? [];
  const productList = report.products ?? [];
  const warnedTargets = warnings.warningsBySubject(list, 'target');
  // The names of the scopes a target may have besides counties: region groups, parks, chains.
  const industry = report.industry ?? {};
  const scopeNames = new Map(
    [...(industry.region_groups ?? []), ...(industry.parks ?? []), ...(industry.chains ?? [])].map((x) => [x.id ?? x.code, setName(x)]),
  );

  root.innerHTML = `
    <div class="subhead">
      ${backLinkHtml(['cockpit'])}
      <h1 data-testid="steering-title" data-period="${escapeHtml(report.period)}">${escapeHtml(t('steeringTitle'))} · ${escapeHtml(periodText(report.period, report.monthly))}</h1>
      <span class="muted">${escapeHtml(report.scope ? t('scopeLabel', { name: regionName(report.scope, report.scope) }) : wholeWord())}</span>
    </div>
    <div class="steering-grid">
      ${panel('targets', t('panelTargets'), targets.targetsHtml(targetList, 'chart-targets', warnedTargets, scopeNames), targetList.length ? tableToolsHtml('chart-targets', t('panelTargets')) : '')}
      ${panel(
        'warnings',
        t('panelWarnings'),
        `${warningAnswer ? warnings.levelFilterHtml(list, 'warnings') : ''}<div class="table-scroll" id="warnings-list" data-testid="warnings-list" data-state="${warningAnswer ? 'loaded' : 'unavailable'}"></div>`,
        downloadButtonsHtml('warnings-list', t('panelWarnings')),
      )}
      ${panel(
        'products',
        t('panelProducts', { window: monthly ? t('windowMonthly') : t('windowCumulative') }),
        chartBoxHtml('chart-products', t('panelProducts', { window: '' })),
        products.productsWithRows(productList).length ? tableToolsHtml('chart-products', t('panelProducts', { window: '' })) : '',
      )}
    </div>
    <footer class="page-footer">${escapeHtml(t('footer'))}</footer>`;

  targets.render(root, targetList, 'chart-targets');
  const listEl = root.querySelector('#warnings-list');
  if (warningAnswer) warnings.render(listEl, root.querySelector('#warnings-filter'), list, { testid: 'warnings-table' });
  else listEl.innerHTML = `<div class="empty" data-testid="warnings-empty">${escapeHtml(t('warnUnavailable'))}</div>`;
  products.render(root.querySelector('#chart-products'), productList, (code) => go(['product', code]));
  wireTableToggles(root);
}
