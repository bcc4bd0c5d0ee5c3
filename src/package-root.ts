/** Finds the installed package's own folder, whether running from src/ (tests) or dist/ (the bundle). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The folder holding careerpath's package.json. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'careerpath') return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the careerpath package folder');
    dir = parent;
  }
}

/** The package's version, for --version and document footers. */
export function packageVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;
}
