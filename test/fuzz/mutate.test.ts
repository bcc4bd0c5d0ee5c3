/** The fuzz's mutations, checked on a small text (the fuzz itself is in loader-*.test.ts). */
import { describe, expect, it } from 'vitest';
import { mutate } from './loader-fuzz';

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
});
