// A state machine's definition (Amazon States Language) as a graph: states, their edges and the
// clusters that Parallel branches and Map processors form. Definitions come from AWS and are hostile:
// the text, the number of states, edges and labels and the nesting depth are capped, and every
// field is read by type, never trusted.
// https://states-language.net/spec.html · https://docs.aws.amazon.com/step-functions/latest/dg/concepts-statelang.html

import { choiceLabel, shortText } from './graphLabels';

export type QueryLanguage = 'JSONPath' | 'JSONata';
export type EdgeKind = 'next' | 'choice' | 'default' | 'catch' | 'retry';

export interface GraphState {
  /** Unique in the graph (state names may repeat in a hostile definition). */
  readonly id: string;
  readonly kind: 'state';
  /** The name as shown. */
  readonly name: string;
  /** The name as the definition and the execution history spell it. */
  readonly key: string;
  readonly type: string;
  readonly queryLanguage: QueryLanguage;
  /** What the state does in a few words: the task's resource, the wait, the Map's mode. */
  readonly detail: string;
  readonly comment?: string;
  /** Variables the state sets (`Assign`). */
  readonly assigns: readonly string[];
  /** A task that starts another execution (`states:startExecution`). */
  readonly startsExecution: boolean;
  readonly mapMode?: 'INLINE' | 'DISTRIBUTED';
  readonly cluster?: string;
}

/** The start and end markers of the whole machine, and the point where a Parallel or Map state's branches join. */
export interface GraphMarker {
  readonly id: string;
  readonly kind: 'start' | 'end' | 'join';
  readonly name: string;
  readonly cluster?: string;
  /** A join's Parallel or Map state. */
  readonly owner?: string;
}

export type GraphNode = GraphState | GraphMarker;

export interface GraphCluster {
  readonly id: string;
  readonly label: string;
  /** The Parallel or Map state this cluster belongs to. */
  readonly owner: string;
  readonly parent?: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label?: string;
}

export interface StateGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  readonly clusters: GraphCluster[];
  readonly queryLanguage: QueryLanguage;
  readonly comment?: string;
  /** Why part of the definition is not drawn (a cap was reached), when so. */
  readonly truncated?: string;
}

