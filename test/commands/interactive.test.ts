/**
 * The questionnaire as a whole, with scripted answers through the `Ask` seam: the real flow,
 * choices, planner, renderers and file writer, no terminal. The shipped dataset, unless a test
 * needs facts only a fixture can pin.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runInteractive } from '../../src/commands/interactive';
import { readDataset, readShippedDataset } from '../../src/dataset/load';
import type { Dataset } from '../../src/domain/types';
import { runQuestionnaire } from '../../src/interactive/questionnaire';
import { main, reportError } from '../../src/main';
import { CANCEL, scriptedAsk, type Script } from '../helpers/ask';
import { captureIo, fixture } from '../helpers/io';

let dataset: Dataset;
let dir: string;
beforeAll(async () => {
  dataset = await readShippedDataset();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'careerpath-interactive-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const TODAY = new Date(Date.UTC(2026, 10, 23));

/** The reproducible command as one line, as a shell reads it across its backslashed breaks. */
const joinedCommand = (text: string) => text.replace(/ \\\n +/g, ' ');

/** Runs the whole conversation in a temp folder; returns what was asked, said and saved. */
async function converse(script: Script = [], data: Dataset = dataset) {
  const ask = scriptedAsk(script);
  const io = captureIo({ cwd: dir, stdinIsTTY: true, stdoutIsTTY: true });
  const saved = await runInteractive(data, ask, io, { color: false, dataFiles: [], today: TODAY });
  return { ask, saved, told: ask.told.join('\n'), files: readdirSync(dir) };
}

describe('the questionnaire, answered by pressing Enter', () => {
  it('plans a first job in care for someone new and saves it under the suggested name', async () => {
    const { ask, saved, told, files } = await converse();
    expect(ask.names()).toEqual([
      'currentRole',
      'qualifications',
      'prerequisite:english_maths_l2',
      'goal',
      'optimise',
      'constraints',
      'hoursPerWeek',
      'target',
      'review',
      'afterPlan',
      'fileName',
    ]);
    expect(ask.asked[0]!.answer).toBe('new_to_care');
    // The first jobs open to someone new, best first; Enter takes the first.
    const target = ask.asked.find((a) => a.name === 'target')!;
    expect(target.offered).toEqual(expect.arrayContaining(['care_worker', 'support_worker', 'hcsw_band2']));
    expect(target.answer).toBe(target.offered![0]);
    expect(['care_worker', 'support_worker', 'hcsw_band2']).toContain(target.answer);
    const job = dataset.roles.find((r) => r.id === target.answer)!.name;
    expect(told).toContain(`\nNew to care → ${job}\n`);
    expect(told).toContain('Qualifications to gain, in order');
    expect(told).toContain(`careerpath plan --from "New to care" --to "${job}" --alternatives 3`);
    expect(saved).toMatch(/^career-plan-new-to-care-to-(care-worker|support-worker|healthcare-support-worker-band-2)\.md$/);
    expect(files).toEqual([saved]);
    const markdown = readFileSync(join(dir, saved!), 'utf8');
    expect(markdown.split('\n')[0]).toBe(`# Career plan: New to care → ${job}`);
    expect(markdown).toContain('Prepared on 23 November 2026');
    // A first job in care starts with the Care Certificate induction, so the saved plan has a checklist.
    expect(markdown).toContain('- [ ] ');
    expect(told).toContain(`Saved ${saved}`);
  });
});

