/** Showing or saving a command's result: picks the format, prints it, or writes --output safely. */
import type { Format, OutputOptions } from '../cli';
import { wantsColor, type Io } from '../io/terminal';

/** --format (or --json) wins; otherwise --output's extension decides; otherwise a table. */
export function chooseFormat(options: OutputOptions): Format {
  if (options.format) return options.format;
  if (options.output) {
    const name = options.output.toLowerCase();
    if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown';
    if (name.endsWith('.json')) return 'json';
  }
  return 'table';
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
  const format = chooseFormat(options);
  // `-o -` is standard output, as in most Unix tools.
  if (options.output === undefined || options.output === '-') {
    io.out(render(format, format === 'table' && wantsColor(io.env, io.stdoutIsTTY, options.color)));
    return;
  }
  const text = render(format, false);
  const { writeFileSafely } = await import('../io/write-file');
  await writeFileSafely(options.output, text, { force: options.force === true, cwd: io.cwd });
  io.err(`Saved ${options.output}\n`);
}
