/**
 * Nothing from data reaches a terminal or a document raw (issue 18: review H7 render side, H8,
 * L1, L13): every terminal layout goes out through `renderForTerminal`, every Markdown renderer
 * escapes through markdown-escape.ts, HTML through html-escape.ts, and only http(s) addresses
 * become links. The data here is built in memory, past validation, as a tampered cache entry or a
 * future validation gap would deliver it.
 */
import { describe, expect, it } from 'vitest';
import { emit } from '../../src/commands/output';
import { describeQualification, describeRole } from '../../src/domain/details';
import type { Dataset } from '../../src/domain/types';
import { envFlag, wantsColor } from '../../src/io/terminal';
import { main } from '../../src/main';
import { listNextMoves, listUnlocks } from '../../src/planner/explore';
import { buildGraph } from '../../src/planner/graph';
import { datasetInfo } from '../../src/render/context';
import { renderNextMarkdown, renderNextMoves, renderUnlocks, renderUnlocksMarkdown } from '../../src/render/explore';
import { escapeHtml } from '../../src/render/html-escape';
import { renderPlanHtml } from '../../src/render/html';
import { renderPlanMarkdown } from '../../src/render/markdown';
import { md, mdLink, mdParagraphs, webAddress } from '../../src/render/markdown-escape';
import { renderQualificationsMarkdown, renderQualificationsTable, renderQualificationsText } from '../../src/render/qualifications';
import { renderRolesMarkdown, renderRolesTable, renderRolesText } from '../../src/render/roles';
import { renderDetailsMarkdown, renderDetailsText } from '../../src/render/show';
import { renderPlanTable } from '../../src/render/table';
import { quoteTyped, renderForTerminal, terminalSafeCopy, terminalText } from '../../src/render/terminal-text';
import { captureIo } from '../helpers/io';
import { careDataset, contextFor, planOn } from '../helpers/plans';

/** OSC 0 (window title), SGR colour, OSC 8 (a disguised link), OSC 52 (the clipboard), a screen clear, NUL, bidi override. */
const ESCAPES =
  '\u001b]0;PWNED\u0007\u001b[31mRED\u001b[0m\u001b]8;;http://evil.example/\u0007click\u001b]8;;\u0007\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u0000\u202e';
const HTML = '<img src=x onerror=alert(1)>';
const BREAKS = '\n# heading injected\n| fake | table |';
/** Any character a terminal would obey (C0 but line feed, DEL, C1, bidi controls). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The care fixture with hostile text in the names, summaries, notes and sources a plan shows. */
function hostileDataset(): Dataset {
  const data = structuredClone(careDataset());
  const evil = (name: string) => `${name} ${ESCAPES} ${HTML}${BREAKS}`;
  data.meta.name = evil('Dataset');
  for (const r of data.roles) {
    r.name = evil(r.name);
    r.summary = evil('Summary');
    r.notes = [evil('Note')];
  }
  for (const q of data.qualifications) q.name = evil(q.name);
  data.sources = data.sources.map((s) => ({ ...s, title: evil(s.title), url: 'javascript:alert(document.domain)//)' }));
  return data;
}

function hostilePlan(data: Dataset) {
  return planOn({ from: 'care_worker', to: 'registered_manager', alternatives: 2 }, data);
}

