import { MAX_BODY_BYTES } from './model';

export type ParsedBody =
  | { readonly kind: 'empty' }
  | { readonly kind: 'json'; readonly value: unknown }
  /** Not JSON (HTML error page, plain text). */
  | { readonly kind: 'text'; readonly text: string }
  /** Announced or shaped as JSON, but it does not parse (or was cut before its end). */
  | { readonly kind: 'badJson'; readonly error: string; readonly truncated: boolean };

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

function isJsonContentType(contentType: string | undefined): boolean {
  return !!contentType && /[/+]json\b/i.test(contentType);
}

/** Parses the body as JSON when its content type says JSON or it starts like a JSON object or list. */
export function parseBody(text: string, contentType: string | undefined, truncated: boolean): ParsedBody {
  if (text.trim() === '') return { kind: 'empty' };
  const announced = isJsonContentType(contentType);
  if (!announced && !looksLikeJson(text)) return { kind: 'text', text };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch (err) {
    if (truncated) return { kind: 'badJson', error: `the body was cut at ${formatBytes(MAX_BODY_BYTES)} before the JSON ended`, truncated };
    if (!announced) return { kind: 'text', text };
    return { kind: 'badJson', error: `the body is not valid JSON (${err instanceof Error ? err.message : String(err)})`, truncated };
  }
}

/** Why an assertion cannot read this body, or undefined when it is JSON. */
export function unreadableReason(body: ParsedBody): string | undefined {
  switch (body.kind) {
    case 'json': return undefined;
    case 'empty': return 'the response has no body';
    case 'text': return 'the body is not JSON';
    case 'badJson': return body.error;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

/** The first line(s) of a text body, for a reason ("HTTP 500: Internal error in …"). Tags are dropped. */
export function bodyExcerpt(text: string, max = 160): string {
  const plain = withoutTags(text, max).replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/**
 * Text with tags, scripts and styles replaced by spaces, in one pass: every `<` looks for its `>` once,
 * a missing `</script>` is looked for once (patterns rescanned the body for each `<`); it stops once it
 * has more text than the excerpt shows.
 */
function withoutTags(text: string, enough: number): string {
  const lower = text.toLowerCase();
  const unclosed = new Set<string>();
  let out = '';
  let kept = 0;
  let i = 0;
  while (i < text.length && kept <= enough) {
    const open = text.indexOf('<', i);
    const close = open < 0 ? -1 : text.indexOf('>', open + 2);
    if (close < 0) return out + text.slice(i);
    const before = text.slice(i, open);
    if (before || !out.endsWith(' ')) out += `${before} `;
    if (/\S/.test(before)) kept += before.trim().length;
    i = close + 1;
    const element = lower.startsWith('<script', open) ? 'script' : lower.startsWith('<style', open) ? 'style' : undefined;
    if (!element || unclosed.has(element)) continue;
    const end = lower.indexOf(`</${element}`, i);
    if (end < 0) unclosed.add(element);
    else i = Math.max(i, text.indexOf('>', end) + 1 || text.length);
  }
  return out;
}
