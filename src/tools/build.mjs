// The build: bundle the CLI with esbuild into CommonJS (Node 20's ES module loader alone costs a
// start-up ratio of ~0.3 against `node -e 0`), keep yaml and zod in a separate bundle loaded only
// when a YAML file is read, make V8 code caches for Node 20, then validate data/*.yaml into the
// snapshot the CLI reads with JSON.parse, and generate the JSON Schemas from their zod sources: the
// editors' schema of the data files and the schema of --json output. Fails, listing every problem,
// on bad data.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');

/**
 * Modules loaded on demand from their own bundle: `import('./read-files')` becomes require('./read-files.js').
 * `prompts` carries inquirer, so only the questionnaire pays for it; `generate-schema` carries zod,
 * for `careerpath schema` in a tree not yet built.
 */
const LAZY = /(?:^|\/)(read-files|generate-schema|prompts)$/;
const lazyBundles = {
  name: 'lazy-bundles',
  setup(b) {
    b.onResolve({ filter: LAZY }, (args) => (args.kind === 'dynamic-import' ? { path: `./${args.path.match(LAZY)[1]}.js`, external: true } : undefined));
  },
};

/**
 * Modules every bundle shares from one file of their own: the error classes, so that an error the
 * YAML reader's bundle throws is an `instanceof` the error boundary's own class.
 */
const SHARED = /(?:^|\/)(errors)$/;
const sharedModules = {
  name: 'shared-modules',
  setup(b) {
    b.onResolve({ filter: SHARED }, (args) =>
      args.kind !== 'entry-point' && args.importer.startsWith(join(root, 'src')) ? { path: `./${args.path.match(SHARED)[1]}.js`, external: true } : undefined,
    );
  },
};

/** A build-time source patch: replaces one exact line, and fails the build if it is gone. */
function patchLine(name, file, line, replacement) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter: file }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(line)) throw new Error(`${name}: "${line}" not found in ${args.path}; re-check the patch`);
        return { contents: source.replace(line, replacement), loader: 'js' };
      });
    },
  };
}

/**
 * cli-table3 0.6.5 truncates each cell's whole text to 10 characters on every line it draws, only
 * to build a debug message that is never shown; its truncation re-measures the string once per
 * character removed. This drops that one call. `npm run bench` measures what it buys, against a
 * build without it (CAREERPATH_BUILD_WITHOUT=skip-cli-table3-debug-truncate) in the same run; the
 * figures are in test/bench/README.md. The build fails if the line is not found, so an upgrade
 * cannot silently skip the patch.
 */
const skipTableDebugTruncate = patchLine(
  'skip-cli-table3-debug-truncate',
  /cli-table3[\\/]src[\\/]cell\.js$/,
  'let content = utils.truncate(this.content, 10, this.truncate);',
  "let content = '';",
);

/** CAREERPATH_BUILD_WITHOUT=skip-cli-table3-debug-truncate builds without the patch, to measure what it buys. */
const without = new Set((process.env.CAREERPATH_BUILD_WITHOUT ?? '').split(',').filter(Boolean));
const patches = [skipTableDebugTruncate].filter((p) => !without.has(p.name));

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // Minified code parses faster: start-up is most of a command's time.
  minify: process.env.CAREERPATH_NO_MINIFY !== '1',
  legalComments: 'none',
  define: { 'import.meta.url': '__cpImportMetaUrl' },
  banner: { js: "var __cpImportMetaUrl=require('url').pathToFileURL(__filename).href;" },
  plugins: [lazyBundles, sharedModules, ...patches],
  // Lazy modules are required, not imported: vm.Script (the code cache) has no import() hook.
  supported: { 'dynamic-import': false },
};

rmSync(dist, { recursive: true, force: true });
await build({ ...shared, entryPoints: { cli: join(root, 'src/entry.ts') }, outdir: dist });
await build({
  ...shared,
  entryPoints: {
    'read-files': join(root, 'src/dataset/read-files.ts'),
    'generate-schema': join(root, 'src/commands/generate-schema.ts'),
    prompts: join(root, 'src/interactive/prompts.ts'),
    errors: join(root, 'src/errors.ts'),
  },
  outdir: dist,
});
copyFileSync(join(root, 'src/launch.cjs'), join(dist, 'careerpath.js'));

// Compile the shipped data with the same loader the CLI uses for --data files.
const work = join(dist, '.build');
try {
  await build({ ...shared, plugins: [], entryPoints: [join(root, 'src/tools/compile-data.ts')], outfile: join(work, 'compile-data.cjs') });
  const { compileData } = await import(pathToFileURL(join(work, 'compile-data.cjs')).href);
  if (!compileData(root)) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The code caches: one representative run per bundle, a plan for the CLI (it compiles most of what
// any command uses) and validating the shipped YAML for the yaml and zod bundle.
if (process.exitCode !== 1) {
  const runs = [
    ['cli', ['plan', '--from', 'care worker', '--to', 'registered manager']],
    ['read-files', ['validate']],
  ];
  for (const [bundle, args] of runs) {
    const run = spawnSync(process.execPath, [join(root, 'bin/careerpath.js'), ...args], {
      env: { ...process.env, CAREERPATH_WRITE_CODE_CACHE: bundle, CAREERPATH_DATA: '', NO_COLOR: '1' },
      stdio: 'ignore',
    });
    if (run.status !== 0) console.warn(`build: could not make the code cache for ${bundle}.js (the CLI still works, only slower to start)`);
  }
}
