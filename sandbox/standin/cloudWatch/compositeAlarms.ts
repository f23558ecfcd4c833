import type { Input } from '../input';
import { epochSeconds, optionalBoolean, optionalNumber, optionalString } from '../input';
import type { AlarmState, RuleNode } from './alarmRule';
import { evaluateAlarmRule, ruleAlarms } from './alarmRule';
import type { AlarmHistory, StateSnapshot } from './alarmHistory';
import { stateOfAlarm } from './metricAlarms';

export interface CompositeAlarm {
  readonly name: string;
  readonly arn: string;
  rule: string;
  parsedRule: RuleNode;
  description?: string;
  actionsEnabled: boolean;
  alarmActions: string[];
  okActions: string[];
  insufficientDataActions: string[];
  actionsSuppressor?: string;
  actionsSuppressorWaitPeriod?: number;
  actionsSuppressorExtensionPeriod?: number;
  configuredAt: number;
  state: StateSnapshot;
  stateUpdatedAt: number;
  stateTransitionedAt: number;
  /** The children's states the current state was derived from; a change triggers re-evaluation. */
  evaluatedFrom?: string;
}

/** Composite alarms of one region; moto has none. */
export class CompositeAlarms {
  private readonly byName = new Map<string, CompositeAlarm>();

  get(name: string): CompositeAlarm | undefined {
    return this.byName.get(name);
  }

  byArn(arn: string): CompositeAlarm | undefined {
    for (const alarm of this.byName.values()) if (alarm.arn === arn) return alarm;
    return undefined;
  }

  set(alarm: CompositeAlarm): void {
    this.byName.set(alarm.name, alarm);
  }

  delete(name: string): boolean {
    return this.byName.delete(name);
  }

  list(): CompositeAlarm[] {
    return [...this.byName.values()];
  }

  clear(): void {
    this.byName.clear();
  }
}

export function compositeAlarmJson(alarm: CompositeAlarm): Record<string, unknown> {
  const json: Record<string, unknown> = {
    AlarmName: alarm.name,
    AlarmArn: alarm.arn,
    AlarmRule: alarm.rule,
    ActionsEnabled: alarm.actionsEnabled,
    AlarmActions: alarm.alarmActions,
    OKActions: alarm.okActions,
    InsufficientDataActions: alarm.insufficientDataActions,
    AlarmConfigurationUpdatedTimestamp: epochSeconds(alarm.configuredAt),
    StateValue: alarm.state.stateValue,
    StateReason: alarm.state.stateReason,
    StateUpdatedTimestamp: epochSeconds(alarm.stateUpdatedAt),
    StateTransitionedTimestamp: epochSeconds(alarm.stateTransitionedAt),
  };
  if (alarm.state.stateReasonData) json.StateReasonData = alarm.state.stateReasonData;
  if (alarm.description !== undefined) json.AlarmDescription = alarm.description;
  if (alarm.actionsSuppressor !== undefined) {
    json.ActionsSuppressor = alarm.actionsSuppressor;
    json.ActionsSuppressorWaitPeriod = alarm.actionsSuppressorWaitPeriod ?? 60;
    json.ActionsSuppressorExtensionPeriod = alarm.actionsSuppressorExtensionPeriod ?? 60;
  }
  return json;
}

export function compositeConfiguration(alarm: CompositeAlarm): Record<string, unknown> {
  return {
    alarmName: alarm.name,
    alarmRule: alarm.rule,
    alarmDescription: alarm.description,
    actionsEnabled: alarm.actionsEnabled,
    alarmActions: alarm.alarmActions,
    okActions: alarm.okActions,
    insufficientDataActions: alarm.insufficientDataActions,
  };
}

/** Applies the members of a PutCompositeAlarm request to a new or existing alarm. */
export function applyCompositeInput(target: CompositeAlarm, input: Input): void {
  target.description = optionalString(input, 'AlarmDescription');
  target.actionsEnabled = optionalBoolean(input, 'ActionsEnabled') ?? true;
  target.alarmActions = stringListOf(input.AlarmActions);
  target.okActions = stringListOf(input.OKActions);
  target.insufficientDataActions = stringListOf(input.InsufficientDataActions);
  target.actionsSuppressor = optionalString(input, 'ActionsSuppressor');
  target.actionsSuppressorWaitPeriod = optionalNumber(input, 'ActionsSuppressorWaitPeriod');
  target.actionsSuppressorExtensionPeriod = optionalNumber(input, 'ActionsSuppressorExtensionPeriod');
}

function stringListOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Re-derives every composite alarm's state from its children's current states (metric alarms from moto,
 * composites from the stand-in, composites of composites until nothing changes). A composite only changes
 * when its children's states changed since it was last derived, so a SetAlarmState on a composite holds
 * until a child moves, as on AWS. Transitions are written to the alarm history.
 */
export function refreshComposites(composites: CompositeAlarms, metricAlarms: readonly Input[], history: AlarmHistory, now = Date.now()): void {
  const states = new Map<string, AlarmState>();
  for (const alarm of metricAlarms) {
    const name = optionalString(alarm, 'AlarmName');
    if (name !== undefined) states.set(name, stateOfAlarm(alarm).stateValue);
  }
  const all = composites.list();
  for (const c of all) states.set(c.name, c.state.stateValue);
  for (let pass = 0; pass <= all.length; pass++) {
    let changed = false;
    for (const composite of all) {
      const children = ruleAlarms(composite.parsedRule);
      const fingerprint = JSON.stringify([composite.rule, children.map((n) => states.get(n) ?? null)]);
      if (fingerprint === composite.evaluatedFrom) continue;
      composite.evaluatedFrom = fingerprint;
      const outcome = evaluateAlarmRule(composite.parsedRule, (name) => states.get(name));
      const next: StateSnapshot = {
        stateValue: outcome.state,
        stateReason: reasonFor(outcome.state, outcome.triggering, states),
        stateReasonData: JSON.stringify({
          triggeringAlarms: outcome.triggering.map((n) => ({ name: n, state: { value: states.get(n) ?? 'INSUFFICIENT_DATA' } })),
        }),
      };
      if (next.stateValue !== composite.state.stateValue) {
        history.recordStateChange(composite.name, 'CompositeAlarm', composite.state, next, now);
        composite.state = next;
        composite.stateUpdatedAt = now;
        composite.stateTransitionedAt = now;
        states.set(composite.name, next.stateValue);
        changed = true;
      } else if (next.stateReason !== composite.state.stateReason) {
        composite.state = next;
        composite.stateUpdatedAt = now;
      }
    }
    if (!changed) break;
  }
}

function reasonFor(state: AlarmState, triggering: readonly string[], states: ReadonlyMap<string, AlarmState>): string {
  const list = triggering.map((n) => `${n} (${states.get(n) ?? 'missing'})`).join(', ');
  switch (state) {
    case 'ALARM':
      return `Alarm rule evaluated to TRUE; triggered by ${list || 'a constant TRUE'}`;
    case 'OK':
      return `Alarm rule evaluated to FALSE${list ? `; decided by ${list}` : ''}`;
    case 'INSUFFICIENT_DATA':
      return `Alarm rule cannot be evaluated; insufficient data from ${list || 'its alarms'}`;
  }
}
