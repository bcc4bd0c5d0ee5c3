/**
 * A label: one partial route as the search holds it (where it is, what it holds, what it has
 * cost, how it got there), and the small functions over labels every part of the planner uses.
 */
import { compareIds, type Edge } from './graph';
import type { StepMetrics } from './metrics';
import type { Gain } from './route-cost';

export interface Label {
  role: number;
  held: bigint;
  /** The same qualifications as a list, for the worth-based dominance check. */
  heldList: number[];
  /**
   * A 32-bit summary of the held set (bit q % 32 for each qualification q): a set whose summary
   * lacks a bit of another's cannot hold all of it, which rules out most pairs without BigInt work.
   */
  heldMask: number;
  /** How many labels settled at its state this label has already been compared with (see SettledLabels.dominated). */
  checked?: number;
  /** 1 once the waypoint (if any) has been passed. */
  phase: 0 | 1;
  /** Roles on the route so far, as a bit set in the order the search met them (0n unless routes must be simple). */
  visited: bigint;
  totals: StepMetrics;
  score: number[];
  /**
   * A lower bound on what is left to the goal, scored like `score` (shared by every label at the
   * state): score plus bound is A*'s priority, the queue order.
   */
  bound: number[];
  /**
   * Role and route ids from the start, for the final, deterministic tie-break: set on the start
   * label, made for the others only when a tie needs it (most labels never meet one).
   */
  trail?: string;
  /** Roles, then qualifications gained, so far (simple mode): equal signatures are the same route. */
  signature: string;
  roleTrail: string;
  qualTrail: string;
  parent?: Label;
  edge?: Edge;
  gains: Gain[];
  step?: StepMetrics;
}

/** The summary of a list of qualifications (see Label.heldMask). */
export function maskOf(quals: readonly number[], mask = 0): number {
  for (let i = 0; i < quals.length; i++) mask |= 1 << (quals[i]! & 31);
  return mask;
}

/** Priority first, then trail, so equal routes always come out in the same order. */
export function compareLabels(a: Label, b: Label): number {
  const { score: sa, bound: ba } = a;
  const { score: sb, bound: bb } = b;
  for (let i = 0; i < sa.length; i++) {
    const d = sa[i]! + ba[i]! - (sb[i]! + bb[i]!);
    if (d !== 0) return d;
  }
  return compareIds(trailOf(a), trailOf(b));
}

/** True when the label's priority (score plus bound) is above a route's score. */
export function priorityAbove(label: Label, score: number[]): boolean {
  const { score: s, bound } = label;
  for (let i = 0; i < s.length; i++) {
    const d = s[i]! + bound[i]! - score[i]!;
    if (d !== 0) return d > 0;
  }
  return false;
}

/** The label's trail: its parent's, then the role moved to and the route taken. */
export function trailOf(label: Label): string {
  if (label.trail !== undefined) return label.trail;
  // Iterative: a route may be thousands of moves long.
  const pending: Label[] = [];
  let l: Label = label;
  while (l.trail === undefined) {
    pending.push(l);
    l = l.parent!;
  }
  let trail = l.trail;
  for (let i = pending.length - 1; i >= 0; i--) {
    const { edge } = pending[i]!;
    trail = `${trail}>${edge!.transition.to}#${edge!.routeId}`;
    pending[i]!.trail = trail;
  }
  return trail;
}

/** The labels from the start to this one. */
export function labelPath(label: Label): Label[] {
  const path: Label[] = [];
  for (let l: Label | undefined = label; l; l = l.parent) path.push(l);
  return path.reverse();
}

/** True when no role comes twice on the route. */
export function isSimple(label: Label): boolean {
  const seen = new Set<number>();
  for (let l: Label | undefined = label; l; l = l.parent) {
    if (seen.has(l.role)) return false;
    seen.add(l.role);
  }
  return true;
}

const NO_TRAILS = { signature: '', roleTrail: '', qualTrail: '' } as const;

/** A route is its sequence of roles and its sequence of qualifications gained, nothing else. */
export function trails(label: Label, role: number, gains: Gain[], simple: boolean) {
  // Stryker disable next-line ObjectLiteral,StringLiteral: a search for one best walk never reads the trails
  if (!simple) return NO_TRAILS;
  const roleTrail = `${label.roleTrail},${role}`;
  const qualTrail = gains.reduce((t, g) => (t ? `${t},${g.qual}` : String(g.qual)), label.qualTrail);
  return { signature: `${roleTrail}|${qualTrail}`, roleTrail, qualTrail };
}
