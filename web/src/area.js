// The installation's area (issue 16) as the report names it (GET /api/report `area`: code, name,
// level, word, word_en): the dashboard's title and the word for the whole (全市, 全省, 全国, 全县)
// follow the data, not a city written into the code. The last area seen is kept in the browser
// (localStorage) so that the sign-in page and the first paint already carry its name.
import { currentLang, t } from './i18n.js';

const storageKey = 'zhizao.area';

function stored() {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
    return value && typeof value.name === 'string' ? value : null;
  } catch {
    return null;
  }
}

let area = stored();

/** Takes the area of a report answer; redraws the title when it changed. */
export function setArea(given) {
  if (!given || typeof given.name !== 'string' || typeof given.word !== 'string') return;
  if (area && area.code === given.code && area.name === given.name) return;
  area = { code: given.code, name: given.name, level: given.level, word: given.word, word_en: given.word_en };
  try {
    localStorage.setItem(storageKey, JSON.stringify(area));
  } catch {
    // A browser without storage still shows the title of this page.
  }
  refreshTitle();
}

/** The area as last seen, or null. */
export function currentArea() {
  return area;
}

/** 洛阳市工业经济运行驾驶舱 / Industrial Economy Cockpit · 洛阳市; without an area, the plain title. */
export function appTitle() {
  return area?.name ? t('appTitleOf', { area: area.name }) : t('appTitle');
}

/** The word for the whole area: 全市, 全省, 全国, 全县 / Whole city, Whole province, …. */
export function wholeWord() {
  if (!area) return t('wholeCity');
  if (currentLang() === 'zh') return area.word;
  const word = String(area.word_en ?? '').replace(/^the /, '');
  return word ? `Whole ${word}` : t('wholeCity');
}

/** Puts the current title into the page's header and the document's title. */
export function refreshTitle() {
  document.title = appTitle();
  for (const el of document.querySelectorAll('[data-app-title]')) el.textContent = appTitle();
}
