/**
 * The only file that imports inquirer: each prompt wrapped once behind the `Ask` seam, plus one
 * custom prompt (a multi-select you can type into). The build emits this file as its own bundle,
 * loaded only when the questionnaire runs, so `plan --from/--to` and `--help` never load inquirer.
 *
 * Ctrl-C rejects with inquirer's ExitPromptError, which main.ts turns into "Cancelled", exit 130.
 * Escape does the same here: inquirer's prompts ignore it, so each prompt gets an AbortSignal
 * that an Escape keypress fires, and the abort is re-thrown as an ExitPromptError.
 */
import confirm from '@inquirer/confirm';
import {
  AbortPromptError,
  createPrompt,
  ExitPromptError,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isTabKey,
  isUpKey,
  makeTheme,
  Separator,
  useKeypress,
  useMemo,
  usePagination,
  usePrefix,
  useState,
  type Status,
  type Theme,
} from '@inquirer/core';
import input from '@inquirer/input';
import search from '@inquirer/search';
import select from '@inquirer/select';
import { styleText } from 'node:util';
import { wrapWords } from '../render/fit';
import type { Ask, Choice, ChoiceItem } from './ask';

/** The streams and signal a prompt runs with (inquirer's prompt context). */
interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
}

type KeysHelp = (keys: [key: string, action: string][]) => string | undefined;

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
function messageStyle(color: boolean) {
  return (text: string, status: Status) => {
    const shown = status === 'done' ? text.replace(/ \([^()]*\)$/, '') : text;
    return color ? styleText('bold', shown) : shown;
  };
}

/**
 * The keys every list answers to, said the same way in each list's help line: one convention,
 * Enter to choose (and, in a list that ticks, Enter to tick and Enter on Done to finish).
 */
export const KEYS = {
  select: [
    ['↑↓', 'move'],
    ['⏎', 'choose'],
  ],
  search: [
    ['type', 'to search'],
    ['↑↓', 'move'],
    ['⏎', 'choose'],
  ],
  tick: [
    ['↑↓', 'move'],
    ['⏎', 'tick or untick'],
    ['⏎ on Done', 'finish'],
  ],
  searchTick: [
    ['type', 'to search'],
    ['↑↓', 'move'],
    ['⏎', 'tick or untick'],
    ['⏎ on Done', 'finish'],
  ],
} satisfies Record<string, [key: string, action: string][]>;

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
  const theme = { ...base, style: { ...(options.color ? {} : PLAIN_THEME.style), message: messageStyle(options.color) } };
  const stdin = options.input ?? process.stdin;
  const columns = options.columns ?? process.stdout.columns;
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

// ---------------------------------------------------------------------------------------------
// A multi-select you can type into: the list narrows as you type; Enter ticks the highlighted
// entry (and clears what was typed, ready for the next); Enter on "Done" finishes. Space and Tab
// tick too (Space only while nothing is typed, since names have spaces in them).

export interface SearchCheckboxConfig {
  message: string;
  /** The entries for what has been typed so far ('' for everything). */
  source: (term: string) => readonly (Choice<string> | Separator)[];
  /** Ticked at the start. */
  default?: readonly string[];
  pageSize?: number;
  theme?: object;
  /** false for a short list: typing does not search (Space ticks, as Enter does). */
  searchable?: boolean;
}

type SearchCheckboxTheme = {
  icon: { cursor: string; checked: string; unchecked: string };
  style: { description: (text: string) => string; searchTerm: (text: string) => string; heading: (text: string) => string; keysHelpTip: KeysHelp };
};

