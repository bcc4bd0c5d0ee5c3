/**
 * The dataset's fixed vocabularies and their words for people, in one zod-free module that the
 * schema, the planner and every renderer import.
 */

/** The dataset's shape version: bumped whenever it changes, so caches and snapshots keyed on it go stale. */
export const DATASET_SCHEMA_VERSION = 3;

/**
 * The Care Workforce Pathway's role categories, lowest first. `rank` orders them for the rule that
 * a step up may not skip a category; categories of the same rank are side by side, not above.
 */
export const CARE_CATEGORIES = {
  'new-to-care': { label: 'New to care (category A)', rank: 1 },
  'care-or-support-worker': { label: 'Care or support worker (category B)', rank: 2 },
  'personal-assistant': { label: 'Personal assistant', rank: 2 },
  'enhanced-care-worker': { label: 'Enhanced care worker', rank: 2 },
  'supervisor-or-leader': { label: 'Supervisor or leader (category C)', rank: 3 },
  'practice-leader': { label: 'Practice leader (category D)', rank: 4 },
  'deputy-manager': { label: 'Deputy manager', rank: 4 },
  'registered-manager': { label: 'Registered manager', rank: 5 },
} as const;
export type CareCategory = keyof typeof CARE_CATEGORIES;
export const CARE_CATEGORY_IDS = Object.keys(CARE_CATEGORIES) as [CareCategory, ...CareCategory[]];
/** Categories from this rank up supervise or lead others. */
export const SUPERVISORY_RANK = 3;

/** What a qualification is for: induction and baseline ones can never carry a step up on their own. */
export const QUALIFICATION_PURPOSES = {
  induction: 'induction for people new to the work',
  baseline: 'the baseline standard for everyone in direct care',
  progression: 'progression within a role family',
  specialist: 'specialist knowledge',
  management: 'management and leadership',
  'professional-entry': 'entry to a registered profession',
  'entry-requirement': 'an entry requirement met by any of several qualifications',
} as const;
export type QualificationPurpose = keyof typeof QUALIFICATION_PURPOSES;
export const QUALIFICATION_PURPOSE_IDS = Object.keys(QUALIFICATION_PURPOSES) as [QualificationPurpose, ...QualificationPurpose[]];
export const BASELINE_PURPOSES: readonly QualificationPurpose[] = ['induction', 'baseline'];

