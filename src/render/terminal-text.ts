/**
 * Nothing from a data file or the command line may drive the terminal that shows it. A name can
 * hold terminal escape sequences (written as YAML or JSON escapes, or typed as an argument) that
 * would set the window title, write the clipboard (OSC 52), draw a disguised link (OSC 8), clear
 * the screen or move the cursor. Every terminal layout and every message passes through here, so
 * such characters are shown as visible escapes (`\u001b`) instead of being obeyed.
 */

/**
 * Characters a terminal obeys rather than shows: C0 controls (a tab is laid out as a space, a line
 * feed kept), DEL, C1 controls, the Unicode line and paragraph separators, and the bidirectional
 * embeddings, overrides and isolates that can make text read differently from what it says.
 */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const HAS_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Text with every control character shown as an escape (`\u001b`, `\r`); line feeds are kept, a tab is a space. */
export function terminalText(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (ch) => (ch === '\t' ? ' ' : ch === '\r' ? '\\r' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** True when the text holds a character `terminalText` would escape. */
export function hasControlCharacters(text: string): boolean {
  return HAS_CONTROL.test(text);
}

/**
 * A terminal layout that data cannot take over. It is rendered without colour first: our own
 * colour codes are then absent, so any control character in it came from the data. If there is
 * none, the coloured layout (when colour is wanted) holds only the renderer's own codes; if there
 * is one, the plain layout is shown with those characters escaped, and without colour.
 */
export function renderForTerminal(render: (color: boolean) => string, color: boolean): string {
  const plain = render(false);
  if (hasControlCharacters(plain)) return terminalText(plain);
  return color ? render(true) : plain;
}

/** Text typed by the user, quoted in a message: escaped, and a very long one shortened to its start. */
export function quoteTyped(text: string, max = 80): string {
  // By code point, so a cut never splits a character made of two UTF-16 units.
  const short =
    text.length > max
      ? `${Array.from(text)
          .slice(0, max - 1)
          .join('')}…`
      : text;
  return `"${terminalText(short).replace(/\n/g, '\\n')}"`;
}

/**
 * A copy of plain data (objects, arrays, strings) with every string passed through `terminalText`,
 * for a screen built from many pieces of data at once (the questionnaire); the value itself when
 * no string in it needs escaping.
 */
export function terminalSafeCopy<T>(value: T): T {
  return copyStrings(value) as T;
}

function copyStrings(value: unknown): unknown {
  if (typeof value === 'string') return terminalText(value);
  if (Array.isArray(value)) {
    const items = value.map(copyStrings);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, copyStrings(item)] as const);
  return entries.some(([key, item]) => item !== (value as Record<string, unknown>)[key]) ? Object.fromEntries(entries) : value;
}
