// The graph as the page draws it: the definition's nodes and edges, each state with what the
// execution did in it (or, for a state machine alone, what it is), each edge taken or not.
import { inChildExecutions, type EdgeKind, type GraphCluster, type QueryLanguage, type StateGraph } from './graphModel';
import { stateSummary, transitionKey, type ExecutionPath, type StateOutcome, type StateStatus } from './graphStatus';

/** What the execution did in a state, as the details show it. */
export type StateFacts = Omit<StateOutcome, 'status' | 'exitedAt'> & { readonly durationMs?: number };

export interface ViewNode {
  readonly id: string;
  readonly kind: 'state' | 'start' | 'end' | 'join';
  readonly name: string;
  readonly type?: string;
  readonly detail?: string;
  readonly comment?: string;
  readonly queryLanguage?: QueryLanguage;
  readonly assigns?: readonly string[];
  readonly startsExecution?: boolean;
  readonly mapMode?: 'INLINE' | 'DISTRIBUTED';
  readonly cluster?: string;
  /** Absent when the graph shows a definition without an execution. */
  readonly status?: StateStatus;
  /** `<state> — <what happened>` (or `<state> — <type> state` without an execution). */
  readonly label: string;
  readonly facts?: StateFacts;
}

export interface ViewEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label?: string;
  readonly taken: boolean;
}

export interface GraphViewModel {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
  readonly clusters: readonly GraphCluster[];
  readonly queryLanguage: QueryLanguage;
  readonly truncated?: string;
  readonly redrives: number;
  readonly withExecution: boolean;
}

/** Combines a definition's graph with what an execution did (or nothing, for the definition alone). */
export function graphView(graph: StateGraph, path?: ExecutionPath): GraphViewModel {
  const nameOf = new Map<string, string>();
  for (const n of graph.nodes) if (n.kind === 'state') nameOf.set(n.id, n.key);
  for (const n of graph.nodes) if (n.kind === 'join' && n.owner) nameOf.set(n.id, nameOf.get(n.owner) ?? '');
  const ran = (id: string) => {
    const name = nameOf.get(id);
    return name !== undefined && !!path?.states.get(name);
  };
  const taken = (from: string, to: string, kind: EdgeKind): boolean => {
    if (!path) return false;
    const a = from === 'start' ? '' : nameOf.get(from);
    if (kind === 'retry') return (path.states.get(a ?? '')?.retries ?? 0) > 0;
    if (to === 'end' || to.endsWith('/join')) {
      const status = path.states.get(a ?? '')?.status;
      return status !== undefined && status !== 'running' && status !== 'stopped' && (to === 'end' || ran(to));
    }
    const b = nameOf.get(to);
    return a !== undefined && b !== undefined && path.transitions.has(transitionKey(a, b));
  };
  const elsewhere = path ? inChildExecutions(graph) : new Set<string>();
  const nodes: ViewNode[] = graph.nodes.map((n) => {
    if (n.kind !== 'state') return { id: n.id, kind: n.kind, name: n.name, label: n.name, ...(n.cluster ? { cluster: n.cluster } : {}) };
    const outcome = path?.states.get(n.key);
    const base = {
      id: n.id, kind: n.kind, name: n.name, type: n.type, detail: n.detail, queryLanguage: n.queryLanguage, assigns: n.assigns, startsExecution: n.startsExecution,
      ...(n.comment ? { comment: n.comment } : {}), ...(n.mapMode ? { mapMode: n.mapMode } : {}), ...(n.cluster ? { cluster: n.cluster } : {}),
    };
    if (!path) return { ...base, label: `${n.name} — ${n.type} state${n.detail ? `, ${n.detail}` : ''}` };
    if (elsewhere.has(n.id)) return { ...base, label: `${n.name} — runs in the Map run's child executions` };
    return {
      ...base,
      status: outcome?.status ?? 'notReached',
      label: stateSummary(n.name, outcome),
      ...(outcome ? {
        facts: {
          runs: outcome.runs, retries: outcome.retries, redriven: outcome.redriven, mapRunArns: outcome.mapRunArns, childExecutionArns: outcome.childExecutionArns,
          ...(outcome.enteredAt !== undefined ? { enteredAt: outcome.enteredAt } : {}),
          ...(outcome.enteredAt !== undefined && outcome.exitedAt !== undefined ? { durationMs: Math.max(0, outcome.exitedAt - outcome.enteredAt) } : {}),
          ...(outcome.input !== undefined ? { input: outcome.input } : {}),
          ...(outcome.output !== undefined ? { output: outcome.output } : {}),
          ...(outcome.error !== undefined ? { error: outcome.error } : {}),
          ...(outcome.cause !== undefined ? { cause: outcome.cause } : {}),
          ...(outcome.iterations ? { iterations: outcome.iterations } : {}),
        },
      } : {}),
    };
  });
  return {
    nodes,
    edges: graph.edges.map((e) => ({ ...e, taken: taken(e.from, e.to, e.kind) })),
    clusters: graph.clusters,
    queryLanguage: graph.queryLanguage,
    ...(graph.truncated ? { truncated: graph.truncated } : {}),
    redrives: path?.redrives ?? 0,
    withExecution: !!path,
  };
}
