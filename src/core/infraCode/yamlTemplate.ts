import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Scalar, type Tags, type YAMLMap } from 'yaml';
import { bracketDepth } from './lines';
import { LIMITS } from './model';

/**
 * CloudFormation's short-form intrinsic functions (`!Ref`, `!Sub`, `!GetAtt` …), each in the node kinds
 * templates write it in. A tagged value is kept as it is and, being tagged, never counts as a literal.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
const INTRINSICS = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'FindInMap', 'If', 'Equals', 'Not', 'And', 'Or', 'Base64', 'Cidr', 'ImportValue', 'GetAZs', 'Condition', 'Transform', 'ToJsonString', 'Length'];

const CLOUDFORMATION_TAGS: Tags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (seq: unknown) => seq },
  { tag: `!${name}`, collection: 'map' as const, resolve: (map: unknown) => map },
]);

export interface ParsedYaml {
  readonly doc: Document.Parsed;
  /** 1-based line of a node's start. */
  line(node: Node | undefined): number;
}

/**
 * Parses YAML or JSON (JSON is YAML 1.2) with CloudFormation's tags, or nothing when the text nests deeper
 * than the cap or the parse fails. The syntax tree is read as it is, never turned into objects, so aliases
 * are not expanded (no alias bomb).
 */
export function parseTemplateText(text: string): ParsedYaml | undefined {
  if (text.length > LIMITS.maxFileBytes || bracketDepth(text) > LIMITS.maxDepth * 4) return undefined;
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { customTags: CLOUDFORMATION_TAGS, lineCounter, uniqueKeys: false, prettyErrors: false, strict: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 && !doc.contents) return undefined;
  return { doc, line: (node) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1) };
}


/** The value under `key` in a map node. */
export function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value === key) return pair.value as Node | undefined;
  }
  return undefined;
}

/** The pairs of a map node with string keys. */
export function entries(node: unknown): [Scalar, Node | undefined][] {
  if (!isMap(node)) return [];
  return (node as YAMLMap).items.filter((p) => isScalar(p.key) && typeof (p.key as Scalar).value === 'string').map((p) => [p.key as Scalar, p.value as Node | undefined]);
}

/**
 * A string the template states plainly: an untagged scalar, or `!Sub` / `Fn::Sub` of a string without
 * `${…}`. Anything computed is not a name Ops Lens can compare.
 */
export function literalString(node: unknown): string | undefined {
  if (isScalar(node)) {
    if (node.tag && node.tag !== '!Sub') return undefined;
    const value = node.value;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || !value) return undefined;
    return node.tag === '!Sub' && value.includes('${') ? undefined : value;
  }
  const sub = get(node, 'Fn::Sub');
  if (sub && isScalar(sub) && typeof sub.value === 'string' && !sub.value.includes('${')) return sub.value;
  return undefined;
}

/** A number stated plainly (templates often quote numbers). */
export function literalNumber(node: unknown): number | undefined {
  if (!isScalar(node) || node.tag) return undefined;
  const value = typeof node.value === 'string' ? node.value.trim() : node.value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

export { isMap, isSeq, isScalar };
