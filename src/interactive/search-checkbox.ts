/**
 * A multi-select you can type into, inquirer-style: the list narrows as you type; Enter ticks the
 * highlighted entry (and clears what was typed, ready for the next); Enter on "Done" finishes.
 * Space and Tab tick too (Space only while nothing is typed, since names have spaces in them).
 * With `searchable: false` it is the short list that ticks the same way, without typing to search.
 */
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isTabKey,
  isUpKey,
  makeTheme,
  Separator,
  useKeypress,
  useMemo,
  usePagination,
  usePrefix,
  useState,
  type Status,
  type Theme,
} from '@inquirer/core';
import { styleText } from 'node:util';
import type { Choice } from './ask';
import { KEYS, type KeysHelp } from './keys';

export interface SearchCheckboxConfig {
  message: string;
  /** The entries for what has been typed so far ('' for everything). */
  source: (term: string) => readonly (Choice<string> | Separator)[];
  /** Ticked at the start. */
  default?: readonly string[];
  pageSize?: number;
  theme?: object;
  /** false for a short list: typing does not search (Space ticks, as Enter does). */
  searchable?: boolean;
}

type SearchCheckboxTheme = {
  icon: { cursor: string; checked: string; unchecked: string };
  style: { description: (text: string) => string; searchTerm: (text: string) => string; heading: (text: string) => string; keysHelpTip: KeysHelp };
};

const searchCheckboxTheme: SearchCheckboxTheme = {
  icon: { cursor: '❯', checked: styleText('green', '◉'), unchecked: '◯' },
  style: {
    description: (text) => styleText('cyan', text),
    searchTerm: (text) => styleText('cyan', text),
    heading: (text) => styleText('dim', text),
    keysHelpTip: (keys) => keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`).join(styleText('dim', ' • ')),
  },
};

type Row = { kind: 'done' } | { kind: 'heading'; text: string } | { kind: 'choice'; choice: Choice<string> };

/** The custom prompt; exported for its own tests. */
export const searchCheckbox = createPrompt<string[], SearchCheckboxConfig>((config, done) => {
  const theme = makeTheme<SearchCheckboxTheme>(searchCheckboxTheme, config.theme as Partial<Theme<SearchCheckboxTheme>>);
  const [status, setStatus] = useState<Status>('idle');
  const [term, setTerm] = useState('');
  const [ticked, setTicked] = useState<readonly string[]>(config.default ?? []);
  // undefined: the default row for what is typed (the first match, or "Done" when nothing is typed).
  const [activeIndex, setActive] = useState<number | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  // Names of every entry, for the answer line when a ticked one is filtered out of view.
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const item of config.source('')) if (!(item instanceof Separator)) map.set(item.value, item.short ?? item.name);
    return map;
  }, []);
  const rows = useMemo((): Row[] => {
    const found: Row[] = config
      .source(term)
      .map((item) => (item instanceof Separator ? { kind: 'heading', text: item.separator } : { kind: 'choice', choice: item }));
    return [{ kind: 'done' }, ...found];
  }, [term]);
  const firstChoice = rows.findIndex((r) => r.kind === 'choice');
  const nothingMatches = firstChoice === -1 && term.trim() !== '';
  // What is highlighted before any arrow: the first match, "Done" with nothing typed, and nothing at
  // all when nothing matches, so that Enter then cannot end the question by accident.
  const active = activeIndex ?? (firstChoice !== -1 && term.trim() !== '' ? firstChoice : nothingMatches ? -1 : 0);
  const current = rows[active];

  const toggle = (value: string) => setTicked(ticked.includes(value) ? ticked.filter((v) => v !== value) : [...ticked, value]);

  const searchable = config.searchable !== false;

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (!searchable && !isEnterKey(key)) rl.clearLine(0);
    if (isEnterKey(key)) {
      // readline has already emptied its line.
      if (!current) {
        // Enter on a search that found nothing never ends the question: what was typed stays, to change.
        rl.write(term);
      } else if (current.kind === 'done') {
        setStatus('done');
        done([...ticked]);
      } else if (current.kind === 'choice') {
        toggle(current.choice.value);
        if (term !== '') {
          setTerm('');
          setActive(undefined);
        }
      } else rl.write(term);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      rl.write(term);
      const step = isUpKey(key) ? -1 : 1;
      let next = active === -1 ? 0 : active + step;
      while (rows[next]?.kind === 'heading') next += step;
      if (next >= 0 && next < rows.length) setActive(next);
      return;
    }
    if (isTabKey(key) || (isSpaceKey(key) && term === '')) {
      rl.clearLine(0);
      rl.write(term);
      if (current?.kind === 'choice') toggle(current.choice.value);
      return;
    }
    if (searchable && rl.line !== term) {
      setTerm(rl.line);
      setActive(undefined);
    }
  });

  const message = theme.style.message(config.message, status);
  // Hooks run in the same order on every render, so the page is laid out even when done.
  const page = usePagination({
    items: rows,
    active,
    pageSize: config.pageSize ?? 12,
    loop: false,
    renderItem({ item, isActive }) {
      const cursor = isActive ? theme.icon.cursor : ' ';
      const color = isActive ? theme.style.highlight : (text: string) => text;
      if (item.kind === 'heading') return ` ${theme.style.heading(item.text)}`;
      if (item.kind === 'done') return color(`${cursor} ✔ Done (${ticked.length > 0 ? `${ticked.length} ticked` : 'none ticked'})`);
      const mark = ticked.includes(item.choice.value) ? theme.icon.checked : theme.icon.unchecked;
      return color(`${cursor}${mark} ${item.choice.name}`);
    },
  });
  if (status === 'done') {
    const answer = ticked.length > 0 ? ticked.map((v) => names.get(v) ?? v).join(', ') : 'none';
    return [prefix, message, theme.style.answer(answer)].join(' ');
  }
  const description =
    current?.kind === 'choice'
      ? current.choice.description
      : current?.kind === 'done'
        ? ticked.length > 0
          ? `Ticked: ${ticked.map((v) => names.get(v) ?? v).join(', ')}`
          : searchable
            ? 'Press Enter here when you have ticked everything you hold, or if you hold none of them.'
            : 'Press Enter here when you have ticked what applies, or if none does.'
        : undefined;
  const help = theme.style.keysHelpTip(searchable ? KEYS.searchTick : KEYS.tick);
  const noMatch = nothingMatches
    ? theme.style.error(`Nothing matches “${term.trim()}”: change what you typed, or clear it to see the whole list (↑ then ⏎ on Done finishes).`)
    : '';
  const header = [prefix, message, theme.style.searchTerm(term)].filter(Boolean).join(' ').trimEnd();
  const body = [page, noMatch, ' ', description ? theme.style.description(description) : '', help].filter(Boolean).join('\n').trimEnd();
  return [header, body];
});