describe('terminal layouts (review H7)', () => {
  it('renderForTerminal: with control characters in the data, nothing is obeyed and colour is dropped; clean data keeps its colour', () => {
    const render = (color: boolean) => (color ? `\u001b[1mTitle\u001b[22m ${ESCAPES}` : `Title ${ESCAPES}`);
    const shown = renderForTerminal(render, true);
    expect(shown).not.toMatch(RAW_CONTROL);
    expect(shown).toContain('Title \\u001b]0;PWNED\\u0007\\u001b[31mRED');
    const clean = (color: boolean) => (color ? '\u001b[1mTitle\u001b[22m' : 'Title');
    expect(renderForTerminal(clean, true)).toBe('\u001b[1mTitle\u001b[22m');
    expect(renderForTerminal(clean, false)).toBe('Title');
  });

  it('every table and text layout, sent through emit to a colour terminal, carries no control character from the data', async () => {
    const data = hostileDataset();
    const plan = hostilePlan(data);
    const graph = buildGraph(data);
    const role = data.roles.find((r) => r.id === 'senior_care_worker')!;
    const qualification = data.qualifications.find((q) => q.id === 'l3')!;
    const layouts: Record<string, (layout: { color: boolean; width: number | undefined }) => string> = {
      'plan table': (l) => renderPlanTable(plan, { ...l, today: new Date('2026-11-23') }),
      'plan text': (l) => renderPlanTable(plan, { ...l, linear: true }),
      next: (l) => renderNextMoves(role.name, listNextMoves(graph, role.id, []), l),
      unlocks: (l) => renderUnlocks(listUnlocks(graph, qualification.id), l),
      'show role': (l) => renderDetailsText(describeRole(data, role), l),
      'show qualification': (l) => renderDetailsText(describeQualification(data, qualification), l),
      'roles table': (l) => renderRolesTable(data.roles, l),
      'roles text': (l) => renderRolesText(data.roles, l),
      'qualifications table': (l) => renderQualificationsTable(data.qualifications, l),
      'qualifications text': (l) => renderQualificationsText(data.qualifications, l),
    };
    for (const [name, layout] of Object.entries(layouts)) {
      // The raw layout does carry the data's escapes: emit is what stops them.
      expect(layout({ color: false, width: 100 }), name).toMatch(RAW_CONTROL);
      for (const format of ['table', 'text'] as const) {
        const io = captureIo({ stdoutIsTTY: true, env: { FORCE_COLOR: '1' } });
        await emit(io, { format }, { table: layout, text: layout, markdown: () => '', json: () => '' });
        expect(io.stdout, `${name} as ${format}`).not.toMatch(RAW_CONTROL);
        expect(io.stdout, name).toContain('\\u001b]0;PWNED\\u0007');
      }
    }
  });

  it('saved as text (-o plan.txt), the layout is escaped the same way', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'careerpath-safe-'));
    const io = captureIo({ cwd: dir });
    await emit(io, { output: 'plan.txt' }, { table: () => `A ${ESCAPES}`, text: () => `A ${ESCAPES}`, markdown: () => '', json: () => '' });
    expect(readFileSync(join(dir, 'plan.txt'), 'utf8')).not.toMatch(RAW_CONTROL);
    expect(io.stderr).toBe('Saved plan.txt\n');
  });

  it('the questionnaire gets a copy of the data with every string escaped (the same object when nothing needs it)', () => {
    const data = hostileDataset();
    const safe = terminalSafeCopy(data);
    // As JSON, a raw control character is one backslash and u; an escaped one shows two backslashes.
    expect(JSON.stringify(safe)).not.toMatch(/(?<!\\)\\u(00[01][0-9a-f]|202e)/);
    expect(safe.roles[0]!.name).toContain('\\u001b]0;PWNED');
    const clean = careDataset();
    expect(terminalSafeCopy(clean)).toBe(clean);
  });
});

describe('colour switches (review L5)', () => {
  it('FORCE_COLOR=0 or false is off, any other value on; NO_COLOR and --no-color always win', () => {
    expect(['1', '2', 'true', 'yes'].map((v) => wantsColor({ FORCE_COLOR: v }, false, undefined))).toEqual([true, true, true, true]);
    expect(['0', 'false', 'FALSE', 'off', 'no'].map((v) => wantsColor({ FORCE_COLOR: v }, true, undefined))).toEqual([false, false, false, false, false]);
    expect(wantsColor({ FORCE_COLOR: '' }, true, undefined)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '1', NO_COLOR: '1' }, true, undefined)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '1' }, true, false)).toBe(false);
    expect(envFlag(undefined)).toBe(false);
  });
});

describe('arguments echoed in messages (review L1)', () => {
  it('an unknown role typed with escape codes is shown escaped; a very long one is shortened', async () => {
    const io = captureIo();
    expect(await main(['plan', '--from', '\u001b[31mRED\u001b]0;PWNED\u0007', '--to', 'team leader'], io)).toBe(2);
    expect(io.stderr).toContain('✗ unknown role "\\u001b[31mRED\\u001b]0;PWNED\\u0007" (--from)');
    expect(io.stderr).not.toMatch(RAW_CONTROL);
    const long = captureIo();
    expect(await main(['show', 'x'.repeat(5_000)], long)).toBe(2);
    expect(long.stderr).toMatch(/^✗ unknown role or qualification "x{79}…" \(NAME\)/);
    expect(long.stderr.length).toBeLessThan(1000);
  });

  it("commander's own messages escape what was typed too", async () => {
    const io = captureIo();
    expect(await main(['plan', '--fr\u001b[2Jom', 'x'], io)).toBe(2);
    expect(io.stderr).toContain("unknown option '--fr\\u001b[2Jom'");
    expect(io.stderr).not.toMatch(RAW_CONTROL);
  });

  it('quoteTyped never splits a character made of two UTF-16 units', () => {
    expect(quoteTyped(`${'a'.repeat(78)}😀😀`)).toBe(`"${'a'.repeat(78)}😀…"`);
    expect(quoteTyped('two\nlines')).toBe('"two\\nlines"');
  });
});

