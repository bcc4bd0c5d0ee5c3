/** `careerpath show NAME`: a role or a qualification in full. */
import type { CommonOptions } from './options';
import { readCommandDataset } from '../dataset/load';
import { describeQualification, describeRole } from '../domain/details';
import type { Io } from '../io/terminal';
import { datasetInfo } from '../render/context';
import { renderDetailsJson } from '../render/json-entries';
import { renderDetailsMarkdown, renderDetailsText } from '../render/show';
import { requireRoleOrQualification } from './names';
import { emit } from './output';

export interface ShowOptions extends CommonOptions {
  /** What the user typed: a role or qualification id, name, alias or old title. */
  name: string;
}

/** Shows one role or qualification; an unknown name is a usage error with the closest names. */
export async function show(options: ShowOptions, io: Io): Promise<void> {
  const dataset = await readCommandDataset(options, io);
  const found = requireRoleOrQualification(dataset, options.name, 'NAME');
  const details = found.kind === 'role' ? describeRole(dataset, found.role) : describeQualification(dataset, found.qualification);
  await emit(io, options, {
    // Labelled facts and lists, not a grid: the table and text layouts are the same.
    table: (layout) => renderDetailsText(details, layout),
    text: (layout) => renderDetailsText(details, layout),
    markdown: () => renderDetailsMarkdown(details, datasetInfo(dataset)),
    json: () => renderDetailsJson(details, datasetInfo(dataset)),
  });
}
