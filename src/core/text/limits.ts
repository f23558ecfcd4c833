/** Largest workspace file Ops Lens reads to scan (markdown runbooks, `.insights` files). */
export const MAX_SCANNED_FILE_BYTES = 1024 * 1024;
/** Largest document Ops Lens writes into an editor (results, details). */
export const MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

/** The text cut at `max` characters, at a line end when there is one, with a last line saying so. */
export function capDocument(text: string, max = MAX_DOCUMENT_CHARS): string {
  if (text.length <= max) return text;
  const lineEnd = text.lastIndexOf('\n', max);
  const kept = text.slice(0, lineEnd > max / 2 ? lineEnd : max);
  return `${kept}\n\n… cut here: the document would be ${Math.round(text.length / (1024 * 1024))} MB; Ops Lens shows the first ${Math.round(max / (1024 * 1024))} MB. Export the results to read them all.\n`;
}
