/**
 * The fourth question, what matters and the constraints, and the plan request all the answers
 * make. Pure: nothing here prompts, prints or touches the file system.
 */
import type { Optimise, PlanRequest } from '../planner/types';
import type { Choice } from './ask';

export interface Preferences {
  optimise: Optimise;
  earnWhileLearning: boolean;
  noDegree: boolean;
  hoursPerWeek?: number;
}

export const DEFAULT_PREFERENCES: Preferences = { optimise: 'realistic', earnWhileLearning: false, noDegree: false };

export const PRIORITY_CHOICES: Choice<Optimise>[] = [
  {
    value: 'realistic',
    name: 'Most realistic',
    description: 'The route people usually take: typical time, counting the experience each move expects, with less certain routes counted longer.',
  },
  { value: 'steps', name: 'Fewest job changes', description: 'The fewest moves between roles.' },
  { value: 'time', name: 'Fastest', description: 'The shortest time to get there, counting study and the experience each move expects.' },
  { value: 'cost', name: 'Cheapest', description: 'The least cost to you, as the sources give it.' },
];

export type Constraint = 'earnWhileLearning' | 'noDegree';

export const CONSTRAINT_CHOICES: Choice<Constraint>[] = [
  {
    value: 'earnWhileLearning',
    name: 'I need to earn while I learn',
    description: 'Only routes you can do while working: apprenticeships and training your employer funds.',
  },
  {
    value: 'noDegree',
    name: 'No university degree',
    description: 'No full-time university courses (degree apprenticeships, done at work, are still allowed).',
  },
];

/** How many routes after the best one the questionnaire shows. */
export const ALTERNATIVES = 3;

/** The plan request for the answers given (ids already resolved). */
export function buildPlanRequest(from: string, to: string, have: readonly string[], preferences: Preferences): PlanRequest {
  return {
    from,
    to,
    have: [...new Set(have)],
    optimise: preferences.optimise,
    alternatives: ALTERNATIVES,
    avoid: [],
    noDegree: preferences.noDegree,
    earnWhileLearning: preferences.earnWhileLearning,
    ...(preferences.hoursPerWeek !== undefined ? { hoursPerWeek: preferences.hoursPerWeek } : {}),
  };
}
