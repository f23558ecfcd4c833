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
   * moto's alarm list as read for the first page of a DescribeAlarms listing; the following pages
   * reuse it, so paging through N alarms reads moto once, not N/100 times.
   */
  listing: { readonly at: number; readonly alarms: readonly Input[] } | undefined;

  constructor(readonly region: string) {}
}

export const DEFAULT_ACCOUNT = '123456789012';
