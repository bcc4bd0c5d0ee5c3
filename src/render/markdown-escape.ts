/**
 * Data in Markdown, shown as written: every renderer that writes Markdown escapes data text
 * through these. The dataset can come from someone else's overlay file, so a name must not
 * become emphasis, code, a link, HTML or an entity when the document is opened.
 */

/** Escapes the characters that start emphasis (* _ ~), code (`), links ([ ]), HTML and entities (< > &), and table cells (|). */
export function md(text: string): string {
  return text.replace(/[\\`*_~[\]<>&|]/g, (ch) => `\\${ch}`);
}

/** A table cell: escaped, and on one line. */
export function mdCell(text: string): string {
  return md(text).replace(/\s*\n\s*/g, ' ');
}
