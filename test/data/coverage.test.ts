/**
 * What the dataset covers: the landscape a care or NHS support worker asks about (the coverage
 * review's P1 items), no islands and no dead ends, and the names people type.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readShippedYaml } from '../../src/dataset/read-files';
import { resolveQualification, resolveRole, resolveRoleOrQualification } from '../../src/domain/resolve';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import { fixture } from '../helpers/io';
import { lazy } from '../helpers/lazy';

const data = lazy(() => readShippedYaml());

/** The P1 items of the coverage review (what a care or NHS support worker commonly asks about), by id. */
const P1_ROLES = [
  'care_worker',
  'support_worker',
  'domiciliary_care_worker',
  'personal_assistant',
  'activity_coordinator',
  'enhanced_care_worker',
  'senior_care_worker',
  'team_leader',
  'registered_manager',
  'social_care_nurse',
  'hcsw_band2',
  'mental_health_support_worker',
  'therapy_assistant',
  'nursing_associate',
  'registered_nurse',
  'rn_mental_health',
  'rn_learning_disability',
  'midwife',
  'occupational_therapist',
  'physiotherapist',
  'paramedic',
  'social_worker',
];
const P1_QUALIFICATIONS = [
  'access_to_he',
  'app_acw',
  'app_lacw',
  'app_lac',
  'app_hcsw',
  'app_shcsw',
  'app_ap',
  'app_na',
  'app_rnda',
  'app_midwife',
  'app_ot',
  'app_physio',
  'app_paramedic',
  'app_swda',
  'app_swda_pg',
  'sw_degree',
  'sw_masters',
];
/** P1 moves: [from, to] that must plan. */
const P1_MOVES: [string, string][] = [
  ['personal_assistant', 'senior_care_worker'],
  ['enhanced_care_worker', 'nursing_associate'],
  ['senior_care_worker', 'nursing_associate'],
  ['registered_nurse', 'registered_manager'],
  ['rn_mental_health', 'registered_manager'],
  ['hcsw_band2', 'paramedic'],
  ['mental_health_support_worker', 'rn_mental_health'],
];

/**
 * Roles at the top of their ladder in this dataset: no move out of them is modelled, and each says
 * why. Every other role must lead somewhere.
 */
const TOP_ROLES: Record<string, string> = {
  chief_social_worker: 'the most senior social work post in government',
  doctor: 'specialty training and consultant or GP posts are beyond this dataset',
  advanced_clinical_practitioner: 'consultant practitioner posts are beyond this dataset',
  amhp_lead: 'leads a council’s AMHP service; the posts above it are general council management posts the sources do not tie to it',
  bia: 'a statutory specialist role held alongside a professional post',
  practice_educator: 'a specialist role held alongside a social work post',
  independent_reviewing_officer: 'a specialist children’s services post',
  nominated_individual: 'a legal duty held by a director or senior manager',
  learning_development_lead: 'the next steps are in the education and training sector',
  advocacy_worker: 'the next steps are inside advocacy services, not modelled',
  pharmacy_technician: 'pharmacist needs an MPharm degree, not modelled',
  dental_nurse: 'dental hygienist and therapist degrees are not modelled',
  art_therapist: 'senior and consultant arts therapist posts are not modelled',
  dramatherapist: 'senior and consultant arts therapist posts are not modelled',
  music_therapist: 'senior and consultant arts therapist posts are not modelled',
  osteopath: 'osteopaths mostly work in private practice, with no graded ladder',
};

describe('coverage of the career landscape', () => {
  it('has about 80 roles and 90 qualifications', () => {
    expect(data.roles.length).toBeGreaterThanOrEqual(80);
    expect(data.qualifications.length).toBeGreaterThanOrEqual(90);
  });

  it('has every P1 role and qualification of the coverage review', () => {
    const roleIds = new Set(data.roles.map((r) => r.id));
    const qualificationIds = new Set(data.qualifications.map((q) => q.id));
    expect(P1_ROLES.filter((id) => !roleIds.has(id))).toEqual([]);
    expect(P1_QUALIFICATIONS.filter((id) => !qualificationIds.has(id))).toEqual([]);
  });

  it('plans every P1 move', () => {
    const graph = buildGraph(data);
    const missing = P1_MOVES.filter(([from, to]) => planRoute(graph, { from, to, have: [], optimise: 'realistic', alternatives: 0 }).kind !== 'plan');
    expect(missing).toEqual([]);
  });

  it('has no dead ends: every role but the top of a ladder leads somewhere', () => {
    const leadsSomewhere = new Set(data.transitions.map((t) => t.from));
    const deadEnds = data.roles.filter((r) => !leadsSomewhere.has(r.id) && !(r.id in TOP_ROLES)).map((r) => r.id);
    expect(deadEnds).toEqual([]);
    // The list stays true: a top role that gains a move out, or is removed, comes off it.
    const stale = Object.keys(TOP_ROLES).filter((id) => leadsSomewhere.has(id) || !data.roles.some((r) => r.id === id));
    expect(stale).toEqual([]);
  });

  it('has no islands: every role is reached from an entry role', () => {
    const reached = new Set(data.roles.filter((r) => r.entry).map((r) => r.id));
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of data.transitions) {
        if (reached.has(t.from) && !reached.has(t.to)) grew = reached.add(t.to) !== undefined;
      }
    }
    expect(data.roles.filter((r) => !reached.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('says every entry is for England', () => {
    const entries = [...data.roles, ...data.qualifications, ...data.transitions, ...data.funding];
    expect(entries.filter((e) => e.nations.join() !== 'england')).toEqual([]);
  });
});

describe('the names people type', () => {
  const names = parse(readFileSync(fixture('../everyday-names.yaml'), 'utf8')) as {
    roles: Record<string, string>;
    qualifications: Record<string, string>;
    ambiguous: Record<string, string[]>;
  };
  const idOf = (typed: string) => {
    const found = resolveRoleOrQualification(data, typed);
    if (!found.ok) return found.ambiguous.length > 0 ? 'ambiguous' : 'unknown';
    return found.value.kind === 'role' ? found.value.role.id : found.value.qualification.id;
  };

  it.each(Object.entries(names.roles))('role "%s" finds %s (plan, next, show)', (typed, id) => {
    const found = resolveRole(data, typed);
    expect(found.ok ? found.value.id : found.ambiguous.map((r) => r.id)).toEqual(id);
    expect(idOf(typed)).toBe(id);
  });

  it.each(Object.entries(names.qualifications))('qualification "%s" finds %s (--have, unlocks, show)', (typed, id) => {
    const found = resolveQualification(data, typed);
    expect(found.ok ? found.value.id : found.ambiguous.map((q) => q.id)).toEqual(id);
    expect(idOf(typed)).toBe(id);
  });

  it.each(Object.entries(names.ambiguous))('"%s" lists %j and guesses none', (typed, ids) => {
    const roleIds = new Set(data.roles.map((r) => r.id));
    const found = roleIds.has(ids[0]!) ? resolveRole(data, typed) : resolveQualification(data, typed);
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.ambiguous.map((e) => e.id)).toEqual(expect.arrayContaining(ids));
  });
});
