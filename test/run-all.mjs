// `npm test`: the type check, the linter and the layer rule run while the build runs and then the
// tests, instead of one after another (on two cores the type check alone would leave one idle).
// Each check's output is printed whole when it ends; the exit code is 1 when anything failed.
// Arguments go to vitest (`npm test -- test/unit` runs only those files after the checks).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** Runs a command; with `quiet`, keeps its output to print whole at the end. Resolves to its exit code. */
function run(name, command, args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => {
      output += `${error.message}\n`;
    });
    child.on('close', (code) => {
      if (quiet) process.stdout.write(`\n── ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${code === 0 ? '' : output}`);
      resolve(code ?? 1);
    });
  });
}

const checks = [
  // Incremental: the next run re-checks only what changed (about half the time here); the state
  // lives in node_modules/.cache, so a fresh install starts cold.
  run('type check (tsc)', bin('tsc'), ['--noEmit', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/careerpath/tsc.tsbuildinfo'], { quiet: true }),
  run('lint (biome)', bin('biome'), ['check', '--error-on-warnings', '--config-path', 'test/rules/style.jsonc', 'src', 'test'], { quiet: true }),
  run('layers (dependency-cruiser)', bin('depcruise'), ['--config', 'test/rules/layers.cjs', 'src'], { quiet: true }),
];
const built = await run('build', process.execPath, ['src/tools/build.mjs']);
const tests = built === 0 ? await run('tests', bin('vitest'), ['run', '--config', 'test/vitest.config.mts', ...process.argv.slice(2)]) : 1;
const codes = [built, tests, ...(await Promise.all(checks))];
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