describe('Markdown (review H8, L13)', () => {
  it('md escapes markup, shows control characters, folds line breaks and escapes a block marker at the start', () => {
    expect(md('Line one\n# heading injected\n| fake | table |')).toBe('Line one # heading injected \\| fake \\| table \\|');
    expect(md('# Heading')).toBe('\\# Heading');
    expect(md('> quote')).toBe('\\> quote');
    expect(md('- item')).toBe('\\- item');
    expect(md('1. item')).toBe('1\\. item');
    expect(md('---')).toBe('\\---');
    // Ordinary text that merely starts with these is left readable.
    expect(md('3.5 months')).toBe('3.5 months');
    expect(md('#1 choice')).toBe('#1 choice');
    expect(md('-5%')).toBe('-5%');
    expect(md('a\u0000b\u001b[2J')).toBe('a\\\\u0000b\\\\u001b\\[2J');
  });

  it('mdParagraphs keeps paragraph breaks and nothing else', () => {
    expect(mdParagraphs('First *one*\nstill first.\n\n# Second')).toBe('First \\*one\\* still first.\n\n\\# Second');
  });

  it('only http(s) addresses become links, in their normalised, percent-encoded form', () => {
    expect(mdLink('T', 'javascript:alert(document.domain)//)')).toBe('T');
    expect(mdLink('T', 'data:text/html,<b>x</b>')).toBe('T');
    expect(mdLink('T', undefined)).toBe('T');
    expect(mdLink('Innocent source', 'https://example.com/x) <img src=x onerror=alert(1)> [click](javascript:alert(2)')).toBe(
      '[Innocent source](https://example.com/x%29%20%3Cimg%20src=x%20onerror=alert%281%29%3E%20%5Bclick%5D%28javascript:alert%282%29)',
    );
    expect(webAddress('https://EXAMPLE.org/a b')).toBe('https://example.org/a%20b');
  });

  it('every Markdown renderer: no raw HTML, no control character, no injected heading or table row, no javascript: link', () => {
    const data = hostileDataset();
    const plan = hostilePlan(data);
    const graph = buildGraph(data);
    const role = data.roles.find((r) => r.id === 'senior_care_worker')!;
    const documents: Record<string, string> = {
      plan: renderPlanMarkdown(plan, contextFor(plan, data)),
      next: renderNextMarkdown(role.name, listNextMoves(graph, role.id, [])),
      unlocks: renderUnlocksMarkdown(listUnlocks(graph, 'l3')),
      'show role': renderDetailsMarkdown(describeRole(data, role), datasetInfo(data)),
      'show qualification': renderDetailsMarkdown(describeQualification(data, data.qualifications.find((q) => q.id === 'l3')!), datasetInfo(data)),
      roles: renderRolesMarkdown(data.roles, data.meta),
      qualifications: renderQualificationsMarkdown(data.qualifications, data.meta),
    };
    for (const [name, text] of Object.entries(documents)) {
      // Every "<" of the data comes escaped ("\\<").
      expect(text, name).not.toMatch(/(?<!\\)<img/);
      expect(text, name).toContain('\\<img src=x onerror=alert(1)\\>');
      expect(text, name).not.toMatch(RAW_CONTROL);
      expect(text, name).not.toMatch(/^# heading injected|^\| fake/m);
      expect(text, name).not.toMatch(/\]\(javascript:/i);
    }
    // The sources are listed, without a link.
    expect(documents['show role']).toContain('Test fixture');
    expect(documents.plan).toMatch(/^1\. Test fixture .*, careerpath tests \(checked 23 November 2026\), no public link\.$/m);
  });

  it('the HTML page escapes the same data, and makes no link of a javascript: address', () => {
    const data = hostileDataset();
    const plan = hostilePlan(data);
    const html = renderPlanHtml(plan, contextFor(plan, data));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(RAW_CONTROL);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(escapeHtml('a\u0000<b>')).toBe('a\\u0000&lt;b&gt;');
    expect(terminalText('tab\there')).toBe('tab here');
  });
});
