/**
 * Route realism: the fifteen questions a careers adviser asked in the data review, each with the
 * answer an adviser would sign (the shape of the route, its typical length, the registration
 * gates on it), planned on the shipped dataset and read in the plan's table, Markdown and JSON.
 */
import { describe, expect, it } from 'vitest';
import { readShippedYaml } from '../../src/dataset/read-files';
import { resolveQualification, resolveRole } from '../../src/domain/resolve';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import type { Optimise, Plan, PlannedRoute } from '../../src/planner/types';
import { renderPlanJson } from '../../src/render/json-plan';
import { renderPlanMarkdown } from '../../src/render/markdown';
import { renderPlanTable } from '../../src/render/table';
import { lazy } from '../helpers/lazy';

const data = lazy(() => readShippedYaml());
const graph = lazy(() => buildGraph(data));

function plan(
  from: string,
  to: string,
  options: { optimise?: Optimise; have?: string[]; alternatives?: number; monthsInRole?: number; via?: string } = {},
): Plan {
  const id = (typed: string) => {
    const r = resolveRole(data, typed);
    if (!r.ok) throw new Error(`no role "${typed}"`);
    return r.value.id;
  };
  const have = (options.have ?? []).map((typed) => {
    const q = resolveQualification(data, typed);
    if (!q.ok) throw new Error(`no qualification "${typed}"`);
    return q.value.id;
  });
  const result = planRoute(graph, {
    from: id(from),
    to: id(to),
    have,
    optimise: options.optimise ?? 'realistic',
    alternatives: options.alternatives ?? 0,
    ...(options.monthsInRole !== undefined ? { monthsInRole: options.monthsInRole } : {}),
    ...(options.via !== undefined ? { via: id(options.via) } : {}),
  });
  if (result.kind !== 'plan') throw new Error(`no plan from ${from} to ${to}: ${JSON.stringify(result)}`);
  return result.plan;
}

const roles = (route: PlannedRoute) => route.steps.map((s) => s.to.id);
const gained = (route: PlannedRoute) => route.checklist.flatMap((q) => [q.id, ...q.includes.map((i) => i.id)]);
const gates = (route: PlannedRoute) => route.steps.flatMap((s) => (s.gate ? [s.gate.body] : []));
const years = (route: PlannedRoute) => route.totals.typicalMonths / 12;

const context = {
  today: '2026-12-04',
  toolVersion: 'test',
  dataset: { name: 'd', version: '1', updated: '2026-11-23', overlays: [] },
  sources: [],
};

/** Every gate on the best route is printed in the table, the Markdown and the JSON (a terminal wide enough that no line wraps). */
function expectGatesRendered(p: Plan): void {
  const table = renderPlanTable(p, { color: false, width: 400 });
  const markdown = renderPlanMarkdown(p, context);
  const json = JSON.parse(renderPlanJson(p, context)) as { best: { gates: { body: string }[] } };
  for (const body of gates(p.best)) {
    expect(table).toContain(`Register with ${body}`);
    expect(markdown).toContain(`Register with ${body}`);
  }
  expect(json.best.gates.map((g) => g.body)).toEqual(gates(p.best));
}

