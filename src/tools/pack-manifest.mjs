// The package.json that npm pack (and npm publish) puts in the tarball: `strip` (prepack, after the
// build) writes it over package.json and keeps the original beside it; `restore` (postpack) puts
// the original back.
//
// Why: npm tars up package.json as it is on disk, and ours is also the development manifest. Its
// `prepare` builds dist/ when `npm install` runs in a clone (README's quick start), but npm 11 lists
// a `prepare` in an installed tarball (from a file or a URL) as an install script "not yet covered
// by allowScripts" and warns on every install, although it never runs it there. The rest is of no
// use to a user: every runtime dependency is bundled into dist/ (so all are devDependencies), and
// only a root project's overrides and allowScripts are read.
import { copyFileSync, constants, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = join(root, 'package.json');
const original = join(root, 'package.json.unpacked');

/** The fields a user of the packed package never needs. */
const DEVELOPMENT_ONLY = ['scripts', 'devDependencies', 'overrides', 'allowScripts'];

function fail(message) {
  console.error(`pack-manifest: ${message}`);
  process.exit(1);
}

const command = process.argv[2];
if (command === 'strip') {
  if (existsSync(original)) {
    fail(
      'package.json.unpacked is still there: an earlier npm pack stopped before postpack, so package.json may be the ' +
        'stripped copy. Check `git diff package.json`, keep the right one as package.json, and delete package.json.unpacked.',
    );
  }
  const packed = JSON.parse(readFileSync(manifest, 'utf8'));
  for (const field of DEVELOPMENT_ONLY) delete packed[field];
  if (packed.dependencies && Object.keys(packed.dependencies).length > 0) {
    fail(
      `package.json has dependencies (${Object.keys(packed.dependencies).join(', ')}): the build bundles everything the CLI needs into dist/, so they belong in devDependencies`,
    );
  }
  copyFileSync(manifest, original, constants.COPYFILE_EXCL);
  writeFileSync(`${manifest}.tmp`, `${JSON.stringify(packed, null, 2)}\n`);
  renameSync(`${manifest}.tmp`, manifest);
} else if (command === 'restore') {
  if (!existsSync(original)) fail('package.json.unpacked is missing: nothing to restore (did prepack run?)');
  renameSync(original, manifest);
} else {
  fail('usage: node src/tools/pack-manifest.mjs strip|restore');
}
