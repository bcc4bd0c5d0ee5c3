// The build: bundle the CLI with esbuild (code splitting, so yaml, zod and inquirer load only on
// the paths that need them), then validate data/*.yaml into the snapshot the CLI reads with
// JSON.parse, and regenerate the editors' JSON Schema. Fails, listing every problem, on bad data.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Minified code parses faster: start-up is most of a command's time.
  minify: true,
  legalComments: 'none',
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __cpCreateRequire } from 'node:module'; const require = __cpCreateRequire(import.meta.url);" },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  ...shared,
  entryPoints: { careerpath: join(root, 'src/entry.ts') },
  outdir: join(root, 'dist'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// Compile the shipped data with the same loader the CLI uses for --data files.
// Bundled inside dist/ so the loader finds the package folder from where it runs.
const work = join(root, 'dist', '.build');
try {
  await build({ ...shared, entryPoints: [join(root, 'src/tools/compile-data.ts')], outfile: join(work, 'compile-data.mjs') });
  const { compileData } = await import(pathToFileURL(join(work, 'compile-data.mjs')).href);
  const ok = compileData(root);
  if (!ok) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
