/** The personal development plan model both the Markdown and the HTML plan are laid out from. */
import { describe, expect, it } from 'vitest';
import { planContext } from '../../src/render/context';
import { buildPlanDocument, webAddress } from '../../src/render/plan-document';
import { EMPTY_ACTION_ROWS } from '../../src/render/plan-summary';
import { careDataset, contextFor, planOn } from '../helpers/plans';

const carePlan = (extra: { alternatives?: number; optimise?: 'realistic' | 'time' } = {}) =>
  planOn({ from: 'care_worker', to: 'registered_manager', ...extra });

describe('buildPlanDocument', () => {
  it('leaves what the tool cannot know blank, and fills what it can', () => {
    const plan = carePlan();
    const doc = buildPlanDocument(plan, contextFor(plan));
    expect(doc.person).toEqual([
      { label: 'Name' },
      { label: 'Current role', value: 'Care worker' },
      { label: 'Goal', value: 'Registered manager' },
      { label: 'Employer or service' },
      { label: 'Manager or supervisor' },
      { label: 'Date of this plan', value: '23 November 2026' },
    ]);
    expect(doc.review).toEqual({ label: 'Review date' });
    expect(doc.signatures).toEqual(['Worker’s signature', 'Manager’s signature']);
  });

  it('fills the name and review date given, on one line', () => {
    const plan = carePlan();
    const doc = buildPlanDocument(plan, contextFor(plan), { name: '  Sam\n  Jones ', review: '2027-06-01' });
    expect(doc.person[0]).toEqual({ label: 'Name', value: 'Sam Jones' });
    expect(doc.review).toEqual({ label: 'Review date', value: '1 June 2027' });
    expect(buildPlanDocument(plan, contextFor(plan), { name: '   ' }).person[0]).toEqual({ label: 'Name' });
  });

  it('says why the route was chosen, by the criterion asked for', () => {
    const steps = carePlan();
    expect(buildPlanDocument(steps, contextFor(steps)).why).toBe('Chosen as the route with the fewest job changes; among those, the shortest usual time.');
    const fastest = carePlan({ optimise: 'time', alternatives: 2 });
    expect(fastest.alternatives.length).toBeGreaterThan(0);
    expect(buildPlanDocument(fastest, contextFor(fastest)).why).toMatch(/^Chosen as the fastest route: .*(One other route follows|\d other routes follow)/);
  });

  it('prefills the actions the route implies, then leaves rows to fill in', () => {
    const plan = carePlan();
    const { actions } = buildPlanDocument(plan, contextFor(plan));
    expect(actions).toEqual([
      { action: 'Agree funding for Level 3 Diploma in Adult Care with your manager: Employer-funded or Advanced Learner Loan' },
      { action: 'Find out what Level 3 Diploma in Adult Care would cost you: the sources give no cost' },
      { action: 'Apply for Level 3 Diploma in Adult Care (step 1)' },
      { action: 'Find out what Level 5 Diploma in Leading and Managing an Adult Care Service would cost you: the sources give no cost' },
      { action: 'Apply for Level 5 Diploma in Leading and Managing an Adult Care Service (step 3)' },
      { action: 'Apply to register with Care Quality Commission (CQC) (step 3)' },
      ...Array.from({ length: EMPTY_ACTION_ROWS }, () => ({})),
    ]);
  });

  it('cites each step by the numbers of its own sources and its qualifications’', () => {
    const dataset = careDataset();
    dataset.sources.push(
      { id: 'L3-SRC', title: 'Level 3 page', publisher: 'Awarding body', reviewed: '2026-11-01', url: 'https://example.org/l3' },
      { id: 'MOVE-SRC', title: 'Move page', publisher: 'Employer', reviewed: '2026-11-01' },
    );
    dataset.qualifications.find((q) => q.id === 'l3')!.sources = ['L3-SRC'];
    dataset.transitions.find((t) => t.from === 'senior_care_worker' && t.to === 'team_leader')!.sources = ['MOVE-SRC'];
    const plan = planOn({ from: 'care_worker', to: 'registered_manager' }, dataset);
    const doc = buildPlanDocument(plan, planContext(dataset, plan, { today: '2026-11-23', toolVersion: '1' }));
    const numberOf = (title: string) => doc.sources.find((s) => s.title === title)!.number;
    expect(doc.steps.map((s) => s.refs)).toEqual([
      [numberOf('Test fixture'), numberOf('Level 3 page')].sort((a, b) => a - b),
      [numberOf('Move page')],
      [numberOf('Test fixture')],
    ]);
    expect(doc.sources.find((s) => s.title === 'Level 3 page')).toMatchObject({ url: 'https://example.org/l3', checked: '1 November 2026' });
  });

  it('keeps only http(s) addresses as links', () => {
    const dataset = careDataset();
    dataset.sources[0]!.url = 'javascript:alert(1)';
    const plan = planOn({ from: 'care_worker', to: 'registered_manager' }, dataset);
    const doc = buildPlanDocument(plan, planContext(dataset, plan, { today: '2026-11-23', toolVersion: '1' }));
    expect(doc.sources[0]).not.toHaveProperty('url');
  });

  it('gives the scope, the dataset and the tool version', () => {
    const plan = carePlan();
    const doc = buildPlanDocument(plan, contextFor(plan));
    expect(doc.scope).toBe('These facts are for England: registers, qualifications and funding differ in Wales, Scotland and Northern Ireland.');
    expect(doc.made).toEqual({
      date: '23 November 2026',
      toolVersion: '9.9.9',
      dataset: { name: 'care fixture', version: '1.0.0', updated: '2026-11-23', overlays: [] },
    });
  });
});

describe('webAddress: http(s) only, in its normalised form (review H8)', () => {
  it.each([
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/', 'https://example.org/'],
    // The parser tolerates spaces and markup in the raw text; the normalised form encodes them.
    ['https://example.com/x) <img src=x onerror=alert(1)>', 'https://example.com/x)%20%3Cimg%20src=x%20onerror=alert(1)%3E'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    ['data:text/html,<b>x</b>', undefined],
    ['file:///etc/passwd', undefined],
    ['ftp://example.org/x', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s → %s', (url, expected) => {
    expect(webAddress(url)).toBe(expected);
  });
});
