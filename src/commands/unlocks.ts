/** `careerpath unlocks QUALIFICATION`: the roles a qualification opens. */
import type { CommonOptions } from './options';
import { readCommandDataset } from '../dataset/load';
import type { Io } from '../io/terminal';
import { listUnlocks } from '../planner/explore';
import { buildGraph } from '../planner/graph';
import { datasetInfo } from '../render/context';
import { renderUnlocks, renderUnlocksMarkdown } from '../render/explore';
import { renderUnlocksJson } from '../render/json-explore';
import { requireQualification } from './names';
import { emit } from './output';

export interface UnlocksOptions extends CommonOptions {
  qualification: string;
}

/** Prints (or saves) the roles a qualification opens directly and one move further on. */
export async function unlocks(options: UnlocksOptions, io: Io): Promise<void> {
  const dataset = await readCommandDataset(options, io);
  const qualification = requireQualification(dataset, options.qualification, 'QUALIFICATION');
  const result = listUnlocks(buildGraph(dataset), qualification.id);
  await emit(io, options, {
    // A list, not a grid: the table and text layouts are the same.
    table: (layout) => renderUnlocks(result, layout),
    text: (layout) => renderUnlocks(result, layout),
    markdown: () => renderUnlocksMarkdown(result),
    json: () => renderUnlocksJson(result, datasetInfo(dataset)),
  });
}
