// How the report writes a figure, for the browser suite to compare a screen with: rounded once,
// half away from zero, as the report's llround(value × 10^d) (format.js does the same for the
// dashboard). '—' where there is no figure.

/** `value` with `digits` decimals, thousands grouped with `,` when `group`. */
export function rounded(value, digits, group = false) {
  if (value === null || value === undefined) return '—';
  const scaled = value * 10 ** digits;
  const magnitude = Math.round(Math.abs(scaled));
  const whole = String(Math.floor(magnitude / 10 ** digits));
  const fraction = String(magnitude % 10 ** digits).padStart(digits, '0');
  const body = `${group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole}${digits ? `.${fraction}` : ''}`;
  return scaled < 0 && magnitude > 0 ? `-${body}` : body;
}

export const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
/** A growth rate or share: one decimal and %. */
export const rate = (v) => (isNumber(v) ? `${rounded(v, 1)}%` : '—');
/** A count: no decimals, grouped. */
export const count = (v) => (isNumber(v) ? rounded(v, 0, true) : '—');