describe('answers shape the questions and the plan', () => {
  it('a specific target: an alias finds the role, an old title finds the qualification', async () => {
    const { ask, told, files } = await converse([
      ['currentRole', 'care assist'],
      ['qualifications', ['level 3 diploma in health and social care']],
      ['prerequisite:english_maths_l2', true],
      ['goal', 'role'],
      ['targetRole', 'registered manag'],
      ['optimise', 'time'],
      ['afterPlan', 'finish'],
    ]);
    const answer = (name: string) => ask.asked.find((a) => a.name === name)?.answer;
    expect(answer('currentRole')).toBe('care_worker');
    expect(answer('qualifications')).toEqual(['l3_dip_adult_care']);
    expect(answer('targetRole')).toBe('registered_manager');
    expect(ask.names()).not.toContain('target');
    expect(ask.names()).not.toContain('fileName');
    expect(told).toMatch(/^Care worker → Registered manager$/m);
    expect(told).toContain('  (ranked by: shortest time)\n');
    expect(told).toContain('Already held, not counted: Level 3 Diploma in Adult Care; English and maths at level 2');
    expect(told).not.toContain('[ ] Level 3 Diploma in Adult Care');
    // The command is broken before an option to fit the terminal, each break ending in a backslash.
    expect(told).toMatch(/^ {2}careerpath plan --from "Care worker" --to "Registered manager" \\$/m);
    expect(joinedCommand(told)).toContain(
      'careerpath plan --from "Care worker" --to "Registered manager" --have "Level 3 Diploma in Adult Care" --have "English and maths at level 2" --optimise time --alternatives 3',
    );
    expect(files).toEqual([]);
  });

  it('a direction is answered with the best targets that fit it, under the constraints', async () => {
    const { ask, told } = await converse([
      ['currentRole', 'hca'],
      ['goal', 'professional'],
      ['constraints', ['earnWhileLearning']],
      ['target', 'nursing_associate'],
      ['afterPlan', 'finish'],
    ]);
    expect(ask.asked[0]!.answer).toBe('hcsw_band2');
    const target = ask.asked.find((a) => a.name === 'target')!;
    expect(target.message).toBe('The best registered professions for you (most realistic first):');
    expect(target.offered).toEqual(expect.arrayContaining(['nursing_associate', 'dental_nurse']));
    expect(target.offered).not.toContain('hcsw_band2');
    expect(told).toMatch(/^Healthcare support worker \(Band 2\) → Nursing associate$/m);
    expect(told).toContain('Conditions: only routes you can do while working');
    expect(told).toContain('--earn-while-learning');
    // The role's own qualifications are counted without asking.
    expect(told).toContain('As a Healthcare support worker (Band 2) you are counted as holding Care Certificate already.');
    expect(ask.asked.find((a) => a.name === 'qualifications')!.offered).not.toContain('care_certificate');
  });

  it('specialising asks which area, and names the area training a shorter route leaves out', async () => {
    const { ask, told } = await converse([
      ['currentRole', 'team leader'],
      ['goal', 'specialise'],
      ['specialism', 'learning-disability'],
      ['afterPlan', 'finish'],
    ]);
    expect(ask.names().slice(0, 6)).toEqual(['currentRole', 'qualifications', 'prerequisite:english_maths_l2', 'monthsInRole', 'goal', 'specialism']);
    expect(ask.asked.find((a) => a.name === 'target')!.offered).toEqual(['practice_leader', '\u0000somewhere-else']);
    expect(told).toMatch(/^Team leader → Practice leader$/m);
    expect(told).toContain('To specialise in learning disability, add Learning disability training');
  });

  it('"somewhere else" after a direction falls back to the full list of roles', async () => {
    const { ask, told } = await converse([
      ['currentRole', 'care worker'],
      ['goal', 'management'],
      ['target', '\u0000somewhere-else'],
      ['targetRole', 'nursing associate'],
      ['afterPlan', 'finish'],
    ]);
    expect(ask.names()).toContain('targetRole');
    expect(told).toMatch(/→ Nursing associate$/m);
  });

  it('asks about English and maths only when it is not ticked already', async () => {
    const { ask } = await converse([
      ['currentRole', 'care worker'],
      ['qualifications', ['GCSE English and maths']],
      ['afterPlan', 'finish'],
    ]);
    expect(ask.asked.find((a) => a.name === 'qualifications')!.answer).toEqual(['english_maths_l2']);
    expect(ask.names()).not.toContain('prerequisite:english_maths_l2');
  });
});

