/**
 * End-to-end: `npm pack`, then install the tarball into an empty project, as a user would. The
 * package must install as one package (everything it runs is bundled into dist/), with no warning,
 * offline, and then plan. npm pack runs the real prepack (the build, then the manifest for users)
 * and postpack, in a copy of the project so that the rebuild never touches the dist/ the other
 * tests are running.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/spawn';

const temps: string[] = [];
function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `careerpath-pack-${name}-`));
  temps.push(dir);
  return dir;
}

/** npm with none of the npm_* settings of the `npm test` that runs us (they would point it back here). */
function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const run = spawnSync('npm', args, { cwd, env: { ...clean, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The project as a clone plus local changes would have it: tracked and new files, none that git ignores. */
function copyOfProject(): string {
  const copy = tempDir('project');
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  for (const file of listed.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(ROOT, file), join(copy, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

let project: string;
let manifestBefore: string;
let pack: ReturnType<typeof npm>;
let tarball: string;
let tarballFiles: string[];
let user: string;
let install: ReturnType<typeof npm>;

beforeAll(() => {
  project = copyOfProject();
  manifestBefore = readFileSync(join(project, 'package.json'), 'utf8');
  const packed = tempDir('tarball');
  // --loglevel=warn: npm's notices (the list of files) are not warnings; anything left on stderr is.
  pack = npm(['pack', '--pack-destination', packed, '--loglevel=warn'], project);
  tarball = join(packed, `careerpath-${JSON.parse(manifestBefore).version}.tgz`);
  tarballFiles = existsSync(tarball) ? execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).sort() : [];

  user = tempDir('user');
  writeFileSync(join(user, 'package.json'), '{ "name": "someone-using-careerpath", "private": true }\n');
  // A cache of its own and --offline: a package with no dependencies needs neither the registry nor a warm cache.
  install = npm(['install', '--offline', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn', tarball], user, {
    npm_config_cache: tempDir('npm-cache'),
  });
}, 120_000);

afterAll(() =>
  temps.forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  }),
);

describe('npm pack', () => {
  it('builds and packs with no warning, and leaves package.json as it was', () => {
    expect(pack.stderr).toBe('');
    expect(pack.code).toBe(0);
    expect(existsSync(tarball)).toBe(true);
    expect(readFileSync(join(project, 'package.json'), 'utf8')).toBe(manifestBefore);
    expect(existsSync(join(project, 'package.json.unpacked'))).toBe(false);
  });

  it('packs the bin, the bundles, the data and the README: no sources, tests, maps or left-over files', () => {
    const data = readdirSync(join(ROOT, 'data')).map((name) => `package/data/${name}`);
    const dist = [
      'careerpath.js',
      'cli.js',
      'dataset.json',
      'errors.js',
      'generate-schema.js',
      'output.schema.json',
      'prompts.js',
      'prose.json',
      'read-files.js',
    ];
    // Node 20's V8 code caches, made by the build only when it runs on Node 20 (src/launch.cjs).
    const caches = tarballFiles.filter((file) => file.endsWith('.cache'));
    expect([[], ['package/dist/cli.js.cache', 'package/dist/read-files.js.cache']]).toContainEqual(caches);
    expect(tarballFiles.filter((file) => !file.endsWith('.cache'))).toEqual(
      ['package/README.md', 'package/bin/careerpath.js', ...data, ...dist.map((name) => `package/dist/${name}`), 'package/package.json'].sort(),
    );
  });

  it('the packed package.json asks for nothing to be installed or run: no dependencies, no scripts', () => {
    const packed = JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    const source = JSON.parse(manifestBefore);
    expect(Object.keys(packed).sort()).toEqual(['bin', 'description', 'engines', 'files', 'license', 'name', 'version']);
    expect(packed.bin).toEqual(source.bin);
    expect(packed.engines).toEqual(source.engines);
    // The clone still builds on `npm install` (README's quick start).
    expect(source.scripts.prepare).toBe('npm run build');
  });
});

describe('npm install of the tarball, offline, into an empty project', () => {
  it('installs one package with no warning', () => {
    expect(install.stderr).toBe('');
    expect(install.code).toBe(0);
    expect(install.stdout).toMatch(/^added 1 package in /m);
    expect(readdirSync(join(user, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['careerpath']);
    expect(readdirSync(join(user, 'node_modules/.bin'))).toEqual(['careerpath']);
    expect(existsSync(join(user, 'node_modules/careerpath/node_modules'))).toBe(false);
  });

  it('is a few MB on disk', () => {
    const installedKiB = Number(execFileSync('du', ['-sk', join(user, 'node_modules/careerpath')], { encoding: 'utf8' }).split('\t')[0]);
    const tarballKiB = Math.round(statSync(tarball).size / 1024);
    console.log(`careerpath packed: ${tarballKiB} KiB tarball, ${installedKiB} KiB installed`);
    // ~3.7 MiB today; installing the bundled dependencies again added 12 MiB.
    expect(installedKiB).toBeGreaterThan(1024);
    expect(installedKiB).toBeLessThan(5 * 1024);
  });

  it('the installed careerpath plans', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CAREERPATH_DATA;
    const run = spawnSync(join(user, 'node_modules/.bin/careerpath'), ['plan', '--from', 'care worker', '--to', 'registered manager'], {
      cwd: user,
      env,
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Care worker → Registered manager');
    expect(run.stdout).toMatch(/^4 steps · /m);
  });
});
