/**
 * Issue 18, the data and planner half, end to end through the built bin: each of the reliability
 * review's findings on hostile or huge data (H1-H5, H7, M6-M9, M11) replayed as the review ran it,
 * with the clear message and exit code it gets now. The data is made here at run time; nothing is
 * timed (the dense graph's figures live in `npm run bench`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewGraph } from '../bench/review-graph';
import { runCli, type CliRun } from '../helpers/spawn';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'careerpath-robust-data-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a data file into the test's folder and returns its path. */
function file(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir, env: { XDG_CACHE_HOME: join(dir, 'cache'), ...env } });

/** Both streams: `validate` lists problems on stdout, the other commands on stderr. */
const output = (run: CliRun) => run.stdout + run.stderr;

/** Never a crash: no stack, no "failed unexpectedly", no raw escape on either stream. */
function noCrash(run: CliRun): void {
  expect(run.stderr).not.toMatch(/failed unexpectedly|RangeError|at \w+ \(|Node\.js v/);
  expect(run.stdout + run.stderr).not.toContain('\x1b');
}

const SOURCE = "sources: [{id: E, title: t, publisher: p, reviewed: '2026-01-01'}]";

describe('H1: the review dense graph (300 roles, 18,000 moves) answers within its limits', () => {
  let dense: string;
  beforeAll(() => {
    dense = file('dense-300.json', reviewGraph({ roles: 300, deg: 60, quals: 200, island: true }));
  });

  it('a route through a waypoint with 20 alternatives: the best found, flagged as cut short and by which limit', () => {
    const run = cli(['plan', '--data', dense, '--from', 'r0', '--to', 'r7', '--via', 'r5', '--alternatives', '20', '--json']);
    noCrash(run);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.best.steps.length).toBeGreaterThan(0);
    expect(plan.best.steps.some((s: { to: { id: string } }) => s.to.id === 'r5')).toBe(true);
    expect(plan.searchComplete).toBe(false);
    expect(['labels', 'time', 'memory']).toContain(plan.searchLimit);
  });

  it('the table says the search was cut short, and that better routes may exist', () => {
    const run = cli(['plan', '--data', dense, '--from', 'r0', '--to', 'r7', '--via', 'r5', '--alternatives', '20']);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(
      /The search was cut short at its (limit on partial routes|time limit|memory limit): these are the best routes it found, and a better route or more alternatives may exist\./,
    );
  });

  it('an unreachable goal is answered, not searched for', () => {
    const run = cli(['plan', '--data', dense, '--from', 'r0', '--to', 'island', '--alternatives', '20']);
    noCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no route from R0 to Island: no chain of moves in the dataset leads from R0 to Island');
  });

  it('--alternatives has a documented maximum of 20', () => {
    const run = cli(['plan', '--from', 'care worker', '--to', 'team leader', '--alternatives', '21']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a whole number from 0 to 20');
    expect(cli(['plan', '--help']).stdout).toMatch(/--alternatives <n>[\s\S]*at most 20/);
  });
});

/** An overlay whose new move from care_worker needs the last of a chain of n qualifications. */
function deepChain(n: number): object {
  return {
    overlay: { name: 'deepreq' },
    sources: [{ id: 'D', title: 't', publisher: 'p', reviewed: '2026-01-01' }],
    qualifications: Array.from({ length: n }, (_, i) => ({
      id: `d${i}`,
      name: `D${i}`,
      kind: 'award',
      summary: 's',
      requires: i > 0 ? [`d${i - 1}`] : [],
      sources: ['D'],
    })),
    roles: [{ id: 'deep_target', name: 'Deep target', sector: 'nhs', summary: 's', sources: ['D'] }],
    transitions: [{ from: 'care_worker', to: 'deep_target', kind: 'up', routes: [{ requires: [`d${n - 1}`], experienceMonths: 1 }], sources: ['D'] }],
  };
}

describe('H2: deep prerequisite chains are refused where they grow too deep, never a stack overflow', () => {
  it.each([
    ['plan', 6_000, ['plan', '--from', 'care-worker', '--to', 'deep-target']],
    ['next', 6_000, ['next', 'care-worker']],
    ['validate', 20_000, ['validate']],
  ])('%s on a %i-deep chain', (_command, depth, args) => {
    const data = file(`deep-${depth}.json`, deepChain(depth));
    const run = cli(args[0] === 'validate' ? ['validate', data] : [...args, '--data', data]);
    noCrash(run);
    expect(run.code).toBe(1);
    expect(output(run)).toMatch(/deep-\d+\.json:1:\d+: qualifications\[30\]\.requires: a chain of 31 prerequisites starts here \(d30 → d29/);
  });

  it('a chain 30 deep is planned', () => {
    const run = cli(['plan', '--from', 'care-worker', '--to', 'deep-target', '--data', file('deep-30.json', deepChain(30)), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).best.checklist).toHaveLength(30);
  });
});

describe('H3, M9: huge and non-finite figures are refused where they are written', () => {
  it.each(['1e12', '5e8', '2e7', '1e300', '.inf'])('experienceMonths: %s', (value) => {
    const data = file(
      `exp-${value}.yaml`,
      `overlay: {name: bigexp}
${SOURCE}
roles: [{id: ex, name: Exp target, sector: nhs, summary: s, sources: [E]}]
transitions: [{from: care_worker, to: ex, kind: up, routes: [{requires: [], experienceMonths: ${value}}], sources: [E]}]
`,
    );
    const run = cli(['plan', '--data', data, '--from', 'care-worker', '--to', 'ex', '--optimise', 'time']);
    noCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /exp-.*\.yaml:4:95: transitions\[0\]\.routes\[0\]\.experienceMonths: (at most 600 months \(50 years\)|Infinity is not a figure)/,
    );
  });

  it('costs of 1e308 and lengths of 1e300 (the review hugecost file)', () => {
    const data = file(
      'hugecost.yaml',
      `overlay: {name: hugecost}
${SOURCE}
qualifications:
  - {id: hq1, name: HQ1, kind: award, summary: s, cost: {min: 1e308, max: 1e308}, durationMonths: 1e300, studyHours: 1e300, sources: [E]}
roles:
  - {id: hc1, name: HC one, sector: nhs, summary: s, sources: [E]}
transitions:
  - {from: care_worker, to: hc1, kind: up, routes: [{requires: [hq1], experienceMonths: 1}], sources: [E]}
`,
    );
    const run = cli(['plan', '--data', data, '--from', 'care-worker', '--to', 'hc1', '--hours-per-week', '10', '--json']);
    noCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('hugecost.yaml:4:63: qualifications[0].cost.min: at most £10,000,000');
    expect(run.stderr).toContain('qualifications[0].durationMonths: at most 600 months');
    expect(run.stderr).toContain('qualifications[0].studyHours: at most 100,000 hours');
    expect(run.stdout).not.toMatch(/Infinity|NaN|null, "max": null/);
  });
});

describe('H4: long names are refused; the longest allowed one prints', () => {
  const role = (name: string) => `overlay: {name: longname}
${SOURCE}
roles:
  - {id: long_role, name: "${name}", sector: nhs, summary: s, sources: [E]}
transitions:
  - {from: care_worker, to: long_role, kind: sideways, routes: [{requires: []}], sources: [E]}
`;

  it('a name of 130,000 characters', () => {
    const run = cli(['plan', '--data', file('long.yaml', role('X'.repeat(130_000))), '--from', 'care-worker', '--to', 'long-role']);
    noCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('long.yaml:4:27: roles[0].name: at most 300 characters (this one has 130000); shorten it');
  });

  it.each(['table', 'text', 'markdown', 'json'])('a 300-character word as a name, in the %s format', (format) => {
    const run = cli(['plan', '--data', file('long300.yaml', role('X'.repeat(300))), '--from', 'care-worker', '--to', 'long-role', '--format', format]);
    noCrash(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('XXXXXXXXXX');
  });
});

describe('H5: unknown references are reported in linear time, with a few suggestions', () => {
  it('2,000 moves between unknown roles: every one reported, only the first 50 looked up for a suggestion', () => {
    const n = 2_000;
    const data = file('unknownrefs.json', {
      overlay: { name: 'unknownrefs' },
      sources: [{ id: 'U', title: 't', publisher: 'p', reviewed: '2026-01-01' }],
      roles: Array.from({ length: n }, (_, i) => ({ id: `role_number_${i}`, name: `Role number ${i}`, sector: 'nhs', summary: 's', sources: ['U'] })),
      transitions: Array.from({ length: n }, (_, i) => ({ from: `role_number_${i}x`, to: `missing_to_${i}`, kind: 'sideways', routes: [{}], sources: ['U'] })),
    });
    const run = cli(['validate', data]);
    noCrash(run);
    expect(run.code).toBe(1);
    expect(output(run).match(/unknown role "/g)).toHaveLength(2 * n);
    // Each move's two references come in turn, and only "from" is near a role: 25 of the first 50.
    expect((output(run).match(/did you mean/g) ?? []).length).toBe(25);
  });

  it('a 131,000-character unknown name is told unknown, with no suggestion', () => {
    const run = cli(['show', 'x'.repeat(131_000)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown role or qualification');
    expect(run.stderr).not.toMatch(/did you mean/i);
  });
});

describe('H7: control characters in data files are refused by validation, escapes included', () => {
  const evil = `overlay:
  name: "Evil \\e]0;PWNED-TITLE\\a overlay"
sources:
  - {id: EVIL, title: "Evil \\e[2J source", publisher: Evil, reviewed: 2026-01-01}
roles:
  - id: evil_role
    name: "Evil \\e[31mRED\\e[0m \\e]8;;http://evil.example/\\aclick\\e]8;;\\a role"
    sector: adult-social-care
    summary: "A summary with \\e]52;c;cHduZWQ=\\a clipboard write"
    sources: [EVIL]
transitions:
  - {from: care_worker, to: evil_role, kind: sideways, routes: [{requires: []}], sources: [EVIL]}
`;

  it.each([
    ['validate', (data: string) => ['validate', data]],
    ['show', (data: string) => ['show', 'evil-role', '--data', data]],
    ['plan', (data: string) => ['plan', '--data', data, '--from', 'care-worker', '--to', 'evil-role']],
  ])('YAML escapes (\\e, \\a), through %s', (_command, args) => {
    const run = cli(args(file('esc.yaml', evil)));
    noCrash(run);
    expect(run.code).toBe(1);
    expect(output(run)).toContain('esc.yaml:2:9: overlay.name: the control character U+001B (ESC) at character 6 is not allowed');
    expect(output(run)).toContain('esc.yaml:4:23: sources[0].title: the control character U+001B (ESC)');
    expect(output(run)).toContain('esc.yaml:7:11: roles[0].name: the control character U+001B (ESC)');
    expect(output(run)).toContain('esc.yaml:9:14: roles[0].summary: the control character U+001B (ESC)');
  });

  it('JSON escapes (\\u001b, \\u0000) and half a surrogate pair', () => {
    const data = file(
      'esc.json',
      '{"overlay":{"name":"x\\u001b[5m"},"sources":[{"id":"S","title":"t","publisher":"p","reviewed":"2026-01-01"}],' +
        '"roles":[{"id":"r","name":"Nul\\u0000x","sector":"nhs","summary":"s\\ud800","sources":["S"]}]}',
    );
    const run = cli(['validate', data]);
    noCrash(run);
    expect(run.code).toBe(1);
    expect(output(run)).toMatch(/esc\.json:1:\d+: overlay\.name: the control character U\+001B \(ESC\)/);
    expect(output(run)).toMatch(/esc\.json:1:\d+: roles\[0\]\.name: the control character U\+0000 \(NUL\)/);
    expect(output(run)).toMatch(/esc\.json:1:\d+: roles\[0\]\.summary: contains half of a UTF-16 surrogate pair/);
  });
});

describe('M6: --max-months never counts a length no source gives as 0 months', () => {
  const data = () =>
    file(
      'unknown-length.yaml',
      `overlay: {name: unknown length}
${SOURCE}
qualifications: [{id: mystery, name: Mystery diploma, kind: diploma, summary: s, sources: [E]}]
roles: [{id: quick_role, name: Quick role, sector: nhs, summary: s, sources: [E]}]
transitions: [{from: care_worker, to: quick_role, kind: up, routes: [{requires: [mystery], experienceMonths: 1}], sources: [E]}]
`,
    );

  it('the route is refused under --max-months, and says why', () => {
    const run = cli(['plan', '--data', data(), '--from', 'care-worker', '--to', 'quick-role', '--max-months', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Care worker → Quick role: its length is not in the sources, so it may take more than 1 months');
  });

  it('without it, the same route is planned and its length marked unknown', () => {
    const run = cli(['plan', '--data', data(), '--from', 'care-worker', '--to', 'quick-role', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).best.totals.unknownDuration).toEqual(['mystery']);
  });
});

describe('M7: the --via no-route message (already fixed on main)', () => {
  it('names the waypoint nothing leads on from (to the goal), and says the goal is reachable without it', () => {
    const run = cli(['plan', '--from', 'care-worker', '--to', 'registered-manager', '--via', 'amhp']);
    expect(run.code).toBe(1);
    // AMHP has moves out now (the social work ladder), but none of them leads to a registered manager.
    expect(run.stderr).toContain(
      'no route from Care worker to Registered manager: no chain of moves in the dataset leads on from Approved Mental Health Professional, the role the route must pass through, to Registered manager',
    );
    expect(run.stderr).toContain('Registered manager can be reached without --via.');
    expect(run.stderr).not.toContain('reached its limit');
  });
});

describe('M8: names in any script keep their letters', () => {
  const data = () =>
    file(
      'nonlatin.yaml',
      `overlay: {name: nonlatin}
${SOURCE}
roles:
  - {id: nurse_zh, name: "护士", sector: nhs, summary: s, sources: [E]}
  - {id: carer_ar, name: "مقدم رعاية", sector: nhs, summary: s, sources: [E]}
  - {id: carer_el, name: "Φροντιστής", sector: nhs, summary: s, sources: [E]}
transitions:
  - {from: care_worker, to: nurse_zh, kind: sideways, routes: [{requires: []}], sources: [E]}
`,
    );

  it('three names in three scripts validate (once one false duplicate)', () => {
    expect(cli(['validate', data()]).code).toBe(0);
  });

  it('they are found by their own letters, and junk finds nothing', () => {
    expect(cli(['plan', '--data', data(), '--from', 'care-worker', '--to', '护士']).stdout).toMatch(/^Care worker → 护士/);
    expect(cli(['show', 'φροντιστης', '--data', data()]).stdout).toMatch(/^Φροντιστής/);
    const emoji = cli(['plan', '--data', data(), '--from', 'care-worker', '--to', '🙂']);
    expect(emoji.code).toBe(2);
    expect(emoji.stderr).toContain('unknown role');
    const junk = cli(['show', '!!!', '--data', data()]);
    expect(junk.code).toBe(2);
    expect(junk.stderr).not.toMatch(/did you mean/i);
  });

  it('a name of spaces only is refused', () => {
    const blank = file('blank.yaml', `overlay: {name: blank}\n${SOURCE}\nroles: [{id: blank, name: "   ", sector: nhs, summary: s, sources: [E]}]\n`);
    const run = cli(['validate', blank]);
    expect(run.code).toBe(1);
    expect(output(run)).toContain('blank.yaml:3:27: roles[0].name: "   " has no letter or digit');
  });
});

describe('M11: the same overlay layered twice adds its routes once', () => {
  const cycle = () =>
    file(
      'cycle.yaml',
      `overlay: {name: cycle}
sources: [{id: C, title: t, publisher: p, reviewed: 2026-01-01}]
roles:
  - {id: ca, name: Cyc A, sector: nhs, summary: s, sources: [C]}
transitions:
  - {from: care_worker, to: ca, kind: sideways, routes: [{requires: []}], sources: [C]}
`,
    );
  const routesToA = (run: CliRun) => JSON.parse(run.stdout).moves.find((m: { to: { id: string } }) => m.to.id === 'ca').routes;

  it('given twice with --data', () => {
    const run = cli(['next', 'care-worker', '--data', cycle(), '--data', cycle(), '--json', '--no-cache']);
    expect(run.code).toBe(0);
    expect(routesToA(run)).toHaveLength(1);
  });

  it('in CAREERPATH_DATA and again with --data', () => {
    const run = cli(['next', 'care-worker', '--data', cycle(), '--json', '--no-cache'], { CAREERPATH_DATA: cycle() });
    expect(run.code).toBe(0);
    expect(routesToA(run)).toHaveLength(1);
  });

  it('2,000 times', () => {
    const args = Array.from({ length: 2_000 }, () => ['--data', cycle()]).flat();
    const run = cli(['plan', '--from', 'care-worker', '--to', 'ca', '--no-cache', '--json', ...args]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).best.steps).toHaveLength(1);
  });
});
