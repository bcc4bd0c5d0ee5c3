/**
 * End-to-end: the five people of the questionnaire's usability test, and an adviser making
 * mistakes, each played key by key in a real terminal (tmux) against the built bin and the shipped
 * data. Each test asserts the plan the person gets (path and months) and counts their keypresses
 * (every key pressed and character typed), written to test/.results/questionnaire-keypresses.txt.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/spawn';
import { sq, TMUX, TmuxSession } from '../helpers/tmux';

const RESULTS = resolve(__dirname, '../.results');
const COUNTS = join(RESULTS, 'questionnaire-keypresses.txt');

let dir: string;
let session: TmuxSession | undefined;
beforeAll(() => {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(COUNTS, 'Keypresses per person (each key pressed and each character typed counts one)\n');
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'careerpath-people-'));
});
afterEach(() => {
  session?.kill();
  session = undefined;
  rmSync(dir, { recursive: true, force: true });
});
afterAll(() => {
  if (TMUX) console.log(readFileSync(COUNTS, 'utf8'));
});

const careerpath = (args: string) => `${sq(process.execPath)} ${sq(BIN)} ${args}`;

function start(args = 'interactive'): TmuxSession {
  session = new TmuxSession(careerpath(args), { cwd: dir, width: 100, height: 40 });
  return session;
}

function record(who: string, tty: TmuxSession): number {
  appendFileSync(COUNTS, `${who}: ${tty.keypresses}\n`);
  return tty.keypresses;
}

/** Answers a question by pressing Enter once it is on screen. */
async function enter(tty: TmuxSession, question: string): Promise<void> {
  await tty.waitFor(question);
  tty.press('Enter');
}

/** The plan's heading and summary lines from what the terminal has shown. */
function planHeading(tty: TmuxSession): string {
  const history = tty.history();
  const at = history.lastIndexOf('\n', history.search(/^.+ → .+\n\d+ steps? · /m));
  return history.slice(at + 1, at + 400);
}

if (!TMUX) console.warn('test/e2e/questionnaire-people.test.ts: skipping: tmux is not installed (apt-get install tmux; .ci/run installs it)');

