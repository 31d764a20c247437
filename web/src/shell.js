// The frame around every signed-in view: title, period picker, 累计/当月 toggle, navigation,
// language toggle and the user. Returns the <main> element the view draws into.
import { appTitle } from './area.js';
import { currentLang, periodText, t } from './i18n.js';
import { escapeHtml } from './format.js';
import { mapRegionName } from './area_maps.js';
import { regionName } from './names.js';
import {
  currentRoute,
  go,
  link,
  monthStatus,
  periodProblem,
  reportablePeriods,
  roleKind,
  screenMode,
  selectedMonthly,
  selectedPeriod,
  state,
} from './state.js';

const navItems = [
  { name: 'cockpit', label: 'navCockpit', kinds: ['admin', 'city', 'county'] },
  { name: 'steering', label: 'navSteering', kinds: ['admin', 'city', 'county'] },
  { name: 'quality', label: 'navQuality', kinds: ['admin', 'city', 'county'] },
  { name: 'service', label: 'navService', kinds: ['admin', 'city', 'county'] },
  { name: 'analysis', label: 'navAnalysis', kinds: ['admin', 'city', 'county'] },
  { name: 'review', label: 'navReview', kinds: ['admin', 'city', 'county'] },
  { name: 'submit', label: 'navSubmit', kinds: ['enterprise'] },
  { name: 'cases', label: 'navCases', kinds: ['admin', 'city', 'county', 'enterprise'] },
];

function roleText() {
  const { kind, code } = roleKind();
  const label = t(`role_${kind}`);
  if (kind === 'county') return `${label} · ${regionName(code, mapRegionName(code) ?? code)}`;
  return label;
}

function wallLink() {
  const url = new URL(location.href);
  if (screenMode() === 'wall') url.searchParams.delete('screen');
  else url.searchParams.set('screen', 'wall');
  return url.toString();
}

/** Draws the header into `root` and returns the empty <main> for the view. */
export function renderShell(root, { active, onLanguage, onSignOut, onScreen }) {
  const { kind } = roleKind();
  const showPeriod = kind !== 'enterprise' && ['cockpit', 'detail', 'projects', 'analysis', 'steering', 'product', 'quality', 'safety', 'service', 'electricity'].includes(active);
  const period = selectedPeriod();
  const monthly = selectedMonthly();
  // A period without a report stays visible in the picker as what was asked for (the view says
  // why it has no figures) instead of the picker silently showing another period.
  const problem = periodProblem();
  const options =
    (problem ? `<option value="" selected disabled>${escapeHtml(t('periodMissingOption', { wanted: problem.wanted }))}</option>` : '') +
    reportablePeriods()
      .slice()
      .reverse()
      .map((p) => {
        // A month short of the publishing threshold stays selectable, marked 数据未齐 (issue #18, item 4).
        const incomplete = monthStatus(p)?.publishable === false;
        const label = incomplete ? t('periodIncompleteOption', { period: periodText(p, monthly) }) : periodText(p, monthly);
        return `<option value="${p}" ${incomplete ? 'data-incomplete="1"' : ''} ${!problem && p === period ? 'selected' : ''}>${escapeHtml(label)}</option>`;
      })
      .join('');
  root.innerHTML = `
    <header class="topbar">
      <div class="brand"><span class="logo" aria-hidden="true">智</span><span class="title" data-app-title>${escapeHtml(appTitle())}</span></div>
      ${
        showPeriod
          ? `<div class="period-controls">
              <label class="period-picker"><span>${escapeHtml(t('period'))}</span>
                <select id="period-select" data-testid="period-select">${options}</select></label>
              <div class="segmented" role="group" aria-label="${escapeHtml(t('windowLabel'))}">
                <button type="button" data-monthly="0" class="${monthly ? '' : 'on'}" aria-pressed="${!monthly}" data-testid="window-cumulative">${escapeHtml(t('cumulative'))}</button>
                <button type="button" data-monthly="1" class="${monthly ? 'on' : ''}" aria-pressed="${monthly}" data-testid="window-monthly">${escapeHtml(t('monthly'))}</button>
              </div>
            </div>`
          : '<div class="period-controls"></div>'
      }
      <nav class="nav" aria-label="${escapeHtml(t('navLabel'))}">
        ${navItems
          .filter((item) => item.kinds.includes(kind))
          .map((item) => `<a href="${link([item.name])}" class="${item.name === active || (item.name === 'cockpit' && ['detail', 'projects'].includes(active)) || (item.name === 'steering' && active === 'product') ? 'on' : ''}">${escapeHtml(t(item.label))}</a>`)
          .join('')}
        ${kind !== 'enterprise' ? `<a href="${escapeHtml(wallLink())}" id="screen-toggle" class="${screenMode() === 'wall' ? 'on' : ''}">${escapeHtml(t('navWall'))}</a>` : ''}
      </nav>
      <div class="user">
        <button type="button" class="lang" id="lang-toggle" lang="${currentLang() === 'zh' ? 'en' : 'zh-CN'}" title="${currentLang() === 'zh' ? 'English' : '中文'}">${escapeHtml(t('language'))}</button>
        <span class="who">${escapeHtml(state.user.name)}<small>${escapeHtml(roleText())}</small></span>
        <button type="button" class="ghost" id="sign-out">${escapeHtml(t('logout'))}</button>
      </div>
    </header>
    <main id="view" class="view-${active}"></main>`;

  root.querySelector('#lang-toggle').addEventListener('click', onLanguage);
  root.querySelector('#sign-out').addEventListener('click', onSignOut);
  // Switching to and from the wall layout keeps the page (and the figures it has loaded).
  root.querySelector('#screen-toggle')?.addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState(null, '', wallLink());
    onScreen();
  });
  const select = root.querySelector('#period-select');
  if (select) {
    select.addEventListener('change', () => {
      const { path } = currentRoute();
      if (select.value) go(path.length ? path : ['cockpit'], { period: select.value });
    });
    for (const button of root.querySelectorAll('.segmented button')) {
      button.addEventListener('click', () => {
        const { path } = currentRoute();
        go(path.length ? path : ['cockpit'], { period: select.value || null, monthly: button.dataset.monthly === '1' });
      });
    }
  }
  return root.querySelector('#view');
}
