/** `careerpath roles`: the roles in the dataset, optionally filtered by sector and level. */
import type { CommonOptions } from './options';
import { readCommandDataset } from '../dataset/load';
import type { Sector } from '../domain/types';
import type { Io } from '../io/terminal';
import { datasetInfo } from '../render/context';
import { renderRolesJson } from '../render/json-entries';
import { renderRolesMarkdown, renderRolesTable, renderRolesText, selectRoles } from '../render/roles';
import { emit } from './output';

export interface RolesOptions extends CommonOptions {
  sector?: Sector;
  level?: number;
}

/** Lists roles as a table, Markdown or JSON, on stdout or in --output. */
export async function roles(options: RolesOptions, io: Io): Promise<void> {
  const dataset = await readCommandDataset(options, io);
  const filter = { ...(options.sector ? { sector: options.sector } : {}), ...(options.level !== undefined ? { level: options.level } : {}) };
  const selected = selectRoles(dataset, filter);
  await emit(io, options, {
    table: (layout) => renderRolesTable(selected, layout),
    text: (layout) => renderRolesText(selected, layout),
    markdown: () => renderRolesMarkdown(selected, dataset.meta),
    json: () => renderRolesJson(selected, filter, datasetInfo(dataset)),
  });
}
