// @vitest-environment happy-dom
/**
 * The route diagram must be valid Mermaid. mermaid.parse (the real parser, v11) runs here under
 * happy-dom because mermaid's sanitiser needs a DOM; it parses without laying anything out.
 */
import { spawnSync } from 'node:child_process';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/planner/types';
import { renderPlanMarkdown, renderRouteMermaid } from '../../src/render/markdown';
import { contextFor, planOn } from '../helpers/plans';

/** The built bin (helpers/spawn uses URL, which happy-dom replaces); vitest runs from the repo root. */
function runBin(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.CAREERPATH_DATA;
  const result = spawnSync(process.execPath, ['bin/careerpath.js', ...args], { cwd: process.cwd(), env, encoding: 'utf8', timeout: 15_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The text of every ```mermaid block in a Markdown document. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

async function parses(diagram: string): Promise<true | string> {
  try {
    const result = await mermaid.parse(diagram);
    return result ? true : 'parse returned false';
  } catch (error) {
    return (error as Error).message;
  }
}

/** A plan whose names contain everything Mermaid treats as syntax. */
function awkwardPlan(): Plan {
  const plan = structuredClone(planOn({ from: 'care_worker', to: 'registered_manager', alternatives: 2 }));
  const rename = (n: { name: string }, name: string) => (n.name = name);
  rename(plan.from, 'Care "worker" | #1 <new> end');
  for (const route of [plan.best, ...plan.alternatives]) {
    for (const step of route.steps) {
      if (step.from.id === 'care_worker') rename(step.from, plan.from.name);
      for (const g of step.gains) rename(g, `${g.name} (A&B; "C") --> x|y`);
    }
  }
  return plan;
}

describe('the Markdown route map is valid Mermaid', () => {
  it('rejects a broken diagram (so a pass below means something)', async () => {
    expect(await parses('flowchart TD\n  a["unclosed --> b\n')).not.toBe(true);
  });

  it('the care fixture plan, with and without alternatives', async () => {
    for (const alternatives of [0, 2]) {
      const plan = planOn({ from: 'care_worker', to: 'registered_manager', alternatives });
      const blocks = mermaidBlocks(renderPlanMarkdown(plan, contextFor(plan)));
      expect(blocks).toHaveLength(1);
      expect(await parses(blocks[0]!)).toBe(true);
    }
  });

  it('names with quotes, pipes, hashes, angle brackets and arrows', async () => {
    const lines = renderRouteMermaid(awkwardPlan());
    expect(await parses(lines.join('\n'))).toBe(true);
    expect(lines.join('\n')).toContain('#quot;worker#quot; #124; #35;1 #lt;new#gt; end (start)');
  });

  it('a name cannot set the theme or inject CSS through a %%{init}%% directive (review M10)', async () => {
    const directive = "%%{init: {'theme':'forest', 'themeCSS': 'body{display:none}'}}%%";
    const plan = structuredClone(planOn({ from: 'care_worker', to: 'team_leader' }));
    plan.to.name = `Team ${directive} leader`;
    for (const step of plan.best.steps) if (step.to.id === plan.to.id) step.to.name = plan.to.name;
    const diagram = renderRouteMermaid(plan).join('\n');
    expect(diagram).not.toMatch(/%%|\{init/);
    const result = await mermaid.parse(diagram);
    expect(result ? result.config : undefined).toEqual({});
    // The same diagram with the directive left raw does take effect: the check above means something.
    const raw = await mermaid.parse(
      diagram.replace('#37;#37;#123;init', '%%{init').replace('#125;#125;#37;#37;', '}}%%').replace(/#123;/g, '{').replace(/#125;/g, '}'),
    );
    expect(raw ? raw.config : undefined).toMatchObject({ theme: 'forest' });
  });

  it('a name in backticks stays a label, not a Markdown string (review L14), and control characters are shown', async () => {
    const plan = structuredClone(planOn({ from: 'care_worker', to: 'team_leader' }));
    plan.from.name = '`**md string**`\u001b[31m';
    for (const step of plan.best.steps) if (step.from.id === plan.from.id) step.from.name = plan.from.name;
    const diagram = renderRouteMermaid(plan).join('\n');
    expect(diagram).toContain('#96;**md string**#96;\\u001b[31m (start)');
    expect(diagram).not.toMatch(/[\u0000-\u0008\u000b-\u001f`]/);
    expect(await parses(diagram)).toBe(true);
  });

  it('a plan with nothing new to gain', async () => {
    const plan = planOn({ from: 'senior_care_worker', to: 'team_leader', have: ['l3'] });
    expect(await parses(renderRouteMermaid(plan).join('\n'))).toBe(true);
  });

  it('the documents the built bin writes for the shipped data (npm test builds first)', async () => {
    for (const [from, to] of [
      ['care worker', 'registered manager'],
      ['support worker', 'dementia lead'],
      ['healthcare support worker', 'registered nurse'],
    ]) {
      const { code, stdout, stderr } = runBin(['plan', '--from', from!, '--to', to!, '--alternatives', '3', '--format', 'markdown']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const blocks = mermaidBlocks(stdout);
      expect(blocks).toHaveLength(1);
      expect(await parses(blocks[0]!)).toBe(true);
    }
  });
});
