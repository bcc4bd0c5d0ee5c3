import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Node reads this certificate bundle at every start (tens of milliseconds on Node 20) and nothing
// here makes a TLS connection: left out, the hundreds of processes the tests start (the CLI, npm,
// the test workers) skip it. This config runs in vitest's main process, before anything starts.
delete process.env.NODE_EXTRA_CA_CERTS;

export default defineConfig({
  root,
  test: {
    include: ['test/**/*.test.ts'],
    // `npm run mutation` (Stryker, test/stryker.config.json) runs the in-process tests only: the
    // end-to-end tests run the unmutated build in a child process, and the fuzz is long.
    // Stryker's sandboxes (test/.stryker-tmp) hold copies of the tests: never run those.
    exclude: [...configDefaults.exclude, 'test/.stryker-tmp/**', ...(process.env.CAREERPATH_MUTATION ? ['test/e2e/**', 'test/fuzz/**'] : [])],
    // Worker threads, not a process per test file: each file still gets its own module graph,
    // without paying for a process to start.
    pool: 'threads',
    // One worker per core. vitest's default keeps a core for its main process, which only waits;
    // on two cores that ran every file one after another, while the end-to-end tests spend much
    // of their time waiting on the processes they start.
    maxWorkers: availableParallelism(),
    clearMocks: true,
    restoreMocks: true,
    testTimeout: 20_000,
    // Tests never touch the developer's own cache of --data files.
    env: { XDG_CACHE_HOME: join(tmpdir(), `careerpath-test-cache-${process.pid}`) },
    // The JSON report is what .ci/run counts for its "N passed, M failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test/.results/vitest.json' },
  },
});
