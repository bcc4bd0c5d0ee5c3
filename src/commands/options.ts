/**
 * The shapes the command handlers take, and the output formats. The parser (cli.ts) fills them;
 * they live here, below it, so that no handler imports the parser.
 */

export const FORMATS = ['table', 'text', 'markdown', 'json', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** The formats every command lays out; html only where a command has a page to print (plan). */
export type CoreFormat = Exclude<Format, 'html'>;
export const CORE_FORMATS = FORMATS.filter((format): format is CoreFormat => format !== 'html');

/** How a command's result is shown or saved (on the commands declared with addOutputOptions). */
export interface OutputOptions {
  /** --format, or 'json' for --json; when absent, --output's extension decides, else a table. */
  format?: Format;
  /** --output FILE: save instead of printing. */
  output?: string;
  /** --force: let --output replace an existing file. */
  force?: boolean;
}

/** Options every data-reading command shares, already parsed. */
export interface CommonOptions extends OutputOptions {
  /** --data files in order; later ones overlay earlier ones (CAREERPATH_DATA's go below them). */
  dataFiles: string[];
  /** false with --no-color; otherwise decided from the terminal and NO_COLOR. */
  color?: boolean;
  /** false with --no-cache. */
  cache?: boolean;
}
