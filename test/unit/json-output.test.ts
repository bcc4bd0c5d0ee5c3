/** The --json output against the JSON Schema generated from its contract (render/json-contract*.ts), with ajv. */
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../src/dataset/parse-source';
import { readShippedYaml } from '../../src/dataset/read-files';
import { validateDataset } from '../../src/dataset/validate';
import { describeQualification, describeRole } from '../../src/domain/details';
import { datasetInfo } from '../../src/render/context';
import { OUTPUT_SCHEMA_VERSION, renderValidationJson } from '../../src/render/json';
import { renderDetailsJson, renderRolesJson } from '../../src/render/json-entries';
import { renderNextJson, renderUnlocksJson } from '../../src/render/json-explore';
import { renderPlanJson } from '../../src/render/json-plan';
import { listNextMoves, listUnlocks } from '../../src/planner/explore';
import { buildGraph } from '../../src/planner/graph';
import { selectRoles } from '../../src/render/roles';
import { outputJsonSchema } from '../../src/render/output-schema';
import { lazy } from '../helpers/lazy';
import { careDataset, contextFor, planOn } from '../helpers/plans';

const published = outputJsonSchema();
// The shipped data, parsed once for this file (made by the first test that uses it, see test/helpers/lazy.ts).
const shipped = lazy(() => readShippedYaml());
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validateOutput = ajv.compile(published);

/** Parses the JSON text and checks it against the schema, failing with ajv's own words. */
function checked(text: string): Record<string, unknown> {
  const value = JSON.parse(text);
  const ok = validateOutput(value);
  expect(ok ? [] : ajv.errorsText(validateOutput.errors, { separator: '\n' }).split('\n')).toEqual([]);
  return value;
}

describe('the published output schema', () => {
  it('is one schema per document, told apart by kind, with the version the documents carry', () => {
    expect(published.title).toBe(`careerpath JSON output (schemaVersion ${OUTPUT_SCHEMA_VERSION})`);
    const defs = published.$defs as Record<string, { properties: { kind: { const: string }; schemaVersion: { const: number } } }>;
    const documents = (published.oneOf as { $ref: string }[]).map((d) => defs[d.$ref.replace('#/$defs/', '')]!);
    expect(documents.map((d) => d.properties.kind.const)).toEqual([
      'plan',
      'roles',
      'qualifications',
      'role',
      'qualification',
      'validation',
      'next',
      'unlocks',
      'error',
    ]);
    expect(documents.every((d) => d.properties.schemaVersion.const === OUTPUT_SCHEMA_VERSION)).toBe(true);
  });

  it('rejects output with a missing or unknown key (so a pass means something)', () => {
    const plan = JSON.parse(renderPlanJson(planOn({ from: 'care_worker', to: 'team_leader' }), contextFor(planOn({ from: 'care_worker', to: 'team_leader' }))));
    expect(validateOutput({ ...plan, extra: 1 })).toBe(false);
    const { best: _, ...withoutBest } = plan;
    expect(validateOutput(withoutBest)).toBe(false);
  });
});

describe('plan --json', () => {
  const plan = planOn({ from: 'care_worker', to: 'registered_manager', alternatives: 2, have: ['care_cert'] });
  const json = checked(renderPlanJson(plan, contextFor(plan)));

  it('has schemaVersion first and a stable key order', () => {
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'kind',
      'generated',
      'dataset',
      'from',
      'to',
      'optimise',
      'have',
      'via',
      'constraints',
      'hoursPerWeek',
      'monthsInRole',
      'best',
      'alternatives',
      'searchComplete',
      'searchLimit',
      'nations',
      'funding',
      'sources',
    ]);
    expect(json.schemaVersion).toBe(OUTPUT_SCHEMA_VERSION);
    expect(OUTPUT_SCHEMA_VERSION).toBe(2);
    expect(json.kind).toBe('plan');
  });

  it('gives totals and steps with qualification ids and names', () => {
    const best = json.best as {
      totals: unknown;
      reasons: string[];
      gates: unknown[];
      steps: { number: number; qualifications: { id: string; name: string }[]; experience: unknown; cost: unknown; knownCost: unknown; gate: unknown }[];
      path: { id: string }[];
    };
    // Two qualifications have no cost in the sources, so the total cost is not known (null), never £0.
    expect(best.totals).toEqual({
      steps: 3,
      months: { min: 36, max: 54 },
      typicalMonths: 45,
      monthsComplete: true,
      cost: null,
      knownCost: { min: 0, max: 0 },
      costComplete: false,
      unknownCost: ['l3', 'l5'],
      unknownDuration: [],
      unknownExperience: 0,
      leavesPaidWork: 0,
    });
    expect(best.reasons).toEqual(['fewest-moves']);
    expect(best.steps.map((s) => s.experience)).toEqual([
      { before: null, alongside: { min: 6, max: 6 }, unknown: null, served: null },
      { before: null, alongside: { min: 6, max: 12 }, unknown: null, served: null },
      { before: null, alongside: { min: 12, max: 12 }, unknown: null, served: null },
    ]);
    expect(json.monthsInRole).toBeNull();
    expect(best.steps.map((s) => [s.cost, s.knownCost])).toEqual([
      [null, { min: 0, max: 0 }],
      [
        { min: 0, max: 0 },
        { min: 0, max: 0 },
      ],
      [null, { min: 0, max: 0 }],
    ]);
    const gate = {
      step: 3,
      role: { id: 'registered_manager', name: 'Registered manager' },
      body: 'Care Quality Commission (CQC)',
      required: true,
      checks: 'fitness to manage the service',
      qualification: 'working-towards',
      approval: null,
      sources: ['FIX'],
    };
    expect(best.steps.map((s) => s.gate)).toEqual([null, null, gate]);
    expect(best.gates).toEqual([gate]);
    expect(best.path.map((r) => r.id)).toEqual(['care_worker', 'senior_care_worker', 'team_leader', 'registered_manager']);
    expect(best.steps.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(best.steps[0]!.qualifications.map((q) => [q.id, q.name])).toEqual([['l3', 'Level 3 Diploma in Adult Care']]);
    expect((json.alternatives as unknown[]).length).toBe(plan.alternatives.length);
    expect(json.have).toEqual([{ id: 'care_cert', name: 'Care Certificate' }]);
    expect(json.dataset).toEqual({ name: 'care fixture', version: '1.0.0', updated: '2026-11-23', overlays: [] });
  });

  it('is the same text every time', () => {
    expect(renderPlanJson(plan, contextFor(plan))).toBe(renderPlanJson(plan, contextFor(plan)));
  });

  it('carries the months already served, and what they met on the first step only', () => {
    const served = planOn({ from: 'care_worker', to: 'registered_manager', monthsInRole: 8 });
    const credited = checked(renderPlanJson(served, contextFor(served))) as { monthsInRole: number; best: { steps: { experience: { served: unknown } }[] } };
    expect(credited.monthsInRole).toBe(8);
    expect(credited.best.steps.map((s) => s.experience.served)).toEqual([{ months: 8, before: null, alongside: { min: 0, max: 0 } }, null, null]);
  });

  it('validates for plans on the shipped data too', () => {
    for (const [from, to] of [
      ['care_worker', 'registered_manager'],
      ['hcsw_band2', 'registered_nurse'],
      ['care_worker', 'occupational_therapist'],
    ] as const) {
      const p = planOn({ from, to, alternatives: 2 }, shipped);
      checked(renderPlanJson(p, contextFor(p, shipped)));
    }
  });
});

