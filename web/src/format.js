// Number formatting as the bureau prints it: growth rates with one decimal (electricity with two,
// as the article does), money in 亿元, nulls as an em dash.
import { currentLang } from './i18n.js';

const dash = '—';

/** A rate in percent: 12.7% (null → —). */
export function percent(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  return `${value.toFixed(digits)}%`;
}

/** A signed rate for tables: +12.7% / −3.4%. */
export function signedPercent(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${Math.abs(value).toFixed(digits)}%`;
}

/** Percentage points: 0.29 (null → —). */
export function points(value, digits = 2) {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  return value.toFixed(digits);
}

/** An amount of 万元 for a headline: {value: '225.5', unit: '亿元'} or {value: '22.6', unit: 'bn yuan'}. */
export function money(wanYuan) {
  if (wanYuan === null || wanYuan === undefined || !Number.isFinite(wanYuan)) return { value: dash, unit: '' };
  if (currentLang() === 'zh') return { value: (wanYuan / 1e4).toFixed(1), unit: '亿元' };
  return { value: (wanYuan / 1e5).toFixed(1), unit: 'bn yuan' };
}

/** A plain amount with thousands separators, no decimals. */
export function amount(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  return Math.round(value).toLocaleString(currentLang() === 'zh' ? 'zh-CN' : 'en-US');
}

/** A value rounded for chart data (null stays null so ECharts leaves a gap). */
export function chartValue(value, digits = 2) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Number(value.toFixed(digits));
}

/** Escapes text for innerHTML. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