/** Who stands behind a source, strongest first: when sources disagree the earlier kind wins. */
export const SOURCE_KINDS = {
  official: 'official',
  'awarding-body': 'awarding body',
  'professional-body': 'professional body',
  provider: 'provider or employer',
  press: 'press',
  seed: 'seed document',
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;
export const SOURCE_KIND_IDS = Object.keys(SOURCE_KINDS) as [SourceKind, ...SourceKind[]];

/**
 * Conditions on a route that decide whether a person can take it at all. `employer-offers` and
 * `leaves-paid-work` are also derived from the qualifications (apprenticeships, university-only
 * degrees), so data only writes them where the qualifications do not say so.
 */
export const CONDITION_KINDS = {
  'employer-offers': 'needs an employer who offers it',
  'needs-post': 'needs a post',
  field: 'open only to some fields',
  'leaves-paid-work': 'means leaving full-time paid work',
  other: 'condition',
} as const;
export type ConditionKind = keyof typeof CONDITION_KINDS;
export const CONDITION_KIND_IDS = Object.keys(CONDITION_KINDS) as [ConditionKind, ...ConditionKind[]];

/** When a registered role's qualification must be held: before registering, or while working towards it. */
export const GATE_QUALIFICATION = {
  held: 'The qualification must be held before registering',
  'working-towards': 'You can register while still working towards the qualification',
} as const;
export type GateQualification = keyof typeof GATE_QUALIFICATION;
export const GATE_QUALIFICATION_IDS = Object.keys(GATE_QUALIFICATION) as [GateQualification, ...GateQualification[]];

export const SECTORS = ['adult-social-care', 'social-work', 'nhs'] as const;
export type SectorId = (typeof SECTORS)[number];

/** Each sector's name, as a label or heading and inside a sentence ("a role in the NHS"). */
export const SECTOR_NAMES: Record<SectorId, { label: string; inSentence: string }> = {
  'adult-social-care': { label: 'Adult social care', inSentence: 'adult social care' },
  'social-work': { label: 'Social work', inSentence: 'social work' },
  nhs: { label: 'NHS', inSentence: 'the NHS' },
};

/** The kinds of qualification, in the order lists show them, with the words `qualifications` prints. */
export const QUALIFICATION_KINDS = {
  induction: 'induction',
  standards: 'standards',
  certificate: 'certificate',
  diploma: 'diploma',
  apprenticeship: 'apprenticeship',
  degree: 'degree',
  postgraduate: 'postgraduate',
  programme: 'programme',
  gcse: 'GCSE',
  'functional-skills': 'Functional Skills',
  'a-level': 'A level',
  award: 'award',
  cpd: 'short course (CPD)',
  requirement: 'entry requirement',
} as const;
export type QualificationKindId = keyof typeof QUALIFICATION_KINDS;
export const QUALIFICATION_KIND_IDS = Object.keys(QUALIFICATION_KINDS) as [QualificationKindId, ...QualificationKindId[]];

/**
 * The UK nations a fact can hold for. The shipped data is England's; an overlay for another nation
 * sets its own (its registers, qualifications and funding differ).
 */
export const NATIONS = { england: 'England', wales: 'Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' } as const;
export type Nation = keyof typeof NATIONS;
export const NATION_IDS = Object.keys(NATIONS) as [Nation, ...Nation[]];
export const TRANSITION_KINDS = ['up', 'sideways', 'specialise', 'professional'] as const;
export type MoveKind = (typeof TRANSITION_KINDS)[number];

/**
 * Each kind of move in words: `short` after a step in the terminal ("step up: Level 3 diploma"),
 * `heading` over a group of moves (`next`), `document` in a saved plan, `inSheet` in `show`.
 */
export const MOVE_KIND_WORDS: Record<MoveKind, { short: string; heading: string; document: string; inSheet: string }> = {
  up: { short: 'step up', heading: 'Step up', document: 'Step up', inSheet: 'step up' },
  sideways: { short: 'sideways', heading: 'Move sideways', document: 'Sideways move', inSheet: 'sideways' },
  specialise: { short: 'specialise', heading: 'Specialise', document: 'Specialise', inSheet: 'specialise' },
  professional: { short: 'professional', heading: 'Train for a registered profession', document: 'Professional training', inSheet: 'professional training' },
};

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** What "best" means. `realistic` is the default: typical time, weighted by how sure the sources are. */
export const OPTIMISE = {
  realistic: 'most realistic',
  steps: 'fewest job changes',
  time: 'shortest time',
  cost: 'lowest cost',
} as const;
export type Optimise = keyof typeof OPTIMISE;
export const OPTIMISE_CHOICES = Object.keys(OPTIMISE) as Optimise[];

/** How much longer a step is taken to be, for ranking, when its sources are less sure. */
export const CONFIDENCE_WEIGHT = { high: 1, medium: 1.25, low: 1.5 } as const;
/** A step up that skips a Care Workforce Pathway category is taken to be this much longer, for ranking. */
export const CATEGORY_SKIP_WEIGHT = 1.5;
/**
 * A step into a sector that is neither the start's nor the goal's (a care worker becoming a nurse
 * on the way to managing a care home) is taken to be this much longer, for ranking: a detour
 * through another sector is an alternative to show, not the route people usually take.
 */
export const DETOUR_WEIGHT = 1.5;
/**
 * A step into a role from a role it is not usually reached from (the role's `typicalFrom`) is taken
 * to be this much longer, for ranking: a reablement worker can become a care coordinator, but the
 * usual way in is from a senior post where people learn to lead a team.
 */
export const UNUSUAL_ENTRY_WEIGHT = 1.5;
/** The most a step's typical time is multiplied by for ranking. */
export const MAX_STEP_WEIGHT = CONFIDENCE_WEIGHT.low * CATEGORY_SKIP_WEIGHT * DETOUR_WEIGHT * UNUSUAL_ENTRY_WEIGHT;
/**
 * For ranking only, a time in post no source gives counts as this many months, and an unknown
 * qualification length never less (it counts as the middle known length of its kind and level, see
 * the planning graph): the low end of what the sources give for a step up once in post (care worker
 * to senior, 12–24 months). It is never shown as a fact; plans say the length is not known. Without
 * it a route with an unknown leg would either win (as if instant) or always lose to any route with
 * a figure, however weak.
 */
export const UNKNOWN_MONTHS_FOR_RANKING = 12;