describe('the adviser questions of the data review, answered as an adviser would', () => {
  it('1. care worker → registered manager: through senior carer, a Level 3 and a supervisory post, 4½–7 years, with the CQC gate', () => {
    const p = plan('care worker', 'registered manager');
    const r = roles(p.best);
    expect(r[0]).toBe('senior_care_worker');
    expect(r.at(-1)).toBe('registered_manager');
    expect(r).toContain('deputy_manager');
    expect(gained(p.best).some((q) => ['l3_dip_adult_care', 'app_lacw', 'l3_toq_adult_care'].includes(q))).toBe(true);
    expect(gained(p.best).some((q) => ['l5_dip_leading_managing', 'app_lac', 'l5_dip_lm'].includes(q))).toBe(true);
    expect(years(p.best)).toBeGreaterThanOrEqual(4.5);
    expect(years(p.best)).toBeLessThanOrEqual(7);
    expect(p.best.totals.months.min).toBeGreaterThanOrEqual(30);
    expect(gates(p.best).some((b) => /CQC|Care Quality Commission/.test(b))).toBe(true);
    const cqc = p.best.steps.at(-1)!.gate!;
    expect(cqc.qualification).toBe('working-towards');
    expectGatesRendered(p);
  });

  it('3. care worker → team leader: a Level 3 and supervisory experience, 1½–3 years, never on an induction certificate', () => {
    const p = plan('care worker', 'team leader');
    expect(gained(p.best)).not.toContain('l2_ascc');
    expect(gained(p.best).some((q) => ['l3_dip_adult_care', 'app_lacw', 'l3_toq_adult_care'].includes(q))).toBe(true);
    expect(years(p.best)).toBeGreaterThanOrEqual(1.5);
    expect(years(p.best)).toBeLessThanOrEqual(3.5);
  });

  it('5. care worker → dementia lead: through senior carer with a Level 3 and dementia training; the time in post no source gives is flagged, not counted as none', () => {
    const p = plan('care worker', 'dementia lead');
    expect(roles(p.best)).toEqual(['senior_care_worker', 'dementia_lead']);
    expect(gained(p.best)).not.toContain('l2_ascc');
    expect(gained(p.best).some((q) => ['l3_dip_adult_care', 'app_lacw', 'l3_toq_adult_care'].includes(q))).toBe(true);
    expect(gained(p.best)).toContain('cpd_dementia');
    expect(years(p.best)).toBeGreaterThanOrEqual(1.5);
    // No source gives the time as a senior before a dementia lead post: the plan must say so.
    expect(p.best.totals.unknownExperience).toBeGreaterThan(0);
    expect(renderPlanTable(p, { color: false, width: 400 })).toContain('time in role not in the sources');
  });

  it('7. senior care worker → deputy manager (fastest): no care coordinator detour, and a Level 3 already held is never taken again', () => {
    const p = plan('senior care worker', 'deputy manager', { optimise: 'time' });
    expect(roles(p.best).at(-1)).toBe('deputy_manager');
    expect(roles(p.best)).not.toContain('care_coordinator');
    expect(years(p.best)).toBeGreaterThanOrEqual(1);
    expect(years(p.best)).toBeLessThanOrEqual(4);
    const held = plan('senior care worker', 'deputy manager', { have: ['Level 3 Diploma in Adult Care'] });
    expect(gained(held.best)).not.toContain('l3_dip_adult_care');
    expect(roles(held.best)).toEqual(['team_leader', 'deputy_manager']);
  });

  it('9. care worker → team leader holding a Level 2 diploma still takes time in post', () => {
    const p = plan('care worker', 'team leader', { have: ['Level 2 Diploma in Care'] });
    expect(p.best.totals.months.min).toBeGreaterThan(0);
    expect(years(p.best)).toBeGreaterThanOrEqual(1.5);
  });

  it('11. care worker → practice leader: the Level 4 or the Lead Practitioner apprenticeship, never an induction certificate; unknown time in post flagged', () => {
    const p = plan('care worker', 'practice leader');
    expect(gained(p.best)).not.toContain('l2_ascc');
    expect(gained(p.best).some((q) => ['l4_dip_adult_care', 'app_lpac'].includes(q))).toBe(true);
    // No source gives the experience before a practice leader post: shown as not known, never as none.
    expect(p.best.totals.unknownExperience).toBeGreaterThan(0);
    expect(p.best.steps.some((s) => s.experience.unknown !== undefined)).toBe(true);
  });

  it('13. healthcare support worker → registered nurse: Level 3 entry, the NMC gate, and the nursing associate route among the alternatives', () => {
    const p = plan('healthcare support worker', 'registered nurse', { alternatives: 3 });
    expect(gates(p.best).some((b) => /NMC|Nursing and Midwifery Council/.test(b))).toBe(true);
    const degree = gained(p.best).includes('nursing_bsc');
    if (degree) expect(gained(p.best).some((q) => ['access_to_he', 'a_levels'].includes(q))).toBe(true);
    const all = [p.best, ...p.alternatives];
    expect(all.some((route) => roles(route).includes('nursing_associate'))).toBe(true);
    for (const alt of p.alternatives) expect(alt.reasons.length).toBeGreaterThan(0);
    // No padded alternative (the same degree with an extra no-gain step, Band 2 → Band 3 → nurse):
    // no route shown is matched or beaten on every measure by another that needs no more.
    for (const alt of p.alternatives) {
      const t = alt.totals;
      const beatenBy = all.filter((o) => {
        const u = o.totals;
        return (
          o !== alt &&
          gained(o).every((q) => gained(alt).includes(q)) &&
          u.steps <= t.steps &&
          u.typicalMonths <= t.typicalMonths &&
          u.months.max <= t.months.max &&
          u.leavesPaidWork <= t.leavesPaidWork &&
          u.unknownCost.length <= t.unknownCost.length &&
          u.cost.max <= t.cost.max
        );
      });
      expect(beatenBy.map(roles), roles(alt).join(' > ')).toEqual([]);
    }
    expectGatesRendered(p);
  });

  it('15. maternity support worker → midwife: apprenticeship or degree, 3–4 years, the NMC gate', () => {
    const p = plan('maternity support worker', 'midwife');
    expect(roles(p.best)).toEqual(['midwife']);
    expect(gained(p.best).some((q) => ['app_midwife', 'midwifery_degree'].includes(q))).toBe(true);
    expect(years(p.best)).toBeGreaterThanOrEqual(3);
    expect(years(p.best)).toBeLessThanOrEqual(5);
    expect(gates(p.best).some((b) => /NMC|Nursing and Midwifery Council/.test(b))).toBe(true);
  });

  it('17. support worker → occupational therapist: straight onto the degree or apprenticeship, the HCPC gate', () => {
    const p = plan('support worker', 'occupational therapist');
    expect(roles(p.best)).toEqual(['occupational_therapist']);
    expect(gained(p.best).some((q) => ['app_ot', 'ot_degree', 'ot_msc'].includes(q))).toBe(true);
    expect(gained(p.best)).not.toContain('l4_dip_adult_care');
    expect(years(p.best)).toBeLessThanOrEqual(5);
    expect(gates(p.best).some((b) => /HCPC|Health and Care Professions Council/.test(b))).toBe(true);
  });

  it('19. care worker → registered nurse (fastest): Level 3 entry first, and tuition is never free', () => {
    const p = plan('care worker', 'registered nurse', { optimise: 'time' });
    const g = gained(p.best);
    if (g.includes('nursing_bsc')) {
      expect(g.some((q) => ['access_to_he', 'a_levels'].includes(q))).toBe(true);
      expect(p.best.totals.unknownCost.length > 0 || p.best.totals.cost.min > 0).toBe(true);
    }
    expect(gates(p.best).some((b) => /NMC|Nursing and Midwifery Council/.test(b))).toBe(true);
  });

  it('21. registered nurse → midwife: the shortened programme, 18–24 months, only for adult nurses', () => {
    const p = plan('registered nurse', 'midwife');
    const step = p.best.steps[0]!;
    expect(step.months.min).toBeGreaterThanOrEqual(18);
    expect(step.months.max).toBeLessThanOrEqual(24);
    expect(step.conditions.some((c) => c.kind === 'field' && /adult/i.test(c.text))).toBe(true);
  });

  it('23. social worker → AMHP: experience served before the course, then the course, with local authority approval', () => {
    const p = plan('social worker', 'Approved Mental Health Professional');
    const step = p.best.steps.at(-1)!;
    expect(step.experience.before).toBeDefined();
    expect(step.gate?.approval).toMatch(/local (social services )?authority/i);
    expect(years(p.best)).toBeGreaterThanOrEqual(1.5);
    expect(years(p.best)).toBeLessThanOrEqual(3);
    expectGatesRendered(p);
  });

  it('Grace, qualified two years: her 24 months as a social worker meet the time in post before the AMHP course (review M2)', () => {
    const before = plan('social worker', 'AMHP');
    expect(before.best.totals.months).toEqual({ min: 18, max: 24 });
    const p = plan('social worker', 'AMHP', { monthsInRole: 24 });
    expect(roles(p.best)).toEqual(['amhp']);
    const step = p.best.steps[0]!;
    expect(step.experience.before).toEqual({ min: 12, max: 12 });
    expect(step.experience.served).toEqual({ months: 24, before: { min: 0, max: 0 } });
    // What is left is the course itself.
    expect(step.months).toEqual({ min: 6, max: 12 });
    expect(p.best.totals.months).toEqual({ min: 6, max: 12 });
    const table = renderPlanTable(p, { color: false, width: 400 });
    expect(table.split('\n')[1]).toMatch(/^1 step · usually about 9 months \(6–12 months\) · /);
    expect(table).toContain("Already served: 24 months as Social worker, counted towards step 1's time in post");
    expect(table).toContain('  - Experience: 12 months in post before the course starts: met by your 24 months\n');
    expect(renderPlanMarkdown(p, context)).toContain('| 6–12 months (12 months in post before the course starts: met by your 24 months) |');
  });

  it('25. graduate → social worker (fastest): a fast-track programme with the ASYE, about 2 years, the Social Work England gate', () => {
    const p = plan('graduate', 'social worker', { optimise: 'time' });
    expect(years(p.best)).toBeGreaterThanOrEqual(1.5);
    expect(years(p.best)).toBeLessThanOrEqual(3);
    expect(gates(p.best).some((b) => /Social Work England/.test(b))).toBe(true);
  });

  it('27. social worker → principal social worker: never a route of no time, and not only through service manager', () => {
    const p = plan('social worker', 'principal social worker');
    expect(roles(p.best)).not.toContain('service_manager_sw');
    expect(p.best.totals.months.min > 0 || p.best.totals.unknownExperience > 0).toBe(true);
  });

  it('29. social worker → Best Interests Assessor: post-registration experience, then the module', () => {
    const p = plan('social worker', 'Best Interests Assessor');
    expect(roles(p.best)).toEqual(['bia']);
    expect(p.best.steps[0]!.experience.before ?? p.best.steps[0]!.experience.alongside).toBeDefined();
    expect(years(p.best)).toBeGreaterThanOrEqual(1);
    expect(years(p.best)).toBeLessThanOrEqual(3);
  });
});

