import { AlarmHistory } from './alarmHistory';
import { CompositeAlarms } from './compositeAlarms';
import { MetricStore } from './metricStore';
import type { Input } from '../input';

/** What the stand-in keeps for CloudWatch in one region. */
export class CloudWatchRegion {
  readonly composites = new CompositeAlarms();
  readonly history = new AlarmHistory();
  /** Metric data put through the stand-in (moto keeps its own copy). */
  readonly metrics = new MetricStore();
  /** Tags of resources moto does not know (composite alarms), by ARN. */
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
