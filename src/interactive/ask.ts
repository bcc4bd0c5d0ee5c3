/**
 * The seam between the questionnaire and the terminal (house style rule 6). The questionnaire
 * only ever talks to an `Ask`; `prompts.ts` implements it with inquirer, tests with scripted
 * answers. Types only: nothing here runs, so importing it loads no prompt library.
 */

/** One answer in a list. */
export interface Choice<T> {
  value: T;
  /** What the list shows. */
  name: string;
  /** Shown under the list while this choice is highlighted. */
  description?: string;
  /** What the finished question shows as the answer (default: name). */
  short?: string;
  /** Shown but not choosable; the text says why. */
  disabled?: string;
}

/** A heading between groups of choices. */
export interface Heading {
  separator: string;
}

export type ChoiceItem<T> = Choice<T> | Heading;

/** True for a heading, false for a choice. */
export function isHeading<T>(item: ChoiceItem<T>): item is Heading {
  return 'separator' in item;
}

interface Question {
  /** A stable name for the question, so scripted answers and transcripts can refer to it. */
  name: string;
  message: string;
}

/** Pick one from a long list the person can type into to narrow down. */
export interface SearchQuestion<T> extends Question {
  /** The choices for what has been typed so far ('' before anything is typed); the first is highlighted. */
  source: (term: string) => ChoiceItem<T>[];
  pageSize?: number;
}

/** Pick one from a short list. */
export interface SelectQuestion<T> extends Question {
  choices: ChoiceItem<T>[];
  default?: T;
  pageSize?: number;
}

/** Tick any number from a short list. */
export interface CheckboxQuestion<T> extends Question {
  choices: ChoiceItem<T>[];
  /** Ticked at the start. */
  default?: T[];
}

/** Tick any number from a long list the person can type into to narrow down. */
export interface SearchCheckboxQuestion extends Question {
  source: (term: string) => ChoiceItem<string>[];
  /** Ticked at the start. */
  default?: string[];
  pageSize?: number;
}

export interface ConfirmQuestion extends Question {
  default: boolean;
}

export interface InputQuestion extends Question {
  default?: string;
  /** true when the answer is acceptable, else the message to show. */
  validate?: (value: string) => true | string;
}

export interface NumberQuestion extends Question {
  default?: number;
  min: number;
  max: number;
  /** When false, an empty answer gives undefined. */
  required: boolean;
}

/** Asks the person one question at a time; every method rejects with an ExitPromptError on Ctrl-C or Escape. */
export interface Ask {
  search<T>(question: SearchQuestion<T>): Promise<T>;
  select<T>(question: SelectQuestion<T>): Promise<T>;
  checkbox<T>(question: CheckboxQuestion<T>): Promise<T[]>;
  searchCheckbox(question: SearchCheckboxQuestion): Promise<string[]>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  input(question: InputQuestion): Promise<string>;
  number(question: NumberQuestion): Promise<number | undefined>;
  /** Says something between questions (a plan, a reason, a note). */
  tell(text: string): void;
  /** The terminal's width, when known, for answers shown in a list. */
  columns?: number;
}
