// The execution graph in a few lines, for the agent tools: the path taken, where it failed, what
// was caught or retried, what was not reached, and the Map runs and child executions started.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { buildGraph, inChildExecutions, parseDefinition, type GraphState } from './graphModel';
import { shortText } from './graphLabels';
import { executionPath, STATUS_WORDS } from './graphStatus';

const MAX_PATH = 40;
const MAX_LISTED = 10;
const MAX_LINKS = 5;

function listed(names: readonly string[], max: number): string {
  return names.slice(0, max).join(', ') + (names.length > max ? `, … (${names.length - max} more)` : '');
}

/** Lines describing what the execution did on its graph; a definition that cannot be read says so. */
export function describeGraphPath(definition: string, events: readonly HistoryEvent[]): string[] {
  let states: GraphState[];
  try {
    const graph = buildGraph(parseDefinition(definition));
    const elsewhere = inChildExecutions(graph);
    states = graph.nodes.filter((n): n is GraphState => n.kind === 'state' && !elsewhere.has(n.id));
  } catch (err) {
    return [`Graph: the definition could not be read (${err instanceof Error ? err.message : String(err)}).`];
  }
  const path = executionPath(events);
  const name = (key: string) => shortText(key, 80);
  const lines: string[] = [];
  const order = path.order.map(name);
  lines.push(`Path taken (${order.length} of ${states.length} states): ${order.slice(0, MAX_PATH).join(' → ')}${order.length > MAX_PATH ? ' → …' : ''}`);
  const by = (status: string) => [...path.states.entries()].filter(([, o]) => o.status === status);
  for (const [key, o] of by('failed')) lines.push(`Failed in: ${name(key)}${o.error ? ` (${o.error})` : ''}${o.retries ? ` after ${o.retries} ${o.retries === 1 ? 'retry' : 'retries'}` : ''}`);
  const caught = by('caught').map(([key, o]) => `${name(key)}${o.error ? ` (${o.error})` : ''}`);
  if (caught.length) lines.push(`Failed and caught: ${listed(caught, MAX_LISTED)}`);
  const retried = [...path.states.entries()].filter(([, o]) => o.retries > 0 && o.status !== 'failed').map(([key, o]) => `${name(key)} ×${o.retries}`);
  if (retried.length) lines.push(`Retried: ${listed(retried, MAX_LISTED)}`);
  const running = by('running').map(([key]) => name(key));
  if (running.length) lines.push(`${STATUS_WORDS.running[0].toUpperCase()}${STATUS_WORDS.running.slice(1)}: ${listed(running, MAX_LISTED)}`);
  const notReached = states.filter((s) => !path.states.has(s.key)).map((s) => s.name);
  if (notReached.length) lines.push(`Not reached (${notReached.length}): ${listed(notReached, MAX_LISTED)}`);
  if (path.redrives) lines.push(`Redriven ${path.redrives}×: each state's latest run counts.`);
  const mapRuns = [...path.states.values()].flatMap((o) => o.mapRunArns);
  if (mapRuns.length) lines.push(`Map runs: ${listed(mapRuns, MAX_LINKS)}`);
  const children = [...path.states.values()].flatMap((o) => o.childExecutionArns);
  if (children.length) lines.push(`Child executions: ${listed(children, MAX_LINKS)}`);
  return lines;
}
