/** `careerpath completion bash|zsh|fish`: prints a completion script with the dataset's role and qualification ids. */
import type { CommonOptions } from './options';
import { readCommandDataset } from '../dataset/load';
import type { Io } from '../io/terminal';
import { completionScript, type CommandSpec, type OptionSpec, type Shell } from '../render/completion';

export interface CompletionOptions extends Pick<CommonOptions, 'dataFiles' | 'cache'> {
  shell: Shell;
  /** The commands and options as the program declares them. */
  commands: CommandSpec[];
  globalOptions: OptionSpec[];
}

export async function completion(options: CompletionOptions, io: Io): Promise<void> {
  const dataset = await readCommandDataset(options, io);
  const named = (entries: readonly { id: string; name: string }[]) => entries.map(({ id, name }) => ({ id, name }));
  io.out(
    completionScript(options.shell, {
      commands: options.commands,
      globalOptions: options.globalOptions,
      roles: named(dataset.roles),
      qualifications: named(dataset.qualifications.filter((q) => q.kind !== 'requirement')),
    }),
  );
}
