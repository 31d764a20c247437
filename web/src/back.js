// "‹ 返回": a link back to the view shown before this one. Pages are served with the CSP
// script-src 'self' (docs/security.md), so no inline handler or javascript: URL may be used
// (issue #18, item 5): the link is a plain hash link to the previous view of this tab (main.js
// records it), or to `fallback` when the page was opened directly. It works with the keyboard
// and without any script of its own.
import { escapeHtml } from './format.js';
import { t } from './i18n.js';
import { currentRoute, link, state } from './state.js';

/** `hash` with the period and window of the current view (they may have changed since). */
function withCurrentPeriod(hash) {
  const [path, search] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(search ?? '');
  const current = currentRoute().params;
  for (const key of ['period', 'monthly']) {
    if (current.get(key)) params.set(key, current.get(key));
    else params.delete(key);
  }
  const query = params.toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

/** The markup of a back link; `fallback` is a path (array) used when there is no previous view. */
export function backLinkHtml(fallback, label = t('back')) {
  const href = state.previousHash ? withCurrentPeriod(state.previousHash) : link(fallback);
  return `<a class="back" href="${escapeHtml(href)}" data-testid="back">‹ ${escapeHtml(label)}</a>`;
}
