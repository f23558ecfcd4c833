// The one definition of what the execution graph panel's host (src/stepFunctions/graphPanel.ts) and
// page (src/webview/page/graph.ts) say to each other. The page imports only types from here.
import type { GraphViewModel } from '../core/stepFunctions/graphView';
import type { AccountBadge } from './protocol';

export type { GraphViewModel };
export type { ViewEdge, ViewNode, StateFacts } from '../core/stepFunctions/graphView';
export type { GraphCluster } from '../core/stepFunctions/graphModel';
export type { StateStatus } from '../core/stepFunctions/graphStatus';

export const GRAPH_VIEW_TYPE = 'opsLens.stepFunctionsGraph';

export interface GraphHeader {
  /** The execution's or the state machine's name. */
  readonly title: string;
  /** One line: the execution's status and times, or the state machine's type. */
  readonly subtitle: string;
  /** Whether an execution's details can be opened (a graph of a definition alone has none). */
  readonly hasExecution: boolean;
  readonly account?: AccountBadge;
}

/** Host → page. */
export type GraphHostMessage =
  | { readonly type: 'graph'; readonly header: GraphHeader; readonly view: GraphViewModel }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'theme' };

/** Page → host. */
export type GraphPageMessage =
  | { readonly type: 'ready' }
  /** Opens the graph of a child execution or a Map run's executions the shown graph links to. */
  | { readonly type: 'open'; readonly arn: string }
  | { readonly type: 'drawn'; readonly states: number; readonly ms: number }
  | { readonly type: 'error'; readonly message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Checks a message from the page (the host trusts nothing it did not check). */
export function parseGraphMessage(raw: unknown): GraphPageMessage | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: raw.type };
    case 'open':
      return typeof raw.arn === 'string' && raw.arn.length <= 2048 ? { type: 'open', arn: raw.arn } : undefined;
    case 'drawn':
      return Number.isInteger(raw.states) && typeof raw.ms === 'number' && Number.isFinite(raw.ms) ? { type: 'drawn', states: raw.states as number, ms: raw.ms } : undefined;
    case 'error':
      return typeof raw.message === 'string' ? { type: 'error', message: raw.message.slice(0, 2000) } : undefined;
    default:
      return undefined;
  }
}
