// Log values are untrusted: anything that could move the cursor, recolour, reorder or break lines in the
// editor is removed before a value reaches a document. Printable text (including `<script>`) is kept as is:
// the documents are plain text, so nothing else needs escaping.

/** C0 controls except \t and \n, DEL, C1 controls, bidi embedding/override/isolate marks, LS/PS, BOM. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_ALL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/**
 * Terminal escape sequences: CSI (`ESC [ … final`, or the one-byte 0x9b form), OSC (`ESC ] … BEL|ST`, at most
 * to the end of the line), DCS/SOS/PM/APC strings, and two-byte escapes. All quantifiers are over disjoint
 * classes or bounded, so this is linear.
 */
// eslint-disable-next-line no-control-regex -- as above
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b\n]*(?:\x1b\\)?|\x1b[ -~]?/g;
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/**
 * A value made safe for a text document: ANSI/terminal escape sequences and control characters other
 * than \n and \t removed, `\r` removed (so `\r\n` becomes `\n`), Unicode line/paragraph separators turned
 * into `\n`. Returns the same string when there is nothing to remove.
 */
export function sanitizeText(value: string): string {
  if (!UNSAFE.test(value)) return value;
  return value.replace(ANSI, '').replace(LINE_SEPARATORS, '\n').replace(UNSAFE_ALL, '');
}
