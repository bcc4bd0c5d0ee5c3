/** `careerpath next ROLE`: the moves open from a role, with what each needs. */
import type { CommonOptions } from './options';
import { readCommandDataset } from '../dataset/load';
import type { Io } from '../io/terminal';
import { listNextMoves } from '../planner/explore';
import { buildGraph } from '../planner/graph';
import { datasetInfo } from '../render/context';
import { renderNextMarkdown, renderNextMoves } from '../render/explore';
import { renderNextJson } from '../render/json-explore';
import { requireQualification, requireRole } from './names';
import { emit } from './output';

export interface NextOptions extends CommonOptions {
  role: string;
  have: string[];
}

/** Prints (or saves) where someone can go from a role. */
export async function next(options: NextOptions, io: Io): Promise<void> {
  const dataset = await readCommandDataset(options, io);
  const role = requireRole(dataset, options.role, 'ROLE');
  const have = options.have.map((typed) => requireQualification(dataset, typed, '--have').id);
  const moves = listNextMoves(buildGraph(dataset), role.id, have);
  await emit(io, options, {
    // The moves are a list, not a grid: the table and text layouts are the same.
    table: (layout) => renderNextMoves(role.name, moves, layout),
    text: (layout) => renderNextMoves(role.name, moves, layout),
    markdown: () => renderNextMarkdown(role.name, moves),
    json: () => renderNextJson({ id: role.id, name: role.name }, moves, datasetInfo(dataset)),
  });
}
