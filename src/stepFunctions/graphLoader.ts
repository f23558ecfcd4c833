// Reads what the execution graph shows: the definition (the one the execution ran, or the state
// machine's), and for an execution its history with each state's input and output. No vscode here.
import type { StepFunctionsApi } from '../aws/services/stepFunctions';
import { buildGraph, parseDefinition } from '../core/stepFunctions/graphModel';
import { executionPath } from '../core/stepFunctions/graphStatus';
import { graphView, type GraphViewModel } from '../core/stepFunctions/graphView';
import { arnName, executionStatus, STATUS_LABEL } from '../core/stepFunctions/model';
import type { ScopeId } from '../core/scope';
import { shortText } from '../core/stepFunctions/graphLabels';
import { formatDate, type TimeZone } from '../core/time/zone';

export type GraphTarget = { readonly kind: 'execution' | 'machine'; readonly arn: string };

export interface LoadedGraph {
  readonly title: string;
  readonly subtitle: string;
  readonly view: GraphViewModel;
  /** Child executions and Map runs the graph links to: the only ARNs the page may ask to open. */
  readonly links: ReadonlySet<string>;
}

/** Reads the graph; the subtitle's times are written in `zone` (opsLens.timeZone), with its name. */
export async function loadGraph(api: StepFunctionsApi, scope: ScopeId, target: GraphTarget, zone: TimeZone = 'utc'): Promise<LoadedGraph> {
  const at = (d: Date | undefined) => (d ? formatDate(d, zone) : '');
  if (target.kind === 'machine') {
    const machine = await api.describeStateMachine(scope, target.arn);
    const view = graphView(buildGraph(parseDefinition(machine.definition ?? '')));
    return { title: shortText(machine.name ?? arnName(target.arn), 120), subtitle: `${machine.type === 'EXPRESS' ? 'Express' : 'Standard'} state machine · definition only`, view, links: new Set() };
  }
  const [execution, machine, events] = await Promise.all([
    api.describeExecution(scope, target.arn),
    api.stateMachineForExecution(scope, target.arn),
    api.history(scope, target.arn, { includeData: true }),
  ]);
  const path = executionPath(events);
  const view = graphView(buildGraph(parseDefinition(machine.definition ?? '')), path);
  const links = new Set<string>();
  for (const outcome of path.states.values()) for (const arn of [...outcome.mapRunArns, ...outcome.childExecutionArns]) links.add(arn);
  const status = STATUS_LABEL[executionStatus(execution.status)];
  const redrives = execution.redriveCount ? ` · redriven ${execution.redriveCount}×${execution.redriveDate ? `, last ${at(execution.redriveDate)}` : ''}` : '';
  return {
    title: shortText(execution.name ?? arnName(target.arn), 120),
    subtitle: shortText(`${status} · ${machine.name ?? arnName(execution.stateMachineArn ?? '')} · started ${at(execution.startDate)}${execution.stopDate ? ` · stopped ${at(execution.stopDate)}` : ''}${redrives}`, 300),
    view,
    links,
  };
}
