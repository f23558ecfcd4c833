import type { ScopeId } from '../core/scope';
// The one definition of what the investigation panel's host (src/investigate/panel.ts) and page
// (src/webview/page/investigation.ts) say to each other. The page imports only types from here.
import type { PartUpdate } from '../core/investigate/model';
import type { AccountBadge } from './protocol';
import type { TimeZone } from '../core/time/zone';

export type { PartUpdate };
export type {
  AlarmPartData, ChangesPartData, ChildrenPartData, CommitsPartData, ExecutionsPartData, HealthPartData, LogsPartData, MetricPartData, PartData, RunbookPartData,
} from '../core/investigate/model';

export const INVESTIGATION_VIEW_TYPE = 'opsLens.investigation';

export interface InvestigationHeader {
  readonly region: ScopeId;
  readonly name: string;
  /** Epoch ms asked for; absent: the latest change into ALARM. */
  readonly at?: number;
  readonly beforeMs: number;
  readonly afterMs: number;
  /** The marked account the alarm is in (opsLens.aws.accounts). */
  readonly account?: AccountBadge;
}

/** Host → page. */
export type InvestigationHostMessage =
  /** A new investigation starts: the page clears and waits for parts. */
  | { readonly type: 'start'; readonly header: InvestigationHeader }
  | { readonly type: 'part'; readonly update: PartUpdate }
  /** Every part has arrived. */
  | { readonly type: 'complete' }
  | { readonly type: 'saved'; readonly ok: boolean; readonly message: string }
  | { readonly type: 'theme' }
  /** opsLens.timeZone changed: times are written again in this zone. */
  | { readonly type: 'timeZone'; readonly zone: TimeZone };

/** Page → host. */
export type InvestigationPageMessage =
  | { readonly type: 'ready' }
  /** Investigate again: another state change (`at`) or other sides of the window (durations such as `30m`). */
  | { readonly type: 'rerun'; readonly at?: number; readonly before: string; readonly after: string }
  | { readonly type: 'openErrors'; readonly logGroup: string; readonly index: number }
  | { readonly type: 'openExecution'; readonly arn: string }
  | { readonly type: 'openRunbook' }
  /** A change's event in the CloudTrail console (the host opens the link it built, found by id). */
  | { readonly type: 'openChange'; readonly eventId: string }
  /** A commit's diff. */
  | { readonly type: 'openCommit'; readonly hash: string }
  | { readonly type: 'goToDefinition' }
  /** A log alarm's query in Logs Insights over the window (it costs money: only on this request). */
  | { readonly type: 'runAlarmQuery' }
  /** The page painted the first part with data, `ms` after its message arrived. */
  | { readonly type: 'painted'; readonly partId: string; readonly ms: number }
  | { readonly type: 'error'; readonly message: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const shortText = (v: unknown, max = 2048): v is string => typeof v === 'string' && v.length <= max;

/** The page's message when it is well formed (the host trusts nothing it did not check). */
export function parseInvestigationMessage(raw: unknown): InvestigationPageMessage | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
    case 'openRunbook':
    case 'goToDefinition':
    case 'runAlarmQuery':
      return { type: raw.type };
    case 'rerun':
      if (!shortText(raw.before, 20) || !shortText(raw.after, 20)) return undefined;
      if (raw.at !== undefined && !(typeof raw.at === 'number' && Number.isFinite(raw.at))) return undefined;
      return { type: 'rerun', before: raw.before, after: raw.after, ...(typeof raw.at === 'number' ? { at: raw.at } : {}) };
    case 'openErrors':
      return shortText(raw.logGroup, 512) && Number.isInteger(raw.index) && (raw.index as number) >= 0 ? { type: 'openErrors', logGroup: raw.logGroup, index: raw.index as number } : undefined;
    case 'openChange':
      return shortText(raw.eventId, 128) ? { type: 'openChange', eventId: raw.eventId } : undefined;
    case 'openCommit':
      return typeof raw.hash === 'string' && /^[0-9a-f]{7,64}$/.test(raw.hash) ? { type: 'openCommit', hash: raw.hash } : undefined;
    case 'openExecution':
      return shortText(raw.arn) ? { type: 'openExecution', arn: raw.arn } : undefined;
    case 'painted':
      return shortText(raw.partId, 600) && typeof raw.ms === 'number' && Number.isFinite(raw.ms) ? { type: 'painted', partId: raw.partId, ms: raw.ms } : undefined;
    case 'error':
      return typeof raw.message === 'string' ? { type: 'error', message: raw.message.slice(0, 2000) } : undefined;
    default:
      return undefined;
  }
}