describe.skipIf(!TMUX)('the five people of the usability test, and an adviser', () => {
  it('Amira, a care worker of 8 months with the Care Certificate, wants nursing while earning: cheapest', { timeout: 90_000 }, async () => {
    const tty = start();
    await tty.waitFor('What is your current role?');
    tty.type('care worker');
    await tty.waitFor('❯ Care worker');
    tty.press('Enter');
    await tty.waitFor('Which qualifications do you already have?');
    tty.type('care cert');
    await tty.waitFor('❯◯ Care Certificate');
    tty.press('Enter');
    await enter(tty, 'Done (1 ticked)');
    await enter(tty, 'Do you have English and maths at level 2');
    await tty.waitFor('How long have you been a Care worker?');
    tty.type('8 months');
    tty.press('Enter');
    await tty.waitFor('Where would you like to go?');
    await tty.moveTo('Become a registered professional');
    tty.press('Enter');
    await tty.waitFor('What matters most to you?');
    await tty.moveTo('Cheapest');
    tty.press('Enter');
    await tty.waitFor('Anything your route must allow for?');
    tty.press('Down');
    tty.press('Enter'); // ticks "I need to earn while I learn"
    await tty.waitFor('Done (1 ticked)');
    tty.press('Up');
    tty.press('Enter');
    await tty.waitFor('How many hours a week');
    tty.type('6');
    tty.press('Enter');
    await tty.waitFor('The best registered professions for you (cheapest first):');
    await tty.moveTo(/Registered nurse \(adult\)/);
    tty.press('Enter');
    await enter(tty, 'Here are your answers');
    await tty.waitFor('What next?');
    const plan = planHeading(tty);
    expect(plan).toMatch(/^Care worker → Registered nurse \(adult\)\n/);
    // Her 8 months as a care worker count towards step 1's time in post: 45–54 months, not 51–60.
    expect(plan).toContain('2 steps · usually about 4½ years (45–54 months) · cost to you £0');
    expect(tty.history()).toContain('Conditions: only routes you can do while working');
    tty.press('Enter'); // save
    await enter(tty, 'File name:');
    expect(await tty.exitCode()).toBe(0);
    expect(readdirSync(dir)).toEqual(['career-plan-care-worker-to-registered-nurse-adult.md']);
    // 39 before the review screen, with no time-in-role question (9 keys here) and Space to tick (2 fewer).
    expect(record('Amira', tty)).toBeLessThanOrEqual(56);
  });

  it('Dave, a senior care worker with an old NVQ 3, wants to be a registered manager: fastest', { timeout: 90_000 }, async () => {
    const tty = start();
    await tty.waitFor('What is your current role?');
    tty.type('senior');
    await tty.waitFor('❯ Senior care worker');
    tty.press('Enter');
    await tty.waitFor('Which qualifications do you already have?');
    tty.type('NVQ 3');
    // His old NVQ is found as the diploma that replaced it, and Enter ticks it.
    await tty.waitFor('❯◯ Level 3 Diploma in Adult Care — also called NVQ 3');
    tty.press('Enter');
    await enter(tty, 'Done (1 ticked)');
    await tty.waitFor('Do you have English and maths at level 2');
    tty.type('y');
    tty.press('Enter');
    await tty.waitFor('How long have you been a Senior care worker?');
    tty.type('6 years');
    tty.press('Enter');
    await tty.waitFor('Where would you like to go?');
    await tty.moveTo('Move into management');
    tty.press('Enter');
    await tty.waitFor('What matters most to you?');
    await tty.moveTo('Fastest');
    tty.press('Enter');
    await enter(tty, 'Anything your route must allow for?');
    await enter(tty, 'How many hours a week');
    await tty.waitFor('The best management roles for you (fastest first):');
    await tty.moveTo('Registered manager');
    tty.press('Enter');
    await enter(tty, 'Here are your answers');
    await tty.waitFor('What next?');
    const plan = planHeading(tty);
    expect(plan).toMatch(/^Senior care worker → Registered manager\n/);
    expect(plan).toContain('Already held, not counted: Level 3 Diploma in Adult Care; English and maths at level 2');
    // The Level 3 he holds is never planned again.
    expect(tty.history()).not.toContain('[ ] Level 3 Diploma in Adult Care');
    await tty.moveTo('Finish');
    tty.press('Enter');
    expect(await tty.exitCode()).toBe(0);
    // 80 before, 57 of them spent looking for his NVQ.
    expect(record('Dave', tty)).toBeLessThanOrEqual(38);
  });

  it('Priya, a healthcare assistant with GCSEs, wants to be a midwife', { timeout: 90_000 }, async () => {
    const tty = start();
    await tty.waitFor('What is your current role?');
    tty.type('HCA');
    await tty.waitFor('❯ Healthcare support worker (Band 2)');
    tty.press('Enter');
    await tty.waitFor('Which qualifications do you already have?');
    tty.type('gcse');
    await tty.waitFor('❯◯ English and maths at level 2');
    tty.press('Enter');
    await enter(tty, 'Done (1 ticked)');
    await tty.waitFor('How long have you been a Healthcare support worker (Band 2)?');
    tty.type('2 years');
    tty.press('Enter');
    await tty.waitFor('Where would you like to go?');
    await tty.moveTo('A specific role I have in mind');
    tty.press('Enter');
    await tty.waitFor('Which role would you like to get to?');
    tty.type('midwife');
    await tty.waitFor('❯ Midwife');
    tty.press('Enter');
    await enter(tty, 'What matters most to you?');
    await enter(tty, 'Anything your route must allow for?');
    await enter(tty, 'How many hours a week');
    await enter(tty, 'Here are your answers');
    await tty.waitFor('What next?');
    const plan = planHeading(tty);
    // The direct route: a midwifery degree, not a nursing degree first.
    expect(plan).toMatch(/^Healthcare support worker \(Band 2\) → Midwife\n1 step · usually about 4 years \(48–66 months\)/);
    await tty.moveTo('Finish');
    tty.press('Enter');
    expect(await tty.exitCode()).toBe(0);
    // 57 before, with a detour through "maternity".
    expect(record('Priya', tty)).toBeLessThanOrEqual(38);
  });

  it('Tom, 19 and new to care, presses Enter all the way to his first job', { timeout: 90_000 }, async () => {
    const tty = start();
    await tty.waitFor('What is your current role?');
    await tty.waitFor("❯ I'm new to care");
    tty.press('Enter');
    await enter(tty, 'Do you have any qualifications already?');
    await enter(tty, 'Do you have English and maths at level 2');
    await tty.waitFor('Where would you like to go?');
    // Someone new is never asked how long they have been in a role.
    expect(tty.history()).not.toContain('How long have you been');
    await enter(tty, 'Start my first job in care');
    await enter(tty, 'What matters most to you?');
    await enter(tty, 'Anything your route must allow for?');
    await enter(tty, 'How many hours a week');
    await enter(tty, 'The best first jobs for you');
    await enter(tty, 'Here are your answers');
    await tty.waitFor('What next?');
    expect(planHeading(tty)).toMatch(/^New to care → (Care worker|Support worker|Domiciliary care worker)\n1 step · 3 months/);
    await tty.moveTo('Finish');
    tty.press('Enter');
    expect(await tty.exitCode()).toBe(0);
    // 8 Enters before: the review screen and a Finish are the difference.
    expect(record('Tom', tty)).toBeLessThanOrEqual(12);
  });

  it('Grace, a social worker two years qualified: AMHP, then principal social worker', { timeout: 90_000 }, async () => {
    const tty = start();
    await tty.waitFor('What is your current role?');
    tty.type('social worker');
    await tty.waitFor('❯ Social worker');
    tty.press('Enter');
    await tty.waitFor('Which qualifications do you already have?');
    tty.type('ba social');
    await tty.waitFor('❯◯ BA Social Work');
    tty.press('Enter');
    await enter(tty, 'Done (1 ticked)');
    await tty.waitFor('Do you have English and maths at level 2');
    tty.type('y');
    tty.press('Enter');
    // (Without the question mark: at this width the terminal puts it on the next line.)
    await tty.waitFor('How long have you been a Social worker (not counting your time as a Newly qualified social worker)');
    tty.type('2 years');
    tty.press('Enter');
    await tty.waitFor('Where would you like to go?');
    await tty.moveTo('Specialise');
    tty.press('Enter');
    await tty.waitFor('Which area would you like to specialise in?');
    // Areas she cannot reach are shown but cannot be chosen, and the first one offered is reachable.
    expect(tty.screen()).toMatch(/Dementia \(none of its roles leads on from your role in the dataset\)/);
    await tty.moveTo('Mental health');
    tty.press('Enter');
    await enter(tty, 'What matters most to you?');
    await enter(tty, 'Anything your route must allow for?');
    await enter(tty, 'How many hours a week');
    await tty.waitFor('The best specialist roles for you');
    await tty.moveTo('Approved Mental Health Professional');
    tty.press('Enter');
    await tty.waitFor('Here are your answers');
    await tty.moveTo('Then: nothing after Approved Mental Health Professional yet');
    tty.press('Enter');
    await tty.waitFor('After Approved Mental Health Professional, where next?');
    tty.type('principal');
    await tty.waitFor('❯ Principal social worker');
    tty.press('Enter');
    await tty.waitFor('Then: Principal social worker');
    await tty.moveTo('Make my plan', { key: 'Up' });
    tty.press('Enter');
    await tty.waitFor('What next?');
    const plan = planHeading(tty);
    expect(plan).toMatch(/^Social worker → Principal social worker\n/);
    expect(plan).toContain('Conditions: through Approved Mental Health Professional');
    expect(tty.history().replace(/ \\\n +/g, ' ')).toContain('--via "Approved Mental Health Professional"');
    await tty.moveTo('Finish');
    tty.press('Enter');
    expect(await tty.exitCode()).toBe(0);
    expect(record('Grace (AMHP, then PSW)', tty)).toBeLessThan(48 + 37);
  });

  it('an adviser makes mistakes, corrects them on the review screen, then changes an answer after the plan', { timeout: 120_000 }, async () => {
    const tty = start();
    await tty.waitFor('What is your current role?');
    // "care" puts Care worker first, not "I'm new to care".
    tty.type('care');
    await tty.waitFor('❯ Care worker');
    tty.press('Enter');
    await tty.waitFor('✔ What is your current role? Care worker');
    await tty.waitFor('Which qualifications do you already have?');
    // A search that matches nothing: Enter keeps the question open.
    tty.type('xyz');
    await tty.waitFor('Nothing matches “xyz”');
    tty.press('Enter');
    await new Promise((r) => setTimeout(r, 500));
    expect(tty.screen()).toContain('? Which qualifications do you already have? (type to search) xyz');
    tty.press('BSpace', 'BSpace', 'BSpace');
    await tty.waitFor('❯ ✔ Done (none ticked)');
    tty.press('Enter');
    await enter(tty, 'Do you have English and maths at level 2');
    await tty.waitFor('How long have you been a Care worker?');
    // A number without a unit is explained, not guessed.
    tty.type('6');
    tty.press('Enter');
    await tty.waitFor('Say years or months, e.g. 6 years or 6 months');
    tty.type(' months');
    tty.press('Enter');
    await tty.waitFor('Where would you like to go?');
    await tty.moveTo('Move into management');
    tty.press('Enter');
    await enter(tty, 'What matters most to you?');
    await tty.waitFor('Anything your route must allow for?');
    tty.press('Down');
    tty.press('Enter'); // Enter ticks here too
    await tty.waitFor('◉ I need to earn while I learn');
    tty.press('Up');
    tty.press('Enter');
    await tty.waitFor('How many hours a week');
    tty.type('6.5');
    tty.press('Enter');
    await tty.waitFor('Type a whole number from 1 to 80, e.g. 6');
    tty.press('BSpace', 'BSpace');
    tty.press('Enter');
    await tty.waitFor('The best management roles for you');
    tty.press('Enter');

    // The review: the role was wrong. Change it; the other answers stay.
    await tty.waitFor('Here are your answers');
    expect(tty.screen()).toContain('Must allow for: I need to earn while I learn');
    await tty.moveTo('Your role: Care worker');
    tty.press('Enter');
    await tty.waitFor('❯ Care worker (your answer)');
    tty.type('senior care');
    await tty.waitFor('❯ Senior care worker');
    tty.press('Enter');
    await enter(tty, 'Which qualifications do you already have?');
    await enter(tty, 'Do you have English and maths at level 2');
    await tty.waitFor('How long have you been a Senior care worker?');
    tty.type('3 years');
    tty.press('Enter');
    await tty.waitFor('Here are your answers');
    const review = tty.screen();
    expect(review).toContain('Your role: Senior care worker');
    expect(review).toContain('Time in the role: 3 years');
    expect(review).toContain('Must allow for: I need to earn while I learn');
    expect(review).toContain('Study time: 6 hours a week');
    tty.press('Enter'); // Make my plan
    await tty.waitFor('What next?');
    expect(planHeading(tty)).toMatch(/^Senior care worker → \S.*\n/);

    // After the plan: change what matters and plan again, nothing retyped.
    await tty.moveTo('Change an answer and plan again');
    tty.press('Enter');
    await tty.waitFor('Here are your answers');
    await tty.moveTo('What matters most');
    tty.press('Enter');
    await tty.waitFor('What matters most to you?');
    await tty.moveTo('Fastest');
    tty.press('Enter');
    await tty.waitFor('What matters most: fastest');
    await tty.moveTo('Make my plan', { key: 'Up' });
    tty.press('Enter');
    await tty.waitFor(/What next\?[\s\S]*❯ Save this plan/);
    expect(tty.history()).toMatch(/\(ranked by: shortest time\)/);
    tty.press('Enter');
    await enter(tty, 'File name:');
    expect(await tty.exitCode()).toBe(0);
    expect(readdirSync(dir)).toHaveLength(1);
    record('Adviser (mistakes, review, change after the plan)', tty);
  });

  it('plan with --from on a terminal asks only what is missing and saves to --output', { timeout: 60_000 }, async () => {
    const tty = start('plan --from "care worker" --have "care certificate" --optimise time -o plan.md');
    await tty.waitFor('How long have you been a Care worker?');
    // The role, the qualifications and what matters were given: none of them is asked.
    expect(tty.history()).not.toMatch(/What is your current role|Which qualifications|English and maths/);
    tty.press('Enter');
    await tty.waitFor('Where would you like to go?');
    await tty.moveTo('A specific role I have in mind');
    tty.press('Enter');
    tty.type('team leader');
    await tty.waitFor('❯ Team leader');
    tty.press('Enter');
    await enter(tty, 'Anything your route must allow for?');
    await enter(tty, 'How many hours a week');
    await enter(tty, 'Here are your answers');
    expect(await tty.exitCode()).toBe(0);
    expect(tty.history()).not.toContain('What matters most to you?');
    expect(tty.history()).not.toContain('What next?');
    expect(tty.history()).toContain('Saved plan.md');
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toMatch(/^# Career plan: Care worker → Team leader/);
  });

  it('plan with --to and --json on a terminal asks for the role, then prints the plan as JSON', { timeout: 60_000 }, async () => {
    const tty = start('plan --to "team leader" --have "care certificate" --optimise time --earn-while-learning --hours-per-week 5 --json');
    await tty.waitFor('What is your current role?');
    tty.type('care worker');
    await tty.waitFor('❯ Care worker');
    tty.press('Enter');
    await enter(tty, 'How long have you been a Care worker?');
    await enter(tty, 'Here are your answers');
    expect(await tty.exitCode()).toBe(0);
    const history = tty.history();
    expect(history).not.toMatch(/What matters most to you|Anything your route|How many hours|What next\?/);
    expect(history).toMatch(/"optimise": "time"/);
    expect(history).toMatch(/"name": "Team leader"/);
  });
});
