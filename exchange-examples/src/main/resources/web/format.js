// Number and time formatting for the page. DIFF sends a missing number as "-"; anything that is not a finite
// number is shown as an en dash, so the page never shows NaN or undefined.

export const NONE = '\u2013';

/** The value as a finite number, or null ("-", missing, NaN, text). */
export function finite(value) {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'string' && value.trim() !== '' && value !== '-') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function grouped(number, decimals) {
  return number.toLocaleString('en-US', {minimumFractionDigits: decimals, maximumFractionDigits: decimals});
}

/** A price with the instrument's decimals (quote.price_decs). */
export function price(value, decimals) {
  const number = finite(value);
  const places = Number.isInteger(decimals) && decimals >= 0 && decimals <= 10 ? decimals : 2;
  return number === null ? NONE : grouped(number, places);
}

/** Money with two decimals. */
export function money(value) {
  const number = finite(value);
  return number === null ? NONE : grouped(number, 2);
}

/** A whole number (volumes, lots). */
export function integer(value) {
  const number = finite(value);
  return number === null ? NONE : grouped(Math.trunc(number), 0);
}

/** A ratio as a percentage with two decimals (risk_ratio 0.1234 -> 12.34%). */
export function percent(value) {
  const number = finite(value);
  return number === null ? NONE : (number * 100).toFixed(2) + '%';
}

/** Epoch nanoseconds as HH:MM:SS in China Standard Time (the exchange's clock, as the quotes show it). */
export function timeOfNs(value) {
  const number = finite(value);
  if (number === null || number <= 0) {
    return NONE;
  }
  const date = new Date(number / 1e6 + 8 * 3600 * 1000);
  return date.toISOString().substring(11, 19);
}

/** Text for a cell: the value if it is a non-empty string, else an en dash. */
export function text(value) {
  return typeof value === 'string' && value !== '' ? value : NONE;
}
