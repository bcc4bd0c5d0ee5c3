/** `careerpath next ROLE`: the moves open from a role, with what each needs. */
import type { CommonOptions } from '../cli';
import { readCommandDataset } from '../dataset/load';
import { wantsColor, type Io } from '../io/terminal';
import { listNextMoves } from '../planner/explore';
import { buildGraph } from '../planner/graph';
import { renderNextMoves } from '../render/explore';
import { requireQualification, requireRole } from './names';

export interface NextOptions extends CommonOptions {
  role: string;
  have: string[];
}

/** Prints where someone can go from a role. */
export async function next(options: NextOptions, io: Io): Promise<void> {
  const dataset = await readCommandDataset(options, io);
  const role = requireRole(dataset, options.role, 'ROLE');
  const have = options.have.map((typed) => requireQualification(dataset, typed, '--have').id);
  const moves = listNextMoves(buildGraph(dataset), role.id, have);
  io.out(renderNextMoves(role.name, moves, { color: wantsColor(io.env, io.stdoutIsTTY, options.color) }));
}
