import type { TemplateResource } from './cloudFormation';
import { bracketDepth, lineIndex } from './lines';
import { LIMITS } from './model';

/**
 * A JSON template through the runtime's own JSON parser (synthesized templates run to hundreds of KB), with
 * each resource's line found by one forward search for its key after `"Resources"`: keys of an object come
 * in the order the text has them.
 */
export function jsonResources(text: string): { resources: TemplateResource[]; sam: boolean } | undefined {
  let root: unknown;
  try {
    if (text.length > LIMITS.maxFileBytes || bracketDepth(text) > LIMITS.maxDepth * 4) return undefined;
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(root) || !isObject(root.Resources)) return undefined;
  const lineOf = lineIndex(text);
  let at = text.indexOf('"Resources"');
  const resources: TemplateResource[] = [];
  for (const [id, resource] of Object.entries(root.Resources)) {
    const key = findKey(text, id, at);
    if (key >= 0) at = key + id.length;
    resources.push({ id, line: key >= 0 ? lineOf(key) : 1, literal: (path) => literalAt(resource, path) });
  }
  const transform = root.Transform;
  const sam = transform === 'AWS::Serverless-2016-10-31' || (Array.isArray(transform) && transform.includes('AWS::Serverless-2016-10-31'));
  return { resources, sam };
}

/** The offset of `"id"` used as a key (followed by a colon) at or after `from`. */
function findKey(text: string, id: string, from: number): number {
  const quoted = JSON.stringify(id);
  for (let i = text.indexOf(quoted, from); i >= 0; i = text.indexOf(quoted, i + quoted.length)) {
    let j = i + quoted.length;
    while (j < text.length && (text[j] === ' ' || text[j] === '\n' || text[j] === '\r' || text[j] === '\t')) j++;
    if (text[j] === ':') return i;
  }
  return -1;
}

function literalAt(value: unknown, path: readonly string[]): string | number | undefined {
  let node = value;
  for (const step of path) node = isObject(node) ? node[step] : undefined;
  if (typeof node === 'number') return Number.isFinite(node) ? node : undefined;
  if (typeof node === 'string') return /^-?\d+(\.\d+)?$/.test(node.trim()) ? Number(node) : node || undefined;
  const sub = isObject(node) ? node['Fn::Sub'] : undefined;
  return typeof sub === 'string' && sub && !sub.includes('${') ? sub : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
