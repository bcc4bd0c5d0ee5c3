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
  const gbp = (n: number) => `£${groupThousands(n)}`;
  return range.min === range.max ? gbp(range.min) : `${gbp(range.min)}${EN_DASH}${gbp(range.max)}`;
}

/** A total cost that may be only a lower bound. */
export function formatTotalCost(cost: Range, unknownCount: number): string {
  if (unknownCount === 0) return formatMoney(cost);
  return `${formatMoney(cost)} known, ${unknownCount} not in the sources`;
}

/** 1500 → "1,500"; by hand because the first toLocaleString call loads ICU data (~11 ms). */
export function groupThousands(n: number): string {
  const [whole, fraction] = (Math.round(n * 100) / 100).toString().split('.');
  return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction.padEnd(2, '0')}` : '');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 2028" (UTC), without loading ICU. */
export function monthYear(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Word-wraps plain text (no colour codes) to a width in characters; over-long words are split. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    for (const word of paragraph.split(' ')) {
      const chars = [...word];
      if (line.length > 0 && line.length + 1 + chars.length > width) {
        lines.push(line.join(''));
        line = [];
      }
      if (line.length > 0) line.push(' ');
      line.push(...chars);
      while (line.length > width) {
        lines.push(line.slice(0, width).join(''));
        line = line.slice(width);
      }
    }
    lines.push(line.join(''));
  }
  return lines;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}
