import type { ScopeId } from '../core/scope';
import type { DescribeMapRunOutput, StepFunctionsApi } from '../aws/services/stepFunctions';
import { Emitter } from '../core/emitter';
import { inlineMaps, startedExecutions, type InlineMap } from '../core/stepFunctions/executionChildren';
import type { MapRunInfo } from '../core/stepFunctions/mapRunDetails';
import { toExecution, type Execution } from './store';

export interface MapRunSummary extends MapRunInfo {
  readonly region: ScopeId;
}

export interface ExecutionChildren {
  loading: boolean;
  /** What the execution was when they were read (see {@link readKey}): read again once it changes. */
  readFor?: string;
  error?: Error;
  mapRuns: MapRunSummary[];
  /** Executions started by `states:startExecution` tasks. */
  started: Execution[];
  inlineMaps: InlineMap[];
}

export interface MapRunItems {
  loading: boolean;
  readFor?: string;
  error?: Error;
  /** Failed, timed-out and aborted items first. */
  executions: Execution[];
}

/** An execution's children change with its status and redrives, and a running one's at any time (read again after 10 s). */
export function readKey(e: Pick<Execution, 'status' | 'redriveCount' | 'stopDate'>, now = Date.now()): string {
  return `${e.status}:${e.redriveCount ?? 0}:${e.stopDate?.getTime() ?? ''}${e.status === 'RUNNING' ? `:${Math.floor(now / 10_000)}` : ''}`;
}

/** A Map run's items change with its counts and status. */
export function runKey(run: Pick<MapRunSummary, 'status' | 'items' | 'redriveCount'>): string {
  return `${run.status}:${run.redriveCount}:${Object.values(run.items).join(',')}`;
}

/** `arn:aws:states:r:a:mapRun:Machine/Label:id` → `Label`. */
export function mapRunLabel(mapRunArn: string): string {
  const resource = mapRunArn.split(':')[6] ?? '';
  return resource.slice(resource.indexOf('/') + 1) || mapRunArn;
}

export function toMapRun(region: ScopeId, out: DescribeMapRunOutput, mapRunArn: string): MapRunSummary {
  const c = out.itemCounts ?? ({} as NonNullable<DescribeMapRunOutput['itemCounts']>);
  return {
    region,
    mapRunArn,
    executionArn: out.executionArn ?? '',
    label: mapRunLabel(mapRunArn),
    status: out.status ?? 'RUNNING',
    startDate: out.startDate ? new Date(out.startDate) : undefined,
    stopDate: out.stopDate ? new Date(out.stopDate) : undefined,
    items: { pending: c.pending ?? 0, running: c.running ?? 0, succeeded: c.succeeded ?? 0, failed: c.failed ?? 0, timedOut: c.timedOut ?? 0, aborted: c.aborted ?? 0, total: c.total ?? 0 },
    toleratedFailurePercentage: out.toleratedFailurePercentage ?? 0,
    toleratedFailureCount: out.toleratedFailureCount ?? 0,
    maxConcurrency: out.maxConcurrency,
    redriveCount: out.redriveCount ?? 0,
    redriveDate: out.redriveDate ? new Date(out.redriveDate) : undefined,
  };
}

const UNSUCCESSFUL = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);
/** Items read per Map run: its unsuccessful ones first (one page), then one page of all. */
const ITEMS_PAGE = 100;
/** Child executions described at once. */
const STARTED_CAP = 50;

/**
 * What an execution started, read when it is expanded: its distributed Map runs (ListMapRuns, DescribeMapRun),
 * the executions its `states:startExecution` tasks started, and its inline Map states' iterations (from its
 * history); and each Map run's child executions. No `vscode` import.
 */
export class ExecutionChildrenStore {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly children = new Map<string, ExecutionChildren>();
  private readonly items = new Map<string, MapRunItems>();

  constructor(private readonly api: StepFunctionsApi) {}

  childrenOf(executionArn: string): ExecutionChildren | undefined {
    return this.children.get(executionArn);
  }

  itemsOf(mapRunArn: string): MapRunItems | undefined {
    return this.items.get(mapRunArn);
  }

  async loadChildren(execution: Pick<Execution, 'arn' | 'region'> & Partial<Pick<Execution, 'status' | 'redriveCount' | 'stopDate'>>): Promise<void> {
    const entry: ExecutionChildren = this.children.get(execution.arn) ?? { loading: false, mapRuns: [], started: [], inlineMaps: [] };
    entry.loading = true;
    entry.readFor = execution.status ? readKey({ status: execution.status, redriveCount: execution.redriveCount, stopDate: execution.stopDate }) : undefined;
    this.children.set(execution.arn, entry);
    this.changed.fire();
    try {
      const region = execution.region;
      const [runs, events] = await Promise.all([this.api.mapRuns(region, execution.arn), this.api.history(region, execution.arn, { includeData: true })]);
      const described = await Promise.all(runs.map(async (r) => toMapRun(region, await this.api.describeMapRun(region, r.mapRunArn ?? ''), r.mapRunArn ?? '')));
      const started = await Promise.all(startedExecutions(events).slice(0, STARTED_CAP).map(async (s) => {
        const d = await this.api.describeExecution(region, s.executionArn);
        return toExecution(region, { ...d, executionArn: s.executionArn, stateMachineArn: d.stateMachineArn, name: d.name, status: d.status, startDate: d.startDate });
      }));
      Object.assign(entry, { mapRuns: described, started, inlineMaps: inlineMaps(events), error: undefined });
    } catch (err) {
      entry.error = err as Error;
    } finally {
      entry.loading = false;
      this.changed.fire();
    }
  }

  async loadItems(run: Pick<MapRunSummary, 'mapRunArn' | 'region'> & Partial<Pick<MapRunSummary, 'status' | 'items' | 'redriveCount'>>): Promise<void> {
    const entry: MapRunItems = this.items.get(run.mapRunArn) ?? { loading: false, executions: [] };
    entry.loading = true;
    entry.readFor = run.status && run.items ? runKey({ status: run.status, items: run.items, redriveCount: run.redriveCount ?? 0 }) : undefined;
    this.items.set(run.mapRunArn, entry);
    this.changed.fire();
    try {
      const [failed, all] = await Promise.all([
        this.api.mapRunExecutions(run.region, run.mapRunArn, { status: 'FAILED', pageSize: ITEMS_PAGE }),
        this.api.mapRunExecutions(run.region, run.mapRunArn, { pageSize: ITEMS_PAGE }),
      ]);
      const seen = new Set<string>();
      const executions = [...failed.executions, ...all.executions].filter((e) => !seen.has(e.executionArn ?? '') && seen.add(e.executionArn ?? '')).map((e) => toExecution(run.region, e));
      entry.executions = executions.sort((a, b) => Number(UNSUCCESSFUL.has(b.status)) - Number(UNSUCCESSFUL.has(a.status)));
      entry.error = undefined;
    } catch (err) {
      entry.error = err as Error;
    } finally {
      entry.loading = false;
      this.changed.fire();
    }
  }

  /** Forgets what was read, so expanded executions read again (after a refresh, stop or redrive). */
  clear(): void {
    this.children.clear();
    this.items.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
