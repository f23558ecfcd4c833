// "Show Execution Graph": on an execution, a state machine, a Map run, or their ARN or name. The
// graph itself (model, panel, page) loads on first use.
import * as vscode from 'vscode';
import { notifyError } from '../platform/notify';
import { quoted } from '../core/text/notification';
import type { ScopeId } from '../core/scope';
import type { Services } from '../services';
import { executionArnFromArgument, machineFromArgument } from './arguments';
import type * as Feature from './graphFeature';
import type { StepFunctionsStore } from './store';

export type GraphArgumentTarget = { readonly kind: 'execution' | 'machine'; readonly arn: string } | { readonly kind: 'mapRun'; readonly arn: string };

/** Which kind of thing an ARN names, when it is one the graph opens. */
export function graphTargetOfArn(arn: string): GraphArgumentTarget | undefined {
  if (!arn.startsWith('arn:') || arn.length > 2048) return undefined;
  const resource = arn.split(':')[5];
  if (resource === 'execution' || resource === 'express') return { kind: 'execution', arn };
  if (resource === 'stateMachine') return { kind: 'machine', arn };
  if (resource === 'mapRun') return { kind: 'mapRun', arn };
  return undefined;
}

interface NodeLike {
  execution?: { arn?: unknown };
  machine?: { arn?: unknown };
  executionArn?: unknown;
  stateMachineArn?: unknown;
  mapRunArn?: unknown;
}

/** A tree node (execution, state machine, Map run), an ARN, a loaded name — or, with nothing, a pick. */
export async function graphTargetFromArgument(store: StepFunctionsStore, arg: unknown, ensureLoaded: () => Promise<unknown>): Promise<GraphArgumentTarget | undefined> {
  const node = (arg && typeof arg === 'object' ? arg : {}) as NodeLike;
  const arnOf = (v: unknown) => (typeof v === 'string' ? graphTargetOfArn(v) : undefined);
  const fromNode = arnOf(node.execution?.arn) ?? arnOf(node.executionArn) ?? arnOf(node.mapRunArn) ?? arnOf(node.machine?.arn) ?? arnOf(node.stateMachineArn);
  if (fromNode) return fromNode;
  if (typeof arg === 'string') {
    const target = graphTargetOfArn(arg);
    if (target) return target;
    if (!arg.startsWith('arn:')) {
      if (!store.loaded) await ensureLoaded();
      const execution = store.findExecution(arg);
      if (execution) return { kind: 'execution', arn: execution.arn };
      const machine = store.findMachine(arg);
      if (machine) return { kind: 'machine', arn: machine.arn };
    }
    void notifyError(`No execution or state machine "${quoted(arg, 120)}" is loaded. Pass its ARN, or expand it in the Step Functions view.`);
    return undefined;
  }
  const loadedExecutions = store.regions.some((r) => r.machines.some((m) => (store.executionsOf(m.arn)?.executions.length ?? 0) > 0));
  if (loadedExecutions) {
    const arn = await executionArnFromArgument(store, undefined, undefined, 'Show the graph of which execution?');
    return arn ? { kind: 'execution', arn } : undefined;
  }
  const machine = await machineFromArgument(store, undefined, ensureLoaded);
  return machine ? { kind: 'machine', arn: machine.arn } : undefined;
}

export function registerGraphCommand(context: vscode.ExtensionContext, services: Services, store: StepFunctionsStore, ensureLoaded: () => Promise<unknown>, scopeOf: (arn: string) => Promise<ScopeId>): vscode.Disposable {
  let feature: Feature.GraphFeature | undefined;
  const load = () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    feature ??= (require('./graphFeature') as typeof Feature).createGraphFeature({
      extensionUri: context.extensionUri, api: services.stepFunctions, scopeOf, log: services.log, marking: (scope) => services.accounts.marking(scope),
    });
    return feature;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('opsLens.stepFunctions.showGraph', async (arg?: unknown) => {
      const target = await graphTargetFromArgument(store, arg, ensureLoaded);
      if (!target) return;
      if (target.kind === 'mapRun') await load().openMapRun(target.arn);
      else await load().show(target);
    }),
    // The graph panel's title bar: shown only while a graph is in front, so the feature is loaded.
    vscode.commands.registerCommand('opsLens.stepFunctions.graph.refresh', () => feature?.refreshActive()),
    vscode.commands.registerCommand('opsLens.stepFunctions.graph.showDetails', () => feature?.showActiveDetails()),
    { dispose: () => feature?.dispose() },
  );
}
