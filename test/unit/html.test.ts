/** The HTML plan: escaping of data from overlay files, links, and the structure screen readers and printers rely on. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetLayers } from '../../src/dataset/read-files';
import { planContext } from '../../src/render/context';
import { escapeHtml } from '../../src/render/html-escape';
import { refs, renderPlanHtml } from '../../src/render/html';
import { wrap } from '../../src/render/route-svg';
import { contextFor, planOn } from '../helpers/plans';
import { fixture } from '../helpers/io';

const dir = mkdtempSync(join(tmpdir(), 'careerpath-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An overlay as a third party might write it: markup in names, a script address as a source link. */
const HOSTILE_OVERLAY = `
overlay:
  name: Acme <b>Care</b> & Co
sources:
  - id: EVIL
    title: <img src=x onerror=alert(1)> guide
    publisher: Acme & "Partners"
    url: javascript:alert(document.cookie)
    reviewed: 2026-11-01
    caveat: Trust <i>nothing</i>
roles:
  - id: evil_manager
    name: <script>alert("pwned")</script> Manager & Co
    sector: adult-social-care
    summary: A role from an overlay.
    sources: [EVIL]
transitions:
  - from: team_leader
    to: evil_manager
    kind: up
    routes:
      - requires: []
        experienceMonths: 12
    sources: [EVIL]
`;

function hostilePage(): string {
  const file = join(dir, 'overlay.yaml');
  writeFileSync(file, HOSTILE_OVERLAY);
  const dataset = readDatasetLayers([fixture('care.yaml'), file], process.cwd());
  const plan = planOn({ from: 'care_worker', to: 'evil_manager' }, dataset);
  return renderPlanHtml(plan, planContext(dataset, plan, { today: '2026-11-23', toolVersion: '1.0.0' }), { name: "O'Brien & <Sons>" });
}

describe('escapeHtml', () => {
  it('escapes the five characters that change the meaning of HTML text or attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
    expect(escapeHtml('plain text – with “quotes” and £')).toBe('plain text – with “quotes” and £');
  });
});

describe('renderPlanHtml with an overlay full of markup', () => {
  const page = hostilePage();

  it('prints role names, sources and overlay names as text, never as markup', () => {
    expect(page).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Manager &amp; Co');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; guide');
    expect(page).toContain('Acme &amp; &quot;Partners&quot;');
    expect(page).toContain('“Acme &lt;b&gt;Care&lt;/b&gt; &amp; Co”');
    expect(page).toContain('<em>Caveat: Trust &lt;i&gt;nothing&lt;/i&gt;</em>');
    expect(page).toContain('<td>O&#39;Brien &amp; &lt;Sons&gt;</td>');
    expect(page).not.toMatch(/<script|<img|<b>|<i>/i);
  });

  it('does not make a javascript: address into a link, and says there is no public link', () => {
    expect(page).not.toMatch(/href="(?!#|https?:)/);
    expect(page).not.toContain('javascript:');
    const entry = /<li id="source-\d+">[\s\S]*?<\/li>/g;
    const evil = [...page.matchAll(entry)].map((m) => m[0]).find((li) => li.includes('guide.'));
    expect(evil).toMatch(/No public link\.<\/li>$/);
    expect(evil).not.toContain('<a ');
  });

  it('escapes text inside the route drawing too', () => {
    const svg = page.slice(page.indexOf('<svg'), page.indexOf('</svg>'));
    expect(svg).toContain('&lt;script&gt;alert(&quot;pwned&quot;)');
    expect(svg).not.toContain('<script');
  });
});

describe('renderPlanHtml structure', () => {
  const plan = planOn({ from: 'care_worker', to: 'registered_manager', alternatives: 2 });
  const page = renderPlanHtml(plan, contextFor(plan));

  it('is one self-contained page in British English that loads and runs nothing', () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">/);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\((?!#)|\ssrc=/i);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('uses headings in order and header cells with a scope', () => {
    const levels = [...page.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    });
    const headers = [...page.matchAll(/<th\b[^>]*>/g)].map((m) => m[0]);
    expect(headers.length).toBeGreaterThan(10);
    for (const th of headers) expect(th).toMatch(/scope="(row|col)"/);
  });

  it('draws the route as an image with a title and a description of every step', () => {
    expect(page).toContain('<svg class="route" role="img" aria-labelledby="route-title route-desc"');
    expect(page).toContain('<title id="route-title">Career route from Care worker to Registered manager</title>');
    expect(page).toMatch(
      /<desc id="route-desc">Step 1, Care worker to Senior care worker: gain Level 3 Diploma in Adult Care\. Step 2, .* Step 3, Team leader to Registered manager: gain Level 5/,
    );
    // Start and goal are said in words, not by colour.
    expect(page).toMatch(/<tspan class="mark"[^>]*>Now<\/tspan>/);
    expect(page).toMatch(/<tspan class="mark"[^>]*>Goal<\/tspan>/);
  });

  it('leaves blank cells to fill in, labelled for screen readers', () => {
    const blanks = page.match(/<td[^>]* class="blank">/g) ?? [];
    // Name, employer, manager; review date; two signatures and two dates; owner and date of each action; two empty actions.
    const actions = (page.match(/<tr><th scope="row" class="num">\d+<\/th>/g) ?? []).length - plan.best.steps.length;
    expect(blanks.length).toBe(3 + 1 + 4 + actions * 2 + 2);
    expect(page).toContain('<span class="visually-hidden">blank, to fill in</span>');
  });

  it('keeps table rows and blocks whole when printed, on any paper', () => {
    expect(page).toMatch(/\.keep, tr, li[^{]*\{ break-inside: avoid;/);
    expect(page).toMatch(/@page \{\s*margin: [\d.]+mm/);
    expect(page).not.toMatch(/@page[^}]*size:/);
  });

  it('states the scope and the dataset with its version', () => {
    expect(page).toContain(
      '<p class="notice">These facts are for England: registers, qualifications and funding differ in Wales, Scotland and Northern Ireland.</p>',
    );
    expect(page).toContain('from the dataset “care fixture”, version 1.0.0 (updated 23 November 2026)');
  });
});

describe('refs', () => {
  it('cites source numbers as a superscript, runs joined', () => {
    expect(refs([])).toBe('');
    const text = refs([1, 2, 3, 5, 7, 8]).replace(/<[^>]+>/g, '');
    expect(text).toBe('sources [1–3, 5, 7–8]');
    expect(refs([4])).toContain('<a href="#source-4">4</a>');
  });
});

describe('wrap (route box labels)', () => {
  it('breaks at spaces within the width, and keeps an over-long word whole', () => {
    expect(wrap('Advanced practitioner (social work)', 14)).toEqual(['Advanced', 'practitioner', '(social work)']);
    expect(wrap('Physiotherapist', 8)).toEqual(['Physiotherapist']);
  });
});
