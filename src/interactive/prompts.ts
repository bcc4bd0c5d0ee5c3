/**
 * Inquirer behind the `Ask` seam: each prompt wrapped once (with search-checkbox.ts, our own
 * multi-select, the only files that import inquirer). The build emits this file as its own bundle,
 * loaded only when the questionnaire runs, so `plan --from/--to` and `--help` never load inquirer.
 *
 * Ctrl-C rejects with inquirer's ExitPromptError, which main.ts turns into "Cancelled", exit 130.
 * Escape does the same here: inquirer's prompts ignore it, so each prompt gets an AbortSignal
 * that an Escape keypress fires, and the abort is re-thrown as an ExitPromptError.
 */
import confirm from '@inquirer/confirm';
import { AbortPromptError, ExitPromptError, Separator, type Status } from '@inquirer/core';
import input from '@inquirer/input';
import search from '@inquirer/search';
import select from '@inquirer/select';
import { styleText } from 'node:util';
import { wrapWords } from '../render/fit';
import type { Ask, Choice, ChoiceItem } from './ask';
import { KEYS, type KeysHelp } from './keys';
import { searchCheckbox } from './search-checkbox';

/** The streams and signal a prompt runs with (inquirer's prompt context). */
interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
}

const same = (text: string) => text;

/**
 * Inquirer colours through node:util's styleText, which follows the terminal, NO_COLOR and
 * FORCE_COLOR but cannot know about --no-color: without colour, every style becomes plain text.
 */
const PLAIN_THEME = {
  prefix: { idle: '?', done: '✔' },
  style: {
    answer: same,
    message: same,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: same,
    highlight: same,
    key: (text: string) => `<${text}>`,
    description: same,
    disabled: (text: string) => `- ${text}`,
    searchTerm: same,
    heading: same,
    keysHelpTip: ((keys) => keys.map(([key, action]) => `${key} ${action}`).join(' • ')) as KeysHelp,
  },
  icon: { cursor: '❯', checked: '◉', unchecked: '◯', disabledChecked: '◉', disabledUnchecked: '-' },
};

/**
 * Questions end with a hint in brackets ("(type to search)"): shown while the question is open,
 * dropped from the line that records the answer.
 */
function messageStyle(color: boolean, columns: number | undefined) {
  return (text: string, status: Status) => {
    const short = status === 'done' ? text.replace(/ \([^()]*\)$/, '') : text;
    // Wrapped between words, leaving room for the "? " before it and the answer typed after it.
    const shown = columns && status !== 'done' ? wrapWords(short, Math.max(20, columns - 12)).join('\n') : short;
    return color ? styleText('bold', shown) : shown;
  };
}

/**
 * Our choices as inquirer's: headings become separators; descriptions are wrapped between words
 * to the terminal's width (inquirer's own wrapping splits words).
 */
function toInquirer<T>(items: readonly ChoiceItem<T>[], columns: number | undefined): (Choice<T> | Separator)[] {
  return items.map((item) => {
    if ('separator' in item) return new Separator(`── ${item.separator}`);
    if (!item.description || !columns) return item;
    return { ...item, description: wrapWords(item.description, Math.max(20, columns - 1)).join('\n') };
  });
}

/** What is wrong with a typed whole number, in words; undefined when it is fine. */
export function wholeNumberProblem(typed: string, min: number, max: number, required: boolean): string | undefined {
  const text = typed.trim();
  if (text === '' && !required) return undefined;
  if (/^\d+$/.test(text) && Number(text) >= min && Number(text) <= max) return undefined;
  return `Type a whole number from ${min} to ${max}, e.g. ${Math.min(max, Math.max(min, 6))}${required ? '' : ', or leave it blank if you are not sure'}`;
}

/** How many list rows fit under the question, its description and help line (at most `most`). */
function rowsFor(rows: number | undefined, most: number): number {
  return rows ? Math.max(4, Math.min(most, rows - 8)) : most;
}

export interface InquirerAskOptions {
  color: boolean;
  /** Prints text between questions. */
  tell(text: string): void;
  /** For tests; the process's stdin and stdout otherwise. */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** The terminal's size; the process's stdout's otherwise. */
  columns?: number;
  rows?: number;
}

