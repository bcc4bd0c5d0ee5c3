/** Showing or saving a command's result: picks the format, prints it, or writes --output safely. */
import type { Format, OutputOptions } from '../cli';
import { UsageError } from '../errors';
import { wantsColor, type Io } from '../io/terminal';

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
  throw new UsageError(`CAREERPATH_FORMAT is "${env.CAREERPATH_FORMAT}", which is not a layout`, { hint: 'Set it to text or table, or unset it.' });
}

/** The commands with an HTML layout, for the error any other command gives when asked for one. */
export const HTML_COMMANDS = ['plan'];

/**
 * Prints the rendered result on stdout (also for `--output -`), or saves it to --output (never
 * coloured, never over an existing file without --force) and says so on stderr. `render` is given the format and whether
 * colour is wanted, which is only ever for a table on a terminal. Only a command that passes
 * `{ html: true }` is ever given 'html'.
 */
export async function emit(
  io: Io,
  options: OutputOptions & { color?: boolean },
  render: (format: Format, color: boolean) => string,
  supports: { html?: boolean } = {},
): Promise<void> {
  const format = chooseFormat(options, io.env);
  if (format === 'html' && supports.html !== true) throw htmlUnsupported(options);
  // `-o -` is standard output, as in most Unix tools.
  if (options.output === undefined || options.output === '-') {
    io.out(render(format, (format === 'table' || format === 'text') && wantsColor(io.env, io.stdoutIsTTY, options.color)));
    return;
  }
  const text = render(format, false);
  const { writeFileSafely } = await import('../io/write-file');
  await writeFileSafely(options.output, text, { force: options.force === true, cwd: io.cwd });
  io.err(`Saved ${options.output}\n`);
}

function htmlUnsupported(options: OutputOptions): UsageError {
  const asked = options.format === 'html' ? '--format html' : `--output ${options.output}`;
  return new UsageError(`${asked}: only ${HTML_COMMANDS.map((c) => `\`careerpath ${c}\``).join(', ')} can make an HTML page`, {
    hint: 'Here use --format markdown, text, table or json (or save to .md, .txt or .json).',
  });
}