describe('when there is no route', () => {
  it('a constraint that rules out every target says why and goes back to the constraints', async () => {
    // In the care fixture the Level 5 diploma is funded only by a loan, so it cannot be done while
    // working, and it is the only way from team leader up to registered manager.
    const care = await readDataset({ dataFiles: [resolve(fixture('care.yaml'))], env: {}, cache: false });
    const { ask, told } = await converse(
      [
        ['currentRole', 'team leader'],
        ['goal', 'up'],
        ['constraints', ['earnWhileLearning']],
        ['goBack', 'preferences'],
        ['constraints', []],
        ['afterPlan', 'finish'],
      ],
      care,
    );
    expect(told).toContain('None of the 1 more senior role can be reached from Team leader with only routes you can do while working:');
    expect(told).toContain('  Registered manager: every route to Registered manager is blocked under only routes you can do while working');
    expect(told).toContain('Changing your constraints may open a route.');
    const names = ask.names();
    expect(names.filter((n) => n === 'constraints')).toHaveLength(2);
    expect(names.filter((n) => n === 'goal')).toHaveLength(1);
    expect(names.indexOf('goBack')).toBeLessThan(names.lastIndexOf('constraints'));
    expect(told).toMatch(/^Team leader → Registered manager$/m);
    expect(told).toContain('[ ] Level 5 Diploma in Leading and Managing an Adult Care Service');
  });

  it('a chosen role with no route says why and goes back to the answers, on the goal', async () => {
    const { ask, told } = await converse([
      ['currentRole', 'registered manager'],
      ['goal', 'role'],
      ['targetRole', { value: 'care_worker' }],
      // Enter on the review after no route: its default is the goal, so the goal is asked again.
      ['review', 'plan'],
      ['goal', 'professional'],
      ['afterPlan', 'finish'],
    ]);
    expect(told).toContain('There is no route from Registered manager to Care worker');
    expect(ask.asked.filter((a) => a.name === 'review').map((a) => a.answer)).toEqual(['plan', 'goal', 'plan']);
    expect(ask.names().filter((n) => n === 'goal')).toHaveLength(2);
    // Going back to the goal keeps the earlier preferences: they are not asked again.
    expect(ask.names().filter((n) => n === 'optimise')).toHaveLength(1);
    expect(told).toMatch(/^Registered manager → /m);
  });
});