describe('onward from AMHP', () => {
  const socialWorkQualifications = ['sw_degree', 'sw_masters', 'app_swda', 'app_swda_pg', 'step_up', 'frontline', 'think_ahead'];
  const qualifiesInSocialWork = (route: PlannedRoute) => gained(route).some((q) => socialWorkQualifications.includes(q));

  it('a social worker can qualify as an AMHP, then go up the social work ladder to principal social worker', () => {
    const p = plan('social worker', 'principal social worker', { via: 'AMHP' });
    expect(roles(p.best)).toEqual(['amhp', 'advanced_practitioner_sw', 'principal_social_worker']);
    const [amhp, senior] = p.best.steps;
    expect(amhp!.experience.before).toEqual({ min: 12, max: 12 });
    expect(senior!.conditions.some((c) => c.kind === 'field' && /social workers/.test(c.text))).toBe(true);
    // Being an AMHP is not a shortcut: no sooner at the senior grade than by the direct move.
    const direct = plan('social worker', 'advanced practitioner (social work)');
    const throughAmhp = plan('social worker', 'advanced practitioner (social work)', { via: 'AMHP' });
    expect(throughAmhp.best.totals.months.min).toBeGreaterThanOrEqual(direct.best.totals.months.min);
  });

  it('the direct ladder stays the best way to principal social worker', () => {
    expect(roles(plan('social worker', 'principal social worker').best)).not.toContain('amhp');
  });

  it('a nurse or occupational therapist AMHP reaches the social work grades only by qualifying as a social worker', () => {
    for (const from of ['mental health nurse', 'occupational therapist']) {
      const p = plan(from, 'principal social worker', { alternatives: 3 });
      expect(roles(p.best), from).toContain('social_worker_nq');
      for (const route of [p.best, ...p.alternatives]) {
        if (roles(route).includes('advanced_practitioner_sw')) expect(qualifiesInSocialWork(route), from).toBe(true);
      }
    }
  });

  it('no route, alternatives included, takes a professional degree inside a step that is not the move into the profession', () => {
    const professional = new Set(data.qualifications.filter((q) => q.purpose === 'professional-entry').map((q) => q.id));
    for (const [from, to] of [
      ['mental health nurse', 'principal social worker'],
      ['occupational therapist', 'principal social worker'],
      ['care worker', 'registered nurse (adult)'],
      ['healthcare support worker', 'midwife'],
    ] as const) {
      const p = plan(from, to, { alternatives: 3 });
      for (const route of [p.best, ...p.alternatives]) {
        for (const step of route.steps) {
          if (step.kind === 'professional') continue;
          expect(
            step.gains.filter((g) => professional.has(g.id)).map((g) => g.id),
            `${from} → ${to}: ${step.from.name} → ${step.to.name}`,
          ).toEqual([]);
        }
      }
      // The nurse's shortest-looking alternative used to gain a BA Social Work on the AMHP → advanced practitioner step.
      if (from === 'mental health nurse')
        expect(p.alternatives.some((r) => roles(r).join() === 'amhp,advanced_practitioner_sw,principal_social_worker')).toBe(false);
    }
  });
});

