/** Small text formatters shared by every renderer. No colour here. */
import type { Range } from '../domain/types';

const EN_DASH = '–';

/** "12–18 months", "6 months", "1 month". */
export function formatMonths(range: Range | undefined): string {
  if (!range) return 'unknown';
  if (range.max === 0) return 'no set time';
  const unit = range.max === 1 ? 'month' : 'months';
  return range.min === range.max ? `${trim(range.min)} ${unit}` : `${trim(range.min)}${EN_DASH}${trim(range.max)} ${unit}`;
}

/** "about 3½–5½ years" style for long totals; months below two years. */
export function formatDuration(range: Range): string {
  if (range.max < 24) return formatMonths(range);
  const years = (m: number) => trim(Math.round((m / 12) * 10) / 10);
  return range.min === range.max
    ? `${formatMonths(range)} (${years(range.min)} years)`
    : `${formatMonths(range)} (${years(range.min)}${EN_DASH}${years(range.max)} years)`;
}

/** "£0", "£1,500", "£1,500–£1,540". */
export function formatMoney(range: Range | undefined): string {
  if (!range) return 'unknown';
  const gbp = (n: number) => `£${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
  return range.min === range.max ? gbp(range.min) : `${gbp(range.min)}${EN_DASH}${gbp(range.max)}`;
}

/** A total cost that may be only a lower bound. */
export function formatTotalCost(cost: Range, unknownCount: number): string {
  if (unknownCount === 0) return formatMoney(cost);
  return `${formatMoney(cost)} known, ${unknownCount} not in the sources`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}
