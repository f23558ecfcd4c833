import { AlarmHistory } from './alarmHistory';
import { CompositeAlarms } from './compositeAlarms';
import type { LogAlarm } from './logAlarms';
import { MetricStore } from './metricStore';
import type { MuteRule } from './muteRules';
import type { Input } from '../input';

/** What the stand-in keeps for CloudWatch in one region. */
export class CloudWatchRegion {
  readonly composites = new CompositeAlarms();
  readonly history = new AlarmHistory();
  /** Metric data put through the stand-in (moto keeps its own copy). */
  readonly metrics = new MetricStore();
  /** Log alarms; moto has none. */
  readonly logAlarms = new Map<string, LogAlarm>();
  /** Alarm mute rules, by name. */
  readonly muteRules = new Map<string, MuteRule>();
  /** PutMetricAlarm members moto drops (PromQL criteria, evaluation window, warm-up, action configuration), by alarm name. */
  readonly metricAlarmExtras = new Map<string, Record<string, unknown>>();
  /** When each contributor of a multi-series alarm was first seen in ALARM, by alarm name and contributor id. */
  readonly contributorsInAlarmSince = new Map<string, number>();
  /** Tags of resources moto does not know (composite and log alarms, mute rules), by ARN. */
  readonly tags = new Map<string, Map<string, string>>();
  /**
   * moto's alarm list as last read by DescribeAlarms, kept until a request that may change an alarm
   * passes through the stand-in (or a minute passes): paging through N alarms, or listing them again
   * unchanged, reads moto once.
   */
  listing: { readonly at: number; readonly alarms: readonly Input[] } | undefined;

  constructor(readonly region: string) {}
}

export const DEFAULT_ACCOUNT = '123456789012';
