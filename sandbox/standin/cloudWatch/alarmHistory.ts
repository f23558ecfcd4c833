import type { HandlerContext } from '../handler';
import { epochSeconds, optionalNumber, optionalString, optionalTimeMs, stringList } from '../input';
import { pageOf, pageSize } from '../paging';
import type { AlarmState } from './alarmRule';
import { invalidNextToken, invalidParameterValue, validationError } from './errors';

export type AlarmType = 'MetricAlarm' | 'CompositeAlarm' | 'LogAlarm';
export type HistoryItemType = 'ConfigurationUpdate' | 'StateUpdate' | 'Action';

export interface HistoryItem {
  readonly alarmName: string;
  readonly alarmType: AlarmType;
  readonly timestamp: number;
  readonly type: HistoryItemType;
  readonly summary: string;
  readonly data: string;
}

export interface StateSnapshot {
  readonly stateValue: AlarmState;
  readonly stateReason: string;
  readonly stateReasonData?: string;
}

/** Alarm history of one region, as DescribeAlarmHistory reports it. */
export class AlarmHistory {
  private readonly items: HistoryItem[] = [];

  recordStateChange(alarmName: string, alarmType: AlarmType, from: StateSnapshot, to: StateSnapshot, at = Date.now()): void {
    const newState: Record<string, unknown> = { stateValue: to.stateValue, stateReason: to.stateReason };
    if (to.stateReasonData) newState.stateReasonData = parseOrText(to.stateReasonData);
    const data = { version: '1.0', oldState: { stateValue: from.stateValue, stateReason: from.stateReason }, newState };
    this.items.push({
      alarmName,
      alarmType,
      timestamp: at,
      type: 'StateUpdate',
      summary: `Alarm updated from ${from.stateValue} to ${to.stateValue}`,
      data: JSON.stringify(data),
    });
  }

  recordConfiguration(alarmName: string, alarmType: AlarmType, change: 'Create' | 'Update' | 'Delete', alarm: Record<string, unknown>, at = Date.now()): void {
    const verb = change === 'Create' ? 'created' : change === 'Update' ? 'updated' : 'deleted';
    const key = change === 'Create' ? 'createdAlarm' : change === 'Update' ? 'updatedAlarm' : 'deletedAlarm';
    this.items.push({
      alarmName,
      alarmType,
      timestamp: at,
      type: 'ConfigurationUpdate',
      summary: `Alarm "${alarmName}" ${verb}`,
      data: JSON.stringify({ version: '1.0', type: change, [key]: alarm }),
    });
  }

  all(): readonly HistoryItem[] {
    return this.items;
  }

  clear(): void {
    this.items.length = 0;
  }
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const ALARM_TYPES: ReadonlySet<string> = new Set(['MetricAlarm', 'CompositeAlarm', 'LogAlarm']);
const ITEM_TYPES: ReadonlySet<string> = new Set(['ConfigurationUpdate', 'StateUpdate', 'Action', 'AlarmContributorStateUpdate', 'AlarmContributorAction']);

/** DescribeAlarmHistory: AlarmName, AlarmTypes (metric alarms only when omitted, as AWS), HistoryItemType, StartDate/EndDate, ScanBy, MaxRecords/NextToken. */
export function describeAlarmHistory(history: AlarmHistory, ctx: HandlerContext): unknown {
  const { input } = ctx;
  const alarmName = optionalString(input, 'AlarmName');
  const types = stringList(input, 'AlarmTypes');
  for (const t of types) if (!ALARM_TYPES.has(t)) throw invalidParameterValue(`The value ${t} for parameter AlarmTypes is not valid.`);
  const alarmTypes = types.length > 0 ? types : ['MetricAlarm'];
  const itemType = optionalString(input, 'HistoryItemType');
  if (itemType !== undefined && !ITEM_TYPES.has(itemType)) throw invalidParameterValue(`The value ${itemType} for parameter HistoryItemType is not valid.`);
  const start = optionalTimeMs(input, 'StartDate');
  const end = optionalTimeMs(input, 'EndDate');
  if (start !== undefined && end !== undefined && start > end) throw invalidParameterValue('The StartDate must be before the EndDate.');
  const scanBy = optionalString(input, 'ScanBy') ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') throw invalidParameterValue(`The value ${scanBy} for parameter ScanBy is not valid.`);
  const size = pageSize(optionalNumber(input, 'MaxRecords'), 100, 100, 'maxRecords', validationError);

  const matching = history
    .all()
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => alarmName === undefined || item.alarmName === alarmName)
    .filter(({ item }) => alarmTypes.includes(item.alarmType))
    .filter(({ item }) => itemType === undefined || item.type === itemType)
    .filter(({ item }) => (start === undefined || item.timestamp >= start) && (end === undefined || item.timestamp <= end))
    .sort((a, b) => (a.item.timestamp - b.item.timestamp || a.index - b.index) * (scanBy === 'TimestampAscending' ? 1 : -1))
    .map(({ item }) => item);
  const page = pageOf(matching, `DescribeAlarmHistory`, optionalString(input, 'NextToken'), size, invalidNextToken);
  const result: Record<string, unknown> = {
    AlarmHistoryItems: page.items.map((item) => ({
      AlarmName: item.alarmName,
      AlarmType: item.alarmType,
      Timestamp: epochSeconds(item.timestamp),
      HistoryItemType: item.type,
      HistorySummary: item.summary,
      HistoryData: item.data,
    })),
  };
  if (page.nextToken) result.NextToken = page.nextToken;
  return result;
}

