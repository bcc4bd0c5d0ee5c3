/**
 * Shell completion scripts for bash, zsh and fish: commands, their options, option choices, and
 * role and qualification ids (names resolve from ids, and an id is one word a shell can complete).
 * Pure: the command passes in what the program declares and the dataset's names.
 */
import { terminalText } from './terminal-text';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a value is completed from: dataset names, files, a fixed list, or nothing. */
export type ValueKind = 'role' | 'qualification' | 'role-or-qualification' | 'file' | { choices: readonly string[] } | 'any';

export interface OptionSpec {
  /** The option's flags, long first (`--output`, `-o`). */
  flags: string[];
  description: string;
  /** undefined for a flag that takes no value. */
  value?: ValueKind;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** What the command's positional argument is, if it has one. */
  argument?: ValueKind;
}

export interface CompletionSpec {
  commands: CommandSpec[];
  /** Options the program takes before any command. */
  globalOptions: OptionSpec[];
  roles: { id: string; name: string }[];
  qualifications: { id: string; name: string }[];
}

/** The completion script for one shell. */
export function completionScript(shell: Shell, spec: CompletionSpec): string {
  if (shell === 'fish') return fishScript(spec);
  const bash = bashScript(spec);
  // zsh runs bash completion functions through its bashcompinit layer.
  return shell === 'zsh' ? `#compdef careerpath\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n${bash}` : bash;
}

/** Single-quoted for a POSIX shell or fish: ' becomes '\'' (sh) or \' (fish). */
const shQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const fishQuote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** A name as a completion description: fish prints it on the terminal, so control characters are escaped. */
const oneLine = (text: string) => terminalText(text).replace(/\n/g, ' ');

/** The words a value kind completes to in bash (undefined for files and free values). */
function bashWords(kind: ValueKind): string | undefined {
  if (kind === 'role') return '$roles';
  if (kind === 'qualification') return '$qualifications';
  if (kind === 'role-or-qualification') return '$roles $qualifications';
  if (kind === 'file' || kind === 'any') return undefined;
  return kind.choices.join(' ');
}

function bashCompletion(kind: ValueKind | undefined): string {
  if (kind === 'file') return 'COMPREPLY=($(compgen -f -- "$cur"))';
  if (kind === undefined || kind === 'any') return 'COMPREPLY=()';
  return `COMPREPLY=($(compgen -W "${bashWords(kind)}" -- "$cur"))`;
}

/**
 * The bash lines that complete an option's value: each command's options under its own name, as
 * the same flag may take other values elsewhere (plan's --format has html, the others do not),
 * and the program's options under any command.
 */
function bashValueCases(spec: CompletionSpec): string[] {
  const cases = (command: string, options: OptionSpec[]) =>
    options.flatMap((option) => {
      const value = option.value;
      return value === undefined ? [] : [`    ${option.flags.map((flag) => `${command}:${flag}`).join('|')}) ${bashCompletion(value)}; return ;;`];
    });
  return [...spec.commands.flatMap((command) => cases(command.name, command.options)), ...cases('*', spec.globalOptions)];
}

function bashScript(spec: CompletionSpec): string {
  const globalFlags = spec.globalOptions.flatMap((o) => o.flags.filter((f) => f.startsWith('--')));
  const perCommand = spec.commands.map((command) => {
    const flags = [...command.options, ...spec.globalOptions].flatMap((o) => o.flags.filter((f) => f.startsWith('--')));
    const argument = command.argument ? `\n      else ${bashCompletion(command.argument)}` : '\n      else COMPREPLY=()';
    return `    ${command.name})\n      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${flags.join(' ')}" -- "$cur"))${argument}\n      fi ;;`;
  });
  const names = spec.commands.map((c) => c.name).join(' ');
  return `# careerpath completion for bash. Load it with: eval "$(careerpath completion bash)"
_careerpath() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
  local roles=${shQuote(spec.roles.map((r) => r.id).join(' '))}
  local qualifications=${shQuote(spec.qualifications.map((q) => q.id).join(' '))}
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${spec.commands.map((c) => c.name).join('|')}) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$command:$prev" in
${bashValueCases(spec).join('\n')}
  esac
  case "$command" in
    "") COMPREPLY=($(compgen -W "${names} ${globalFlags.join(' ')} --help" -- "$cur")) ;;
${perCommand.join('\n')}
  esac
}
complete -F _careerpath careerpath
`;
}

function fishScript(spec: CompletionSpec): string {
  const lines = [
    '# careerpath completion for fish. Load it with: careerpath completion fish | source',
    `function __careerpath_roles\n${spec.roles.map((r) => `    printf '%s\\t%s\\n' ${fishQuote(r.id)} ${fishQuote(oneLine(r.name))}`).join('\n')}\nend`,
    `function __careerpath_qualifications\n${spec.qualifications.map((q) => `    printf '%s\\t%s\\n' ${fishQuote(q.id)} ${fishQuote(oneLine(q.name))}`).join('\n')}\nend`,
    'complete -c careerpath -f',
    ...spec.commands.map((c) => `complete -c careerpath -n __fish_use_subcommand -a ${fishQuote(c.name)} -d ${fishQuote(c.description)}`),
  ];
  const fishValues = (kind: ValueKind): string => {
    if (kind === 'role') return "-x -a '(__careerpath_roles)'";
    if (kind === 'qualification') return "-x -a '(__careerpath_qualifications)'";
    if (kind === 'role-or-qualification') return "-x -a '(__careerpath_roles; __careerpath_qualifications)'";
    if (kind === 'file') return '-r -F';
    if (kind === 'any') return '-x';
    return `-x -a ${fishQuote(kind.choices.join(' '))}`;
  };
  const optionLine = (condition: string, option: OptionSpec) => {
    const long = option.flags.find((f) => f.startsWith('--'));
    const short = option.flags.find((f) => /^-[^-]$/.test(f));
    const parts = ['complete -c careerpath', condition, long ? `-l ${long.slice(2)}` : '', short ? `-s ${short.slice(1)}` : ''];
    if (option.value !== undefined) parts.push(fishValues(option.value));
    parts.push(`-d ${fishQuote(option.description)}`);
    return parts.filter(Boolean).join(' ');
  };
  for (const option of spec.globalOptions) lines.push(optionLine('', option));
  for (const command of spec.commands) {
    const condition = `-n ${fishQuote(`__fish_seen_subcommand_from ${command.name}`)}`;
    for (const option of command.options) lines.push(optionLine(condition, option));
    if (command.argument) lines.push(`complete -c careerpath ${condition} ${fishValues(command.argument)}`);
  }
  return `${lines.join('\n')}\n`;
}