describe('saving the plan', () => {
  const toTeamLeader: Script = [
    ['currentRole', 'care worker'],
    ['goal', 'role'],
    ['targetRole', 'team leader'],
  ];

  it('never replaces a file without asking; "no" suggests a free name', async () => {
    writeFileSync(join(dir, 'mine.md'), 'keep me');
    const { ask, saved, files } = await converse([...toTeamLeader, ['fileName', 'mine'], ['overwrite', false], ['fileName', 'mine-2.md']]);
    expect(readFileSync(join(dir, 'mine.md'), 'utf8')).toBe('keep me');
    expect(saved).toBe('mine-2.md');
    expect(files.sort()).toEqual(['mine-2.md', 'mine.md']);
    expect(ask.asked.find((a) => a.name === 'overwrite')!.message).toBe('mine.md already exists. Replace it?');
  });

  it('replaces a file when the person says yes', async () => {
    writeFileSync(join(dir, 'mine.md'), 'old');
    const { saved } = await converse([...toTeamLeader, ['fileName', 'mine.md'], ['overwrite', true]]);
    expect(saved).toBe('mine.md');
    expect(readFileSync(join(dir, 'mine.md'), 'utf8')).toMatch(/^# Career plan: Care worker → Team leader/);
  });

  it('suggests a free name when the suggested one is taken', async () => {
    writeFileSync(join(dir, 'career-plan-care-worker-to-team-leader.md'), 'old');
    const { saved } = await converse(toTeamLeader);
    expect(saved).toBe('career-plan-care-worker-to-team-leader-2.md');
  });

  it('a name that cannot be written is reported and asked again', async () => {
    mkdirSync(join(dir, 'plans'));
    const { told, saved } = await converse([...toTeamLeader, ['fileName', 'missing/plan.md'], ['fileName', 'plans/plan.md']]);
    expect(told).toContain('Could not save: cannot write missing/plan.md: the folder missing does not exist.');
    expect(saved).toBe('plans/plan.md');
    expect(readdirSync(join(dir, 'plans'))).toEqual(['plan.md']);
  });
});

describe('cancelling', () => {
  it('Ctrl-C or Escape at any question stops with "Cancelled", exit 130, and writes nothing', async () => {
    for (const at of ['currentRole', 'qualifications', 'goal', 'target', 'review', 'afterPlan', 'fileName']) {
      const failure = await converse([[at, CANCEL]]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failure, at).toMatchObject({ name: 'ExitPromptError' });
      const io = captureIo();
      expect(reportError(failure, io)).toBe(130);
      expect(io.stderr).toBe('Cancelled\n');
      expect(readdirSync(dir), at).toEqual([]);
    }
  });
});

describe('without a terminal', () => {
  it('`interactive` and a bare `plan` exit 2 before any question and point at plan --from/--to', async () => {
    for (const argv of [['interactive'], ['plan'], ['plan', '--have', 'care certificate']]) {
      for (const tty of [
        { stdinIsTTY: false, stdoutIsTTY: true },
        { stdinIsTTY: true, stdoutIsTTY: false },
      ]) {
        const io = captureIo(tty);
        expect(await main(argv, io), argv.join(' ')).toBe(2);
        expect(io.stderr).toContain('the questionnaire needs an interactive terminal');
        expect(io.stderr).toContain('careerpath plan --from "care worker" --to "registered manager"');
        expect(io.stdout).toBe('');
      }
    }
  });

  it('plan with only one of --from/--to is still a usage error about the missing flag', async () => {
    const io = captureIo();
    expect(await main(['plan', '--to', 'team leader'], io)).toBe(2);
    expect(io.stderr).toContain('plan needs --from');
  });
});

describe('runQuestionnaire', () => {
  it('ticks the qualifications given to plan --have at the start', async () => {
    const ask = scriptedAsk([['currentRole', 'care worker']]);
    const { request } = await runQuestionnaire(dataset, ask, { have: ['l3_dip_adult_care'] });
    expect(request.have).toContain('l3_dip_adult_care');
    expect(request).toMatchObject({ from: 'care_worker', optimise: 'realistic', alternatives: 3, noDegree: false, earnWhileLearning: false });
  });
});

describe('option parsing', () => {
  const handlers = () => {
    const calls: { name: string; options: unknown }[] = [];
    const record = (name: string) => async (options: unknown) => {
      calls.push({ name, options });
    };
    return {
      calls,
      handlers: {
        plan: record('plan'),
        roles: record('roles'),
        next: record('next'),
        unlocks: record('unlocks'),
        show: record('show'),
        validate: record('validate'),
        schema: record('schema'),
        qualifications: record('qualifications'),
        interactive: record('interactive'),
        completion: record('completion'),
      },
    };
  };

  it('`interactive` takes --data and --no-color', async () => {
    const { calls, handlers: h } = handlers();
    expect(await main(['interactive', '--data', 'a.yaml', '--no-color'], captureIo(), h)).toBe(0);
    expect(calls).toEqual([{ name: 'interactive', options: { dataFiles: ['a.yaml'], color: false } }]);
  });

  it('`plan` without --from or --to runs the questionnaire with every option it was given', async () => {
    const { calls, handlers: h } = handlers();
    expect(await main(['plan', '--data', 'a.yaml', '--have', 'care certificate'], captureIo(), h)).toBe(0);
    expect(calls).toMatchObject([
      { name: 'interactive', options: { dataFiles: ['a.yaml'], color: true, optimiseGiven: false, plan: { have: ['care certificate'] } } },
    ]);
    const partial = handlers();
    await main(['plan', '--from', 'a', '--optimise', 'cost', '--json', '--earn-while-learning'], captureIo(), partial.handlers);
    await main(['plan', '--to', 'b', '-o', 'plan.html'], captureIo(), partial.handlers);
    await main(['plan', '--from', 'a', '--to', 'b'], captureIo(), partial.handlers);
    expect(partial.calls.map((c) => c.name)).toEqual(['interactive', 'interactive', 'plan']);
    expect(partial.calls[0]!.options).toMatchObject({ optimiseGiven: true, plan: { from: 'a', optimise: 'cost', format: 'json', earnWhileLearning: true } });
    expect(partial.calls[1]!.options).toMatchObject({ optimiseGiven: false, plan: { to: 'b', output: 'plan.html', optimise: 'realistic' } });
  });
});

describe('a careers conversation: review, change, time in role, a second goal', () => {
  it('opens by saying what the questions are for and how long they take', async () => {
    const { ask } = await converse([['afterPlan', 'finish']]);
    expect(ask.told[0]).toContain('about a minute');
    expect(ask.told[0]).toContain('change every answer before planning');
  });

  it('the review lists every answer; changing one asks only that question again, with the answer kept', async () => {
    const { ask, told } = await converse([
      ['currentRole', 'care worker'],
      ['qualifications', ['care certificate']],
      ['monthsInRole', '8 months'],
      ['goal', 'role'],
      ['targetRole', 'team leader'],
      ['constraints', ['earnWhileLearning']],
      ['review', 'optimise'],
      ['optimise', 'time'],
      ['review', 'plan'],
      ['afterPlan', 'finish'],
    ]);
    const reviews = ask.asked.filter((a) => a.name === 'review');
    expect(reviews).toHaveLength(2);
    expect(reviews[0]!.offered).toEqual(['plan', 'from', 'have', 'monthsInRole', 'goal', 'then', 'optimise', 'constraints', 'hoursPerWeek']);
    // Only the question changed is asked again; the rest keep their answers.
    const names = ask.names();
    expect(names.filter((n) => n === 'optimise')).toHaveLength(2);
    expect(names.filter((n) => n === 'constraints')).toHaveLength(1);
    expect(names.filter((n) => n === 'currentRole')).toHaveLength(1);
    expect(told).toContain('(ranked by: shortest time)');
    expect(told).toContain('Conditions: only routes you can do while working');
    expect(joinedCommand(told)).toContain('--have "Care Certificate" --optimise time --earn-while-learning');
  });

  it('changing the role asks again what depends on it, with the earlier answers as defaults', async () => {
    const { ask, told } = await converse([
      ['currentRole', 'care worker'],
      ['qualifications', ['level 3 diploma in adult care']],
      ['prerequisite:english_maths_l2', true],
      ['monthsInRole', '1 year'],
      ['goal', 'role'],
      ['targetRole', 'registered manager'],
      ['review', 'from'],
      ['currentRole', 'senior care'],
      ['monthsInRole', '3 years'],
      ['review', 'plan'],
      ['afterPlan', 'finish'],
    ]);
    const held = ask.asked.filter((a) => a.name === 'qualifications');
    expect(held).toHaveLength(2);
    // Pressing Enter keeps what was held before, English and maths included, so that is not asked again.
    expect(held[1]!.answer).toEqual(['l3_dip_adult_care', 'english_maths_l2']);
    expect(ask.names().filter((n) => n === 'prerequisite:english_maths_l2')).toHaveLength(1);
    expect(ask.names().filter((n) => n === 'goal')).toHaveLength(1);
    expect(told).toMatch(/^Senior care worker → Registered manager$/m);
    expect(told).toContain('Already held, not counted: Level 3 Diploma in Adult Care; English and maths at level 2');
  });

  it('after the plan, "change an answer" goes back to the review and plans again without retyping', async () => {
    const { ask, told, files } = await converse([
      ['currentRole', 'care worker'],
      ['goal', 'role'],
      ['targetRole', 'team leader'],
      ['afterPlan', 'change'],
      ['review', 'constraints'],
      ['constraints', ['earnWhileLearning']],
      ['review', 'plan'],
      ['afterPlan', 'finish'],
    ]);
    expect(ask.names().filter((n) => n === 'afterPlan')).toHaveLength(2);
    expect(ask.names().filter((n) => n === 'currentRole')).toHaveLength(1);
    expect(told.match(/^Care worker → Team leader$/gm)).toHaveLength(2);
    expect(told).toContain('Conditions: only routes you can do while working');
    expect(files).toEqual([]);
  });

  it('asks how long someone has been in a role whose moves expect time in it, and plans with it', async () => {
    const { ask } = await converse([
      ['currentRole', 'social worker'],
      ['monthsInRole', '2 years'],
      ['goal', 'role'],
      ['targetRole', { value: 'amhp' }],
      ['afterPlan', 'finish'],
    ]);
    const time = ask.asked.find((a) => a.name === 'monthsInRole')!;
    expect(time.message).toBe(
      'How long have you been a Social worker (not counting your time as a Newly qualified social worker)? (e.g. 2 years or 8 months; blank if not sure)',
    );
    const review = ask.asked.find((a) => a.name === 'review')!;
    expect(review.offered).toContain('monthsInRole');
    // A registered role with no registered role before it counts from qualifying.
    const nurse = await converse([
      ['currentRole', { value: 'nursing_associate' }],
      ['afterPlan', 'finish'],
    ]);
    expect(nurse.ask.asked.find((a) => a.name === 'monthsInRole')!.message).toMatch(/^How long have you been a Nursing associate since qualifying\?/);
    const ask2 = scriptedAsk([
      ['currentRole', 'social worker'],
      ['monthsInRole', '2 years'],
      ['goal', 'role'],
      ['targetRole', { value: 'amhp' }],
    ]);
    const { request } = await runQuestionnaire(dataset, ask2);
    expect(request.monthsInRole).toBe(24);
    // Someone new to care is never asked.
    const fresh = await converse([['afterPlan', 'finish']]);
    expect(fresh.ask.names()).not.toContain('monthsInRole');
  });

  it('refuses time it cannot read, and takes a blank answer as not sure', async () => {
    for (const bad of ['2', 'two years', 'forever', '60 years']) {
      await expect(
        converse([
          ['currentRole', 'care worker'],
          ['monthsInRole', bad],
        ]),
        bad,
      ).rejects.toThrow(/monthsInRole: ".*" was refused/);
    }
    const ask = scriptedAsk([
      ['currentRole', 'care worker'],
      ['monthsInRole', ''],
      ['goal', 'role'],
      ['targetRole', 'team leader'],
    ]);
    const { request } = await runQuestionnaire(dataset, ask);
    expect(request.monthsInRole).toBeUndefined();
  });

  it('"then" adds a second goal, planned as a route through the first', async () => {
    const { ask, told } = await converse([
      ['currentRole', 'care worker'],
      ['goal', 'role'],
      ['targetRole', 'deputy manager'],
      ['review', 'then'],
      ['then', 'registered manager'],
      ['review', 'plan'],
      ['afterPlan', 'finish'],
    ]);
    const then = ask.asked.find((a) => a.name === 'then')!;
    expect(then.message).toBe('After Deputy manager, where next? (type to search)');
    expect(told).toMatch(/^Care worker → Registered manager$/m);
    expect(told).toContain('Conditions: through Deputy manager');
    expect(joinedCommand(told)).toContain('--to "Registered manager" --via "Deputy manager"');
  });

  it('offers only directions and areas that lead somewhere, and defaults to one that does', async () => {
    const { ask } = await converse([
      ['currentRole', 'social worker'],
      ['goal', 'specialise'],
      ['afterPlan', 'finish'],
    ]);
    const goal = ask.asked.find((a) => a.name === 'goal')!;
    expect(goal.offered).not.toContain('professional');
    const area = ask.asked.find((a) => a.name === 'specialism')!;
    expect(area.offered).not.toContain('dementia');
    expect(area.answer).toBe(area.offered![0]);
    // The scripted ask refuses what is shown but disabled, as the terminal does.
    await expect(
      converse([
        ['currentRole', 'social worker'],
        ['goal', 'professional'],
      ]),
    ).rejects.toThrow(/goal: professional is not offered/);
  });

  it('answers given on the command line are not asked', async () => {
    const ask = scriptedAsk([
      ['monthsInRole', ''],
      ['goal', 'role'],
      ['targetRole', 'team leader'],
    ]);
    const { request } = await runQuestionnaire(dataset, ask, {
      given: { from: 'care_worker', have: ['care_certificate'], preferences: { optimise: 'cost', earnWhileLearning: true, noDegree: false } },
    });
    expect(ask.names()).toEqual(['monthsInRole', 'goal', 'targetRole', 'hoursPerWeek', 'review']);
    expect(request).toMatchObject({ from: 'care_worker', to: 'team_leader', have: ['care_certificate'], optimise: 'cost', earnWhileLearning: true });
  });
});
