/**
 * The route as an inline SVG: one box per role, joined by numbered arrows, wrapping onto more rows
 * for long routes. No script, no fonts, no colour carrying meaning: the start and goal boxes say
 * "Now" and "Goal" in words, and the goal's border is also thicker.
 */
import { escapeHtml } from './html-escape';
import type { PlanDocument } from './plan-document';

const WIDTH = 700;
const PER_ROW = 5;
const GAP = 36;
const FONT = 12;
const LINE = 15;
/** Average width of a character at FONT in Arial-like fonts, for wrapping names inside boxes. */
const CHAR = 6.4;
const ROW_GAP = 34;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The SVG element; its title and description carry the route for screen readers. */
export function renderRouteSvg(doc: PlanDocument): string {
  const perRow = Math.min(PER_ROW, doc.route.length);
  const w = Math.min(170, (WIDTH - (perRow - 1) * GAP) / perRow);
  const labels = doc.route.map((name, i) => ({
    mark: i === 0 ? 'Now' : i === doc.route.length - 1 ? 'Goal' : undefined,
    lines: wrap(name, Math.floor((w - 12) / CHAR)),
  }));
  const rows = Math.ceil(doc.route.length / perRow);
  const boxes: Box[] = [];
  let y = 2;
  for (let r = 0; r < rows; r += 1) {
    const inRow = labels.slice(r * perRow, (r + 1) * perRow);
    const h = Math.max(...inRow.map((l) => (l.mark ? 1 : 0) + l.lines.length)) * LINE + 16;
    inRow.forEach((_, c) => {
      boxes.push({ x: 2 + c * (w + GAP), y, w, h });
    });
    y += h + ROW_GAP;
  }
  const height = Math.ceil(y - ROW_GAP + 2);
  const parts = labels.map((label, i) => boxSvg(boxes[i]!, label, i === labels.length - 1));
  for (let i = 1; i < boxes.length; i += 1) parts.unshift(arrowSvg(boxes[i - 1]!, boxes[i]!, i));
  const title = `Career route from ${doc.from} to ${doc.to}`;
  const description = doc.steps
    .map((s) => `Step ${s.number}, ${s.from} to ${s.to}: ${s.gains.length > 0 ? `gain ${s.gains.map((g) => g.name).join(', ')}` : 'nothing new to gain'}.`)
    .join(' ');
  return [
    `<svg class="route" role="img" aria-labelledby="route-title route-desc" viewBox="0 0 ${WIDTH + 4} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="route-title">${escapeHtml(title)}</title>`,
    `<desc id="route-desc">${escapeHtml(description)}</desc>`,
    '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#1a1a1a"/></marker></defs>',
    ...parts,
    '</svg>',
  ].join('\n');
}

function boxSvg(box: Box, label: { mark?: string; lines: string[] }, goal: boolean): string {
  const cx = box.x + box.w / 2;
  const lines = [...(label.mark ? [{ text: label.mark, cls: 'mark' }] : []), ...label.lines.map((text) => ({ text, cls: 'name' }))];
  const top = box.y + box.h / 2 - ((lines.length - 1) * LINE) / 2 + FONT / 2 - 2;
  const text = lines.map((l, i) => `<tspan class="${l.cls}" x="${cx}" y="${round(top + i * LINE)}">${escapeHtml(l.text)}</tspan>`).join('');
  return (
    `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.w)}" height="${box.h}" rx="6" class="${goal ? 'box goal' : 'box'}"/>` +
    `<text text-anchor="middle" font-size="${FONT}">${text}</text>`
  );
}

/** An arrow from one box to the next, with the step number on it; a new row starts from the left. */
function arrowSvg(a: Box, b: Box, step: number): string {
  if (b.y === a.y) {
    const y = a.y + a.h / 2;
    const path = `M${round(a.x + a.w)} ${round(y)} H${round(b.x - 1)}`;
    return edge(path, (a.x + a.w + b.x) / 2, y - 11, step);
  }
  const midY = a.y + a.h + ROW_GAP / 2;
  const path = `M${round(a.x + a.w / 2)} ${round(a.y + a.h)} V${round(midY)} H${round(b.x + b.w / 2)} V${round(b.y - 1)}`;
  return edge(path, (a.x + a.w / 2 + b.x + b.w / 2) / 2, midY, step);
}

function edge(path: string, labelX: number, labelY: number, step: number): string {
  return (
    `<path d="${path}" class="arrow" marker-end="url(#arrowhead)"/>` +
    `<circle cx="${round(labelX)}" cy="${round(labelY)}" r="9" class="step"/>` +
    `<text x="${round(labelX)}" y="${round(labelY + 4)}" text-anchor="middle" font-size="11" class="step-number">${step}</text>`
  );
}

/** Greedy word wrap to `width` characters; a word longer than that stands on its own line. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
