/**
 * The one way text becomes HTML. Data can come from anyone's overlay file, so every string from
 * the dataset or the command line goes through `escapeHtml`, in element content and in quoted
 * attribute values alike.
 */
import { terminalText } from './terminal-text';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe in element content and in a double- or single-quoted attribute; control characters
 * (a NUL, an escape sequence) are shown as escapes, as in the terminal.
 */
export function escapeHtml(text: string): string {
  return terminalText(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
