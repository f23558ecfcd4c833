import type { Json } from './paths';

/** A state of an Amazon States Language definition, as far as the stand-in reads it. */
export type StateDefinition = Record<string, unknown> & { Type?: string; Next?: string; End?: boolean; Resource?: string };

export interface MachineDefinition {
  readonly StartAt: string;
  readonly States: Record<string, StateDefinition>;
  readonly QueryLanguage?: string;
  readonly [key: string]: unknown;
}

const START_EXECUTION = /^arn:aws[a-z-]*:states:::states:startExecution(\.sync(:2)?)?$/;
const LAMBDA_INVOKE = /^arn:aws[a-z-]*:states:::lambda:invoke$/;
const LAMBDA_FUNCTION = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;

export function parseDefinition(text: string): MachineDefinition | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const d = parsed as MachineDefinition;
    return typeof d.StartAt === 'string' && typeof d.States === 'object' && d.States !== null ? d : undefined;
  } catch {
    return undefined;
  }
}

export function isDistributedMap(state: StateDefinition): boolean {
  if (state.Type !== 'Map') return false;
  const processor = state.ItemProcessor as { ProcessorConfig?: { Mode?: string } } | undefined;
  return processor?.ProcessorConfig?.Mode === 'DISTRIBUTED';
}

/** `startExecution`, `startExecution.sync` or `startExecution.sync:2` for a child-execution task. */
export function childExecutionResource(state: StateDefinition): string | undefined {
  if (state.Type !== 'Task' || typeof state.Resource !== 'string') return undefined;
  return START_EXECUTION.test(state.Resource) ? state.Resource.slice(state.Resource.lastIndexOf(':::states:') + ':::states:'.length) : undefined;
}

/** A task that invokes a Lambda function: the `lambda:invoke` integration or a function ARN. */
export function isLambdaTask(state: StateDefinition): boolean {
  return state.Type === 'Task' && typeof state.Resource === 'string' && (LAMBDA_INVOKE.test(state.Resource) || LAMBDA_FUNCTION.test(state.Resource));
}

/** The top-level states the stand-in runs itself rather than moto. */
export function standInStates(definition: MachineDefinition): Set<string> {
  const names = new Set<string>();
  for (const [name, state] of Object.entries(definition.States)) {
    if (isDistributedMap(state) || childExecutionResource(state) !== undefined || isLambdaTask(state)) names.add(name);
  }
  return names;
}

/** The definition a distributed Map's child executions run. */
export function itemProcessorDefinition(state: StateDefinition, parent: MachineDefinition): MachineDefinition | undefined {
  const processor = (state.ItemProcessor ?? state.Iterator) as { StartAt?: unknown; States?: unknown } | undefined;
  if (!processor || typeof processor.StartAt !== 'string' || typeof processor.States !== 'object' || processor.States === null) return undefined;
  return { StartAt: processor.StartAt, States: processor.States as Record<string, StateDefinition>, ...(parent.QueryLanguage ? { QueryLanguage: parent.QueryLanguage } : {}) };
}

/** The first Catch clause of a state that handles the error, if any. */
export function catcherFor(state: StateDefinition, error: string): { Next: string; ResultPath?: string | null } | undefined {
  const catchers = Array.isArray(state.Catch) ? (state.Catch as Array<Record<string, Json>>) : [];
  for (const c of catchers) {
    const errors = Array.isArray(c.ErrorEquals) ? c.ErrorEquals : [];
    if (typeof c.Next === 'string' && (errors.includes(error) || errors.includes('States.ALL') || (errors.includes('States.TaskFailed') && error !== 'States.Runtime'))) {
      return { Next: c.Next, ResultPath: c.ResultPath === null ? null : typeof c.ResultPath === 'string' ? c.ResultPath : undefined };
    }
  }
  return undefined;
}
