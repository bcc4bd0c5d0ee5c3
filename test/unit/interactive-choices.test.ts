/** The questionnaire's pure parts: choices, typing to filter, directions, targets, answers → request. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readShippedDataset } from '../../src/dataset/load';
import type { Dataset } from '../../src/domain/types';
import { isHeading, type ChoiceItem } from '../../src/interactive/ask';
import { currentRoleChoices, roleRanks } from '../../src/interactive/current-role';
import { areaChoices, areaRoles, AREAS, defaultGoal, directionCandidates, goalChoices, isManagementRole } from '../../src/interactive/directions';
import { keyPrerequisites, qualificationChoices, qualificationsToOffer } from '../../src/interactive/held-qualifications';
import { filterByName } from '../../src/interactive/name-filter';
import { buildPlanRequest, DEFAULT_PREFERENCES } from '../../src/interactive/request';
import { formatTimeInRole, parseTimeInRole } from '../../src/interactive/answers';
import { commandLines, nextFreeName, planCommand, shellWord, suggestFileName, validateFileName, withMarkdownExtension } from '../../src/interactive/saving';
import { targetRoleChoices } from '../../src/interactive/target-roles';
import { explainNoTargets, findTargets, inAnswers } from '../../src/interactive/targets';
import { buildGraph, type PlanningGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import { dataset as tiny, move, qual, role } from '../helpers/datasets';

let data: Dataset;
let graph: PlanningGraph;
beforeAll(async () => {
  data = await readShippedDataset();
  graph = buildGraph(data);
});

const roleOf = (id: string) => data.roles.find((r) => r.id === id)!;
const values = <T>(items: ChoiceItem<T>[]) => items.filter((i) => !isHeading(i)).map((i) => (i as { value: T }).value);
const headings = <T>(items: ChoiceItem<T>[]) => items.filter(isHeading).map((h) => h.separator);
const names = <T>(items: ChoiceItem<T>[]) => items.filter((i) => !isHeading(i)).map((i) => (i as { name: string }).name);

describe('filterByName', () => {
  const entries = [
    { id: 'care_worker', name: 'Care worker', aliases: ['Care assistant'] },
    { id: 'senior_care_worker', name: 'Senior care worker', aliases: ['Key worker'] },
    { id: 'hcsw', name: 'Healthcare support worker', aliases: ['HCA'] },
  ];
  const ids = (term: string) => filterByName(term, entries).map((m) => m.entry.id);

  // prettier-ignore
  it.each([
    ['', ['care_worker', 'senior_care_worker', 'hcsw']],
    ['care', ['care_worker', 'senior_care_worker']], // name starts with it, then a word does ("healthcare" does not)
    ['CARE-WORKER', ['care_worker', 'senior_care_worker']],
    ['worker senior', ['senior_care_worker']], // words in any order
    ['assist', ['care_worker']], // an alias
    ['hca', ['hcsw']],
    ['key', ['senior_care_worker']],
    ['senoir care', ['senior_care_worker']], // a typo: nearest spellings
  ])('"%s" → %j', (term, expected) => {
    expect(ids(term)).toEqual(expected);
  });

  it('says which alias matched, and marks near spellings', () => {
    expect(filterByName('assist', entries)[0]).toMatchObject({ via: 'Care assistant' });
    expect(filterByName('senoir care', entries)[0]).toMatchObject({ near: true });
    expect(filterByName('zzzz', entries)).toEqual([]);
  });
});

describe('current role choices', () => {
  it('"I\'m new to care" first, then roles by sector and seniority under headings', () => {
    const items = currentRoleChoices(data, '');
    expect(items[0]).toMatchObject({ value: 'new_to_care', name: "I'm new to care" });
    expect(headings(items)).toEqual(['Adult social care', 'NHS', 'Social work']);
    const v = values(items);
    expect(v.indexOf('care_worker')).toBeLessThan(v.indexOf('senior_care_worker'));
    expect(v.indexOf('senior_care_worker')).toBeLessThan(v.indexOf('registered_manager'));
    expect(v).toHaveLength(data.roles.length);
  });

  it('typing narrows the list; aliases match and are shown', () => {
    const items = currentRoleChoices(data, 'care assist');
    expect(values(items)[0]).toBe('care_worker');
    expect(names(items)[0]).toBe('Care worker — also called Care assistant');
    expect(values(currentRoleChoices(data, 'new'))[0]).toBe('new_to_care');
    expect(values(currentRoleChoices(data, 'hca'))[0]).toBe('hcsw_band2');
    // "care" starts a word of "Health care assistant" (an alias), but is not inside "healthcare".
    expect(values(currentRoleChoices(data, 'care'))).not.toContain('hcsw_band3');
  });

  it('a typo still finds the nearest names, under a heading that says so', () => {
    const items = currentRoleChoices(data, 'regsitered manager');
    expect(headings(items)[0]).toContain('No role matches');
    expect(values(items)).toContain('registered_manager');
  });

  it('roles with no level rank just above the roles that lead to them', () => {
    const ranks = roleRanks(data);
    expect(ranks.get('ancillary_worker')).toBe(0);
    expect(ranks.get('new_to_care')).toBeLessThan(ranks.get('care_worker')!);
    expect(ranks.get('end_of_life_lead')).toBeGreaterThan(ranks.get('practice_leader')!);
    expect(ranks.get('activity_coordinator')).toBeGreaterThan(ranks.get('care_worker')!);
  });
});

describe('qualification choices', () => {
  it('groups by kind, orders by level, and leaves out what the role holds already', () => {
    const offered = qualificationsToOffer(data, roleOf('hcsw_band2'));
    expect(offered.map((q) => q.id)).not.toContain('care_certificate');
    const items = qualificationChoices(offered, '');
    expect(headings(items).slice(0, 4)).toEqual(['English and maths', 'Inductions and standards', 'Certificates and awards', 'Diplomas']);
    const v = values(items);
    expect(v.indexOf('l2_dip_care')).toBeLessThan(v.indexOf('l3_dip_adult_care'));
  });

  it('old titles match the current qualification', () => {
    const offered = qualificationsToOffer(data, roleOf('care_worker'));
    const items = qualificationChoices(offered, 'Level 3 Diploma in Health and Social Care');
    expect(values(items)[0]).toBe('l3_dip_adult_care');
    expect(names(items)[0]).toBe('Level 3 Diploma in Adult Care — also called Level 3 Diploma in Health and Social Care');
    expect(values(qualificationChoices(offered, 'ST0006'))).toEqual(['app_lacw']);
  });

  it('asks separately about English and maths, unless held or ticked', () => {
    expect(keyPrerequisites(data, roleOf('care_worker'), []).map((q) => q.id)).toEqual(['english_maths_l2']);
    expect(keyPrerequisites(data, roleOf('care_worker'), ['english_maths_l2'])).toEqual([]);
  });
});

describe('directions', () => {
  it('words the goal for where the person is', () => {
    const fresh = goalChoices(graph, roleOf('new_to_care'), true);
    expect(fresh[0]).toMatchObject({ value: 'up', name: 'Start my first job in care' });
    expect(fresh[0]!.description).toContain('Care worker');
    const carer = goalChoices(graph, roleOf('care_worker'), false);
    expect(carer.map((c) => c.value)).toEqual(['up', 'management', 'specialise', 'professional', 'role']);
    expect(carer[0]!.description).toBe('A more senior role in adult social care.');
  });

  it('offers stepping up first, or else the first direction that leads somewhere, and says which lead nowhere', () => {
    expect(defaultGoal(graph, roleOf('care_worker'), false)).toBe('up');
    expect(defaultGoal(graph, roleOf('sw_graduate'), false)).toBe('professional');
    expect(defaultGoal(graph, roleOf('registered_manager'), false)).toBe('up');
    // At the top of a ladder nothing fits a direction: the person names a role instead.
    expect(defaultGoal(graph, roleOf('nominated_individual'), false)).toBe('role');
    // A direction that leads nowhere is shown but cannot be chosen, and says why.
    const social = goalChoices(graph, roleOf('social_worker'), false);
    expect(social.find((c) => c.value === 'professional')!.disabled).toBe('(nothing in the dataset leads there from Social worker)');
    expect(social.find((c) => c.value === 'up')!.disabled).toBeUndefined();
    expect(social.find((c) => c.value === defaultGoal(graph, roleOf('social_worker'), false))!.disabled).toBeUndefined();
  });

  it('finds the roles that fit each direction and can be reached', () => {
    const care = roleOf('care_worker');
    // Someone new to care can start as a care, home care or support worker, an NHS healthcare support worker, or a trainee nursing associate.
    expect(directionCandidates(graph, roleOf('new_to_care'), { kind: 'up' }, true).sort()).toEqual([
      'care_worker',
      'domiciliary_care_worker',
      'hcsw_band2',
      'nursing_associate',
      'support_worker',
    ]);
    const up = directionCandidates(graph, care, { kind: 'up' }, false);
    expect(up).toEqual(expect.arrayContaining(['senior_care_worker', 'team_leader', 'registered_manager']));
    expect(up.every((id) => roleOf(id).sector === 'adult-social-care')).toBe(true);
    const management = directionCandidates(graph, care, { kind: 'management' }, false);
    expect(management).toEqual(expect.arrayContaining(['deputy_manager', 'registered_manager', 'team_manager']));
    expect(management.every((id) => isManagementRole(roleOf(id)))).toBe(true);
    expect(directionCandidates(graph, roleOf('deputy_manager'), { kind: 'management' }, false)).not.toContain('deputy_manager');
    const professions = directionCandidates(graph, care, { kind: 'professional' }, false);
    expect(professions).toEqual(expect.arrayContaining(['registered_nurse', 'nursing_associate', 'social_worker_nq', 'occupational_therapist']));
    expect(directionCandidates(graph, care, { kind: 'specialise', area: 'dementia' }, false)).toEqual(['dementia_lead']);
  });

  it('specialisms match role names and the training a specialise route needs', () => {
    const area = (id: string) => AREAS.find((a) => a.id === id)!;
    // A role whose name carries the area, with no training of its own; a role a route reaches by the area's training.
    expect([...areaRoles(data, area('learning-disability'))]).toEqual([
      ['rn_learning_disability', []],
      ['practice_leader', ['cpd_learning_disability']],
    ]);
    expect([...areaRoles(data, area('mental-health')).keys()].sort()).toEqual(['amhp', 'mental_health_support_worker', 'practice_leader', 'rn_mental_health']);
    // An alias that names a setting ("learning disability support worker") is not a specialism.
    expect(areaRoles(data, area('learning-disability')).has('support_worker')).toBe(false);
    expect(areaChoices(data).map((c) => c.value)).toEqual([
      'dementia',
      'end-of-life',
      'mental-health',
      'learning-disability',
      'autism',
      'mental-capacity',
      'any',
    ]);
    const fromHca = areaChoices(data, new Set(['amhp', 'bia']));
    // An area none of whose roles can be reached is shown but cannot be chosen, and says why.
    expect(fromHca.find((c) => c.value === 'dementia')).toMatchObject({
      description: 'Roles: Dementia lead.',
      disabled: '(none of its roles leads on from your role in the dataset)',
    });
    expect(fromHca.find((c) => c.value === 'mental-health')!.disabled).toBeUndefined();
  });

  it('knows a management role', () => {
    expect(['registered_manager', 'deputy_manager', 'head_of_service_sw', 'chief_social_worker'].every((id) => isManagementRole(roleOf(id)))).toBe(true);
    expect(['team_leader', 'care_coordinator', 'practice_leader'].some((id) => isManagementRole(roleOf(id)))).toBe(false);
  });
});

describe('targets', () => {
  it('ranks the reachable targets by what matters, and keeps why the others are out of reach', () => {
    const base = buildPlanRequest('care_worker', 'care_worker', [], DEFAULT_PREFERENCES);
    const search = findTargets(graph, base, ['registered_manager', 'senior_care_worker', 'deputy_manager']);
    expect(search.targets.map((t) => t.role.id)).toEqual(['senior_care_worker', 'deputy_manager', 'registered_manager']);
    expect(search.unreachable).toEqual([]);

    // A specialist role reached only through a university course is out of reach with --no-degree.
    const small = buildGraph(
      tiny({
        roles: [role('social_worker', { name: 'Social worker' }), role('bia', { name: 'Best Interests Assessor' })],
        qualifications: [qual('bia_msc', 6, { kind: 'postgraduate' })],
        transitions: [{ ...move('social_worker', 'bia', [['bia_msc']], 24), kind: 'specialise' }],
      }),
    );
    const open = findTargets(small, buildPlanRequest('social_worker', 'social_worker', [], DEFAULT_PREFERENCES), ['bia']);
    expect(open.targets.map((t) => t.role.id)).toEqual(['bia']);
    const blocked = findTargets(small, buildPlanRequest('social_worker', 'social_worker', [], { ...DEFAULT_PREFERENCES, noDegree: true }), ['bia']);
    expect(blocked.targets).toEqual([]);
    expect(blocked.unreachable.map((n) => n.to.id)).toEqual(['bia']);
    expect(explainNoTargets('specialise', 'Social worker', blocked, ['no university-only routes'])).toMatch(
      /^None of the 1 specialist role can be reached from Social worker with no university-only routes:\n {2}Best Interests Assessor: /,
    );
    expect(explainNoTargets('management', 'Chief social worker', { targets: [], unreachable: [], candidates: 0 }, [])).toBe(
      'The dataset has no management roles that lead on from Chief social worker.',
    );
  });

  it('lists every other role for "a specific role", nearest first', () => {
    const items = targetRoleChoices(graph, roleOf('care_worker'), '');
    expect(values(items)).not.toContain('care_worker');
    expect(headings(items)[0]).toBe('1 move away');
    expect(headings(items).at(-1)).toBe('No route from Care worker in the dataset');
  });
});

describe('answers → plan request', () => {
  it('maps every answer, with three alternatives', () => {
    expect(buildPlanRequest('a', 'b', ['q', 'q', 'r'], { optimise: 'cost', earnWhileLearning: true, noDegree: true, hoursPerWeek: 6 })).toEqual({
      from: 'a',
      to: 'b',
      have: ['q', 'r'],
      optimise: 'cost',
      alternatives: 3,
      avoid: [],
      noDegree: true,
      earnWhileLearning: true,
      hoursPerWeek: 6,
    });
    expect(buildPlanRequest('a', 'b', [], DEFAULT_PREFERENCES)).not.toHaveProperty('hoursPerWeek');
  });

  it('the request plans on a small dataset too', () => {
    const small = tiny({
      roles: [role('a'), role('b')],
      qualifications: [qual('q', 6)],
      transitions: [move('a', 'b', [['q']])],
    });
    const result = planRoute(buildGraph(small), buildPlanRequest('a', 'b', [], DEFAULT_PREFERENCES));
    expect(result.kind).toBe('plan');
  });

  it('gives the same plan as a command line, quoted for the shell', () => {
    const request = buildPlanRequest('care_worker', 'registered_manager', ['l3_dip_adult_care'], {
      optimise: 'time',
      earnWhileLearning: true,
      noDegree: false,
      hoursPerWeek: 8,
    });
    expect(planCommand(data, request, ['my data.yaml'])).toBe(
      'careerpath plan --from "Care worker" --to "Registered manager" --have "Level 3 Diploma in Adult Care" --optimise time --earn-while-learning --hours-per-week 8 --alternatives 3 --data "my data.yaml"',
    );
    // The default, most realistic, is what the command line does without --optimise.
    expect(DEFAULT_PREFERENCES.optimise).toBe('realistic');
    expect(planCommand(data, buildPlanRequest('care_worker', 'registered_manager', [], DEFAULT_PREFERENCES))).toBe(
      'careerpath plan --from "Care worker" --to "Registered manager" --alternatives 3',
    );
    // Months already served, when the request has them, come back as --months-in-role.
    expect(planCommand(data, { ...buildPlanRequest('social_worker', 'amhp', [], DEFAULT_PREFERENCES), monthsInRole: 24 })).toBe(
      'careerpath plan --from "Social worker" --to "Approved Mental Health Professional" --months-in-role 24 --alternatives 3',
    );
    expect(shellWord('plain')).toBe('plain');
    expect(shellWord('say "$HOME" `x`')).toBe('"say \\"\\$HOME\\" \\`x\\`"');
    // Bash expands "!" from its history even inside double quotes: single quotes then.
    expect(shellWord("Help!me 'now' $(x)")).toBe("'Help!me '\\''now'\\'' $(x)'");
  });
});

describe('file names', () => {
  it('suggests a name from the roles', async () => {
    const plan = planRoute(graph, buildPlanRequest('hcsw_band2', 'registered_nurse', [], DEFAULT_PREFERENCES));
    if (plan.kind !== 'plan') throw new Error('expected a plan');
    expect(suggestFileName(plan.plan)).toBe('career-plan-healthcare-support-worker-band-2-to-registered-nurse-adult.md');
  });

  // prettier-ignore
  it.each([
    ['plan', 'plan.md'],
    [' plan.md ', 'plan.md'],
    ['plan.markdown', 'plan.markdown'],
    ['notes.txt', 'notes.txt'],
    ['v1.2/plan', 'v1.2/plan.md'],
  ])('withMarkdownExtension(%j) → %j', (typed, expected) => {
    expect(withMarkdownExtension(typed)).toBe(expected);
  });

  it('refuses empty names and folders', () => {
    expect(validateFileName('plan.md')).toBe(true);
    expect(validateFileName('  ')).toBe('Type a file name, e.g. plan.md');
    expect(validateFileName('plans/')).toMatch(/folder/);
    expect(validateFileName('..')).toMatch(/folder/);
  });

  it('finds the next free name', async () => {
    const taken = new Set(['plan.md', 'plan-2.md']);
    const isTaken = async (f: string) => taken.has(f);
    expect(await nextFreeName('plan.md', isTaken)).toBe('plan-3.md');
    expect(await nextFreeName('other.md', isTaken)).toBe('other.md');
    expect(await nextFreeName('plan-2.md', isTaken)).toBe('plan-3.md');
  });
});

describe('search ranking and names people use', () => {
  it('a name typed whole or at its start comes first; "I\'m new to care" only leads for words a newcomer types', () => {
    expect(values(currentRoleChoices(data, 'care'))[0]).toBe('care_worker');
    expect(values(currentRoleChoices(data, 'care work'))[0]).toBe('care_worker');
    expect(values(currentRoleChoices(data, 'care'))).toContain('new_to_care');
    expect(values(currentRoleChoices(data, 'new'))[0]).toBe('new_to_care');
    expect(values(currentRoleChoices(data, ''))[0]).toBe('new_to_care');
    // An alias typed whole beats names that merely start the same way.
    const ranked = filterByName('hca', [
      { id: 'hcsw_band3', name: 'Senior healthcare support worker', aliases: ['Senior HCA'] },
      { id: 'hcsw_band2', name: 'Healthcare support worker', aliases: ['HCA'] },
    ]);
    expect(ranked.map((m) => m.entry.id)).toEqual(['hcsw_band2', 'hcsw_band3']);
  });

  it('finds old qualification titles (NVQ, QCF) as the qualification that replaced them', () => {
    const offered = qualificationsToOffer(data, roleOf('senior_care_worker'));
    expect(values(qualificationChoices(offered, 'NVQ 3'))[0]).toBe('l3_dip_adult_care');
    expect(values(qualificationChoices(offered, 'nvq level 2'))[0]).toBe('l2_dip_care');
    expect(values(qualificationChoices(offered, 'QCF level 3'))[0]).toBe('l3_dip_adult_care');
  });
});

describe('time in role, as people type it', () => {
  it.each([
    ['2 years', 24],
    ['18 months', 18],
    ['1 year 6 months', 18],
    ['1 year and 6 months', 18],
    ['1.5 years', 18],
    ['2y 3m', 27],
    ['8 MONTHS', 8],
    ['', undefined],
  ])('%j → %j months', (typed, months) => {
    expect(parseTimeInRole(typed)).toEqual({ months });
  });

  it.each([
    ['6', 'Say years or months, e.g. 6 years or 6 months'],
    ['six months', 'Type it like 2 years, 8 months or 1 year 6 months'],
    ['2 years ago', 'Type it like 2 years, 8 months or 1 year 6 months'],
    ['51 years', 'That is more than 50 years: type years or months, e.g. 20 years'],
  ])('%j is refused: %s', (typed, error) => {
    expect(parseTimeInRole(typed)).toEqual({ error });
  });

  it('reads back as typed', () => {
    expect([8, 12, 24, 18, 1].map(formatTimeInRole)).toEqual(['8 months', '1 year', '2 years', '1 year 6 months', '1 month']);
    for (const months of [0, 5, 12, 30, 600]) expect(parseTimeInRole(formatTimeInRole(months))).toEqual({ months });
  });
});

describe('the command to copy', () => {
  it('breaks before an option to fit the width, each break ending in a backslash', () => {
    const command = 'careerpath plan --from "Care worker" --to "Registered manager" --have "Level 3 Diploma in Adult Care" --alternatives 3';
    const lines = commandLines(command, 60).split('\n');
    expect(lines).toEqual([
      '  careerpath plan --from "Care worker" \\',
      '    --to "Registered manager" \\',
      '    --have "Level 3 Diploma in Adult Care" \\',
      '    --alternatives 3',
    ]);
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(commandLines(command)).toBe(`  ${command}`);
  });
});

describe('reasons in the questionnaire', () => {
  it('speak of what the person ticked, not of command-line flags', () => {
    expect(inAnswers('BSc Nursing is university-only (--no-degree)')).toBe('BSc Nursing is university-only (you ticked No university degree)');
    expect(inAnswers('cannot be done while working (--earn-while-learning)')).toBe('cannot be done while working (you ticked I need to earn while I learn)');
    expect(inAnswers('excluded (--avoid)')).toBe('excluded (--avoid)');
  });
});
