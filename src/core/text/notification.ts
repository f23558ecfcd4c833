/** Longest piece of outside text quoted in a notification; the whole text belongs in a document. */
export const MAX_QUOTED_LENGTH = 200;
/** Longest notification message; anything longer is cut. */
export const MAX_MESSAGE_LENGTH = 600;

/**
 * A message made safe for a VS Code notification. Notifications turn `[label](target)` into a link
 * (`command:` targets run the command when clicked), so every `](` is split and no link can form,
 * whatever text from AWS or a repository the message carries.
 */
export function notificationMessage(message: string): string {
  return cut(message, MAX_MESSAGE_LENGTH).replace(/\]\s*\(/g, '] (');
}

/**
 * Text from outside (AWS, a health body, a workspace file) to quote in a notification: one line,
 * at most `max` characters, link syntax split. Show the whole text in a document instead.
 */
export function quoted(text: string, max = MAX_QUOTED_LENGTH): string {
  return notificationMessage(cut(text.replace(/\s+/g, ' ').trim(), max));
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Cut whole code points only, then mark the cut.
  const chars = [...text.slice(0, max)];
  if (chars.length && /[\uD800-\uDBFF]$/.test(chars[chars.length - 1])) chars.pop();
  return `${chars.join('').slice(0, max - 1)}…`;
}
