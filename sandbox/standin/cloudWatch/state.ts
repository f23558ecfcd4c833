import { AlarmHistory } from './alarmHistory';
import { CompositeAlarms } from './compositeAlarms';

/** What the stand-in keeps for CloudWatch in one region. */
export class CloudWatchRegion {
  readonly composites = new CompositeAlarms();
  readonly history = new AlarmHistory();
  /** Tags of resources moto does not know (composite alarms), by ARN. */
  readonly tags = new Map<string, Map<string, string>>();

  constructor(readonly region: string) {}
}

export const DEFAULT_ACCOUNT = '123456789012';
