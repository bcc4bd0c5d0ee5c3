/** Showing or saving a command's result: picks the format, prints it, or writes --output safely. */
import type { CoreFormat, Format, OutputOptions } from './options';
import { UsageError } from '../errors';
import { wantsColor, type Io } from '../io/terminal';
import { quoteTyped, renderForTerminal, terminalText } from '../render/terminal-text';

/**
 * --format (or --json) wins; otherwise --output's extension decides; otherwise CAREERPATH_FORMAT
 * (table or text, for people who always want the linear layout); otherwise a table.
 */
export function chooseFormat(options: OutputOptions, env: NodeJS.ProcessEnv = {}): Format {
  if (options.format) return options.format;
  if (options.output && options.output !== '-') {
    const name = options.output.toLowerCase();
    if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown';
    if (name.endsWith('.json')) return 'json';
    if (name.endsWith('.txt')) return 'text';
    if (name.endsWith('.html') || name.endsWith('.htm')) return 'html';
  }
  const preferred = env.CAREERPATH_FORMAT?.trim().toLowerCase();
  if (preferred === undefined || preferred === '') return 'table';
  if (preferred === 'table' || preferred === 'text') return preferred;
  throw new UsageError(`CAREERPATH_FORMAT is ${quoteTyped(env.CAREERPATH_FORMAT ?? '')}, which is not a layout`, {
    hint: 'Set it to text or table, or unset it.',
  });
}

/** What a renderer is told: whether to colour (only ever a table or text on a terminal) and the terminal's width. */
export interface RenderContext {
  color: boolean;
  width: number | undefined;
}

/**
 * A command's layouts, one per format: the compiler checks that every command has every core
 * format, so a new format added to CoreFormat lists each command still missing it. html is only
 * for commands with a page to print.
 */
export type Renderers = Record<CoreFormat, (context: RenderContext) => string> & { html?: (context: RenderContext) => string };

/**
 * Prints the result in the chosen format on stdout (also for `--output -`), or saves it to
 * --output (never coloured, never over an existing file without --force) and says so on stderr.
 */
export async function emit(io: Io, options: OutputOptions & { color?: boolean }, renderers: Renderers): Promise<void> {
  if (options.output === '') throw new UsageError('--output needs a file name', { hint: 'For example --output plan.md, or -o - for standard output.' });
  const format = chooseFormat(options, io.env);
  const render = renderers[format];
  if (!render) throw noLayout(options, format);
  // Terminal layouts never pass on a control character from the data; the other formats escape
  // data in their own way (Markdown, HTML, JSON).
  const terminal = format === 'table' || format === 'text';
  // `-o -` is standard output, as in most Unix tools.
  if (options.output === undefined || options.output === '-') {
    const color = terminal && wantsColor(io.env, io.stdoutIsTTY, options.color);
    io.out(terminal ? renderForTerminal((c) => render({ color: c, width: io.columns }), color) : render({ color: false, width: io.columns }));
    return;
  }
  const text = render({ color: false, width: io.columns });
  const { writeFileSafely } = await import('../io/write-file');
  await writeFileSafely(options.output, terminal ? terminalText(text) : text, { force: options.force === true, cwd: io.cwd });
  io.err(`Saved ${terminalText(options.output)}\n`);
}

/** Only html is ever missing (Renderers requires the rest), and only a plan has a page to print. */
function noLayout(options: OutputOptions, format: Format): UsageError {
  const asked = options.format === format ? `--format ${format}` : `--output ${options.output}`;
  return new UsageError(`${asked}: only \`careerpath plan\` can make an HTML page`, {
    hint: 'Here use --format markdown, text, table or json (or save to .md, .txt or .json).',
  });
}
