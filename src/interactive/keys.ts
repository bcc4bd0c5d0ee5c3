/** The keys the questionnaire's lists answer to, and how a help line shows them. */

export type KeysHelp = (keys: [key: string, action: string][]) => string | undefined;

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
