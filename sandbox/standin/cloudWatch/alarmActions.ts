import type { HandlerContext } from '../handler';
import { Relay } from '../handler';
import { stringList } from '../input';
import type { CloudWatchRegion } from './state';

/**
 * EnableAlarmActions / DisableAlarmActions: composite and log alarms are switched here, the rest in moto
 * (which, as CloudWatch, passes over names it does not know).
 */
export function alarmActionsSwitch(enabled: boolean) {
  return async (state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> => {
    const names = stringList(ctx.input, 'AlarmNames');
    for (const name of names) {
      const composite = state.composites.get(name);
      if (composite) composite.actionsEnabled = enabled;
      const logAlarm = state.logAlarms.get(name);
      if (logAlarm) logAlarm.config = { ...logAlarm.config, ActionsEnabled: enabled };
    }
    return new Relay(await ctx.moto.send(enabled ? 'EnableAlarmActions' : 'DisableAlarmActions', ctx.rawBody));
  };
}
