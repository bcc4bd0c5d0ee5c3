/**
 * The rules module imported afresh inside each test: its module-level parts (the list of rules, the
 * helper that places a problem) then run under the test, which mutation testing needs to tie them to
 * it (see test/helpers/lazy.ts; code run while a test file loads belongs to no test).
 */
import { beforeEach, expect, it, vi } from 'vitest';
import type { Located } from '../../src/dataset/rules';
import type { Role } from '../../src/domain/types';
import { role } from '../helpers/datasets';

beforeEach(() => {
  vi.resetModules();
});

const none = () => ({
  sources: new Set<string>(),
  funding: new Set<string>(),
  qualifications: new Set<string>(),
  roles: new Set<string>(),
  transitions: new Set<string>(),
});

it('the rules run and place each problem at its entry, from a fresh import', async () => {
  const { runRules } = await import('../../src/dataset/rules');
  const roles: Located<Role>[] = [role('a'), role('a', { name: 'Other' })].map((value, i) => ({ value, file: 'r.yaml', path: ['roles', i] }));
  expect(runRules({ sources: [], funding: [], qualifications: [], roles, transitions: [] }, none())).toEqual([
    { file: 'r.yaml', path: ['roles', 1, 'id'], message: 'duplicate id "a" (first defined at r.yaml roles[0])' },
    { file: 'r.yaml', path: ['roles', 0, 'sources', 0], message: 'unknown source "S"' },
    { file: 'r.yaml', path: ['roles', 1, 'sources', 0], message: 'unknown source "S"' },
  ]);
});

it("a patched entry's problem goes where its origin says, from a fresh import", async () => {
  const { runRules } = await import('../../src/dataset/rules');
  const entry: Located<Role> = {
    value: role('a', { holds: ['q'] }),
    file: 'o.yaml',
    path: ['roles', 0],
    origin: (rest) => ({ file: 'below.yaml', path: ['roles', 7, ...rest] }),
  };
  expect(runRules({ sources: [], funding: [], qualifications: [], roles: [entry], transitions: [] }, { ...none(), sources: new Set(['S']) })).toEqual([
    { file: 'below.yaml', path: ['roles', 7, 'holds', 0], message: 'unknown qualification "q"' },
  ]);
});