export const GRAPH_LIMITS = {
  definitionChars: 1_048_576,
  states: 1_000,
  edges: 4_000,
  depth: 8,
  choicesPerState: 64,
  catchersPerState: 32,
  branchesPerParallel: 32,
  labelChars: 80,
  assignsPerState: 16,
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export class DefinitionError extends Error {}

/** Parses a definition's text; throws `DefinitionError` for text that is not a definition. */
export function parseDefinition(text: string): Json {
  if (text.length > GRAPH_LIMITS.definitionChars) throw new DefinitionError(`The definition is larger than ${GRAPH_LIMITS.definitionChars} characters.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DefinitionError('The definition is not valid JSON.');
  }
  if (!isObject(parsed) || !isObject(parsed.States)) throw new DefinitionError('The definition has no States.');
  return parsed;
}

/** The resource in a few words: `lambda:invoke`, `states:startExecution.sync:2`, or the function's name. */
export function resourceLabel(resource: string): string {
  const integration = /^arn:aws[\w-]*:states:::(.+)$/.exec(resource);
  if (integration) return shortText(integration[1], GRAPH_LIMITS.labelChars);
  const lambda = /^arn:aws[\w-]*:lambda:[\w-]+:\d+:function:([^:]+)/.exec(resource);
  if (lambda) return shortText(`lambda ${lambda[1]}`, GRAPH_LIMITS.labelChars);
  const activity = /^arn:aws[\w-]*:states:[\w-]+:\d+:activity:(.+)$/.exec(resource);
  if (activity) return shortText(`activity ${activity[1]}`, GRAPH_LIMITS.labelChars);
  return shortText(resource, GRAPH_LIMITS.labelChars);
}

function stateDetail(state: Json, type: string): string {
  switch (type) {
    case 'Task':
      return resourceLabel(str(state.Resource) ?? '');
    case 'Wait': {
      if (typeof state.Seconds === 'number') return `${state.Seconds} s`;
      const until = str(state.Timestamp) ?? str(state.SecondsPath) ?? str(state.TimestampPath) ?? str(state.Seconds);
      return until ? shortText(until, GRAPH_LIMITS.labelChars) : '';
    }
    case 'Fail':
      return shortText(str(state.Error) ?? str(state.ErrorPath) ?? '', GRAPH_LIMITS.labelChars);
    case 'Map':
      return mapMode(state) === 'DISTRIBUTED' ? 'Distributed Map' : 'Inline Map';
    case 'Parallel':
      return `${Math.min(list(state.Branches).length, GRAPH_LIMITS.branchesPerParallel)} branches`;
    default:
      return '';
  }
}

function mapMode(state: Json): 'INLINE' | 'DISTRIBUTED' {
  const processor = isObject(state.ItemProcessor) ? state.ItemProcessor : undefined;
  const config = processor && isObject(processor.ProcessorConfig) ? processor.ProcessorConfig : undefined;
  return config?.Mode === 'DISTRIBUTED' ? 'DISTRIBUTED' : 'INLINE';
}

function assignedNames(assign: unknown): string[] {
  return isObject(assign) ? Object.keys(assign).slice(0, GRAPH_LIMITS.assignsPerState).map((k) => shortText(k, 40)) : [];
}

function startsExecution(state: Json): boolean {
  return state.Type === 'Task' && /^arn:aws[\w-]*:states:::states:startExecution/.test(str(state.Resource) ?? '');
}

/**
 * States inside a distributed Map's processor: they run in the Map run's child executions, so the
 * parent's history never mentions them.
 */
export function inChildExecutions(graph: StateGraph): Set<string> {
  const distributed = new Set(graph.nodes.filter((n) => n.kind === 'state' && n.mapMode === 'DISTRIBUTED').map((n) => n.id));
  const clusters = new Set<string>();
  // Clusters are listed parents first, so one pass finds every descendant.
  for (const c of graph.clusters) if (distributed.has(c.owner) || (c.parent && clusters.has(c.parent))) clusters.add(c.id);
  return new Set(graph.nodes.filter((n) => n.kind === 'state' && n.cluster && clusters.has(n.cluster)).map((n) => n.id));
}

/** Builds the graph. A definition past a cap is drawn up to the cap and says so in `truncated`. */
export function buildGraph(definition: Json): StateGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const clusters: GraphCluster[] = [];
  const states = new Map<string, GraphState>();
  let truncated: string | undefined;
  let stateCount = 0;
  const cut = (why: string) => {
    truncated ??= why;
  };
  const topLanguage: QueryLanguage = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  const addEdge = (edge: GraphEdge) => {
    if (edges.length >= GRAPH_LIMITS.edges) return cut(`Only the first ${GRAPH_LIMITS.edges} edges are drawn.`);
    edges.push(edge);
  };

  /** Adds one scope (the machine, a branch, a Map's processor); returns its entry state and its terminal states' ids. */
  const addScope = (scope: Json, scopeId: string, cluster: string | undefined, depth: number, language: QueryLanguage): { entry?: string; exits: string[] } => {
    const declared = isObject(scope.States) ? scope.States : {};
    const ids = new Map<string, string>();
    const exits: string[] = [];
    const pending: { id: string; state: Json; type: string }[] = [];
    for (const [name, raw] of Object.entries(declared)) {
      if (stateCount >= GRAPH_LIMITS.states) {
        cut(`Only the first ${GRAPH_LIMITS.states} states are drawn.`);
        break;
      }
      if (!isObject(raw)) continue;
      stateCount++;
      const id = `${scopeId}/${ids.size}`;
      ids.set(name, id);
      const type = str(raw.Type) ?? 'Unknown';
      const stateLanguage: QueryLanguage = raw.QueryLanguage === 'JSONata' ? 'JSONata' : raw.QueryLanguage === 'JSONPath' ? 'JSONPath' : language;
      const node: GraphState = {
        id,
        kind: 'state',
        name: shortText(name, GRAPH_LIMITS.labelChars),
        key: name.slice(0, 256),
        type: shortText(type, 20),
        queryLanguage: stateLanguage,
        detail: stateDetail(raw, type),
        ...(str(raw.Comment) ? { comment: shortText(str(raw.Comment)!, 200) } : {}),
        assigns: assignedNames(raw.Assign),
        startsExecution: startsExecution(raw),
        ...(type === 'Map' ? { mapMode: mapMode(raw) } : {}),
        ...(cluster ? { cluster } : {}),
      };
      nodes.push(node);
      states.set(id, node);
      pending.push({ id, state: raw, type });
    }
    const target = (name: unknown) => (typeof name === 'string' ? ids.get(name) : undefined);
    for (const { id, state, type } of pending) {
      let out = id;
      if ((type === 'Parallel' || type === 'Map') && depth < GRAPH_LIMITS.depth) {
        out = addContainer(state, type, states.get(id)!, cluster, depth);
      } else if (type === 'Parallel' || type === 'Map') cut(`States nested deeper than ${GRAPH_LIMITS.depth} levels are not drawn.`);
      if (type === 'Choice') {
        for (const rule of list(state.Choices).slice(0, GRAPH_LIMITS.choicesPerState)) {
          const to = isObject(rule) ? target(rule.Next) : undefined;
          if (to && isObject(rule)) addEdge({ from: id, to, kind: 'choice', label: choiceLabel(rule, GRAPH_LIMITS.labelChars) });
        }
        if (list(state.Choices).length > GRAPH_LIMITS.choicesPerState) cut(`Only the first ${GRAPH_LIMITS.choicesPerState} rules of a Choice are drawn.`);
        const otherwise = target(state.Default);
        if (otherwise) addEdge({ from: id, to: otherwise, kind: 'default', label: 'Default' });
      }
      const next = target(state.Next);
      if (next) addEdge({ from: out, to: next, kind: 'next' });
      if (state.End === true || type === 'Succeed' || type === 'Fail') exits.push(out);
      for (const retrier of list(state.Retry).slice(0, GRAPH_LIMITS.catchersPerState)) {
        if (!isObject(retrier)) continue;
        const attempts = typeof retrier.MaxAttempts === 'number' ? retrier.MaxAttempts : 3;
        addEdge({ from: id, to: id, kind: 'retry', label: shortText(`Retry ×${attempts}: ${errorList(retrier.ErrorEquals)}`, GRAPH_LIMITS.labelChars) });
      }
      for (const catcher of list(state.Catch).slice(0, GRAPH_LIMITS.catchersPerState)) {
        const to = isObject(catcher) ? target(catcher.Next) : undefined;
        if (to && isObject(catcher)) addEdge({ from: out, to, kind: 'catch', label: shortText(`Catch: ${errorList(catcher.ErrorEquals)}`, GRAPH_LIMITS.labelChars) });
      }
    }
    return { entry: target(scope.StartAt), exits };
  };

  /** A Parallel's branches or a Map's processor, each a cluster, joined after; returns the join's id. */
  const addContainer = (state: Json, type: string, owner: GraphState, parent: string | undefined, depth: number): string => {
    const id = owner.id;
    const language = owner.queryLanguage;
    const join = `${id}/join`;
    const scopes: { body: Json; label: string }[] = [];
    if (type === 'Parallel') {
      const branches = list(state.Branches);
      if (branches.length > GRAPH_LIMITS.branchesPerParallel) cut(`Only the first ${GRAPH_LIMITS.branchesPerParallel} branches of a Parallel are drawn.`);
      branches.slice(0, GRAPH_LIMITS.branchesPerParallel).forEach((b, i) => isObject(b) && scopes.push({ body: b, label: `Branch ${i + 1}` }));
    } else {
      const body = isObject(state.ItemProcessor) ? state.ItemProcessor : isObject(state.Iterator) ? state.Iterator : undefined;
      if (body) scopes.push({ body, label: `${owner.name} (${mapMode(state) === 'DISTRIBUTED' ? 'each item, a child execution' : 'each item'})` });
    }
    nodes.push({ id: join, kind: 'join', name: `end of ${owner.name}`, owner: id, ...(parent ? { cluster: parent } : {}) });
    scopes.forEach((scope, i) => {
      const clusterId = `${id}/c${i}`;
      clusters.push({ id: clusterId, label: scope.label, owner: id, ...(parent ? { parent } : {}) });
      const inner = addScope(scope.body, clusterId, clusterId, depth + 1, scope.body.QueryLanguage === 'JSONata' ? 'JSONata' : language);
      if (inner.entry) addEdge({ from: id, to: inner.entry, kind: 'next' });
      for (const exit of inner.exits) addEdge({ from: exit, to: join, kind: 'next' });
    });
    return join;
  };

  nodes.push({ id: 'start', kind: 'start', name: 'Start' });
  const top = addScope(definition, 's', undefined, 0, topLanguage);
  nodes.push({ id: 'end', kind: 'end', name: 'End' });
  if (top.entry) edges.unshift({ from: 'start', to: top.entry, kind: 'next' });
  for (const exit of top.exits) addEdge({ from: exit, to: 'end', kind: 'next' });
  return {
    nodes,
    edges,
    clusters,
    queryLanguage: topLanguage,
    ...(str(definition.Comment) ? { comment: shortText(str(definition.Comment)!, 300) } : {}),
    ...(truncated ? { truncated } : {}),
  };
}

function errorList(errors: unknown): string {
  const names = list(errors).filter((e): e is string => typeof e === 'string');
  return names.length ? names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : '') : 'any error';
}
