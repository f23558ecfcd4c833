import type { ScopeId } from '../scope';
// What an investigation is made of: parts that arrive one by one, each with its own outcome. The panel's
// protocol (src/webview/investigationProtocol.ts) carries these; the notes are written from them.
import type { AlarmVariant, LogAlarmQuery } from '../alarms/model';
import type { StateTransition, TimeBand } from '../metrics/alarmBands';
import type { ExpectedBand } from '../metrics/anomalyBand';
import type { AwsChange, RepoChange } from './changes';
import type { ErrorSummary } from './errors';
import type { Related } from './related';
import type { InvestigationWindow, Moment } from './window';

export interface AlarmPartData {
  readonly kind: 'alarm';
  readonly name: string;
  readonly region: ScopeId;
  readonly alarmKind: 'metric' | 'composite' | 'log';
  /** Finer than alarmKind: PromQL, anomaly band, multi-series… (absent in notes saved before it existed). */
  readonly variant?: AlarmVariant;
  readonly state: string;
  /** "ExecutionsFailed ≥ 1", the composite rule, a log alarm's "count(*) > 10", the PromQL query. */
  readonly condition: string;
  /** A log alarm's scheduled Logs Insights query: it has no metric, its log groups' errors are read instead. */
  readonly logQuery?: LogAlarmQuery;
  readonly description: string;
  readonly moment: Moment;
  readonly window: InvestigationWindow;
  /** State changes read (oldest first), to pick another moment from. */
  readonly transitions: readonly StateTransition[];
  readonly related: Related;
}

export interface MetricPartData {
  readonly kind: 'metric';
  readonly label: string;
  readonly unit?: string;
  readonly period: number;
  readonly series: readonly { readonly label: string; readonly timestamps: readonly number[]; readonly values: readonly number[] }[];
  readonly threshold?: number;
  readonly comparison?: string;
  readonly bands: readonly TimeBand[];
  /** An anomaly-detection alarm's band: the range the metric is expected in. */
  readonly expectedBand?: ExpectedBand;
}

export interface ChildTimeline {
  readonly name: string;
  readonly state: string;
  /** The child's state over the window: consecutive stretches. */
  readonly stretches: readonly { readonly from: number; readonly to: number; readonly state: string }[];
}

export interface ChildrenPartData {
  readonly kind: 'children';
  readonly children: readonly ChildTimeline[];
}

/** Error messages are sent without their events: the host keeps those and opens them on request. */
export interface LogsPartData {
  readonly kind: 'logs';
  readonly logGroup: string;
  readonly perMinute: ErrorSummary['perMinute'];
  readonly total: number;
  readonly top: readonly { readonly example: string; readonly count: number; readonly first: number; readonly last: number }[];
  /** More events matched than were read. */
  readonly truncated: boolean;
}

export interface ExecutionView {
  readonly name: string;
  readonly arn: string;
  readonly status: string;
  readonly start: number;
  readonly stop?: number;
}

export interface ExecutionsPartData {
  readonly kind: 'executions';
  readonly stateMachineArn: string;
  readonly stateMachine: string;
  readonly executions: readonly ExecutionView[];
  readonly truncated: boolean;
}

export interface HealthChange {
  readonly endpoint: string;
  readonly at: number;
  readonly from: string;
  readonly to: string;
  readonly detail?: string;
}

export interface HealthPartData {
  readonly kind: 'health';
  readonly endpoints: readonly string[];
  readonly changes: readonly HealthChange[];
  /** Since when changes are kept (Ops Lens records them while it runs). */
  readonly recordedSince?: number;
}

export interface RunbookPartData {
  readonly kind: 'runbook';
  /** "docs/MONITORING.md#Step Function Failures", or the URL. */
  readonly target?: string;
  readonly source?: string;
}

/** Changes in the account (CloudTrail) to the alarm and its related resources, newest first. */
export interface ChangesPartData {
  readonly kind: 'changes';
  readonly changes: readonly AwsChange[];
  /** What was looked up, so "no change" says where nobody changed anything. */
  readonly lookedUp: readonly { readonly resource: string; readonly why: string }[];
  /** Lookups that failed (permissions, throttling), each with why; the others still count. */
  readonly failed: readonly { readonly resource: string; readonly error: string }[];
  /** A lookup had more events in the window than one page holds. */
  readonly truncated: boolean;
}

/** Commits of the workspace's repository in the window, newest first. */
export interface CommitsPartData {
  readonly kind: 'commits';
  readonly repository: string;
  readonly commits: readonly RepoChange[];
  /** Why no commit could be read (no repository, Git disabled): nothing failed, there is nothing to read. */
  readonly unavailable?: string;
}

export type PartData = AlarmPartData | MetricPartData | ChildrenPartData | LogsPartData | ExecutionsPartData | HealthPartData | RunbookPartData | ChangesPartData | CommitsPartData;
export type PartKind = PartData['kind'];

export interface PartUpdate {
  /** `alarm`, `metric`, `logs:<group>`, `executions:<arn>`… */
  readonly id: string;
  readonly kind: PartKind;
  readonly label: string;
  readonly status: 'loading' | 'done' | 'failed';
  /** Epoch ms the part arrived or failed. */
  readonly at?: number;
  readonly error?: string;
  readonly data?: PartData;
}

export function partId(kind: PartKind, key?: string): string {
  return key ? `${kind}:${key}` : kind;
}

/** The last word of each part, by id, in arrival order. */
export class PartsSnapshot {
  private readonly parts = new Map<string, PartUpdate>();

  apply(update: PartUpdate): void {
    this.parts.set(update.id, update);
  }

  get all(): PartUpdate[] {
    return [...this.parts.values()];
  }

  data<K extends PartKind>(kind: K): Extract<PartData, { kind: K }>[] {
    return this.all.flatMap((p) => (p.data?.kind === kind ? [p.data as Extract<PartData, { kind: K }>] : []));
  }
}
