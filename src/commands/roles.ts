/** `careerpath roles`: the roles in the dataset, optionally filtered by sector and level. */
import type { CommonOptions } from '../cli';
import { readDataset } from '../dataset/load';
import type { Sector } from '../domain/types';
import { wantsColor, type Io } from '../io/terminal';
import { renderRolesTable, selectRoles } from '../render/roles';

export interface RolesOptions extends CommonOptions {
  sector?: Sector;
  level?: number;
}

/** Lists roles as a table. */
export async function roles(options: RolesOptions, io: Io): Promise<void> {
  const dataset = await readDataset({ dataFiles: options.dataFiles, cwd: io.cwd });
  const selected = selectRoles(dataset, options);
  io.out(renderRolesTable(selected, { color: wantsColor(io.env, io.stdoutIsTTY, options.color), width: io.columns }));
}