describe('funding figures beside the plan', () => {
  it('shows a figure meant for particular qualifications only when the plan gains one of them', () => {
    const labels = (p: Plan) => p.funding.flatMap((f) => f.amounts.map((a) => a.label));
    expect(labels(plan('care worker', 'team leader')).some((l) => /Level 2 Adult Social Care Certificate/.test(l))).toBe(false);
    const certificate = plan('new to care', 'care worker', { alternatives: 0 });
    const gainsIt = certificate.best.checklist.some((g) => g.id === 'l2_ascc');
    expect(labels(certificate).some((l) => /Level 2 Adult Social Care Certificate/.test(l))).toBe(gainsIt);
  });

  it('says English and maths at level 2 is free to adults who do not have it (the Adult Skills Fund entitlement)', () => {
    const p = plan('care worker', 'registered nurse', { alternatives: 0 });
    const em = p.best.checklist.find((g) => g.id === 'english_maths_l2');
    if (em) expect(em.cost).toEqual({ min: 0, max: 0 });
    expect(data.qualifications.find((q) => q.id === 'english_maths_l2')!.funding).toContain('adult_skills_fund');
  });
});

describe('entry requirements the plan adds', () => {
  it('say they are needed first only if the person does not already hold them', () => {
    const p = plan('care worker', 'registered nurse', { alternatives: 0 });
    expect(p.best.checklist.some((g) => g.prerequisiteOf === 'nursing_bsc')).toBe(true);
    // Wide enough that the cell's words stay on one line.
    expect(renderPlanTable(p, { color: false, width: 400 })).toContain('needed first unless you hold it');
    expect(renderPlanMarkdown(p, context)).toContain('unless you already hold it or something that counts instead');
  });
});

