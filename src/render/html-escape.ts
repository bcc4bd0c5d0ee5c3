/**
 * The one way text becomes HTML. Data can come from anyone's overlay file, so every string from
 * the dataset or the command line goes through `escapeHtml`, in element content and in quoted
 * attribute values alike.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
