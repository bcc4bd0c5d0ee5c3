/**
 * Data in Markdown, shown as written: every renderer that writes Markdown escapes data text
 * through these. The dataset can come from someone else's overlay file, so a name must not
 * become emphasis, code, a link, HTML, an entity, a heading or a table row when the document is
 * opened, and only an http(s) address may ever become a link.
 */
import { terminalText } from './terminal-text';

/**
 * Inline text on one line: control characters shown as escapes, line breaks folded to a space (a
 * break could start a heading, a quote or a table row), the characters that start emphasis
 * (* _ ~), code (`), links ([ ]), HTML and entities (< > &) and table cells (|) escaped, and a
 * heading, quote or list marker at the start escaped too.
 */
export function md(text: string): string {
  return terminalText(text)
    .replace(/\s*[\n\u0085]\s*/g, ' ')
    .replace(/[\\`*_~[\]<>&|]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)(>|#(?=[#\s]|$)|[-+=](?=[-+=\s]|$))/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** A table cell: escaped, and on one line. */
export function mdCell(text: string): string {
  return md(text);
}

/** Paragraphs of text (a summary): each escaped as `md` does, blank lines between them kept. */
export function mdParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => md(paragraph.trim()))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/**
 * A link when the address is http(s), written so that nothing in it can end the link early or
 * start another (its parsed, normalised form, with brackets, quotes, spaces and backslashes
 * percent-encoded); anything else (javascript:, data:, file:, no address) is the title alone.
 */
export function mdLink(title: string, url: string | undefined): string {
  const address = webAddress(url);
  return address ? `[${md(title)}](${linkTarget(address)})` : md(title);
}

/**
 * The address in its normalised form when it is http(s), else undefined: a data file may hold
 * any scheme the URL parser accepts, and spaces or markup the parser would tolerate.
 */
export function webAddress(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A URL that cannot end a Markdown link early. */
function linkTarget(url: string): string {
  return url.replace(/[()\s<>[\]\\`'"]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
