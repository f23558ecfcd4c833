import { sanitizeText } from '../insights/results/sanitize';

/**
 * A document's tab title from a name that may hold log group paths, ARNs and quotes:
 * `Search /aws/lambda/orders-Generate for "Gemini API"` → `Search · orders-Generate · "Gemini API"`.
 * A path keeps its last part, connecting words give way to ` · `, and nothing can make another path segment.
 */
export function tabTitle(name: string, max = 60): string {
  const words = sanitizeText(name).replace(/\s+/g, ' ').trim().split(' ');
  const shown = words.map((w) => {
    const arnGroup = /:log-group:([^:]+)/.exec(w)?.[1];
    const path = arnGroup ?? w;
    return path.includes('/') && !path.startsWith('"') ? path.split('/').filter(Boolean).pop() ?? path : w;
  });
  const text = shown.join(' ').replace(/ (?:for|in|of) (?=\S)/g, ' · ').replace(/^(Search|Tail|Live Tail) /, '$1 · ').replace(/[/\\]+/g, '-');
  const cut = text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  return cut || 'results';
}
