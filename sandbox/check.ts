import { DescribeAlarmHistoryCommand, DescribeAlarmsCommand, GetMetricDataCommand, ListDashboardsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand, DescribeQueryDefinitionsCommand, GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListExecutionsCommand, ListStateMachinesCommand, type ExecutionListItem } from '@aws-sdk/client-sfn';
import { sandboxClients, type SandboxClients } from './awsClients';
import { HEALTH_ENDPOINTS, type HealthEndpointSpec } from './scenario/health';
import { PRIMARY_REGION, SCENARIO_REGIONS } from './scenario/constants';
import type { Sandbox } from './start';
import { COMPOSITE_ALARM } from './seeders/standIn';

export interface CheckResult {
  lines: string[];
  ok: boolean;
}

const CHECK_METRIC_ALARM = 'dev-ecs-service-unhealthy';

/** One real SDK call per service and one request per health endpoint, as summary lines. */
export async function checkSandbox(sandbox: Pick<Sandbox, 'awsEndpoint' | 'healthUrl'>): Promise<CheckResult> {
  const lines: string[] = [];
  let ok = true;
  const step = async (label: string, work: () => Promise<{ text: string; ok: boolean }>) => {
    const t0 = Date.now();
    try {
      const r = await work();
      ok &&= r.ok;
      lines.push(`${r.ok ? 'ok  ' : 'FAIL'} ${label}: ${r.text} (${Date.now() - t0} ms)`);
    } catch (err) {
      ok = false;
      lines.push(`FAIL ${label}: ${err instanceof Error ? err.message : String(err)} (${Date.now() - t0} ms)`);
    }
  };

  const clients = sandboxClients(sandbox.awsEndpoint);
  try {
    for (const region of SCENARIO_REGIONS) await step(`DescribeAlarms ${region}`, () => alarms(clients, region));
    await step('ListStateMachines + ListExecutions', () => executions(clients));
    await step('DescribeLogGroups', () => logGroups(clients));
    await step('ListDashboards', () => dashboards(clients));
    await step(`GetMetricData ${CHECK_METRIC_ALARM}`, () => metricData(clients));
    await step('stand-in: query definitions, composite alarm, alarm history', () => standIn(clients));
    await step('stand-in: Logs Insights "Error Rate by Endpoint"', () => insights(clients));
  } finally {
    clients.destroy();
  }
  for (const endpoint of HEALTH_ENDPOINTS) await step(`GET ${endpoint.request ?? endpoint.path}`, () => health(sandbox.healthUrl, endpoint));
  return { lines, ok };
}

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item) ?? '?', (counts.get(key(item) ?? '?') ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${n} ${k}`).join(', ');
}

async function alarms(clients: SandboxClients, region: string) {
  const out = await clients.cloudWatch(region).send(new DescribeAlarmsCommand({}));
  const list: MetricAlarm[] = out.MetricAlarms ?? [];
  return { text: `${list.length} alarms (${countBy(list, (a) => a.StateValue)})`, ok: list.length > 0 };
}

async function executions(clients: SandboxClients) {
  const sfn = clients.sfn(PRIMARY_REGION);
  const machines = (await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? [];
  const all: ExecutionListItem[] = [];
  for (const m of machines.filter((machine) => machine.type !== 'EXPRESS')) all.push(...((await sfn.send(new ListExecutionsCommand({ stateMachineArn: m.stateMachineArn }))).executions ?? []));
  const statuses = new Set(all.map((e) => e.status));
  return {
    text: `${machines.length} state machine(s), ${all.length} executions (${countBy(all, (e) => e.status)})`,
    ok: ['SUCCEEDED', 'FAILED', 'RUNNING', 'ABORTED'].every((s) => statuses.has(s as ExecutionListItem['status'])),
  };
}

async function logGroups(clients: SandboxClients) {
  const groups = (await clients.logs(PRIMARY_REGION).send(new DescribeLogGroupsCommand({}))).logGroups ?? [];
  const bytes = groups.reduce((n, g) => n + (g.storedBytes ?? 0), 0);
  return { text: `${groups.length} log groups${bytes ? `, ${bytes} bytes` : ''}`, ok: groups.length > 0 };
}

async function dashboards(clients: SandboxClients) {
  const list = (await clients.cloudWatch(PRIMARY_REGION).send(new ListDashboardsCommand({}))).DashboardEntries ?? [];
  return { text: `${list.length} dashboards (${list.map((d) => d.DashboardName).join(', ')})`, ok: list.length > 0 };
}

async function metricData(clients: SandboxClients) {
  const cw = clients.cloudWatch(PRIMARY_REGION);
  const alarm = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [CHECK_METRIC_ALARM] }))).MetricAlarms?.[0];
  if (!alarm) return { text: 'alarm not found', ok: false };
  const end = new Date();
  const out = await cw.send(new GetMetricDataCommand({
    StartTime: new Date(end.getTime() - 3 * 3600_000),
    EndTime: end,
    MetricDataQueries: [{
      Id: 'm',
      MetricStat: { Metric: { Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions }, Period: 60, Stat: alarm.Statistic ?? 'Average' },
    }],
  }));
  const values = out.MetricDataResults?.[0]?.Values ?? [];
  return { text: `${values.length} points over 3 h for ${alarm.Namespace} ${alarm.MetricName}`, ok: values.length > 100 };
}

async function health(baseUrl: string, endpoint: HealthEndpointSpec) {
  const url = `${baseUrl.replace(/\/+$/, '')}${endpoint.request ?? endpoint.path}`;
  const expect = endpoint.expect;
  const timeoutMs = expect.outcome === 'timeout' ? 1000 : (expect.delayMs ?? 0) + 2000;
  const t0 = Date.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    const ms = Date.now() - t0;
    const slowEnough = !expect.delayMs || ms >= expect.delayMs;
    return { text: `${res.status} in ${ms} ms, expected ${expect.status} (${expect.outcome})`, ok: res.status === expect.status && slowEnough };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    if (timedOut) return { text: `no answer within ${timeoutMs} ms, expected ${expect.outcome}`, ok: expect.outcome === 'timeout' };
    throw err;
  }
}

async function standIn(clients: SandboxClients) {
  const cw = clients.cloudWatch(PRIMARY_REGION);
  const definitions = (await clients.logs(PRIMARY_REGION).send(new DescribeQueryDefinitionsCommand({}))).queryDefinitions ?? [];
  const composite = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [COMPOSITE_ALARM], AlarmTypes: ['CompositeAlarm'] }))).CompositeAlarms?.[0];
  const history = (await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: CHECK_METRIC_ALARM, HistoryItemType: 'StateUpdate' }))).AlarmHistoryItems ?? [];
  return {
    text: `${definitions.length} query definitions, composite ${COMPOSITE_ALARM} ${composite?.StateValue ?? 'missing'}, ${history.length} state changes of ${CHECK_METRIC_ALARM}`,
    ok: definitions.length > 0 && composite !== undefined && history.length > 0,
  };
}

async function insights(clients: SandboxClients) {
  const logs = clients.logs(PRIMARY_REGION);
  const now = Math.floor(Date.now() / 1000);
  const { queryId } = await logs.send(new StartQueryCommand({
    logGroupNames: ['/ecs/dev/ai-video-backend'],
    startTime: now - 3 * 3600,
    endTime: now,
    queryString: 'fields @timestamp, @message\n| filter @message like /ERROR/\n| parse @message /(?<method>[A-Z]+)\\s+(?<endpoint>\\/[^\\s]*)/\n| stats count() as error_count by endpoint\n| sort error_count desc',
  }));
  for (let i = 0; i < 40; i++) {
    const out = await logs.send(new GetQueryResultsCommand({ queryId }));
    if (out.status === 'Complete') {
      const top = out.results?.[0]?.map((f) => `${f.field}=${f.value}`).join(' ') ?? 'no rows';
      return { text: `${out.results?.length ?? 0} rows, top ${top}, ${out.statistics?.recordsMatched ?? 0} records matched`, ok: (out.results?.length ?? 0) > 0 };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { text: 'query did not complete in 10 s', ok: false };
}