const searchCheckboxTheme: SearchCheckboxTheme = {
  icon: { cursor: '❯', checked: styleText('green', '◉'), unchecked: '◯' },
  style: {
    description: (text) => styleText('cyan', text),
    searchTerm: (text) => styleText('cyan', text),
    heading: (text) => styleText('dim', text),
    keysHelpTip: (keys) => keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`).join(styleText('dim', ' • ')),
  },
};

type Row = { kind: 'done' } | { kind: 'heading'; text: string } | { kind: 'choice'; choice: Choice<string> };

/** The custom prompt; exported for its own tests. */
export const searchCheckbox = createPrompt<string[], SearchCheckboxConfig>((config, done) => {
  const theme = makeTheme<SearchCheckboxTheme>(searchCheckboxTheme, config.theme as Partial<Theme<SearchCheckboxTheme>>);
  const [status, setStatus] = useState<Status>('idle');
  const [term, setTerm] = useState('');
  const [ticked, setTicked] = useState<readonly string[]>(config.default ?? []);
  // undefined: the default row for what is typed (the first match, or "Done" when nothing is typed).
  const [activeIndex, setActive] = useState<number | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  // Names of every entry, for the answer line when a ticked one is filtered out of view.
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const item of config.source('')) if (!(item instanceof Separator)) map.set(item.value, item.short ?? item.name);
    return map;
  }, []);
  const rows = useMemo((): Row[] => {
    const found: Row[] = config
      .source(term)
      .map((item) => (item instanceof Separator ? { kind: 'heading', text: item.separator } : { kind: 'choice', choice: item }));
    return [{ kind: 'done' }, ...found];
  }, [term]);
  const firstChoice = rows.findIndex((r) => r.kind === 'choice');
  const nothingMatches = firstChoice === -1 && term.trim() !== '';
  // What is highlighted before any arrow: the first match, "Done" with nothing typed, and nothing at
  // all when nothing matches, so that Enter then cannot end the question by accident.
  const active = activeIndex ?? (firstChoice !== -1 && term.trim() !== '' ? firstChoice : nothingMatches ? -1 : 0);
  const current = rows[active];

  const toggle = (value: string) => setTicked(ticked.includes(value) ? ticked.filter((v) => v !== value) : [...ticked, value]);

  const searchable = config.searchable !== false;

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (!searchable && !isEnterKey(key)) rl.clearLine(0);
    if (isEnterKey(key)) {
      // readline has already emptied its line.
      if (!current) {
        // Enter on a search that found nothing never ends the question: what was typed stays, to change.
        rl.write(term);
      } else if (current.kind === 'done') {
        setStatus('done');
        done([...ticked]);
      } else if (current.kind === 'choice') {
        toggle(current.choice.value);
        if (term !== '') {
          setTerm('');
          setActive(undefined);
        }
      } else rl.write(term);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      rl.write(term);
      const step = isUpKey(key) ? -1 : 1;
      let next = active === -1 ? 0 : active + step;
      while (rows[next]?.kind === 'heading') next += step;
      if (next >= 0 && next < rows.length) setActive(next);
      return;
    }
    if (isTabKey(key) || (isSpaceKey(key) && term === '')) {
      rl.clearLine(0);
      rl.write(term);
      if (current?.kind === 'choice') toggle(current.choice.value);
      return;
    }
    if (searchable && rl.line !== term) {
      setTerm(rl.line);
      setActive(undefined);
    }
  });

  const message = theme.style.message(config.message, status);
  // Hooks run in the same order on every render, so the page is laid out even when done.
  const page = usePagination({
    items: rows,
    active,
    pageSize: config.pageSize ?? 12,
    loop: false,
    renderItem({ item, isActive }) {
      const cursor = isActive ? theme.icon.cursor : ' ';
      const color = isActive ? theme.style.highlight : (text: string) => text;
      if (item.kind === 'heading') return ` ${theme.style.heading(item.text)}`;
      if (item.kind === 'done') return color(`${cursor} ✔ Done (${ticked.length > 0 ? `${ticked.length} ticked` : 'none ticked'})`);
      const mark = ticked.includes(item.choice.value) ? theme.icon.checked : theme.icon.unchecked;
      return color(`${cursor}${mark} ${item.choice.name}`);
    },
  });
  if (status === 'done') {
    const answer = ticked.length > 0 ? ticked.map((v) => names.get(v) ?? v).join(', ') : 'none';
    return [prefix, message, theme.style.answer(answer)].join(' ');
  }
  const description =
    current?.kind === 'choice'
      ? current.choice.description
      : current?.kind === 'done'
        ? ticked.length > 0
          ? `Ticked: ${ticked.map((v) => names.get(v) ?? v).join(', ')}`
          : searchable
            ? 'Press Enter here when you have ticked everything you hold, or if you hold none of them.'
            : 'Press Enter here when you have ticked what applies, or if none does.'
        : undefined;
  const help = theme.style.keysHelpTip(searchable ? KEYS.searchTick : KEYS.tick);
  const noMatch = nothingMatches
    ? theme.style.error(`Nothing matches “${term.trim()}”: change what you typed, or clear it to see the whole list (↑ then ⏎ on Done finishes).`)
    : '';
  const header = [prefix, message, theme.style.searchTerm(term)].filter(Boolean).join(' ').trimEnd();
  const body = [page, noMatch, ' ', description ? theme.style.description(description) : '', help].filter(Boolean).join('\n').trimEnd();
  return [header, body];
});
