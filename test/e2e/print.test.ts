/**
 * The HTML plan printed by a real browser: Debian's chromium, driven through playwright-core (the
 * library alone, which never downloads a browser), saved as PDF on A4 and on Letter and read back
 * with poppler. Screenshots and page images go to test/.results/print/ for a person to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/spawn';

/** Debian's package puts it here; CAREERPATH_TEST_CHROMIUM points elsewhere (or nowhere, to see the skip). */
const CHROMIUM = process.env.CAREERPATH_TEST_CHROMIUM ?? '/usr/bin/chromium';
const missing = [
  ...(existsSync(CHROMIUM) ? [] : [`${CHROMIUM} not found`]),
  ...['pdfinfo', 'pdftotext', 'pdftoppm'].filter((tool) => spawnSync(tool, ['-v']).error).map((tool) => `${tool} not found (poppler-utils)`),
];
const SKIP = missing.length > 0;
const WHY = SKIP ? ` (skipped: ${missing.join('; ')}; apt-get install chromium poppler-utils, as .ci/run does)` : '';
if (SKIP) console.warn(`test/e2e/print.test.ts: printing tests${WHY}`);

const RESULTS = join(ROOT, 'test/.results/print');
/** Never fetched: the route handler answers it with the saved file, and refuses everything else. */
const PAGE_URL = 'http://careerpath.invalid/plan.html';
const PAPERS = ['A4', 'Letter'] as const;

/** The plans printed: the headline one (with alternatives), a long one whose route drawing wraps, and a short one with long alternatives. */
const PLANS = [
  { name: 'headline', args: ['--from', 'care worker', '--to', 'registered manager'], formPages: 2, pages: 3 },
  { name: 'long', args: ['--from', 'new to care', '--to', 'chief social worker'], formPages: 3, pages: 5 },
  // One step, but long alternatives and many funding routes: they must not push the form onto a third page.
  { name: 'nurse', args: ['--from', 'healthcare support worker', '--to', 'registered nurse'], formPages: 2, pages: 4 },
];

let context: BrowserContext | undefined;
let profile: string | undefined;
const counts: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  if (SKIP) return;
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  const { chromium } = await import('playwright-core');
  profile = mkdtempSync(join(tmpdir(), 'careerpath-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (!SKIP) writeFileSync(join(RESULTS, 'pages.json'), `${JSON.stringify(counts, null, 2)}\n`);
});

describe(`printing the HTML plan in headless Chromium${WHY}`, () => {
  it.skipIf(SKIP).each(PLANS)(
    '$name plan: no network, no script; on A4 and Letter the form fits $formPages pages, no row or block splits, the signatures stay with the actions',
    async (plan) => {
      const dir = mkdtempSync(join(tmpdir(), 'careerpath-print-'));
      const file = join(dir, 'plan.html');
      const run = runCli(['plan', ...plan.args, '--name', 'Sam Jones', '--review', '2027-06-01', '-o', file]);
      expect(run.code, run.stderr).toBe(0);
      const page = await context!.newPage();
      const { requests, errors } = await openOffline(page, readFileSync(file, 'utf8'));
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('svg[role="img"] title').textContent()).toMatch(/^Career route from /);
      await page.screenshot({ path: join(RESULTS, `${plan.name}-screen.png`), fullPage: true });

      // The pages a person looks at come from the page as it is; the split check prints it again with markers.
      for (const paper of PAPERS) {
        const pdf = join(RESULTS, `${plan.name}-${paper}.pdf`);
        await page.pdf({ path: pdf, format: paper });
        (counts[plan.name] ??= {})[paper] = pageTexts(pdf).length;
        execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(RESULTS, `${plan.name}-${paper}`)]);
      }
      const blocks = await markBlocks(page);
      for (const paper of PAPERS) {
        const pdf = join(dir, `marked-${paper}.pdf`);
        await page.pdf({ path: pdf, format: paper });
        const texts = pageTexts(pdf);
        expect(texts.length, `${paper}: the markers changed the page count`).toBe(counts[plan.name]![paper]);
        const pages = markerPages(texts);
        // Every marker was read back once: otherwise the split check below would prove nothing.
        expect([...pages.keys()].sort(), paper).toEqual(blocks.markers.slice().sort());
        for (const block of blocks.ids) {
          const on = new Set(blocks.markers.filter((m) => m.startsWith(`${block}x`)).map((m) => pages.get(m)));
          expect(on.size, `${paper}: block ${block} is split across pages ${[...on].join(', ')}`).toBe(1);
        }
        const signed = pages.get(`${blocks.signatures}x0A`);
        expect(signed, `${paper}: the signatures are on a page without the agreed actions`).toBe(pages.get(`${blocks.lastAction}x1A`));
        const formLastPage = Math.max(...blocks.markers.filter((m) => m.startsWith('QF')).map((m) => pages.get(m)!));
        expect(formLastPage, `${paper}: the form (all but the sources) ends on page ${formLastPage}`).toBeLessThanOrEqual(plan.formPages);
        expect(texts.length, `${paper}: ${texts.length} pages`).toBeLessThanOrEqual(plan.pages);
      }
      expect(readdirSync(RESULTS).filter((f) => f.startsWith(`${plan.name}-A4-`) && f.endsWith('.png')).length).toBe(counts[plan.name]!.A4);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
      rmSync(dir, { recursive: true, force: true });
    },
    60_000,
  );
});

