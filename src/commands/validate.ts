/** `careerpath validate [FILE...]`: lint data files; every problem with file:line:column. */
import { relative } from 'node:path';
import type { OutputOptions } from './options';
import { dataFilesFromEnv } from '../dataset/load';
import type { DatasetIssue } from '../dataset/issue';
import type { Dataset } from '../domain/types';
import { DatasetError, UserError } from '../errors';
import type { Io } from '../io/terminal';
import { packageRoot } from '../package-root';
import { renderValidationMarkdown, renderValidationText, type ValidationReport } from '../render/issues';
import { renderValidationJson } from '../render/json';
import { emit } from './output';

export interface ValidateOptions extends OutputOptions {
  /** Files layered bottom first, like --data; none means CAREERPATH_DATA's, or else the shipped data. */
  files: string[];
  color?: boolean;
}

/** Checks the files (as layers) or the shipped data; exit 0 with a summary, or 1 listing every problem. */
export async function validate(options: ValidateOptions, io: Io): Promise<void> {
  const { readDatasetLayers, readShippedYaml, shippedYamlFiles } = await import('../dataset/read-files');
  const files = options.files.length > 0 ? options.files : dataFilesFromEnv(io.env);
  const shipped = files.length === 0;
  const label = shipped ? 'the shipped data' : files.join(', ');
  let dataset: Dataset | undefined;
  let issues: DatasetIssue[] = [];
  try {
    dataset = shipped ? readShippedYaml() : readDatasetLayers(files, io.cwd);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    issues = error.issues;
  }
  const report: ValidationReport = {
    label,
    files: shipped ? shippedYamlFiles().map((f) => relative(packageRoot(), f)) : files,
    issues,
    ...(dataset ? { dataset } : {}),
  };
  await emit(io, options, {
    // A list of problems has no grid: the table and text layouts are the same.
    table: (layout) => renderValidationText(report, layout),
    text: (layout) => renderValidationText(report, layout),
    markdown: () => renderValidationMarkdown(report),
    json: () => renderValidationJson(report),
  });
  if (issues.length > 0) {
    throw new UserError(`${label}: ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`, {
      hint: 'Each line gives file:line:column, the field and what is wrong; data/README.md describes the format.',
      resultPrinted: true,
    });
  }
}
