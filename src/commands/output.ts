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
  }
  const preferred = env.CAREERPATH_FORMAT?.trim().toLowerCase();
  if (preferred === undefined || preferred === '') return 'table';
  if (preferred === 'table' || preferred === 'text') return preferred;
  throw new UsageError(`CAREERPATH_FORMAT is "${env.CAREERPATH_FORMAT}", which is not a layout`, { hint: 'Set it to text or table, or unset it.' });
}

/**
 * Prints the rendered result on stdout (also for `--output -`), or saves it to --output (never
 * coloured, never over an existing file without --force) and says so on stderr. `render` is given the format and whether
 * colour is wanted, which is only ever for a table on a terminal.
 */
export async function emit(
  io: Io,
  options: OutputOptions & { color?: boolean },
  render: (format: Format, color: boolean) => string,
): Promise<void> {
  const format = chooseFormat(options, io.env);
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