/** Loads the page from a made-up address whose only answer is the file; records any other request and any console error. */
async function openOffline(page: Page, html: string): Promise<{ requests: string[]; errors: string[] }> {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    if (request.url() !== PAGE_URL) requests.push(request.url());
  });
  await page.route('**/*', (route) =>
    route.request().url() === PAGE_URL ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.abort(),
  );
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  return { requests, errors };
}

/**
 * Puts a tiny marker (QF… in the form, QS… in the sources) before the first and after the last
 * visible text of every table cell and of every block the stylesheet keeps whole, inside lines that
 * are already there, so the layout does not change. A block is split when its markers land on more
 * than one page of the PDF.
 */
async function markBlocks(page: Page): Promise<{ ids: string[]; markers: string[]; signatures: string; lastAction: string }> {
  return (await page.evaluate(MARK_BLOCKS)) as { ids: string[]; markers: string[]; signatures: string; lastAction: string };
}

/** Runs in the page (plain JavaScript: the tests are type-checked without the DOM's types). */
const MARK_BLOCKS = `(() => {
  const style = document.createElement('style');
  style.textContent = '.print-marker { font-size: 0.5px; line-height: 0; letter-spacing: 0; }';
  document.head.append(style);
  const visibleText = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.textContent.trim() !== '' && !node.parentElement.closest('.visually-hidden, svg') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  };
  const marker = (text) => Object.assign(document.createElement('span'), { className: 'print-marker', textContent: ' ' + text + ' ' });
  const ids = [];
  const markers = [];
  let signatures;
  let lastAction;
  const lastActionRow = [...document.querySelectorAll('table.actions tr')].pop();
  document.querySelectorAll('tr, .keep, li').forEach((block, n) => {
    const id = (block.closest('.sources') ? 'QS' : 'QF') + n;
    const parts = block.tagName === 'TR' ? [...block.children] : [block];
    const before = markers.length;
    parts.forEach((part, i) => {
      const nodes = visibleText(part);
      if (nodes.length === 0 && block.tagName !== 'TR') return;
      const start = id + 'x' + i + 'A';
      const end = id + 'x' + i + 'Z';
      if (nodes.length === 0) part.prepend(marker(start), marker(end));
      else {
        nodes[0].before(marker(start));
        nodes[nodes.length - 1].after(marker(end));
      }
      markers.push(start, end);
    });
    if (markers.length > before) ids.push(id);
    if (block.id === 'review-section') signatures = id;
    if (block === lastActionRow) lastAction = id;
  });
  return { ids, markers, signatures, lastAction };
})()`;

/** The text of each page of a PDF. */
function pageTexts(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  return Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
}

/** The page (from 1) each marker was printed on; a marker printed twice is a failure of its own. */
function markerPages(texts: string[]): Map<string, number> {
  const pages = new Map<string, number>();
  texts.forEach((text, i) => {
    for (const [marker] of text.matchAll(/Q[FS]\d+x\d+[AZ]/g)) {
      expect(pages.has(marker), `${marker} printed twice`).toBe(false);
      pages.set(marker, i + 1);
    }
  });
  return pages;
}
