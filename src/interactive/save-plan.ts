/**
 * Saving a plan from the questionnaire: a file name (a free one suggested), never replacing a file
 * without a yes, asking again when a name cannot be written. Talks only through `ask`.
 */
import { UserError } from '../errors';
import type { Ask } from './ask';
import { nextFreeName, validateFileName, withMarkdownExtension } from './saving';

/** Where a plan can be saved: the file system in the CLI, a fake in tests. */
export interface SaveDestination {
  /** True when anything (a file, a folder, a link) already has this name. */
  exists(file: string): Promise<boolean>;
  /** Writes the plan; `replace` allows replacing what is there. Throws a UserError when it cannot. */
  write(file: string, replace: boolean): Promise<void>;
}

/**
 * Asks for a file name (a free one suggested) and saves the plan there. Never replaces a file
 * without a yes; a name that cannot be written is reported and asked again. Returns the name written.
 */
export async function saveAs(ask: Ask, suggested: string, destination: SaveDestination): Promise<string> {
  let suggestion = await nextFreeName(suggested, destination.exists);
  for (;;) {
    const file = withMarkdownExtension(await ask.input({ name: 'fileName', message: 'File name:', default: suggestion, validate: validateFileName }));
    let replace = false;
    if (await destination.exists(file)) {
      replace = await ask.confirm({ name: 'overwrite', message: `${file} already exists. Replace it?`, default: false });
      if (!replace) {
        suggestion = await nextFreeName(file, destination.exists);
        continue;
      }
    }
    try {
      await destination.write(file, replace);
      return file;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      if (!replace && (await destination.exists(file))) {
        // Something took the name between the check and the write: it is left alone.
        ask.tell(`${file} appeared while saving and was left as it is.`);
      } else {
        // The writer's hints speak of command-line flags; here the question is simply asked again.
        const hint = error.hint && !error.hint.includes('--') ? ` ${error.hint}` : '';
        ask.tell(`Could not save: ${error.message}.${hint}`);
      }
      // The name that failed is not offered again: the first suggestion (in this folder) is.
      suggestion = await nextFreeName(suggested, destination.exists);
    }
  }
}
