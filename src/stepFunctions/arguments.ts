import type { Execution, StateMachine, StepFunctionsStore } from './store';
import type { SfnNode } from './tree';
import { STATUS_LABEL } from '../core/stepFunctions/model';
import { notifyError, notifyInfo } from '../platform/notify';
import { quoted } from '../core/text/notification';
import { showPick } from '../platform/textSinks';

/** The execution an `ops-lens-execution` document shows. */
export function executionArnOfDocument(arg: unknown): string | undefined {
  const uri = arg as { scheme?: unknown; query?: unknown } | undefined;
  if (!uri || typeof uri !== 'object' || uri.scheme !== 'ops-lens-execution' || typeof uri.query !== 'string') return undefined;
  const arn = new URLSearchParams(uri.query).get('arn');
  return arn?.startsWith('arn:aws') ? arn : undefined;
}

/** A state machine from a tree node, an ARN or a name — or asked for. */
export async function machineFromArgument(store: StepFunctionsStore, arg: unknown, ensureLoaded: () => Promise<unknown>): Promise<StateMachine | undefined> {
  const node = arg as Partial<SfnNode> & { machine?: StateMachine; stateMachineArn?: unknown; execution?: Execution } | undefined;
  if (node?.machine) return node.machine;
  if (!store.loaded) await ensureLoaded();
  const key = typeof arg === 'string' ? arg : typeof node?.stateMachineArn === 'string' ? node.stateMachineArn : node?.execution?.stateMachineArn;
  if (key) {
    const found = store.findMachine(key);
    if (!found) void notifyError(`No state machine "${quoted(key, 120)}" in the selected regions.`);
    return found;
  }
  const machines = store.regions.flatMap((r) => r.machines);
  if (machines.length === 0) {
    void notifyInfo('No state machines are loaded. Check the Step Functions view, or select other regions.');
    return undefined;
  }
  const picked = await showPick(machines.map((m) => ({ label: m.name, description: m.region, detail: m.arn, machine: m })), { title: 'Which state machine?' });
  return picked?.machine;
}

/** An execution ARN from a tree node, an ARN, a loaded execution's name — or asked for. */
export async function executionArnFromArgument(store: StepFunctionsStore, arg: unknown, filter: (e: Execution) => boolean = () => true, title = 'Which execution?'): Promise<string | undefined> {
  const node = arg as { execution?: Execution; executionArn?: unknown } | undefined;
  if (node?.execution) return node.execution.arn;
  if (typeof node?.executionArn === 'string') return node.executionArn;
  if (typeof arg === 'string' && arg.startsWith('arn:')) return arg;
  // An execution document's title bar passes the document.
  const documentArn = executionArnOfDocument(arg);
  if (documentArn) return documentArn;
  if (typeof arg === 'string') {
    const found = store.findExecution(arg);
    if (!found) void notifyError(`No loaded execution named "${quoted(String(arg), 120)}". Expand its state machine in the Step Functions view, or pass the execution ARN.`);
    return found?.arn;
  }
  const loaded = store.regions.flatMap((r) => r.machines).flatMap((m) => store.executionsOf(m.arn)?.executions ?? []).filter(filter);
  if (loaded.length === 0) {
    void notifyInfo('No matching executions are loaded. Expand a state machine in the Step Functions view first.');
    return undefined;
  }
  const picked = await showPick(loaded.map((e) => ({ label: e.name, description: `${STATUS_LABEL[e.status]} · ${e.stateMachineArn.split(':').pop()}`, arn: e.arn })), { title });
  return picked?.arn;
}
