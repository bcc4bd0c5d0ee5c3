/** `careerpath qualifications`: the qualifications in the dataset, so people can find what to type for --have. */
import type { CommonOptions } from './options';
import { readCommandDataset } from '../dataset/load';
import type { QualificationKindId } from '../domain/vocabulary';
import type { Io } from '../io/terminal';
import { datasetInfo } from '../render/context';
import { renderQualificationsJson } from '../render/json-entries';
import { renderQualificationsMarkdown, renderQualificationsTable, renderQualificationsText, selectQualifications } from '../render/qualifications';
import { emit } from './output';

export interface QualificationsOptions extends CommonOptions {
  level?: number;
  kind?: QualificationKindId;
}

/** Lists qualifications as a table, Markdown or JSON, on stdout or in --output. */
export async function qualifications(options: QualificationsOptions, io: Io): Promise<void> {
  const dataset = await readCommandDataset(options, io);
  const filter = { ...(options.level !== undefined ? { level: options.level } : {}), ...(options.kind ? { kind: options.kind } : {}) };
  const selected = selectQualifications(dataset, filter);
  await emit(io, options, {
    table: (layout) => renderQualificationsTable(selected, layout),
    text: (layout) => renderQualificationsText(selected, layout),
    markdown: () => renderQualificationsMarkdown(selected, dataset.meta),
    json: () => renderQualificationsJson(selected, filter, datasetInfo(dataset)),
  });
}