describe('the routes the coverage review added, as an expert read them', () => {
  it('a nurse moving to a care home passes no new registration gate; a support worker becoming a nurse does', () => {
    const toCareHome = plan('registered nurse (adult)', 'nurse in social care');
    expect(roles(toCareHome.best)).toEqual(['social_care_nurse']);
    expect(gates(toCareHome.best)).toEqual([]);
    expect(gates(plan('healthcare support worker', 'mental health nurse').best)).toEqual(['Nursing and Midwifery Council (NMC)']);
    // Nor does the clinical lead post that follows (it gains management training, not a new profession).
    const toClinicalLead = plan('nurse in social care', 'clinical lead');
    expect(gates(toClinicalLead.best)).toEqual([]);
    // A nurse qualifying as a midwife registers again, on the same register's midwives' part.
    expect(gates(plan('registered nurse (adult)', 'midwife').best)).toEqual(['Nursing and Midwifery Council (NMC)']);
  });

  it("a graduate spends the year in care work the arts therapy courses ask for before the master's", () => {
    const art = plan('graduate', 'art therapist').best;
    expect(art.steps[0]!.experience.before).toEqual({ min: 12, max: 12 });
    expect(plan('graduate', 'music therapist').best.steps[0]!.experience.unknown).toBeDefined();
  });

  it('an adult nurse reaches AMHP by qualifying in social work, never by managing a care home first', () => {
    const p = plan('registered nurse (adult)', 'approved mental health professional', { alternatives: 2 });
    expect(roles(p.best)).toEqual(['social_worker_nq', 'social_worker', 'amhp']);
    for (const route of [p.best, ...p.alternatives]) expect(roles(route)).not.toContain('registered_manager');
    // Mental health and learning disability nurses are eligible themselves.
    expect(roles(plan('mental health nurse', 'approved mental health professional').best)).toEqual(['amhp']);
  });

  it('a support worker becomes a doctor by the medical degree first; the scarce apprenticeship is an alternative', () => {
    const p = plan('healthcare support worker', 'doctor', { alternatives: 2 });
    expect(gained(p.best)).toContain('medicine_degree');
    expect(p.alternatives.some((a) => gained(a).includes('app_doctor'))).toBe(true);
  });

  it('a senior care worker can apply for a health degree as a care worker can, with no step back first', () => {
    const degrees = [
      'paramedic',
      'physiotherapist',
      'occupational therapist',
      'podiatrist',
      'diagnostic radiographer',
      'speech and language therapist',
      'osteopath',
      'mental health nurse',
    ];
    for (const to of degrees) {
      const p = plan('senior care worker', to);
      expect(roles(p.best), to).toEqual([p.to.id]);
      expect(p.best.steps[0]!.experience.alongside, to).toEqual({ min: 0, max: 0 });
    }
  });

  it('the headline plan goes through a supervisory post, not a specialist lead', () => {
    const p = plan('care worker', 'registered manager');
    expect(roles(p.best)).not.toContain('dementia_lead');
    expect(roles(p.best)).toContain('deputy_manager');
  });

  it('a cook in a care home moves into care work, then up the care ladder', () => {
    const p = plan('cook', 'registered manager');
    expect(roles(p.best).slice(0, 2)).toEqual(['new_to_care', 'care_worker']);
    expect(roles(p.best)).not.toContain('personal_assistant');
  });

  it('an operating department practitioner qualifies by degree, not the retired two-year diploma', () => {
    const odp = data.qualifications.find((q) => q.id === 'odp_degree')!;
    expect(odp.durationMonths).toEqual({ min: 36, max: 36 });
    expect(odp.name).not.toMatch(/DipHE/);
  });
});
