/**
 * Pictures of what a terminal showed, for a person to look at: a tmux capture with its colours
 * turned into an HTML page and photographed by headless Chromium (Debian's chromium; .ci/run
 * installs it). Without Chromium there is no picture, and the caller says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM: string | undefined = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

const COLOURS: Record<number, string> = { 30: '#000', 31: '#b00', 32: '#070', 33: '#860', 34: '#00b', 35: '#808', 36: '#077', 37: '#666', 90: '#555' };

/** Terminal text with SGR codes (bold, dim, colours) as HTML spans; everything else escaped. */
export function ansiToHtml(text: string): string {
  let bold = false;
  let dim = false;
  let colour: string | undefined;
  let out = '';
  for (const part of text.split(/(\x1b\[[\d;]*m)/)) {
    const sgr = /^\x1b\[([\d;]*)m$/.exec(part);
    if (!sgr) {
      const escaped = part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      if (!escaped) continue;
      const style = [bold ? 'font-weight:bold' : '', dim ? 'opacity:.6' : '', colour ? `color:${colour}` : ''].filter(Boolean).join(';');
      out += style ? `<span style="${style}">${escaped}</span>` : escaped;
      continue;
    }
    for (const code of (sgr[1] || '0').split(';').map(Number)) {
      if (code === 0) [bold, dim, colour] = [false, false, undefined];
      else if (code === 1) bold = true;
      else if (code === 2) dim = true;
      else if (code === 22) [bold, dim] = [false, false];
      else if (code === 39) colour = undefined;
      else if (COLOURS[code]) colour = COLOURS[code];
    }
  }
  return out;
}

/** Saves a PNG of terminal text `columns` wide; false when Chromium is not installed. */
export function screenshotTerminal(styled: string, columns: number, png: string): boolean {
  if (!CHROMIUM) return false;
  const rows = styled.split('\n').length;
  const folder = mkdtempSync(join(tmpdir(), 'careerpath-shot-'));
  try {
    const page = join(folder, 'terminal.html');
    // A 9.6 px-wide monospace cell at 16 px; the page is as wide as the terminal and a margin.
    writeFileSync(
      page,
      `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff;color:#111">` +
        `<pre style="font:16px/1.15 'DejaVu Sans Mono',monospace;margin:12px;width:${columns}ch;border-right:1px dashed #bbb">${ansiToHtml(styled)}</pre>`,
    );
    const width = Math.ceil(columns * 9.7) + 30;
    const height = rows * 19 + 30;
    const result = spawnSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${join(folder, 'profile')}`,
        '--hide-scrollbars',
        '--force-device-scale-factor=1',
        `--window-size=${width},${height}`,
        `--screenshot=${png}`,
        `file://${page}`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (result.status !== 0 || !existsSync(png)) throw new Error(`chromium could not take the screenshot: ${result.stderr}`);
    return true;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
