import type { Input } from '../input';
import type { MachineDefinition } from './definition';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/**
 * An execution the stand-in runs (or has taken over from moto for a redrive): it answers
 * DescribeExecution, ListExecutions, GetExecutionHistory and StopExecution for it.
 */
export interface OwnedExecution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly roleArn: string;
  readonly definition: MachineDefinition;
  readonly startDate: number;
  status: ExecutionStatus;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  readonly events: Input[];
  redriveCount: number;
  redriveDate?: number;
  lastClientToken?: string;
  /** The failed Map run a redrive resumes, when it resumes at a distributed Map state. */
  redriveMapRun?: string;
  /** Set for the child executions of a distributed Map run. */
  readonly mapRunArn?: string;
  /** The top-level state that failed (or was running when stopped) and the input it entered with: where a redrive resumes. */
  resumeAt?: { state: string; input: string };
  /** StopExecution asked for this; the run stops at its next step. */
  stopRequested?: { error?: string; cause?: string };
  /** The moto execution running a segment of this execution right now, so StopExecution can reach it. */
  runningSegment?: string;
}

export interface MapRun {
  readonly mapRunArn: string;
  readonly executionArn: string;
  /** The Map state that started the run. */
  readonly stateName: string;
  /** `…:stateMachine:<machine>/<label>`, the state machine ARN the child executions report. */
  readonly stateMachineArn: string;
  readonly startDate: number;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  stopDate?: number;
  maxConcurrency: number;
  toleratedFailureCount: number;
  toleratedFailurePercentage: number;
  totalItems: number;
  /** Items never started because the run had already failed. */
  notStarted: number;
  /** Child execution ARNs, oldest first. */
  readonly children: string[];
  /** The child execution of each item, by item index. */
  readonly childByIndex: Array<string | undefined>;
  redriveCount: number;
  redriveDate?: number;
}

/** What the stand-in keeps for Step Functions in one account and region. */
export class StepFunctionsRegion {
  readonly executions = new Map<string, OwnedExecution>();
  readonly mapRuns = new Map<string, MapRun>();

  execution(arn: string): OwnedExecution | undefined {
    return this.executions.get(arn);
  }

  ofMachine(stateMachineArn: string): OwnedExecution[] {
    return [...this.executions.values()].filter((e) => e.stateMachineArn === stateMachineArn);
  }

  mapRunsOf(executionArn: string): MapRun[] {
    return [...this.mapRuns.values()].filter((r) => r.executionArn === executionArn);
  }
}

/** Appends an event, numbering it after the last one. */
export function appendEvent(execution: OwnedExecution, type: string, details: Record<string, unknown> = {}, previousEventId?: number): number {
  const id = execution.events.length + 1;
  execution.events.push({ timestamp: Date.now() / 1000, type, id, previousEventId: previousEventId ?? id - 1, ...details });
  return id;
}
