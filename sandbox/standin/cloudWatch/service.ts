import type { HandlerContext, HandlerTable, Resettable } from '../handler';
import { Regional } from '../regional';
import { alarmActionsSwitch } from './alarmActions';
import { deleteAlarms, putMetricAlarm, setAlarmState } from './alarmChanges';
import { describeAlarmContributors } from './alarmContributors';
import { describeAlarmHistory } from './alarmHistory';
import { describeAlarms } from './describeAlarms';
import { putLogAlarm } from './logAlarms';
import { getMetricData } from './metricMath/getMetricData';
import { deleteAlarmMuteRule, getAlarmMuteRule, listAlarmMuteRules, putAlarmMuteRule } from './muteRules';
import { putMetricData } from './putMetricData';
import { putCompositeAlarm } from './putCompositeAlarm';
import { queryMetrics, type PromQlHttpAnswer } from './promql';
import { CloudWatchRegion } from './state';
import { listTagsForResource, tagResource, untagResource } from './tags';

/** The CloudWatch operations the stand-in answers (or wraps) instead of moto. */
export class CloudWatchService implements Resettable {
  private readonly regions = new Regional((region) => new CloudWatchRegion(region));

  handlers(): HandlerTable {
    const withState =
      (f: (state: CloudWatchRegion, ctx: HandlerContext) => unknown) =>
      async (ctx: HandlerContext): Promise<unknown> =>
        f(this.regions.get(ctx.region), ctx);
    return {
      DescribeAlarms: withState(describeAlarms),
      DescribeAlarmHistory: withState((state, ctx) => describeAlarmHistory(state.history, ctx)),
      PutCompositeAlarm: withState(putCompositeAlarm),
      PutMetricAlarm: withState(putMetricAlarm),
      PutLogAlarm: withState(putLogAlarm),
      DescribeAlarmContributors: withState(describeAlarmContributors),
      PutAlarmMuteRule: withState(putAlarmMuteRule),
      GetAlarmMuteRule: withState(getAlarmMuteRule),
      ListAlarmMuteRules: withState(listAlarmMuteRules),
      DeleteAlarmMuteRule: withState(deleteAlarmMuteRule),
      SetAlarmState: withState(setAlarmState),
      DeleteAlarms: withState(deleteAlarms),
      EnableAlarmActions: withState(alarmActionsSwitch(true)),
      DisableAlarmActions: withState(alarmActionsSwitch(false)),
      TagResource: withState(tagResource),
      UntagResource: withState(untagResource),
      ListTagsForResource: withState(listTagsForResource),
      GetMetricData: withState(getMetricData),
      PutMetricData: withState(putMetricData),
    };
  }

  /** QueryMetrics, CloudWatch's PromQL API: not an AWS JSON protocol operation, so answered outside the table. */
  queryMetrics(region: string, method: string, url: string, body: Buffer): PromQlHttpAnswer {
    return queryMetrics(this.regions.get(region).metrics, method, url, body);
  }

  /** Drops the alarm listings kept between DescribeAlarms calls: something may have changed an alarm. */
  forgetListings(): void {
    for (const state of this.regions.values()) state.listing = undefined;
  }

  reset(): void {
    this.regions.clear();
  }
}
