import * as fs from 'node:fs';
import * as path from 'node:path';
import { DescribeAlarmsCommand, PutCompositeAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { PutQueryDefinitionCommand } from '@aws-sdk/client-cloudwatch-logs';
import { parseQueryFileMetadata } from '../../src/core/insights/metadata';
import type { SandboxClients } from '../awsClients';
import { GOALS_ALERTS_TOPIC, GOALS_PREFIX, PRIMARY_REGION } from '../scenario/constants';
import type { SeededAlarm } from './alarms';

const QUERIES_DIR = path.resolve(__dirname, '..', 'workspace', 'queries');

export const COMPOSITE_ALARM = `${GOALS_PREFIX}-service-degraded`;

/** seed 002's saved queries as CloudWatch Logs query definitions, from the workspace's .insights files. */
async function seedQueryDefinitions(clients: SandboxClients): Promise<string[]> {
  const names: string[] = [];
  for (const file of fs.readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.insights')).sort()) {
    const meta = parseQueryFileMetadata(fs.readFileSync(path.join(QUERIES_DIR, file), 'utf8'));
    const name = meta.name ?? file.replace(/\.insights$/, '');
    await clients.logs(PRIMARY_REGION).send(new PutQueryDefinitionCommand({ name: `ai-video/${name}`, queryString: meta.body, logGroupNames: meta.logGroups }));
    names.push(name);
  }
  return names;
}

/** seed 003's "Service Degraded": any of the goals API's alarms. */
async function seedCompositeAlarm(clients: SandboxClients, alarms: readonly SeededAlarm[]): Promise<void> {
  const children = alarms.filter((a) => a.region === PRIMARY_REGION && a.name.startsWith(`${GOALS_PREFIX}-`)).map((a) => `ALARM("${a.name}")`);
  await clients.cloudWatch(PRIMARY_REGION).send(new PutCompositeAlarmCommand({
    AlarmName: COMPOSITE_ALARM,
    AlarmDescription: 'Service Degraded (Composite): any goals endpoint alarm triggered. Check the specific endpoint alarms.',
    AlarmRule: children.join(' OR '),
    AlarmActions: [GOALS_ALERTS_TOPIC],
  }));
}

/** A few earlier state changes, so alarm history has something to show beyond the current state. */
async function seedHistory(clients: SandboxClients, alarms: readonly SeededAlarm[]): Promise<void> {
  for (const alarm of alarms.filter((a) => a.state === 'ALARM').slice(0, 3)) {
    const cw = clients.cloudWatch(alarm.region);
    const current = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [alarm.name] }))).MetricAlarms?.[0];
    await cw.send(new SetAlarmStateCommand({ AlarmName: alarm.name, StateValue: 'OK', StateReason: 'Threshold Crossed: the datapoints were back within the threshold.' }));
    await cw.send(new SetAlarmStateCommand({ AlarmName: alarm.name, StateValue: 'ALARM', StateReason: current?.StateReason ?? 'Threshold Crossed', StateReasonData: current?.StateReasonData }));
  }
}

/** What only the stand-in answers: query definitions, a composite alarm, alarm history. */
export async function seedStandInData(clients: SandboxClients, alarms: readonly SeededAlarm[]): Promise<{ queryDefinitions: string[]; compositeAlarm: string }> {
  const queryDefinitions = await seedQueryDefinitions(clients);
  await seedHistory(clients, alarms);
  await seedCompositeAlarm(clients, alarms);
  return { queryDefinitions, compositeAlarm: COMPOSITE_ALARM };
}
