import type { HandlerContext } from '../handler';
import { Relay } from '../handler';
import { optionalString, stringList } from '../input';
import type { AlarmState } from './alarmRule';
import type { StateSnapshot } from './alarmHistory';
import { compositeConfiguration, refreshComposites } from './compositeAlarms';
import { alarmNotFound, invalidParameterValue, validationError } from './errors';
import { logAlarmConfiguration } from './logAlarms';
import { keptMembers, motoRequest } from './metricAlarmExtras';
import { alarmConfiguration, fetchMetricAlarm, fetchMetricAlarms, lowerFirstKeys, stateOfAlarm } from './metricAlarms';
import type { CloudWatchRegion } from './state';

const STATES: ReadonlySet<string> = new Set(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

/**
 * SetAlarmState: forwarded to moto for metric alarms, answered here for composite and log alarms; either way a
 * StateUpdate history item records the transition and composites re-derive their state.
 */
export async function setAlarmState(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const { input } = ctx;
  const name = optionalString(input, 'AlarmName') ?? '';
  const next: StateSnapshot = {
    stateValue: (optionalString(input, 'StateValue') ?? '') as AlarmState,
    stateReason: optionalString(input, 'StateReason') ?? '',
    stateReasonData: optionalString(input, 'StateReasonData'),
  };
  if (next.stateReasonData !== undefined) {
    try {
      JSON.parse(next.stateReasonData);
    } catch {
      throw invalidParameterValue('StateReasonData is not valid JSON.');
    }
  }
  const composite = state.composites.get(name);
  const held = composite ?? state.logAlarms.get(name);
  if (held) {
    if (!STATES.has(next.stateValue)) throw validationError(`1 validation error detected: Value '${next.stateValue}' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]`);
    const now = Date.now();
    if (held.state.stateValue !== next.stateValue) {
      state.history.recordStateChange(name, composite ? 'CompositeAlarm' : 'LogAlarm', held.state, next, now);
      held.stateTransitionedAt = now;
    }
    held.state = next;
    held.stateUpdatedAt = now;
    refreshComposites(state.composites, await fetchMetricAlarms(ctx.moto), state.history, now);
    return {};
  }
  const before = name ? await fetchMetricAlarm(ctx.moto, name) : undefined;
  const response = await ctx.moto.send('SetAlarmState', ctx.rawBody);
  if (response.status < 300 && before) {
    const previous = stateOfAlarm(before);
    if (previous.stateValue !== next.stateValue) state.history.recordStateChange(name, 'MetricAlarm', previous, next);
    await refreshIfAny(state, ctx);
  }
  return new Relay(response);
}

/** PutMetricAlarm: forwarded to moto, then recorded as a ConfigurationUpdate (created or updated). */
export async function putMetricAlarm(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const name = optionalString(ctx.input, 'AlarmName') ?? '';
  if (state.composites.get(name)) throw validationError(`An alarm named ${name} already exists as a composite alarm.`);
  if (state.logAlarms.has(name)) throw validationError(`An alarm named ${name} already exists as a log alarm.`);
  const kept = keptMembers(ctx.input);
  const before = name ? await fetchMetricAlarm(ctx.moto, name) : undefined;
  const body = Object.keys(kept).length === 0 ? ctx.rawBody : Buffer.from(JSON.stringify(motoRequest(ctx.input)), 'utf8');
  const response = await ctx.moto.send('PutMetricAlarm', body);
  if (response.status < 300 && name) {
    if (Object.keys(kept).length > 0) state.metricAlarmExtras.set(name, kept);
    else state.metricAlarmExtras.delete(name);
    const after = await fetchMetricAlarm(ctx.moto, name);
    state.history.recordConfiguration(name, 'MetricAlarm', before ? 'Update' : 'Create', { ...alarmConfiguration(after ?? ctx.input), ...lowerFirstKeys(kept) });
    await refreshIfAny(state, ctx);
  }
  return new Relay(response);
}

/** DeleteAlarms: composite and log alarms are removed here, metric alarms in moto; nothing is deleted when a name is unknown. */
export async function deleteAlarms(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const names = stringList(ctx.input, 'AlarmNames');
  const compositeNames = names.filter((n) => state.composites.get(n));
  const logNames = names.filter((n) => state.logAlarms.has(n));
  const metricNames = names.filter((n) => !state.composites.get(n) && !state.logAlarms.has(n));
  const metricAlarms = await fetchMetricAlarms(ctx.moto);
  const missing = metricNames.filter((n) => !metricAlarms.some((a) => a.AlarmName === n));
  if (missing.length > 0) throw alarmNotFound(`Alarm(s) ${missing.join(', ')} not found`);

  let relay: Relay | undefined;
  if (metricNames.length > 0) {
    const body = metricNames.length === names.length ? ctx.rawBody : Buffer.from(JSON.stringify({ AlarmNames: metricNames }), 'utf8');
    const response = await ctx.moto.send('DeleteAlarms', body);
    if (response.status >= 300) return new Relay(response);
    relay = new Relay(response);
  }
  const now = Date.now();
  for (const name of metricNames) {
    const alarm = metricAlarms.find((a) => a.AlarmName === name);
    if (alarm) state.history.recordConfiguration(name, 'MetricAlarm', 'Delete', alarmConfiguration(alarm), now);
    state.metricAlarmExtras.delete(name);
  }
  const held: { name: string; type: 'LogAlarm' | 'CompositeAlarm'; arn: string; configuration: Record<string, unknown> }[] = [];
  for (const name of logNames) {
    const alarm = state.logAlarms.get(name);
    if (alarm) held.push({ name, type: 'LogAlarm', arn: alarm.arn, configuration: logAlarmConfiguration(alarm) });
  }
  for (const name of compositeNames) {
    const alarm = state.composites.get(name);
    if (alarm) held.push({ name, type: 'CompositeAlarm', arn: alarm.arn, configuration: compositeConfiguration(alarm) });
  }
  for (const { name, type, arn, configuration } of held) {
    if (type === 'LogAlarm') state.logAlarms.delete(name);
    else state.composites.delete(name);
    state.tags.delete(arn);
    state.history.recordConfiguration(name, type, 'Delete', configuration, now);
  }
  const remaining = metricAlarms.filter((a) => !metricNames.includes(String(a.AlarmName)));
  refreshComposites(state.composites, remaining, state.history, now);
  return relay ?? {};
}


/** Re-derives composite states after a change, when the region has composites at all. */
async function refreshIfAny(state: CloudWatchRegion, ctx: HandlerContext): Promise<void> {
  if (state.composites.list().length > 0) refreshComposites(state.composites, await fetchMetricAlarms(ctx.moto), state.history);
}
