import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['test/**/*.test.ts'],
    // `npm run mutation` (Stryker, test/stryker.config.json) runs the in-process tests only: the
    // end-to-end tests run the unmutated build in a child process, and the fuzz is long.
    // Stryker's sandboxes (test/.stryker-tmp) hold copies of the tests: never run those.
    exclude: [...configDefaults.exclude, 'test/.stryker-tmp/**', ...(process.env.CAREERPATH_MUTATION ? ['test/e2e/**', 'test/fuzz/**'] : [])],
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