describe('roles, show and validate --json', () => {
  it('roles: every role, and a filtered list', () => {
    const dataset = careDataset();
    const all = checked(renderRolesJson(selectRoles(dataset, {}), {}, datasetInfo(dataset)));
    expect(all.count).toBe(5);
    expect(all.filter).toEqual({ sector: null, level: null });
    const level5 = checked(renderRolesJson(selectRoles(dataset, { level: 5 }), { level: 5 }, datasetInfo(dataset)));
    expect((level5.roles as { id: string; indicative: boolean }[]).map((r) => [r.id, r.indicative])).toEqual([['registered_manager', true]]);
  });

  it('show: every role and qualification of the shipped data', () => {
    const info = datasetInfo(shipped);
    for (const role of shipped.roles) checked(renderDetailsJson(describeRole(shipped, role), info));
    for (const q of shipped.qualifications) checked(renderDetailsJson(describeQualification(shipped, q), info));
  });

  it('show: a role with its moves both ways', () => {
    const dataset = careDataset();
    const senior = dataset.roles.find((r) => r.id === 'senior_care_worker')!;
    const json = checked(renderDetailsJson(describeRole(dataset, senior), datasetInfo(dataset)));
    expect(Object.keys(json)).toEqual(['schemaVersion', 'kind', 'dataset', 'role', 'leadsTo', 'leadsFrom', 'sources']);
    expect((json.leadsTo as { role: { id: string } }[]).map((m) => m.role.id)).toEqual(['team_leader']);
    expect((json.leadsFrom as { role: { id: string }; routes: unknown[] }[]).map((m) => [m.role.id, m.routes.length])).toEqual([['care_worker', 2]]);
  });

  it('validate: a clean dataset and one with problems', () => {
    const clean = checked(renderValidationJson({ files: ['a.yaml'], issues: [], dataset: shipped }));
    expect(clean.valid).toBe(true);
    const parsed = parseDatasetText(
      'bad.yaml',
      'dataset: {name: t, version: "1", updated: 2026-11-23}\nroles:\n  - {id: a, name: A, sector: nhs, level: 11, summary: s, sources: [S]}\n',
    );
    if (!parsed.ok) throw new Error('parse failed');
    const result = validateDataset([parsed.document]);
    if (result.ok) throw new Error('expected problems');
    const bad = checked(renderValidationJson({ files: ['bad.yaml'], issues: result.issues }));
    expect(bad.valid).toBe(false);
    expect(bad.dataset).toBeNull();
    expect(bad.problems).toContainEqual({ file: 'bad.yaml', line: 3, column: 42, path: 'roles[0].level', message: 'Too big: expected number to be <=8' });
  });
});

describe('next --json and unlocks --json', () => {
  const graph = lazy(() => buildGraph(shipped));

  it('next: every move with its routes, what is held and what is still to gain', () => {
    const moves = listNextMoves(graph, 'senior_care_worker', ['l3_dip_adult_care']);
    const json = checked(renderNextJson({ id: 'senior_care_worker', name: 'Senior care worker' }, moves, datasetInfo(shipped))) as {
      kind: string;
      moves: { to: { id: string }; ready: boolean; routes: { requires: { id: string; held: boolean }[] }[] }[];
    };
    expect(json.kind).toBe('next');
    const teamLeader = json.moves.find((m) => m.to.id === 'team_leader')!;
    expect(teamLeader.ready).toBe(true);
    expect(teamLeader.routes.flatMap((r) => r.requires).find((q) => q.id === 'l3_dip_adult_care')?.held).toBe(true);
  });

  it('unlocks: roles opened directly and one move on', () => {
    const json = checked(renderUnlocksJson(listUnlocks(graph, 'l3_dip_adult_care'), datasetInfo(shipped))) as {
      kind: string;
      direct: { role: { id: string } }[];
    };
    expect(json.kind).toBe('unlocks');
    expect(json.direct.map((d) => d.role.id)).toContain('senior_care_worker');
  });
});
