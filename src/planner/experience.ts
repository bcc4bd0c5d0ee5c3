/**
 * The time in post a move asks for, once the months a person has already served in the role they
 * start from are counted: served months meet the time before the course first, then the time in
 * role alongside it, and never take either below 0. Pure arithmetic on ranges.
 */
import type { Range, Route } from '../domain/types';
import { typicalOf } from './graph';

/** A range with its usual figure worked out (the source's own, else the middle). */
export interface TypicalRange extends Range {
  typical: number;
}

/** What time in post a move still asks for: before the course, then alongside it. */
export interface ExperienceLeft {
  before: TypicalRange;
  alongside: TypicalRange;
}

const ZERO: Range = { min: 0, max: 0 };

/**
 * The route's time in post less `served` months, end by end (least, most and usual figure): what
 * is left of the time before the course, then of the time alongside it. A route whose time in
 * post no source gives keeps that unknown; only the figures it does give are met.
 */
export function experienceLeft(route: Route, served: number): ExperienceLeft {
  const before = route.experienceBeforeMonths ?? ZERO;
  const alongside = route.experienceMonths ?? ZERO;
  const left = (needBefore: number, needAlongside: number) => {
    const pastBefore = Math.max(0, served - needBefore);
    return { before: Math.max(0, needBefore - served), alongside: Math.max(0, needAlongside - pastBefore) };
  };
  const min = left(before.min, alongside.min);
  const max = left(before.max, alongside.max);
  const typical = left(typicalOf(before), typicalOf(alongside));
  return {
    before: { min: min.before, max: max.before, typical: typical.before },
    alongside: { min: min.alongside, max: max.alongside, typical: typical.alongside },
  };
}
