/** The fuzz's mutations, checked on a small text (the fuzz itself is in loader-*.test.ts). */
import { describe, expect, it } from 'vitest';
import { HOSTILE_VALUES, mutate } from './loader-fuzz';

describe('loader fuzz', () => {
  it('mutations do what they say', () => {
    const text = Buffer.from('a:\n  b: 1\n  c: 2\n');
    expect(mutate(text, [{ kind: 'delete-line', at: 0.3 }]).toString()).toBe('a:\n  c: 2\n');
    expect(mutate(text, [{ kind: 'duplicate-line', at: 0 }]).toString()).toBe('a:\na:\n  b: 1\n  c: 2\n');
    expect(mutate(text, [{ kind: 'swap-lines', at: 0, other: 0.5 }]).toString()).toBe('  c: 2\n  b: 1\na:\n');
    expect(mutate(text, [{ kind: 'indent', at: 0.3, delta: 1 }]).toString()).toBe('a:\n   b: 1\n  c: 2\n');
    expect(mutate(text, [{ kind: 'copy-indent', at: 0.3, other: 0 }]).toString()).toBe('a:\nb: 1\n  c: 2\n');
    expect(mutate(text, [{ kind: 'tab-indent', at: 0.3 }]).toString()).toBe('a:\n\tb: 1\n  c: 2\n');
    expect(mutate(text, [{ kind: 'bytes', at: 0, bytes: [0x7b], replace: true }]).toString()).toBe('{:\n  b: 1\n  c: 2\n');
    expect(mutate(text, [{ kind: 'bytes', at: 0, bytes: [0x7b], replace: false }]).toString()).toBe('{a:\n  b: 1\n  c: 2\n');
    expect(mutate(text, [{ kind: 'truncate', at: 0.5 }]).toString()).toBe('a:\n  b: 1');
  });

  it('value mutations put a hostile value after a key, in a block or a flow mapping', () => {
    const flow = Buffer.from('roles:\n  - {id: x, name: Y, summary: s}\n  b: 1\n');
    const at = (value: string) => HOSTILE_VALUES.indexOf(value);
    expect(mutate(flow, [{ kind: 'value', at: 0.4, which: 0.5, value: at('"\\e[31mRED\\e[0m"') }]).toString()).toBe(
      'roles:\n  - {id: x, name: "\\e[31mRED\\e[0m", summary: s}\n  b: 1\n',
    );
    expect(mutate(flow, [{ kind: 'value', at: 0.7, which: 0, value: at('1e400') }]).toString()).toBe('roles:\n  - {id: x, name: Y, summary: s}\n  b: 1e400\n');
    // A line with no "key: value" is left as it is.
    expect(mutate(flow, [{ kind: 'value', at: 0, which: 0, value: 0 }]).toString()).toBe(flow.toString());
  });

  it('chain mutations put a chain of prerequisites first in the qualifications list', () => {
    const lines = mutate(Buffer.from('qualifications:\n  - {id: q}\n'), [{ kind: 'chain', depth: 3 }])
      .toString()
      .split('\n');
    expect(lines[1]).toContain('{id: fuzz_chain_0, name: Fuzz chain 0, kind: award, summary: s, requires: [], sources: [S]}');
    expect(lines[3]).toContain('{id: fuzz_chain_2, name: Fuzz chain 2, kind: award, summary: s, requires: [fuzz_chain_1], sources: [S]}');
    expect(lines[4]).toBe('  - {id: q}');
  });
});
