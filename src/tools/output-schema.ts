/**
 * The source of src/render/output.schema.json, the published JSON Schema of `--json` output.
 * Regenerate after changing render/json.ts: `npx tsx src/tools/output-schema.ts > src/render/output.schema.json`
 * (a test fails while the two differ).
 */
import { pathToFileURL } from 'node:url';

type Schema = Record<string, unknown>;

/** The JSON Schema (draft 2020-12) of every command's JSON output. */
export function outputSchema(): Schema {
  const obj = (properties: Record<string, Schema>, extra: Schema = {}): Schema => ({
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
    ...extra,
  });
  const str: Schema = { type: 'string' };
  const nstr: Schema = { type: ['string', 'null'] };
  const int0: Schema = { type: 'integer', minimum: 0 };
  const num0: Schema = { type: 'number', minimum: 0 };
  const bool: Schema = { type: 'boolean' };
  const arr = (items: Schema): Schema => ({ type: 'array', items });
  const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });
  const nullable = (name: string): Schema => ({ oneOf: [ref(name), { type: 'null' }] });
  const confidence: Schema = { enum: ['high', 'medium', 'low'] };
  const moveKind: Schema = { enum: ['up', 'sideways', 'specialise', 'professional'] };
  const sector: Schema = { enum: ['adult-social-care', 'social-work', 'nhs'] };
  const isoDate: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
  const head = (kind: string): Record<string, Schema> => ({ schemaVersion: { const: 2 }, kind: { const: kind }, dataset: ref('dataset') });

  const defs: Record<string, Schema> = {
    named: obj({ id: str, name: str }),
    range: obj({ min: num0, max: num0 }, { description: 'An inclusive range; min = max for a single figure.' }),
    dataset: obj({ name: str, version: str, updated: isoDate, overlays: { ...arr(str), description: 'Names of the overlays layered on top, bottom first.' } }),
    source: obj({
      id: str,
      title: str,
      publisher: str,
      url: nstr,
      reviewed: isoDate,
      kind: { enum: ['official', 'awarding-body', 'professional-body', 'provider', 'press', 'seed', null], description: 'Who stands behind the source.' },
      caveat: { ...nstr, description: 'A limit on what the source can be trusted for.' },
    }),
    gate: obj({
      step: { type: 'integer', minimum: 1, description: 'The step whose move passes through this gate.' },
      role: ref('named'),
      body: str,
      required: bool,
      checks: nstr,
      qualification: {
        enum: ['held', 'working-towards', null],
        description: 'Whether the qualification must be held before registering, or can be worked towards.',
      },
      approval: { ...nstr, description: 'A further approval the role needs, e.g. a local authority approving an AMHP.' },
      sources: arr(str),
    }),
    gainedQualification: obj({
      id: str,
      name: str,
      kind: str,
      level: { type: ['integer', 'null'], minimum: 1, maximum: 8 },
      durationMonths: nullable('range'),
      cost: { ...nullable('range'), description: 'Cost to the learner in GBP; null when no source gives it.' },
      funding: arr(ref('named')),
      prerequisiteOf: { ...nstr, description: 'Set when the planner added it because this later qualification (id) needs it.' },
      includes: arr(ref('named')),
      confidence,
      indicative: bool,
    }),
    step: obj({
      number: { type: 'integer', minimum: 1 },
      from: ref('named'),
      to: ref('named'),
      kind: moveKind,
      routeId: str,
      routeName: nstr,
      months: ref('range'),
      typicalMonths: num0,
      experience: obj({
        before: nullable('range'),
        alongside: nullable('range'),
        unknown: { ...nstr, description: 'Why no source gives the time in role.' },
        served: {
          oneOf: [obj({ months: int0, before: nullable('range'), alongside: nullable('range') }), { type: 'null' }],
          description:
            'On the first step only, when the plan was given months already served in the starting role (monthsInRole) and the step asks for time in post: those months, and what is still to serve of before and alongside after them.',
        },
      }),
      cost: { ...nullable('range'), description: 'Null when any part of the cost is unknown; knownCost is then the known part.' },
      knownCost: ref('range'),
      conditions: arr(obj({ kind: { enum: ['employer-offers', 'needs-post', 'field', 'leaves-paid-work', 'other'] }, text: str })),
      gate: nullable('gate'),
      qualifications: arr(ref('gainedQualification')),
      notes: arr(str),
      confidence,
      indicative: bool,
      sources: arr(str),
    }),
    route: obj({
      path: { ...arr(ref('named')), description: 'The roles from start to goal.' },
      reasons: {
        ...arr({
          enum: [
            'realistic',
            'firmer-sources',
            'fastest',
            'earn-while-learning',
            'cheapest',
            'fewest-moves',
            'registers-on-the-way',
            'time-unknown',
            'next-best',
          ],
        }),
        description: 'Why the route is shown.',
      },
      totals: obj({
        steps: int0,
        months: ref('range'),
        typicalMonths: { ...num0, description: 'The usual length, what plans are ranked on.' },
        monthsComplete: { ...bool, description: 'False when some duration or time in role is not in the sources: months is then a lower bound.' },
        cost: { ...nullable('range'), description: 'Null when any part of the cost is unknown.' },
        knownCost: ref('range'),
        costComplete: { ...bool, description: 'False when some qualification has no known cost.' },
        unknownCost: arr(str),
        unknownDuration: arr(str),
        unknownExperience: int0,
        leavesPaidWork: int0,
      }),
      gates: { ...arr(ref('gate')), description: 'Every registration or approval the route passes through.' },
      indicative: bool,
      steps: arr(ref('step')),
      checklist: arr(ref('gainedQualification')),
    }),
    plan: obj({
      ...head('plan'),
      generated: isoDate,
      from: ref('named'),
      to: ref('named'),
      optimise: { enum: ['realistic', 'steps', 'time', 'cost'] },
      have: arr(ref('named')),
      via: nullable('named'),
      constraints: arr(str),
      hoursPerWeek: { type: ['integer', 'null'], minimum: 1 },
      monthsInRole: {
        type: ['integer', 'null'],
        minimum: 0,
        description: "Months already served in the starting role (--months-in-role), counted against the first step's time in post.",
      },
      best: ref('route'),
      alternatives: arr(ref('route')),
      searchComplete: {
        ...bool,
        description: 'False when a limit cut the search short: the routes shown are the best found; a better route or more alternatives may exist.',
      },
      searchLimit: { enum: ['labels', 'time', 'memory', null], description: 'Which limit cut the search short (null when none did).' },
      nations: { ...arr(str), description: "The nations the plan's roles and qualifications hold for (england for the shipped data)." },
      funding: {
        ...arr(
          obj({
            id: str,
            name: str,
            summary: str,
            amounts: arr(obj({ label: str, amount: num0, per: { enum: ['year', 'month', 'week', 'total'] }, year: str })),
          }),
        ),
        description: 'The funding routes the plan names, with their figures (e.g. tuition per year).',
      },
      sources: arr(ref('source')),
    }),
    roles: obj({
      ...head('roles'),
      filter: obj({ sector: { oneOf: [sector, { type: 'null' }] }, level: { type: ['integer', 'null'] } }),
      count: int0,
      roles: arr(
        obj({
          id: str,
          name: str,
          aliases: arr(str),
          sector,
          level: { type: ['integer', 'null'] },
          band: nullable('range'),
          careCategory: nstr,
          entry: bool,
          registration: { oneOf: [obj({ body: str, required: bool }), { type: 'null' }] },
          confidence,
          indicative: bool,
        }),
      ),
    }),
    qualifications: obj({
      ...head('qualifications'),
      filter: obj({ level: { type: ['integer', 'null'] }, kind: nstr }),
      count: int0,
      qualifications: arr(
        obj({
          id: str,
          name: str,
          aliases: arr(str),
          kind: str,
          level: { type: ['integer', 'null'] },
          durationMonths: nullable('range'),
          closed: bool,
          nations: arr(str),
          confidence,
          indicative: bool,
        }),
      ),
    }),
    move: obj({
      role: { ...ref('named'), description: 'The role at the other end of the move.' },
      kind: moveKind,
      summary: nstr,
      routes: arr(
        obj({
          id: str,
          name: nstr,
          requires: arr(ref('named')),
          experienceMonths: nullable('range'),
          experienceBeforeMonths: nullable('range'),
          experienceUnknown: nstr,
          conditions: arr(obj({ kind: str, text: str })),
          notes: arr(str),
          indicative: bool,
        }),
      ),
      indicative: bool,
    }),
    role: obj({
      ...head('role'),
      role: obj({
        id: str,
        name: str,
        aliases: arr(str),
        sector,
        level: { type: ['integer', 'null'] },
        band: nullable('range'),
        careCategory: nstr,
        summary: str,
        nations: arr(str),
        entry: bool,
        registration: {
          oneOf: [
            obj({ body: str, required: bool, checks: nstr, qualification: { enum: ['held', 'working-towards', null] }, approval: nstr, note: nstr }),
            { type: 'null' },
          ],
        },
        holds: arr(ref('named')),
        pay: {
          oneOf: [
            obj({ min: { type: 'number' }, max: { type: ['number', 'null'] }, per: { enum: ['hour', 'year'] }, year: str, basis: nstr, indicative: bool }),
            { type: 'null' },
          ],
        },
        notes: arr(str),
        confidence,
        indicative: bool,
      }),
      leadsTo: arr(ref('move')),
      leadsFrom: arr(ref('move')),
      sources: arr(ref('source')),
    }),
    qualification: obj({
      ...head('qualification'),
      qualification: obj({
        id: str,
        name: str,
        aliases: arr(str),
        kind: str,
        level: { type: ['integer', 'null'] },
        summary: str,
        nations: arr(str),
        durationMonths: nullable('range'),
        studyHours: nullable('range'),
        cost: { oneOf: [obj({ min: num0, max: num0, note: nstr }), { type: 'null' }] },
        funding: arr(obj({ id: str, name: str, summary: str })),
        requires: arr(ref('named')),
        includes: arr(ref('named')),
        includedIn: arr(ref('named')),
        requiredBy: arr(ref('named')),
        heldBy: arr(ref('named')),
        inWork: { type: ['boolean', 'null'] },
        university: { type: ['boolean', 'null'] },
        closed: bool,
        notes: arr(str),
        confidence,
        indicative: bool,
      }),
      neededFor: arr(obj({ from: ref('named'), to: ref('named'), kind: moveKind, route: obj({ id: str, name: nstr }) })),
      sources: arr(ref('source')),
    }),
    validation: obj({
      schemaVersion: { const: 2 },
      kind: { const: 'validation' },
      valid: bool,
      files: arr(str),
      problems: arr(
        obj({ file: str, line: { type: ['integer', 'null'], minimum: 1 }, column: { type: ['integer', 'null'], minimum: 1 }, path: str, message: str }),
      ),
      dataset: nullable('dataset'),
      counts: { oneOf: [obj({ roles: int0, qualifications: int0, transitions: int0, funding: int0, sources: int0 }), { type: 'null' }] },
    }),
    error: obj({
      schemaVersion: { const: 2 },
      kind: { const: 'error' },
      code: {
        enum: ['usage', 'dataset', 'failure', 'cancelled', 'internal'],
        description:
          'usage: a bad command line (exit 2); dataset: data that failed to load or validate; failure: anything else the user can fix, e.g. no route or a file that exists (exit 1); cancelled (exit 130); internal: a bug.',
      },
      exitCode: int0,
      message: str,
      hint: nstr,
      problems: { ...arr(str), description: 'For code dataset: each problem, as file:line:column: message.' },
    }),
    next: obj({
      ...head('next'),
      from: ref('named'),
      moves: arr(
        obj({
          to: obj({ id: str, name: str, level: { type: ['integer', 'null'] }, band: nullable('range') }),
          kind: moveKind,
          summary: nstr,
          ready: { ...bool, description: 'True when some route needs nothing new.' },
          routes: arr(
            obj({
              id: str,
              name: nstr,
              requires: arr(obj({ id: str, name: str, held: bool })),
              toGain: arr(ref('named')),
              experienceMonths: nullable('range'),
              experienceBeforeMonths: nullable('range'),
              experienceUnknown: nstr,
              months: nullable('range'),
              unavailable: nstr,
            }),
          ),
        }),
      ),
    }),
    unlocks: obj({
      ...head('unlocks'),
      qualification: ref('named'),
      direct: arr(obj({ role: ref('named'), from: arr(ref('named')) })),
      oneStepOn: arr(obj({ role: ref('named'), from: arr(ref('named')) })),
    }),
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://careerpath.invalid/schema/output-v1.json',
    title: 'careerpath JSON output (schemaVersion 2)',
    description:
      'What `careerpath <command> --json` prints. Every document has schemaVersion and kind; kind says which shape follows. ' +
      'Absent facts are null, never missing. Fields may be added within a schemaVersion (and to this schema at the same time); removing or changing one bumps it.',
    oneOf: ['plan', 'roles', 'qualifications', 'role', 'qualification', 'validation', 'next', 'unlocks', 'error'].map(ref),
    $defs: defs,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(outputSchema(), null, 2)}\n`);
}
