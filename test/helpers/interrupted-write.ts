/**
 * Run by test/e2e/robustness.test.ts: `node --import tsx interrupted-write.ts FOLDER force|no-force [SIGNAL]`.
 * Saves 128 MB to FOLDER/plan.md with the CLI's safe writer and sends itself SIGNAL (SIGINT, i.e.
 * Ctrl-C, unless given) as soon as the writer's temp file appears. The test then checks how the
 * process ended and what is left.
 */
import { readdirSync } from 'node:fs';
import { writeFileSafely } from '../../src/io/write-file';

const [folder, mode, signal = 'SIGINT'] = process.argv.slice(2);
if (!folder) throw new Error('usage: interrupted-write.ts FOLDER force|no-force [SIGNAL]');

const poll = setInterval(() => {
  if (readdirSync(folder).some((name) => name.endsWith('.tmp'))) {
    clearInterval(poll);
    process.kill(process.pid, signal as NodeJS.Signals);
  }
}, 1);

writeFileSafely('plan.md', 'x'.repeat(128 * 1024 * 1024), { force: mode === 'force', cwd: folder }).then(
  () => {
    console.log('the save finished before the signal: make the text bigger');
    process.exitCode = 3;
  },
  (error: Error) => {
    console.log(`the save failed: ${error.message}`);
    process.exitCode = 4;
  },
);
