/**
 * Making terminal output fit a width: word wrapping that never breaks a word, lines wrapped with a
 * hanging indent under their list marker, and table layouts sized to the width. Colour codes are
 * zero-width here and carried over to the wrapped lines.
 */
import Table from 'cli-table3';
import stringWidth from 'string-width';

// chalk's codes (SGR): ESC [ n m. Nothing else escapes into rendered text.
const SGR = /\x1b\[(\d+(?:;\d+)*)m/g;

/**
 * The columns a string takes in a terminal, without colour codes: wide (East Asian) characters and
 * emoji count two. The same measure cli-table3 sizes its columns with, so the two always agree.
 */
export function visibleWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Plain text (no colour codes) wrapped at spaces to `width` characters. A word is never split: one
 * longer than the width (a long web address) gets a line of its own.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ')) {
      const w = visibleWidth(word);
      if (lineWidth > 0 && lineWidth + 1 + w > width) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += lineWidth > 0 || line.length > 0 ? ` ${word}` : word;
      lineWidth += (lineWidth > 0 ? 1 : 0) + w;
    }
    lines.push(line);
  }
  return lines;
}

/** Leading spaces and a list marker ("- ", "· ", "3. ", "3. [ ] "): where wrapped lines continue. */
const HANGING = /^(\s*(?:(?:[-·•]|\d+\.)\s+(?:\[ \]\s+)?)?)/;

/**
 * One line (colour allowed) wrapped to `width`, each continuation indented to where the line's text
 * starts after its list marker. Styles open at a break are closed there and reopened on the next
 * line, so a dimmed sentence stays dim and nothing bleeds into a table border.
 */
export function fitLine(line: string, width: number, hang?: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const plainPrefix = HANGING.exec(line.replace(SGR, ''))![1]!;
  const indent = ' '.repeat(Math.min(hang ?? plainPrefix.length, Math.floor(width / 2)));
  const out: string[] = [];
  const open: string[] = [];
  let current = '';
  let currentWidth = 0;
  const words = line.split(' ');
  // Leading spaces are the first line's own indent, kept as they are.
  let lead = 0;
  while (words[lead] === '') lead++;
  current = ' '.repeat(lead);
  currentWidth = lead;
  let started = false;
  for (const word of words.slice(lead)) {
    const w = visibleWidth(word);
    if (started && currentWidth + 1 + w > width) {
      out.push(open.length > 0 ? `${current}\x1b[0m` : current);
      current = indent + open.join('');
      currentWidth = indent.length;
      started = false;
    }
    current += started ? ` ${word}` : word;
    currentWidth += (started ? 1 : 0) + w;
    started = true;
    trackStyles(word, open);
  }
  out.push(current);
  return out;
}

/** Updates the list of style codes left open after `text`. */
function trackStyles(text: string, open: string[]): void {
  for (const match of text.matchAll(SGR)) {
    const code = Number(match[1]!.split(';')[0]);
    const closes = CLOSES[code];
    if (code === 0) open.length = 0;
    else if (closes) {
      for (let i = open.length - 1; i >= 0; i--) {
        if (closes.includes(Number(/\d+/.exec(open[i]!)![0]))) open.splice(i, 1);
      }
    } else open.push(match[0]);
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Which opening codes each closing code ends (bold and dim share 22; colours 39 and 49). */
const CLOSES: Record<number, number[]> = {
  22: [1, 2],
  23: [3],
  24: [4],
  27: [7],
  28: [8],
  29: [9],
  39: [...range(30, 38), ...range(90, 97)],
  49: [...range(40, 48), ...range(100, 107)],
};

/** Box-drawing characters start the lines of a table, which is laid out to fit before it gets here. */
const TABLE_LINE = /^[┌│├└╔║╟╚]/;

/** Every line of a rendered text fitted to `width`; table lines are left as they are. */
export function fitText(text: string, width: number): string {
  const lines = text.split('\n').flatMap((line) => (TABLE_LINE.test(line.replace(SGR, '')) ? [line] : fitLine(line, width)));
  return lines.join('\n');
}

/** A cell's text: paragraphs, each wrapped on its own and styled line by line. */
export type Cell = Array<{ text: string; style?: (text: string) => string }>;

export interface Column {
  head: string;
  /** Narrower than this, the column is no use: choose a layout with fewer columns instead. */
  min: number;
  /** Wider than this, the column only takes room from the others: its text wraps instead. */
  max?: number;
}

/**
 * A grid of cells as a bordered table no wider than `width`, or undefined when the columns cannot
 * each have their useful minimum (or their longest word) in that width.
 */
export function fitTable(
  columns: Column[],
  rows: Cell[][],
  width: number,
  head: (text: string) => string,
  options: { rules?: boolean } = {},
): string | undefined {
  // A border before, between and after the columns, and a space of padding either side of each.
  const available = width - (columns.length + 1) - 2 * columns.length;
  const natural = columns.map((col, i) =>
    Math.min(col.max ?? Infinity, Math.max(visibleWidth(col.head), ...rows.map((row) => cellWidth(row[i]!, (t) => [t])))),
  );
  const longestWord = columns.map((col, i) =>
    Math.max(...col.head.split(' ').map(visibleWidth), ...rows.map((row) => cellWidth(row[i]!, (t) => t.split(' ')))),
  );
  const min = columns.map((col, i) => Math.max(longestWord[i]!, Math.min(natural[i]!, col.min)));
  if (min.reduce((a, b) => a + b, 0) > available) return undefined;
  // Every column gets what it needs up to a common cap, the highest cap that fits: short columns
  // are never wrapped to make room, and the long ones share the rest evenly.
  const at = (cap: number) => natural.map((n, i) => Math.min(n, Math.max(min[i]!, cap)));
  const total = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  let cap = 0;
  while (cap < Math.max(...natural) && total(at(cap + 1)) <= available) cap++;
  const widths = at(cap);
  let spare = available - total(widths);
  for (let i = 0; i < widths.length && spare > 0; i++) {
    if (widths[i]! < natural[i]!) {
      widths[i]!++;
      spare--;
    }
  }
  const table = new Table({
    head: columns.map((col, i) => head(wrapWords(col.head, widths[i]!).join('\n'))),
    style: { head: [], border: [] },
  });
  for (const row of rows) {
    table.push(row.map((cell, i) => cell.flatMap((p) => wrapWords(p.text, widths[i]!).map((line) => (p.style ? p.style(line) : line))).join('\n')));
  }
  const text = table.toString();
  if (options.rules !== false) return text;
  // Without rules between rows (the one under the head stays), a list of short rows is half as long.
  let rules = 0;
  return text
    .split('\n')
    .filter((line) => !line.startsWith('├') || rules++ === 0)
    .join('\n');
}

function cellWidth(cell: Cell, pieces: (text: string) => string[]): number {
  let widest = 0;
  for (const p of cell) for (const line of p.text.split('\n')) for (const piece of pieces(line)) widest = Math.max(widest, visibleWidth(piece));
  return widest;
}
