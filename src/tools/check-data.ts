/** Dev helper: validates data/*.yaml (or the files given) and prints every problem. `npx tsx src/tools/check-data.ts` */
import { formatIssue } from '../dataset/issue';
import { readDatasetFiles, readShippedYaml } from '../dataset/read-files';
import { DatasetError } from '../errors';

try {
  const files = process.argv.slice(2);
  const dataset = files.length ? readDatasetFiles(files, process.cwd()) : readShippedYaml();
  console.log(
    `ok: ${dataset.roles.length} roles, ${dataset.qualifications.length} qualifications, ` +
      `${dataset.transitions.length} transitions, ${dataset.funding.length} funding routes, ${dataset.sources.length} sources`,
  );
} catch (error) {
  if (error instanceof DatasetError) {
    for (const issue of error.issues) console.log(formatIssue(issue));
    console.log(error.message);
    process.exitCode = 1;
  } else throw error;
}
