/**
 * What a data file's text and figures may be: the limits the planner, the renderers and the
 * terminal are built and tested up to. A value beyond them is refused where it is written, with
 * its file, line and column, rather than crash or mislead later: a 130,000-character name
 * overflowed the table's wrapping, 1e12 months of experience an array, 1e308 pounds printed as
 * "£Infinity"; an escape such as "\e[2J" in a YAML or JSON string decodes to a control character
 * that would drive the reader's terminal.
 */
import { z } from 'zod';

export const DATA_LIMITS = {
  /** Ids, names, aliases, titles, labels: one line each. */
  lineLength: 300,
  /** Summaries, notes, rules, caveats: prose. */
  proseLength: 4000,
  /** 50 years: no qualification or time in post in the data comes near it. */
  months: 600,
  /** Total qualification time, in hours. */
  studyHours: 100_000,
  /** Costs, funding amounts and pay, in pounds. */
  money: 10_000_000,
} as const;

/**
 * Characters no text in a data file may hold: C0 and C1 controls and DEL (a tab or a line break
 * is allowed in prose), line and paragraph separators, byte order marks, and the controls that
 * reorder text (which can make a name read as something else).
 */
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]/;
const FORBIDDEN_IN_PROSE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const CONTROL_NAMES: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'backspace', 9: 'tab', 10: 'line break', 13: 'carriage return', 27: 'ESC' };

/** Why a text may not be used, or undefined. */
export function textProblem(text: string, prose: boolean): string | undefined {
  const bad = (prose ? FORBIDDEN_IN_PROSE : FORBIDDEN_IN_LINE).exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0);
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const name = CONTROL_NAMES[code] ? ` (${CONTROL_NAMES[code]})` : '';
    const escaped = code < 0x20 || (code >= 0x7f && code <= 0x9f) ? '; an escape such as "\\e", "\\x1b" or "\\u001b" is one too' : '';
    const where = prose ? '' : ' a one-line text';
    return `the control character ${hex}${name} at character ${bad.index + 1} is not allowed in${where || ' text'}: remove it${escaped}`;
  }
  if (LONE_SURROGATE.test(text)) return 'contains half of a UTF-16 surrogate pair (an escape such as "\\ud800" alone), which is no character: remove it';
  return undefined;
}

function limited(max: number, prose: boolean) {
  return z
    .string()
    .max(max, { error: (issue) => `at most ${max} characters (this one has ${(issue.input as string).length}); shorten it` })
    .superRefine((text, ctx) => {
      const problem = textProblem(text, prose);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** One line of text (a name, a title, a label): no control characters at all. */
export const line = () => limited(DATA_LIMITS.lineLength, false);
/** Prose (a summary, a note): tabs and line breaks allowed, other controls not. */
export const prose = () => limited(DATA_LIMITS.proseLength, true);

/** A figure from 0 to `max`, in words for the message ("600 months (50 years)"). */
export const figure = (max: number, what: string) =>
  z
    .number()
    .nonnegative()
    .max(max, { error: `at most ${what}; a larger figure is a mistake (a unit, or a stray digit)` });

/** 10000000 as "10,000,000" (not toLocaleString: that loads locale data at start-up). */
const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

export const MONTHS_WORDS = `${DATA_LIMITS.months} months (50 years)`;
export const HOURS_WORDS = `${withCommas(DATA_LIMITS.studyHours)} hours`;
export const MONEY_WORDS = `£${withCommas(DATA_LIMITS.money)}`;
