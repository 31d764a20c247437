// Boot and routing: find out who is signed in, load the months with data, then draw the header
// and the view the hash names. Every view module exports render(container, context).
import './style.css';
import { api, ApiError } from './api.js';
import { appTitle } from './area.js';
import { disposeCharts, setChartMode } from './charts.js';
import { currentLang, setLang, t } from './i18n.js';
import { renderShell } from './shell.js';
import { currentRoute, go, roleKind, screenMode, state } from './state.js';
import * as analysis from './views/analysis.js';
import * as caseDetail from './views/case_detail.js';
import * as cases from './views/cases.js';
import * as cockpit from './views/cockpit.js';
import * as detail from './views/detail.js';
import * as electricity from './views/electricity.js';
import * as enterprise from './views/enterprise.js';
import * as hazard from './views/hazard.js';
import * as login from './views/login.js';
import * as product from './views/product.js';
import * as projects from './views/projects.js';
import * as quality from './views/quality.js';
import * as review from './views/review.js';
import * as safety from './views/safety.js';
import * as service from './views/service.js';
import * as steering from './views/steering.js';
import * as submit from './views/submit.js';

const app = document.getElementById('app');

/** The view for a route and the roles that may open it. */
const routes = {
  cockpit: { view: cockpit, roles: ['admin', 'city', 'county'] },
  analysis: { view: analysis, roles: ['admin', 'city', 'county'] },
  detail: { view: detail, roles: ['admin', 'city', 'county'] },
  enterprise: { view: enterprise, roles: ['admin', 'city', 'county', 'enterprise'] },
  projects: { view: projects, roles: ['admin', 'city', 'county'] },
  steering: { view: steering, roles: ['admin', 'city', 'county'] },
  product: { view: product, roles: ['admin', 'city', 'county'] },
  quality: { view: quality, roles: ['admin', 'city', 'county'] },
  submit: { view: submit, roles: ['enterprise'] },
  review: { view: review, roles: ['admin', 'city', 'county'] },
  safety: { view: safety, roles: ['admin', 'city', 'county'] },
  electricity: { view: electricity, roles: ['admin', 'city'] },
  service: { view: service, roles: ['admin', 'city', 'county'] },
  cases: { view: cases, roles: ['admin', 'city', 'county', 'enterprise'] },
  case: { view: caseDetail, roles: ['admin', 'city', 'county', 'enterprise'] },
  hazard: { view: hazard, roles: ['admin', 'city', 'county', 'enterprise'] },
};

/** The first page of a role: enterprises submit, everyone else looks at the cockpit. */
function homeFor(kind) {
  return kind === 'enterprise' ? 'submit' : 'cockpit';
}

async function loadSession() {
  try {
    state.user = await api.me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) state.user = null;
    else throw error;
  }
  if (state.user && roleKind().kind !== 'enterprise') {
    const periods = await api.periods();
    state.periods = periods.periods ?? [];
    state.latest = periods.latest ?? state.periods[state.periods.length - 1] ?? null;
    state.months = periods.months ?? [];
  }
}

let renderSerial = 0;

/** Goes to `path`; renders at once when the hash does not change (no hashchange event then). */
function navigate(path) {
  const before = location.hash;
  go(path);
  if (location.hash === before) render();
}

let renderedSearch = location.search;
let renderedHash = null;

async function render() {
  const serial = ++renderSerial;
  renderedSearch = location.search;
  // The view before this one, for the back links (back.js); a re-render of the same view (the
  // language or screen switch) keeps it.
  if (location.hash !== renderedHash) {
    if (renderedHash !== null && renderedHash.replace(/\?.*/, '') !== location.hash.replace(/\?.*/, '')) {
      state.previousHash = renderedHash;
    }
    renderedHash = location.hash;
  }
  disposeCharts();
  document.body.classList.toggle('wall', screenMode() === 'wall');
  setChartMode(screenMode() === 'wall' ? 'wall' : 'light');
  document.title = appTitle();
  const { path } = currentRoute();

  if (!state.user) {
    app.innerHTML = '';
    login.render(app, {
      onSignedIn: async () => {
        await loadSession();
        // A link opened before signing in is kept when the role may see it.
        const wanted = routes[currentRoute().path[0]];
        if (wanted && wanted.roles.includes(roleKind().kind)) render();
        else navigate([homeFor(roleKind().kind)]);
      },
      onLanguage: switchLanguage,
    });
    return;
  }

  const kind = roleKind().kind;
  const name = path[0] ?? homeFor(kind);
  const route = routes[name];
  if (!route || !route.roles.includes(kind)) {
    navigate([homeFor(kind)]);
    return;
  }
  const main = renderShell(app, { active: name, onLanguage: switchLanguage, onSignOut: signOut, onScreen: render });
  try {
    await route.view.render(main, { path: path.slice(1), isCurrent: () => serial === renderSerial });
  } catch (error) {
    if (serial !== renderSerial) return;
    showError(main, error);
  }
}

function showError(container, error) {
  const message =
    error instanceof ApiError && error.status === 403 ? t('errorForbidden') : t('errorGeneric', { msg: error.message });
  const box = document.createElement('div');
  box.className = 'error-box';
  box.textContent = message;
  container.prepend(box);
  if (error instanceof ApiError && error.status === 401) {
    state.user = null;
    render();
  }
}

function switchLanguage() {
  setLang(currentLang() === 'zh' ? 'en' : 'zh');
  render();
}

async function signOut() {
  try {
    await api.logout();
  } finally {
    state.user = null;
    // The next user starts without a page to go back to.
    state.previousHash = null;
    renderedHash = null;
    navigate([]);
  }
}

window.addEventListener('hashchange', render);
// Back/forward across the wall switch changes the query only (hash changes come as hashchange).
window.addEventListener('popstate', () => {
  if (location.search !== renderedSearch) render();
});
setLang(currentLang());
loadSession()
  .then(render)
  .catch((error) => {
    app.innerHTML = '';
    showError(app, error);
  });
