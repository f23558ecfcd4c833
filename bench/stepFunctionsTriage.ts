import type { ExecutionListItem, HistoryEvent, StepFunctionsApi } from '../src/aws/services/stepFunctions';
import { asScopeId } from '../src/core/scope';
import { groupFailures } from '../src/core/stepFunctions/triage';
import { formatTriageReport } from '../src/core/stepFunctions/triageReport';
import { readFailures } from '../src/stepFunctions/triageRead';
import { median, report } from './report';

const EXECUTIONS = 10_000;
const RUNS = 5;
const NOW = Date.UTC(2026, 11, 7, 12);
const STATES = ['GenerateImages', 'ProcessImages', 'LabelImages', 'ResizeImages', 'RecordBatchCost', 'AwaitModeration', 'ValidateBatch'];

/** A seam whose every answer is already in memory: what is measured is Ops Lens's own work once the pages arrive. */
function answeredSeam(): StepFunctionsApi {
  const byStatus = new Map<string, ExecutionListItem[]>();
  for (let i = 0; i < EXECUTIONS; i++) {
    const status = i % 10 === 0 ? 'TIMED_OUT' : i % 17 === 0 ? 'ABORTED' : 'FAILED';
    const list = byStatus.get(status) ?? [];
    list.push({ executionArn: `arn:aws:states:us-east-1:123456789012:execution:Batch:run-${i}`, stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Batch', name: `run-${i}`, status, startDate: new Date(NOW - i * 8_000 - 60_000), stopDate: new Date(NOW - i * 8_000), redriveCount: i % 23 === 0 ? 1 : 0 });
    byStatus.set(status, list);
  }
  const tails = new Map<string, HistoryEvent[]>();
  for (const list of byStatus.values()) {
    for (const e of list) {
      const i = Number(e.name?.slice(4));
      tails.set(e.executionArn ?? '', [
        { id: 9, type: 'ExecutionFailed', timestamp: e.stopDate, executionFailedEventDetails: { error: `Batch.Error${i % 5}`, cause: `{"errorMessage": "image ${i % 3} could not be processed", "errorType": "Batch.Error${i % 5}"}` } },
        { id: 8, type: 'TaskFailed', timestamp: e.stopDate },
        { id: 7, type: 'TaskStateEntered', timestamp: e.startDate, stateEnteredEventDetails: { name: STATES[i % STATES.length] } },
      ] as HistoryEvent[]);
    }
  }
  const seam: Partial<StepFunctionsApi> = {
    executions: async (_scope, _arn, options) => {
      const list = byStatus.get(options.status ?? '') ?? [];
      const from = Number(options.nextToken ?? 0);
      const to = from + (options.pageSize ?? 1000);
      return { executions: list.slice(from, to), nextToken: to < list.length ? String(to) : undefined };
    },
    historyTail: async (_scope, arn) => tails.get(arn) ?? [],
  };
  return seam as StepFunctionsApi;
}

/** Triage of 10,000 failed executions: listing pages, reading each history's end, grouping and writing the document. */
export async function benchStepFunctionsTriage(): Promise<void> {
  const api = answeredSeam();
  const window = { start: new Date(NOW - 14 * 86_400_000), end: new Date(NOW) };
  const times: number[] = [];
  let groups = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const read = await readFailures(api, asScopeId('us-east-1'), 'arn:aws:states:us-east-1:123456789012:stateMachine:Batch', window);
    const grouped = groupFailures(read.failures);
    formatTriageReport({ machineName: 'Batch', machineType: 'STANDARD', rangeLabel: 'the last 14 days', groups: grouped, truncated: read.truncated, zone: 'utc', now: new Date(NOW) });
    times.push(performance.now() - started);
    if (read.failures.length !== EXECUTIONS) throw new Error(`triage read ${read.failures.length} of ${EXECUTIONS} executions`);
    groups = grouped.length;
  }
  report('step functions: triage of 10,000 executions after the pages arrive', median(times), 'ms', 200, `${groups} groups`);
}
