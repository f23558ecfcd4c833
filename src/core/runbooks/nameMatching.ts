import { headingPlainText, markdownHeadings, type Heading } from './headings';

/** Words that name an environment or say nothing about what is measured. */
const IGNORED = new Set([
  'dev', 'develop', 'development', 'prod', 'prd', 'production', 'staging', 'stage', 'stg', 'test', 'testing', 'qa', 'uat', 'sandbox', 'preprod', 'live',
  'alarm', 'alarms', 'alert', 'alerts', 'the', 'a', 'an', 'of', 'for', 'and', 'on', 'in', 'to',
]);

/** Lower-case, singular word stems of a name: kebab, snake and spaces split, and camelCase unless told not to. */
export function nameWords(text: string, splitCamelCase = true): string[] {
  const plain = headingPlainText(text);
  const split = splitCamelCase ? plain.replace(/([a-z\d])([A-Z])/g, '$1 $2').replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ') : plain;
  return split
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !IGNORED.has(w) && !/^\d+$/.test(w))
    .map(stem);
}

function stem(word: string): string {
  if (word.length > 3 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A heading longer than this names no alarm (alarm names have at most 255 characters). */
export const MAX_HEADING_CHARS = 1024;

export interface HeadingMatch {
  readonly path: string;
  readonly heading: Heading;
  readonly score: number;
}

/**
 * The heading whose words all occur in the alarm's name (ignoring environment prefixes, case,
 * separators and plurals): `dev-ecs-service-unhealthy` ↔ "ECS Service Unhealthy". The heading that
 * covers most of the name wins; a one-word heading must be the whole name.
 */
export function bestHeadingMatch(alarmName: string, documents: readonly { path: string; text: string }[]): HeadingMatch | undefined {
  // "DynamoDB" and "dynamodb", "StepFunction" and "step-function": both spellings count.
  const split = new Set(nameWords(alarmName));
  const alarm = new Set([...split, ...nameWords(alarmName, false)]);
  if (split.size === 0) return undefined;
  let best: HeadingMatch | undefined;
  for (const doc of documents) {
    for (const heading of markdownHeadings(doc.text)) {
      if (heading.text.length > MAX_HEADING_CHARS) continue;
      for (const words of [new Set(nameWords(heading.text)), new Set(nameWords(heading.text, false))]) {
        if (words.size === 0 || ![...words].every((w) => alarm.has(w))) continue;
        if (words.size === 1 && split.size > 1) continue;
        const score = words.size / split.size;
        if (!best || score > best.score) best = { path: doc.path, heading, score };
      }
    }
  }
  return best;
}
