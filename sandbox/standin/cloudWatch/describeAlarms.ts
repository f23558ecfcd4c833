import type { HandlerContext } from '../handler';
import type { Input } from '../input';
import { optionalNumber, optionalString, stringList } from '../input';
import { pageOf, pageSize } from '../paging';
import { ruleAlarms } from './alarmRule';
import { compositeAlarmJson, refreshComposites, type CompositeAlarm } from './compositeAlarms';
import { invalidNextToken, invalidParameterCombination, invalidParameterValue, validationError } from './errors';
import { logAlarmJson } from './logAlarms';
import { withKeptMembers } from './metricAlarmExtras';
import { fetchMetricAlarms } from './metricAlarms';
import type { CloudWatchRegion } from './state';

const STATES: ReadonlySet<string> = new Set(['OK', 'ALARM', 'INSUFFICIENT_DATA']);
const TYPES: ReadonlySet<string> = new Set(['MetricAlarm', 'CompositeAlarm', 'LogAlarm']);
const LISTING_TTL_MS = 60_000;

interface Listed {
  readonly type: 'MetricAlarm' | 'CompositeAlarm' | 'LogAlarm';
  readonly json: Record<string, unknown>;
}

/**
 * DescribeAlarms over moto's metric alarms and the stand-in's composite and log alarms: every filter combined
 * (AlarmNames, AlarmNamePrefix, StateValue, ActionPrefix, AlarmTypes — metric alarms only when omitted,
 * as AWS — ChildrenOfAlarmName, ParentsOfAlarmName), sorted by name, paged by MaxRecords (default 50,
 * at most 100) over metric alarms first, then composites, then log alarms.
 */
export async function describeAlarms(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const { input } = ctx;
  const names = stringList(input, 'AlarmNames');
  const prefix = optionalString(input, 'AlarmNamePrefix');
  const stateValue = optionalString(input, 'StateValue');
  const actionPrefix = optionalString(input, 'ActionPrefix');
  const childrenOf = optionalString(input, 'ChildrenOfAlarmName');
  const parentsOf = optionalString(input, 'ParentsOfAlarmName');
  const typesGiven = stringList(input, 'AlarmTypes');
  const size = pageSize(optionalNumber(input, 'MaxRecords'), 50, 100, 'maxRecords', validationError);

  if (names.length > 0 && prefix !== undefined) throw invalidParameterCombination('AlarmNames and AlarmNamePrefix cannot be specified together.');
  const others = names.length > 0 || prefix !== undefined || stateValue !== undefined || actionPrefix !== undefined || typesGiven.length > 0;
  if ((childrenOf !== undefined || parentsOf !== undefined) && (others || (childrenOf !== undefined && parentsOf !== undefined))) {
    throw invalidParameterCombination('ChildrenOfAlarmName and ParentsOfAlarmName cannot be combined with other filters.');
  }
  if (stateValue !== undefined && !STATES.has(stateValue)) throw invalidParameterValue(`The value ${stateValue} for parameter StateValue is not valid.`);
  for (const t of typesGiven) if (!TYPES.has(t)) throw invalidParameterValue(`The value ${t} for parameter AlarmTypes is not valid.`);

  const token = optionalString(input, 'NextToken');
  const kept = state.listing && Date.now() - state.listing.at < LISTING_TTL_MS ? state.listing : undefined;
  const metricAlarms = kept ? kept.alarms : await fetchMetricAlarms(ctx.moto);
  if (!kept) state.listing = { at: Date.now(), alarms: metricAlarms };
  refreshComposites(state.composites, metricAlarms, state.history);
  const composites = state.composites.list();
  const all = everything(state, metricAlarms, composites);

  let listed: Listed[];
  if (childrenOf !== undefined) {
    const parent = state.composites.get(childrenOf);
    const children = new Set(parent ? ruleAlarms(parent.parsedRule) : []);
    listed = all.filter((a) => children.has(nameOf(a)));
  } else if (parentsOf !== undefined) {
    listed = composites.filter((c) => ruleAlarms(c.parsedRule).includes(parentsOf)).map(compositeListed);
  } else {
    const types = typesGiven.length > 0 ? typesGiven : ['MetricAlarm'];
    listed = all.filter(
      (a) =>
        types.includes(a.type) &&
        (names.length === 0 || names.includes(nameOf(a))) &&
        (prefix === undefined || nameOf(a).startsWith(prefix)) &&
        (stateValue === undefined || a.json.StateValue === stateValue) &&
        (actionPrefix === undefined || actionsOf(a.json).some((action) => action.startsWith(actionPrefix))),
    );
  }

  const page = pageOf(listed, 'DescribeAlarms', token, size, invalidNextToken);
  const result: Record<string, unknown> = {
    MetricAlarms: page.items.filter((a) => a.type === 'MetricAlarm').map((a) => a.json),
    CompositeAlarms: page.items.filter((a) => a.type === 'CompositeAlarm').map((a) => a.json),
    LogAlarms: page.items.filter((a) => a.type === 'LogAlarm').map((a) => a.json),
  };
  if (page.nextToken) result.NextToken = page.nextToken;
  return result;
}

function everything(state: CloudWatchRegion, metricAlarms: readonly Input[], composites: readonly CompositeAlarm[]): Listed[] {
  const metrics: Listed[] = metricAlarms.map((json) => ({ type: 'MetricAlarm', json: withKeptMembers(json, state.metricAlarmExtras.get(String(json.AlarmName))) }));
  const logs: Listed[] = [...state.logAlarms.values()].map((alarm) => ({ type: 'LogAlarm', json: logAlarmJson(alarm) }));
  return [...metrics.sort(byName), ...composites.map(compositeListed).sort(byName), ...logs.sort(byName)];
}

function compositeListed(c: CompositeAlarm): Listed {
  return { type: 'CompositeAlarm', json: compositeAlarmJson(c) };
}

function nameOf(a: Listed): string {
  return typeof a.json.AlarmName === 'string' ? a.json.AlarmName : '';
}

function byName(a: Listed, b: Listed): number {
  const x = nameOf(a);
  const y = nameOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function actionsOf(json: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['AlarmActions', 'OKActions', 'InsufficientDataActions']) {
    const list = json[key];
    if (Array.isArray(list)) out.push(...list.filter((v): v is string => typeof v === 'string'));
  }
  return out;
}