/** The `Ask` the CLI uses: inquirer on the terminal. */
export function createInquirerAsk(options: InquirerAskOptions): Ask {
  const base = options.color ? {} : PLAIN_THEME;
  const columns = options.columns ?? process.stdout.columns;
  const theme = { ...base, style: { ...(options.color ? {} : PLAIN_THEME.style), message: messageStyle(options.color, columns) } };
  const stdin = options.input ?? process.stdin;
  const rows = options.rows ?? process.stdout.rows;
  const plainKeys = PLAIN_THEME.style.keysHelpTip;
  const colourKeys: KeysHelp = (keys) => keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`).join(styleText('dim', ' • '));
  /** The theme with our help line in place of the prompt's own. */
  const withKeys = (keys: [string, string][]) => ({ ...theme, style: { ...theme.style, keysHelpTip: () => (options.color ? colourKeys : plainKeys)(keys) } });
  const choices = <T>(items: readonly ChoiceItem<T>[]) => toInquirer(items, columns);

  /** Runs one prompt with Escape wired to cancel, like Ctrl-C. */
  async function run<T>(prompt: (context: PromptContext) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const onKeypress = (_text: unknown, key: { name?: string } | undefined) => {
      if (key?.name === 'escape') controller.abort();
    };
    stdin.on('keypress', onKeypress);
    try {
      return await prompt({ input: stdin, ...(options.output ? { output: options.output } : {}), signal: controller.signal });
    } catch (error) {
      if (error instanceof AbortPromptError && controller.signal.aborted) throw new ExitPromptError('User pressed Escape');
      throw error;
    } finally {
      stdin.removeListener('keypress', onKeypress);
    }
  }

  // Inquirer's prompts are typed for literal values; ours are generic, hence the casts below.
  return {
    search: (q) =>
      run((context) =>
        search(
          {
            message: q.message,
            source: (term: string | undefined) => choices(q.source(term ?? '')),
            pageSize: rowsFor(rows, q.pageSize ?? 12),
            theme: withKeys(KEYS.search),
          } as never,
          context,
        ),
      ),
    select: (q) =>
      run((context) =>
        select(
          {
            message: q.message,
            choices: choices(q.choices),
            pageSize: rowsFor(rows, q.pageSize ?? 10),
            loop: false,
            default: q.default,
            theme: withKeys(KEYS.select),
          } as never,
          context,
        ),
      ),
    // A short list that ticks works like the long one (Enter ticks, Enter on Done finishes), only without typing to search.
    checkbox: (q) =>
      run((context) =>
        searchCheckbox(
          {
            message: q.message,
            source: () => choices(q.choices) as (Choice<string> | Separator)[],
            default: (q.default ?? []) as string[],
            searchable: false,
            pageSize: rowsFor(rows, 12),
            theme,
          },
          context,
        ),
      ) as never,
    searchCheckbox: (q) =>
      run((context) =>
        searchCheckbox(
          { message: q.message, source: (term: string) => choices(q.source(term)), default: q.default ?? [], pageSize: rowsFor(rows, q.pageSize ?? 12), theme },
          context,
        ),
      ),
    confirm: (q) => run((context) => confirm({ message: q.message, default: q.default, theme } as never, context)),
    input: (q) =>
      run((context) =>
        input(
          {
            message: q.message,
            default: q.default,
            ...(q.validate ? { validate: q.validate } : {}),
            theme: { ...theme, validationFailureMode: 'keep' },
          } as never,
          context,
        ),
      ),
    // A plain input rather than inquirer's number prompt, whose messages speak of "multiples of 1".
    number: async (q) => {
      const typed = await run((context) =>
        input(
          {
            message: q.message,
            ...(q.default !== undefined ? { default: String(q.default) } : {}),
            validate: (text: string) => wholeNumberProblem(text, q.min, q.max, q.required) ?? true,
            transformer: (text: string, { isFinal }: { isFinal: boolean }) => (isFinal && text.trim() === '' ? 'not sure' : text),
            theme: { ...theme, validationFailureMode: 'keep' },
          } as never,
          context,
        ),
      );
      return String(typed).trim() === '' ? undefined : Number(String(typed).trim());
    },
    tell: options.tell,
    ...(columns ? { columns } : {}),
  };
}
