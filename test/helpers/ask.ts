/**
 * A scripted `Ask` for flow tests: answers questions by name, as a person would, and still runs the
 * real choices, filters and validation. A question with no scripted answer gets its default, as
 * if the person pressed Enter. Every question asked and everything told is recorded.
 */
import type { Ask, Choice, ChoiceItem } from '../../src/interactive/ask';
import { isHeading } from '../../src/interactive/ask';

/** Answers Ctrl-C (or Escape) to a question. */
export const CANCEL = Symbol('cancel');

/**
 * One scripted answer: [question name, answer]. Answers by kind of question:
 * - search: the words typed (the first entry the list then shows is chosen), or { value } to pick by id;
 * - select: the value chosen;  checkbox: the values ticked;
 * - searchCheckbox: the words typed for each entry ticked (the first entry each shows is ticked);
 * - confirm: true or false;  input: the text typed;  number: the number, or undefined for blank.
 * Pairs are used in order; a question asked again uses the next pair with its name.
 */
export type Script = [name: string, answer: unknown][];

export interface Asked {
  name: string;
  message: string;
  /** The choices offered (values), for lists. */
  offered?: unknown[];
  answer: unknown;
}

export interface ScriptedAsk extends Ask {
  asked: Asked[];
  told: string[];
  /** Names of the questions asked, in order. */
  names(): string[];
}

class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

const choicesOf = <T>(items: ChoiceItem<T>[]): Choice<T>[] => items.filter((i): i is Choice<T> => !isHeading(i));
const selectable = <T>(items: ChoiceItem<T>[]): Choice<T>[] => choicesOf(items).filter((c) => !c.disabled);

/** Builds the scripted `Ask`. */
export function scriptedAsk(script: Script = []): ScriptedAsk {
  const pending = [...script];
  const asked: Asked[] = [];
  const told: string[] = [];

  const take = (name: string): { found: boolean; answer?: unknown } => {
    const i = pending.findIndex(([n]) => n === name);
    if (i === -1) return { found: false };
    const [, answer] = pending.splice(i, 1)[0]!;
    if (answer === CANCEL) throw new ExitPromptError('User force closed the prompt with SIGINT');
    return { found: true, answer };
  };
  const record = <T>(entry: Omit<Asked, 'answer'>, value: T): T => {
    asked.push({ ...entry, answer: value });
    return value;
  };
  const firstFor = <T>(source: (term: string) => ChoiceItem<T>[], term: string, what: string): T => {
    const first = selectable(source(term))[0];
    if (!first) throw new Error(`${what}: nothing to choose for "${term}"`);
    return first.value;
  };

  const ask: ScriptedAsk = {
    asked,
    told,
    names: () => asked.map((a) => a.name),
    async search(q) {
      const { found, answer } = take(q.name);
      const all = selectable(q.source(''));
      let value: unknown;
      if (!found) value = firstFor(q.source, '', q.name);
      else if (typeof answer === 'object' && answer !== null && 'value' in answer) {
        value = (answer as { value: unknown }).value as never;
        if (!all.some((c) => c.value === value)) throw new Error(`${q.name}: ${String(value)} is not offered`);
      } else value = firstFor(q.source, String(answer), q.name);
      return record({ name: q.name, message: q.message, offered: all.map((c) => c.value) }, value as never);
    },
    async select(q) {
      const { found, answer } = take(q.name);
      const offered = selectable(q.choices).map((c) => c.value);
      const value = found ? answer : (q.default ?? offered[0]);
      if (!offered.includes(value as never)) throw new Error(`${q.name}: ${String(value)} is not offered (${offered.join(', ')})`);
      return record({ name: q.name, message: q.message, offered }, value as never);
    },
    async checkbox(q) {
      const { found, answer } = take(q.name);
      const offered = selectable(q.choices).map((c) => c.value);
      const values = (found ? answer : (q.default ?? [])) as never[];
      for (const v of values) if (!offered.includes(v)) throw new Error(`${q.name}: ${String(v)} is not offered`);
      return record({ name: q.name, message: q.message, offered }, values);
    },
    async searchCheckbox(q) {
      const { found, answer } = take(q.name);
      const values = found ? (answer as string[]).map((term) => firstFor(q.source, term, q.name)) : [...(q.default ?? [])];
      return record({ name: q.name, message: q.message, offered: selectable(q.source('')).map((c) => c.value) }, values);
    },
    async confirm(q) {
      const { found, answer } = take(q.name);
      return record({ name: q.name, message: q.message }, found ? Boolean(answer) : q.default);
    },
    async input(q) {
      const { found, answer } = take(q.name);
      const value = found ? String(answer) : (q.default ?? '');
      const valid = q.validate ? q.validate(value) : true;
      if (valid !== true) throw new Error(`${q.name}: "${value}" was refused: ${valid}`);
      return record({ name: q.name, message: q.message }, value);
    },
    async number(q) {
      const { found, answer } = take(q.name);
      const value = found ? (answer as number | undefined) : q.default;
      if (value === undefined && q.required) throw new Error(`${q.name}: an answer is required`);
      if (value !== undefined && (value < q.min || value > q.max)) throw new Error(`${q.name}: ${value} is out of range`);
      return record({ name: q.name, message: q.message }, value);
    },
    tell(text) {
      told.push(text);
    },
  };
  return ask;
}
