import { compileGlob } from './glob';
import { bestHeadingMatch } from './nameMatching';

export interface RunbookMapping {
  readonly alarm: string;
  readonly target: string;
}

export type Runbook =
  | { readonly kind: 'url'; readonly url: string; readonly source: RunbookSource }
  | { readonly kind: 'file'; readonly path: string; readonly anchor?: string; readonly line?: number; readonly source: RunbookSource };

export type RunbookSource = 'setting' | 'description' | 'tag' | 'heading';

export interface RunbookInputs {
  readonly alarmName: string;
  readonly description: string;
  readonly mappings: readonly RunbookMapping[];
  /** Tags of the alarm, when they have been read. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Workspace markdown documents, relative paths. */
  readonly documents?: readonly { path: string; text: string }[];
}

const URL_IN_TEXT = /https:\/\/[^\s<>"')\]]+/i;

/** A mapping target: an https URL, or a workspace-relative path with an optional #heading. */
export function parseTarget(target: string, source: RunbookSource): Runbook | undefined {
  const t = target.trim();
  if (!t) return undefined;
  if (/^https:\/\//i.test(t)) return { kind: 'url', url: t, source };
  if (/^[a-z][a-z\d+.-]*:/i.test(t)) return undefined; // other schemes are not opened
  const hash = t.indexOf('#');
  const path = (hash >= 0 ? t.slice(0, hash) : t).replace(/^\.?\//, '');
  const anchor = hash >= 0 ? t.slice(hash + 1) : undefined;
  if (!path || path.split(/[\\/]/).includes('..')) return undefined;
  return { kind: 'file', path, anchor: anchor || undefined, source };
}

/** A URL at the end of a sentence, without the sentence's full stop (a loop: `[.,;:]+$` backtracks). */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && '.,;:'.includes(url[end - 1])) end--;
  return url.slice(0, end);
}

/**
 * Where an alarm's runbook is, in order: an `opsLens.runbooks` glob match; an https URL in the
 * description; a `runbook` tag; a workspace markdown heading matching the alarm's name.
 */
export function resolveRunbook(inputs: RunbookInputs): Runbook | undefined {
  for (const mapping of inputs.mappings) {
    if (typeof mapping?.alarm !== 'string' || typeof mapping?.target !== 'string') continue;
    if (compileGlob(mapping.alarm).test(inputs.alarmName)) {
      const target = parseTarget(mapping.target, 'setting');
      if (target) return target;
    }
  }
  const url = withoutTrailingPunctuation(URL_IN_TEXT.exec(inputs.description)?.[0] ?? '');
  if (url) return { kind: 'url', url, source: 'description' };
  const tag = Object.entries(inputs.tags ?? {}).find(([k]) => k.toLowerCase() === 'runbook')?.[1];
  if (tag) {
    const target = parseTarget(tag, 'tag');
    if (target) return target;
  }
  const match = inputs.documents ? bestHeadingMatch(inputs.alarmName, inputs.documents) : undefined;
  if (match) return { kind: 'file', path: match.path, line: match.heading.line, anchor: match.heading.text, source: 'heading' };
  return undefined;
}
