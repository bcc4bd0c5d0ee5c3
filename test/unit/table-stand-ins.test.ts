/**
 * The build swaps two of cli-table3's dependencies for our own (src/tools/build.mjs): they must
 * measure cells exactly as the originals would, or coloured tables come out misaligned.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const stripAnsi = require('../../src/render/strip-ansi.cjs') as (value: unknown) => unknown;

describe('strip-ansi stand-in', () => {
  it('removes colour and cursor codes, both ESC [ and the one-byte CSI', () => {
    expect(stripAnsi('\u001b[31mred\u001b[39m and \u001b[1mbold\u001b[22m')).toBe('red and bold');
    expect(stripAnsi('\u009b31mred\u009b39m')).toBe('red');
    expect(stripAnsi('\u001b]8;;https://example.org\u0007link\u001b]8;;\u0007')).toBe('link');
  });

  it('returns plain text as it is, and anything not a string untouched', () => {
    const plain = 'Care worker → Registered manager · 27–56 months';
    expect(stripAnsi(plain)).toBe(plain);
    expect(stripAnsi('')).toBe('');
    const cell = { content: 'x' };
    expect(stripAnsi(cell)).toBe(cell);
    expect(stripAnsi(42)).toBe(42);
  });
});
