/** `careerpath unlocks QUALIFICATION`: the roles a qualification opens. */
import type { CommonOptions } from '../cli';
import { readCommandDataset } from '../dataset/load';
import { wantsColor, type Io } from '../io/terminal';
import { listUnlocks } from '../planner/explore';
import { buildGraph } from '../planner/graph';
import { renderUnlocks } from '../render/explore';
import { requireQualification } from './names';

export interface UnlocksOptions extends CommonOptions {
  qualification: string;
}

/** Prints the roles a qualification opens directly and one move further on. */
export async function unlocks(options: UnlocksOptions, io: Io): Promise<void> {
  const dataset = await readCommandDataset(options, io);
  const qualification = requireQualification(dataset, options.qualification, 'QUALIFICATION');
  const result = listUnlocks(buildGraph(dataset), qualification.id);
  io.out(renderUnlocks(result, { color: wantsColor(io.env, io.stdoutIsTTY, options.color) }));
}
