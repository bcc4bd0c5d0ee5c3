/**
 * Rules over the chains of prerequisites (what a qualification requires first, and the options
 * that meet an entry requirement): no loops, and no chain deeper than the planner, which follows
 * them as it plans, is built for. Both walks keep their own stack: a chain of 20,000 qualifications
 * must be reported, not overflow the call stack as the recursive walk did.
 */
import type { Qualification } from '../domain/types';
import { at, type Located, type RuleProblem } from './located';

/**
 * The deepest chain of prerequisites accepted. Real qualifications need a handful at most (the
 * shipped data's deepest chain is 3); a planner that follows a chain by recursion needs a bound.
 */
export const MAX_PREREQUISITE_DEPTH = 30;

export function prerequisiteProblems(qualifications: Located<Qualification>[]): RuleProblem[] {
  const byId = new Map(qualifications.map((e) => [e.value.id, e]));
  return [...prerequisiteCycles(byId), ...tooDeep(byId)];
}

/** Each loop of `requires`, reported once at the qualification where the walk met it again. */
function prerequisiteCycles(byId: Map<string, Located<Qualification>>): RuleProblem[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: RuleProblem[] = [];
  // Stryker disable next-line MethodExpression: the order only decides which loops are met first, and every id is walked
  for (const root of [...byId.keys()].sort()) {
    if (state.has(root)) continue;
    const trail: string[] = [root];
    const next: number[] = [0];
    state.set(root, 'visiting');
    while (trail.length > 0) {
      const id = trail.at(-1)!;
      const requires = byId.get(id)!.value.requires;
      const i = next[next.length - 1]!++;
      if (i >= requires.length) {
        state.set(id, 'done');
        trail.pop();
        next.pop();
        continue;
      }
      const child = requires[i]!;
      const entry = byId.get(child);
      if (!entry || state.get(child) === 'done') continue;
      if (state.get(child) === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(child)), child];
        problems.push(at(entry, ['requires'], `prerequisite cycle: ${cycle.join(' → ')}`));
        continue;
      }
      state.set(child, 'visiting');
      trail.push(child);
      next.push(0);
    }
  }
  return problems;
}

/** Qualifications where a chain of prerequisites first grows past MAX_PREREQUISITE_DEPTH. */
function tooDeep(byId: Map<string, Located<Qualification>>): RuleProblem[] {
  const depth = new Map<string, number>();
  const below = new Map<string, string | undefined>();
  const children = (id: string) => [...byId.get(id)!.value.requires, ...(byId.get(id)!.value.meetBy ?? [])].filter((c) => byId.has(c));
  for (const root of byId.keys()) {
    if (depth.has(root)) continue;
    // Post-order by an explicit stack; a loop (reported above) counts as depth 0 where it closes.
    const stack: { id: string; expanded: boolean }[] = [{ id: root, expanded: false }];
    const onStack = new Set<string>([root]);
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      if (!top.expanded) {
        top.expanded = true;
        for (const child of children(top.id)) {
          if (depth.has(child) || onStack.has(child)) continue;
          onStack.add(child);
          stack.push({ id: child, expanded: false });
        }
        continue;
      }
      stack.pop();
      onStack.delete(top.id);
      let deepest: string | undefined;
      for (const child of children(top.id)) if ((depth.get(child) ?? 0) > (deepest ? depth.get(deepest)! : 0)) deepest = child;
      depth.set(top.id, 1 + (deepest ? depth.get(deepest)! : 0));
      below.set(top.id, deepest);
    }
  }
  const problems: RuleProblem[] = [];
  for (const [id, d] of depth) {
    if (d !== MAX_PREREQUISITE_DEPTH + 1) continue;
    const chain: string[] = [id];
    for (let next = below.get(id); next !== undefined && chain.length < 4; next = below.get(next)) chain.push(next);
    problems.push(
      at(
        byId.get(id)!,
        ['requires'],
        `a chain of ${d} prerequisites starts here (${chain.join(' → ')} → …); at most ${MAX_PREREQUISITE_DEPTH} are allowed: shorten the chain`,
      ),
    );
  }
  return problems;
}
