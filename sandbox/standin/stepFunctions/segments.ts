import { randomUUID } from 'node:crypto';
import type { MotoCaller } from '../forward';
import type { Input } from '../input';
import { optionalString } from '../input';
import type { MachineDefinition } from './definition';
import { historyEvents } from './executions';
import { appendEvent, type OwnedExecution } from './state';

/** State machines the stand-in creates in moto to run parts of a definition; hidden from ListStateMachines. */
export const SEGMENT_MACHINE_PREFIX = 'ops-lens-segment-';

const POLL_MS = 50;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface SegmentOutcome {
  readonly status: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  /** The stand-in state the segment stopped in front of; its input is `output`. */
  readonly handoff?: string;
}

/**
 * Runs `definition` in moto from `startAt` with `input` until it ends or reaches one of `handoff` (states
 * the stand-in runs itself, replaced in moto by a Pass state that ends the segment), and appends the
 * segment's history to `execution`'s, without its start and end events.
 */
export async function runSegment(moto: MotoCaller, execution: OwnedExecution, startAt: string, input: string, handoff: ReadonlySet<string>): Promise<SegmentOutcome> {
  const states = Object.fromEntries(Object.entries(execution.definition.States).map(([name, s]) => [name, handoff.has(name) ? { Type: 'Pass', End: true } : s]));
  const definition: MachineDefinition = { ...execution.definition, StartAt: startAt, States: states };
  const machine = await moto.call('CreateStateMachine', { name: `${SEGMENT_MACHINE_PREFIX}${randomUUID()}`, roleArn: execution.roleArn, definition: JSON.stringify(definition) });
  const started = await moto.call('StartExecution', { stateMachineArn: machine.stateMachineArn, name: execution.name.slice(0, 80), input });
  const arn = optionalString(started, 'executionArn') ?? '';
  execution.runningSegment = arn;
  let described: Input;
  for (;;) {
    described = await moto.call('DescribeExecution', { executionArn: arn });
    if (described.status !== 'RUNNING') break;
    await sleep(POLL_MS);
  }
  execution.runningSegment = undefined;
  const events = await historyEvents(moto, arn);
  const status = optionalString(described, 'status') ?? 'FAILED';
  const lastEntered = [...events].reverse().find((e) => typeof e.type === 'string' && e.type.endsWith('StateEntered'));
  const enteredName = optionalString((lastEntered?.stateEnteredEventDetails ?? {}) as Input, 'name');
  const handedOff = status === 'SUCCEEDED' && enteredName !== undefined && handoff.has(enteredName) ? enteredName : undefined;
  copyEvents(execution, events, (e) => e.type !== 'ExecutionStarted' && e.type !== 'ExecutionSucceeded' && !(handedOff && e.id === lastEntered?.id) && !(handedOff && isExitOf(e, handedOff)));
  const succeeded = events.find((e) => e.type === 'ExecutionSucceeded')?.executionSucceededEventDetails as Input | undefined;
  return {
    status,
    // moto's DescribeExecution writes a string result unquoted; the history event holds it as JSON.
    output: optionalString(succeeded ?? {}, 'output') ?? optionalString(described, 'output'),
    error: optionalString(described, 'error'),
    cause: optionalString(described, 'cause'),
    handoff: handedOff,
  };
}

function isExitOf(event: Input, name: string): boolean {
  return typeof event.type === 'string' && event.type.endsWith('StateExited') && optionalString((event.stateExitedEventDetails ?? {}) as Input, 'name') === name;
}

/** Appends moto's events, renumbered after the execution's own, with previousEventId pointing at the renumbered events. */
function copyEvents(execution: OwnedExecution, events: readonly Input[], keep: (e: Input) => boolean): void {
  const base = execution.events.length;
  const renumbered = new Map<number, number>([[0, base]]);
  for (const event of events) {
    const id = Number(event.id);
    const previous = renumbered.get(Number(event.previousEventId)) ?? base;
    if (!keep(event)) {
      renumbered.set(id, previous);
      continue;
    }
    const { id: _id, previousEventId: _previous, timestamp, type, ...details } = event;
    const newId = appendEvent(execution, String(type), details, previous);
    execution.events[newId - 1].timestamp = timestamp;
    renumbered.set(id, newId);
  }
}
