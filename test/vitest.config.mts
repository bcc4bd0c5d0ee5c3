import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['test/**/*.test.ts'],
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
