// Number formatting as the report prints it (src/report/number_format.h): every figure arrives
// unrounded from the API and is rounded here once, at display, half away from zero, at the
// report's precision: growth rates, contributions and shares one decimal, electricity growth two,
// pull two (percentage points), money one (万元, 亿元). Nulls show as an em dash. Nothing else in
// the dashboard rounds a figure: charts get the unrounded values and their labels call these.
import { currentLang } from './i18n.js';

const dash = '—';

/** The report's decimals for each kind of figure. */
export const precision = Object.freeze({ rate: 1, electricity: 2, pull: 2, money: 1, billion: 2 });

const isFigure = (value) => typeof value === 'number' && Number.isFinite(value);

/**
 * `value` × 10^digits rounded half away from zero, as the report's llround: the one rounding.
 * The product is the same IEEE multiplication as the C++ side, so 15.45 → 155 (→ "15.5") where
 * Number.prototype.toFixed would write "15.4" from the binary value 15.4499….
 */
export function scaledForDisplay(value, digits) {
  const scaled = value * 10 ** digits;
  const magnitude = Math.round(Math.abs(scaled));
  return scaled < 0 ? -magnitude : magnitude;
}

/** Groups the digits of a non-negative integer string in threes: 1234567 → 1,234,567. */
const grouped = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * `value` rounded once to `digits` decimals, half away from zero: (12.65, 1) → "12.7",
 * (−0.04, 1) → "0.0" (never "−0.0"); `{group: true}` adds thousands separators. null → "—".
 * The only rounding function of the dashboard.
 */
export function fixed(value, digits, { group = false } = {}) {
  if (!isFigure(value)) return dash;
  const scaled = scaledForDisplay(value, digits);
  if (!Number.isSafeInteger(scaled)) return value.toFixed(digits); // far beyond any figure
  const magnitude = String(Math.abs(scaled)).padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = magnitude.slice(magnitude.length - digits);
  const text = `${group ? grouped(whole) : whole}${digits > 0 ? `.${fraction}` : ''}`;
  return scaled < 0 ? `-${text}` : text;
}

/** The sign a figure shows once rounded: 1, −1 or 0 (for colours and 增长/下降 wording). */
export function displaySign(value, digits) {
  if (!isFigure(value)) return 0;
  return Math.sign(scaledForDisplay(value, digits));
}

/** A rate in percent: 12.7% (null → —). */
export function percent(value, digits = precision.rate) {
  return isFigure(value) ? `${fixed(value, digits)}%` : dash;
}

/** A signed rate for tables: +12.7% / −3.4% / 0.0%. */
export function signedPercent(value, digits = precision.rate) {
  if (!isFigure(value)) return dash;
  const sign = displaySign(value, digits);
  return `${sign > 0 ? '+' : sign < 0 ? '−' : ''}${fixed(Math.abs(value), digits)}%`;
}

/** Percentage points (拉动): 0.29 (null → —). */
export function points(value, digits = precision.pull) {
  return fixed(value, digits);
}

/**
 * An amount of 万元 for a headline, as the report writes it: {value: '225.5', unit: '亿元'} in
 * Chinese (format_yi_yuan), {value: '22.55', unit: 'bn yuan'} in English (the English report's
 * billions with two decimals).
 */
export function money(wanYuan) {
  if (!isFigure(wanYuan)) return { value: dash, unit: '' };
  if (currentLang() === 'zh') return { value: fixed(wanYuan / 1e4, precision.money, { group: true }), unit: '亿元' };
  return { value: fixed(wanYuan / 1e5, precision.billion, { group: true }), unit: 'bn yuan' };
}

/** An amount in 万元 (or 万千瓦时) as the report's tables write it: 12,345.6 (null → —). */
export function wan(value) {
  return fixed(value, precision.money, { group: true });
}

/** A count (enterprises, projects) with thousands separators (null → —). */
export function amount(value) {
  return fixed(value, 0, { group: true });
}

/** A value for chart data: unrounded (the label rounds it); null stays null so ECharts leaves a gap. */
export function chartValue(value) {
  return isFigure(value) ? value : null;
}

/** Escapes text for innerHTML. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
