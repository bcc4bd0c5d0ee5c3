/**
 * The second question, the qualifications already held: what to offer, grouped by kind, and which
 * prerequisites matter. Pure: nothing here prompts, prints or touches the file system.
 */
import { compareNames, normalizeName } from '../domain/names';
import type { Dataset, Qualification, Role } from '../domain/types';
import type { Choice, ChoiceItem } from './ask';
import { filterByName, groupBy, matchedName, type NameMatch } from './name-filter';

const QUALIFICATION_GROUPS: { label: string; kinds: Qualification['kind'][] }[] = [
  { label: 'English and maths', kinds: ['gcse', 'functional-skills'] },
  { label: 'Inductions and standards', kinds: ['induction', 'standards'] },
  { label: 'Certificates and awards', kinds: ['certificate', 'award'] },
  { label: 'Diplomas', kinds: ['diploma'] },
  { label: 'Apprenticeships', kinds: ['apprenticeship'] },
  { label: 'Degrees', kinds: ['degree'] },
  { label: 'Postgraduate', kinds: ['postgraduate'] },
  { label: 'Programmes', kinds: ['programme'] },
  { label: 'Training courses', kinds: ['cpd'] },
];

function groupOf(q: Qualification): number {
  const i = QUALIFICATION_GROUPS.findIndex((g) => g.kinds.includes(q.kind));
  return i === -1 ? QUALIFICATION_GROUPS.length : i;
}

/** The qualifications a person might hold, by kind, then level, then name; minus those the role is taken to hold. */
export function qualificationsToOffer(dataset: Dataset, currentRole: Role): Qualification[] {
  const held = new Set(currentRole.holds);
  return dataset.qualifications
    .filter((q) => !held.has(q.id))
    .sort((a, b) => groupOf(a) - groupOf(b) || (a.level ?? 0) - (b.level ?? 0) || compareNames(a.name, b.name));
}

/** "diploma · level 3 · old titles: Level 3 Diploma in Health and Social Care. <summary>" */
export function qualificationDescription(q: Qualification): string {
  const facts: string[] = [q.kind === 'cpd' ? 'training course' : q.kind.replace('-', ' ')];
  if (q.level !== undefined) facts.push(`level ${q.level}`);
  if (q.closed) facts.push('no longer offered, still counts');
  if (q.aliases.length > 0) facts.push(`also known as ${q.aliases.slice(0, 3).join(', ')}`);
  return `${facts.join(' · ')}. ${q.summary}`;
}

/** The choices for "qualifications you already have", grouped by kind; old titles and aliases match. */
export function qualificationChoices(qualifications: readonly Qualification[], term: string): ChoiceItem<string>[] {
  const matches = filterByName(term, qualifications);
  const out: ChoiceItem<string>[] = [];
  if (normalizeName(term) !== '' && matches.length > 0 && matches.every((m) => m.near))
    out.push({ separator: `Nothing matches “${term.trim()}”; the nearest names:` });
  const groupLabel = (m: NameMatch<Qualification>) => QUALIFICATION_GROUPS[groupOf(m.entry)]?.label ?? 'Other';
  out.push(
    ...groupBy(matches, (m) => (matches.every((x) => x.near) ? undefined : groupLabel(m))).flatMap(({ heading, items }) => [
      ...(heading ? [{ separator: heading }] : []),
      ...items.map((m): Choice<string> => ({ value: m.entry.id, name: matchedName(m), short: m.entry.name, description: qualificationDescription(m.entry) })),
    ]),
  );
  return out;
}

/**
 * Qualifications worth asking about on their own (English and maths at level 2): GCSE-type
 * qualifications that other qualifications need first, which people rarely think to mention.
 */
export function keyPrerequisites(dataset: Dataset, currentRole: Role, have: readonly string[]): Qualification[] {
  const required = new Set(dataset.qualifications.flatMap((q) => q.requires));
  const held = new Set([...have, ...currentRole.holds]);
  return dataset.qualifications.filter((q) => (q.kind === 'gcse' || q.kind === 'functional-skills') && required.has(q.id) && !held.has(q.id));
}
