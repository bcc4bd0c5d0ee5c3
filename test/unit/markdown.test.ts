import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/planner/types';
import { planContext } from '../../src/render/context';
import { mermaidText, renderPlanMarkdown, supervisionQuestions } from '../../src/render/markdown';
import { md, mdCell } from '../../src/render/markdown-escape';
import { renderNextMarkdown } from '../../src/render/explore';
import { careDataset, contextFor, planOn } from '../helpers/plans';

const carePlan = (extra: { alternatives?: number; have?: string[] } = {}) => planOn({ from: 'care_worker', to: 'registered_manager', ...extra });

const render = (plan: Plan) => renderPlanMarkdown(plan, contextFor(plan));

/** The lines of a `## Heading` section, up to the next heading or rule. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = lines.findIndex((l, i) => i > start && (l.startsWith('## ') || l === '---'));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l !== '');
}

describe('renderPlanMarkdown (care fixture)', () => {
  const doc = render(carePlan());

  it('opens with the route, the date and the dataset version', () => {
    const lines = doc.split('\n');
    expect(lines[0]).toBe('# Career plan: Care worker → Registered manager');
    expect(lines[2]).toBe('Prepared on 23 November 2026 with careerpath 9.9.9, from the dataset “care fixture”, version 1.0.0 (updated 23 November 2026).');
  });

  it('summarises steps, time, cost and funding without guessing unknown costs', () => {
    const summary = section(doc, 'Summary');
    expect(summary.filter((l) => !l.startsWith('- **Time:**'))).toEqual([
      '- **Route:** Care worker → Senior care worker → Team leader → Registered manager',
      '- **Steps:** 3',
      '- **Cost to you:** not known: the sources give no cost for Level 3 Diploma in Adult Care and Level 5 Diploma in Leading and Managing an Adult Care Service',
      '- **Funding:** Employer-funded; Advanced Learner Loan',
      '- **Ranked by:** fewest job changes',
      '- **Where:** These facts are for England: registers, qualifications and funding differ in Wales, Scotland and Northern Ireland.',
      '> **Indicative:** part of this route rests on a single source or a low-confidence fact (marked “indicative” below). Check it with your manager or training provider before you rely on it.',
    ]);
    expect(summary[2]).toMatch(/^- \*\*Time:\*\* /);
  });

  it('gives the typical time first, then the range, in one pair of brackets', () => {
    // Typical: 15 + 9 + 21 = 45 months, about 4 years; the range is 36–54 months.
    expect(section(doc, 'Summary').find((l) => l.startsWith('- **Time:**'))).toMatch(/^- \*\*Time:\*\* usually about 4 years \(36–54 months[^()]*\)$/);
  });

  it('numbers the steps in a table, marking the indicative one in words', () => {
    expect(section(doc, 'Steps')).toEqual([
      '| Step | Move | How | Qualifications to gain | Time | Funding |',
      '| ---: | --- | --- | --- | --- | --- |',
      '| 1 | Care worker → Senior care worker | Step up: Level 3 diploma | Level 3 Diploma in Adult Care (level 3, 12–18 months) | 12–18 months (6 months in role, alongside any study) | Employer-funded; Advanced Learner Loan |',
      '| 2 | Senior care worker → Team leader | Step up | nothing new | 6–12 months (6–12 months in role, alongside any study) | — |',
      '| 3 | Team leader → Registered manager | Step up (indicative) | Level 5 Diploma in Leading and Managing an Adult Care Service (level 5, 18–24 months) | 18–24 months (12 months in role, alongside any study) | Advanced Learner Loan |',
      '### Before you start each step',
      '- Step 3, Team leader → Registered manager:',
      '  - **Registration gate:** Register with Care Quality Commission (CQC). They check: fitness to manage the service. You can register while still working towards the qualification.',
    ]);
  });

  it('lists the qualifications in order as a task list with level, duration, cost and funding', () => {
    expect(section(doc, 'Qualifications checklist')).toEqual([
      'Tick each one off when you complete it, in this order.',
      '- [ ] **Level 3 Diploma in Adult Care** (step 1): level 3; 12–18 months; cost to you not in the sources; funding: Employer-funded, Advanced Learner Loan',
      '- [ ] **Level 5 Diploma in Leading and Managing an Adult Care Service** (step 3): level 5; 18–24 months; cost to you not in the sources; funding: Advanced Learner Loan',
    ]);
  });

  it('draws the route as a Mermaid flowchart with an accessible title and description', () => {
    const map = section(doc, 'Route map');
    expect(map[0]).toBe('The diagram shows the same route as the steps table.');
    expect(map.slice(1)).toEqual([
      '```mermaid',
      'flowchart TD',
      '  accTitle: Career route from Care worker to Registered manager',
      '  accDescr: Step 1, Care worker to Senior care worker: gain Level 3 Diploma in Adult Care. Step 2, Senior care worker to Team leader: nothing new to gain. Step 3, Team leader to Registered manager: gain Level 5 Diploma in Leading and Managing an Adult Care Service.',
      '  n0["Care worker (start)"]',
      '  n1["Senior care worker"]',
      '  n2["Team leader"]',
      '  n3["Registered manager (goal)"]',
      '  n0 -->|"1. Level 3 Diploma in Adult Care"| n1',
      '  n1 -->|"2. nothing new to gain"| n2',
      '  n2 -->|"3. Level 5 Diploma in Leading and Managing an Adult Care Service"| n3',
      '```',
    ]);
  });

  it('asks supervision questions drawn from the steps', () => {
    const questions = section(doc, 'Questions to ask at your next supervision');
    expect(questions.every((q, i) => q.startsWith(`${i + 1}. `))).toBe(true);
    expect(questions).toContain(
      '1. When could I start the Level 3 Diploma in Adult Care, for step 1, Care worker to Senior care worker? Which funding could pay for it: Employer-funded or Advanced Learner Loan?',
    );
    expect(questions).toContain('2. The sources give no cost for the Level 3 Diploma in Adult Care: what would it cost me, if anything?');
    expect(questions).toContain(
      '3. The move to Senior care worker usually expects 6 months of experience in the care worker role: how can I build that here, and what would show I am ready?',
    );
    expect(questions.some((q) => q.includes('Team leader to Registered manager as this plan describes it? It is marked indicative.'))).toBe(true);
  });

  it('lists the sources behind the plan, with links where there are any', () => {
    expect(section(doc, 'Sources')).toEqual(['1. Test fixture, careerpath tests (checked 23 November 2026), no public link.']);
    const dataset = careDataset();
    dataset.sources[0]!.url = 'https://example.org/guide_(2025) v2';
    const plan = carePlan();
    const linked = renderPlanMarkdown(plan, planContext(dataset, plan, { today: '2026-11-23', toolVersion: '1' }));
    expect(section(linked, 'Sources')).toEqual(['1. [Test fixture](https://example.org/guide_%282025%29%20v2), careerpath tests (checked 23 November 2026).']);
  });

  it('says who stands behind a source and prints its caveat', () => {
    const dataset = careDataset();
    dataset.sources[0] = { ...dataset.sources[0]!, kind: 'official', caveat: 'Facts *simplified* for tests' };
    const plan = carePlan();
    const doc = renderPlanMarkdown(plan, planContext(dataset, plan, { today: '2026-11-23', toolVersion: '1' }));
    expect(section(doc, 'Sources')).toEqual([
      '1. Test fixture, careerpath tests, official (checked 23 November 2026), no public link. *Caveat: Facts \\*simplified\\* for tests*',
    ]);
  });

  it('is plain text a screen reader can follow: no colour codes, no HTML, no emoji', () => {
    expect(doc).not.toMatch(/\u001b\[/);
    expect(doc).not.toMatch(/<[a-z/]/i);
    expect(doc).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(doc.endsWith('\n')).toBe(true);
  });
});

describe('renderPlanMarkdown as a personal development plan', () => {
  const plan = carePlan();
  const BLANK = '________________________';

  it('asks for what the tool does not know on lines to fill in', () => {
    const doc = render(plan);
    expect(section(doc, 'Personal development plan')).toEqual([
      `- **Name:** ${BLANK}`,
      '- **Current role:** Care worker',
      '- **Goal:** Registered manager',
      `- **Employer or service:** ${BLANK}`,
      `- **Manager or supervisor:** ${BLANK}`,
      '- **Date of this plan:** 23 November 2026',
    ]);
    expect(section(doc, 'Review and signatures')).toEqual([
      `- **Review date:** ${BLANK}`,
      `- **Worker’s signature:** ${BLANK} **Date:** ${BLANK}`,
      `- **Manager’s signature:** ${BLANK} **Date:** ${BLANK}`,
    ]);
  });

  it('prints the name and review date given, escaped', () => {
    const doc = renderPlanMarkdown(plan, contextFor(plan), { name: 'Sam *Jones*', review: '2027-06-01' });
    expect(section(doc, 'Personal development plan')[0]).toBe('- **Name:** Sam \\*Jones\\*');
    expect(section(doc, 'Review and signatures')[0]).toBe('- **Review date:** 1 June 2027');
  });

  it('says why this route was chosen', () => {
    expect(section(render(plan), 'Why this route')).toEqual(['Chosen as the route with the fewest job changes; among those, the shortest usual time.']);
  });

  it('has an agreed-actions table with owners and dates left blank, and two empty rows', () => {
    const table = section(render(plan), 'Agreed actions').filter((l) => l.startsWith('|'));
    expect(table.slice(0, 3)).toEqual([
      '| Action | Owner | Due date |',
      '| --- | --- | --- |',
      '| Agree funding for Level 3 Diploma in Adult Care with your manager: Employer-funded or Advanced Learner Loan |   |   |',
    ]);
    expect(table.slice(-2)).toEqual(['|   |   |   |', '|   |   |   |']);
  });
});

describe('renderPlanMarkdown variations', () => {
  it('names what is already held and leaves it out', () => {
    const doc = render(carePlan({ have: ['l3'] }));
    expect(section(doc, 'Summary')).toContain('- **Already held, not counted:** Level 3 Diploma in Adult Care');
    expect(section(doc, 'Qualifications checklist').join('\n')).not.toContain('Level 3 Diploma in Adult Care');
  });

  it('renders alternatives as their own numbered routes and as dotted arrows', () => {
    const plan = carePlan({ alternatives: 2 });
    expect(plan.alternatives.length).toBeGreaterThan(0);
    const doc = render(plan);
    const other = section(doc, 'Other routes');
    // The apprenticeship route costs £0 for its first qualification, so fewer costs are unknown: it is shown as the cheapest.
    expect(other[0]).toBe(
      '### Route 2 (next most realistic): 3 steps, usually about 4 years (42–54 months), cost to you not known: no source gives the cost of 1 qualification, indicative',
    );
    expect(other).toContain(
      '- **Registration gate:** Register with Care Quality Commission (CQC). They check: fitness to manage the service. You can register while still working towards the qualification.',
    );
    expect(other).toContain(
      '- **Qualifications to gain:** Lead adult care worker apprenticeship; Level 5 Diploma in Leading and Managing an Adult Care Service',
    );
    expect(doc).toContain('  n0 -.->|"route 2: Lead adult care worker apprenticeship"| n1');
    expect(doc).toContain('The diagram shows the steps above as solid arrows, and the other routes listed below as dotted arrows.');
  });

  it('has no "Other routes" section when there are none', () => {
    expect(render(carePlan())).not.toContain('## Other routes');
  });

  it('gives a finish-date range from the document date when a study pace is set', () => {
    const plan = { ...carePlan(), hoursPerWeek: 6 };
    expect(section(render(plan), 'Summary')).toContain('- **Study pace:** 6 hours a week; finish between November 2029 and May 2031');
  });

  it('says which overlays the dataset had', () => {
    const plan = carePlan();
    const context = { ...contextFor(plan), dataset: { ...contextFor(plan).dataset, overlays: ['Acme Care local roles'] } };
    expect(renderPlanMarkdown(plan, context).split('\n')[2]).toContain('(updated 23 November 2026), with local changes from “Acme Care local roles”.');
  });

  it('says so when there is nothing new to gain', () => {
    const doc = render(planOn({ from: 'senior_care_worker', to: 'team_leader', have: ['l3'] }));
    expect(section(doc, 'Qualifications checklist')).toEqual(['Nothing new to gain: you hold everything this route needs.']);
  });

  it('asks about prerequisites the planner added', () => {
    const plan = carePlan();
    const gain = plan.best.steps[2]!.gains[0]!;
    const withPrerequisite = structuredClone(plan);
    withPrerequisite.best.steps[2]!.gains.unshift({ ...gain, id: 'gcse', name: 'GCSE English', prerequisiteOf: gain.id, funding: [] });
    expect(supervisionQuestions(withPrerequisite)).toContain(
      'Do I already hold GCSE English, or something that counts instead? It is needed before Level 5 Diploma in Leading and Managing an Adult Care Service.',
    );
  });
});

describe('escaping', () => {
  it('escapes Markdown markup in names', () => {
    expect(md('Level *3* [new] <b> `x`')).toBe('Level \\*3\\* \\[new\\] \\<b\\> \\`x\\`');
    // Emphasis by underscores and tildes, entities, and table pipes too.
    expect(md('_a_ ~~b~~ &amp; c|d')).toBe('\\_a\\_ \\~\\~b\\~\\~ \\&amp; c\\|d');
    expect(mdCell('two\n  lines | here')).toBe('two lines \\| here');
  });

  it('next and unlocks Markdown escape data like the plan does', () => {
    const name = 'Lead *worker* <script>';
    expect(renderNextMarkdown(name, [])).toContain('# Where you can go from Lead \\*worker\\* \\<script\\>');
  });

  it('escapes Mermaid syntax inside labels', () => {
    expect(mermaidText('A "B" | C #1 <D>\nE')).toBe('A #quot;B#quot; #124; C #35;1 #lt;D#gt; E');
  });
});
