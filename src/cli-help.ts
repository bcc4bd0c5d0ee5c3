/**
 * What the command line says about itself beyond each option's own line: the examples after
 * --help, and the commands and options as the completion scripts need them.
 */
import type { Command, Option } from 'commander';
import type { CommandSpec, OptionSpec, ValueKind } from './render/completion';

/** The examples after `careerpath --help`. */
export const EXAMPLES = `
Examples:
  $ careerpath interactive
  $ careerpath plan --from "care worker" --to "registered manager"
  $ careerpath plan --from "care worker" --to "registered manager" --have "level 3 diploma in adult care"
  $ careerpath plan --from "healthcare support worker" --to "registered nurse" --optimise time --alternatives 3
  $ careerpath plan --from "care worker" --to "team leader" --data my-organisation.yaml
  $ careerpath plan --from "care worker" --to "registered manager" --output plan.md
  $ careerpath roles --sector nhs --json
  $ careerpath qualifications --level 3
  $ careerpath show "level 3 diploma in adult care"
  $ careerpath validate my-organisation.yaml
  $ careerpath next "senior care worker"
  $ careerpath unlocks "level 3 diploma in adult care"

Names match ids, names and aliases in any case: "care worker", "Care Worker" and "care-worker" all work.
Exit codes: 0 success, 1 failure (invalid dataset, no route, file problem), 2 usage error, 130 cancelled.`;

/** Each command's own examples, shown after its --help. */
export const COMMAND_EXAMPLES: Record<string, string[]> = {
  plan: [
    'careerpath plan --from "care worker" --to "registered manager"',
    'careerpath plan --from "care worker" --to "registered manager" --have "NVQ 3"',
    'careerpath plan --from "healthcare support worker" --to "mental health nurse" --earn-while-learning',
    'careerpath plan --from "care worker" --to "registered manager" --name "Sam Jones" --review 2027-06-01 -o plan.html',
    'careerpath plan --from "care worker" --to "registered manager" --output plan.md',
    'careerpath plan --from "care worker" --to "registered manager" --json -o -',
  ],
  interactive: ['careerpath interactive', 'careerpath interactive --data my-organisation.yaml'],
  roles: ['careerpath roles', 'careerpath roles --sector nhs', 'careerpath roles --level 3 --json'],
  qualifications: ['careerpath qualifications --level 3', 'careerpath qualifications --kind apprenticeship --json'],
  next: ['careerpath next "senior care worker"', 'careerpath next "care worker" --have "level 3 diploma in adult care"'],
  unlocks: ['careerpath unlocks "level 3 diploma in adult care"', 'careerpath unlocks "NVQ 3" --json'],
  show: ['careerpath show "registered manager"', 'careerpath show "level 3 diploma in adult care" --format markdown -o l3.md'],
  validate: ['careerpath validate', 'careerpath validate my-organisation.yaml', 'careerpath validate base.yaml overlay.yaml --json'],
  schema: ['careerpath schema > dataset.schema.json', 'careerpath schema output'],
  completion: ['eval "$(careerpath completion bash)"    # in ~/.bashrc', 'careerpath completion fish | source'],
};

/** What each option's value is completed from, by option name (choices come from the option itself). */
const OPTION_VALUES: Record<string, ValueKind> = {
  from: 'role',
  to: 'role',
  via: 'role',
  have: 'qualification',
  avoid: 'role-or-qualification',
  data: 'file',
  output: 'file',
};

/** What each command's positional argument is. */
const ARGUMENT_VALUES: Record<string, ValueKind> = {
  next: 'role',
  unlocks: 'qualification',
  show: 'role-or-qualification',
  validate: 'file',
};

/** The commands and options as declared, for the completion scripts. */
export function completionSpec(program: Command): { commands: CommandSpec[]; globalOptions: OptionSpec[] } {
  const optionSpec = (option: Option): OptionSpec => {
    const flags = [option.long, option.short].filter((f): f is string => f !== undefined);
    const takesValue = option.required || option.optional;
    const value: ValueKind | undefined = !takesValue
      ? undefined
      : option.argChoices
        ? { choices: option.argChoices }
        : (OPTION_VALUES[option.attributeName()] ?? 'any');
    return { flags, description: option.description, ...(value !== undefined ? { value } : {}) };
  };
  const visible = (options: readonly Option[]) => options.filter((o) => !o.hidden).map(optionSpec);
  return {
    globalOptions: visible(program.options),
    commands: program.commands.map((command) => {
      const choices = command.registeredArguments[0]?.argChoices;
      const argument = choices ? { choices } : ARGUMENT_VALUES[command.name()];
      return { name: command.name(), description: command.description(), options: visible(command.options), ...(argument ? { argument } : {}) };
    }),
  };
}
