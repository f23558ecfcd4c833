// The agent tools against the seeded sandbox: each read-only tool's answer time against the time of the
// AWS calls it makes (the same calls made directly through the seams), and the size of every answer.
import { AwsSession } from '../src/aws/session';
import { SdkCloudWatch } from '../src/aws/services/cloudWatch';
import { SdkLogs } from '../src/aws/services/logs';
import { SdkMetrics } from '../src/aws/services/metrics';
import { SdkStepFunctions } from '../src/aws/services/stepFunctions';
import { collect } from '../src/aws/paging';
import { AGENT_TOOLS, invokeAgentTool, type ToolContext, type ToolInput } from '../src/agent/tools';
import { ERROR_FILTER_PATTERN } from '../src/core/investigate/errors';
import { EVENTS_PER_GROUP, gatherInvestigation, type GatherDeps } from '../src/investigate/gather';
import { FolderFiles } from '../src/agent/tools/workspaceFiles';
import { workspaceHealth } from '../src/mcp/health';
import { startHealthServer } from '../sandbox/health/server';
import { startMoto } from '../sandbox/moto';
import { startStandIn } from '../sandbox/standin/server';
import { seedScenario } from '../sandbox/seed';
import { WORKSPACE_TEMPLATE, workspaceSettings } from '../sandbox/workspace';
import { median, report } from './report';
import { asScopeId } from '../src/core/scope';

const RUNS = 15;
const REGION = asScopeId('us-east-1');
const MAX_ANSWER_KB = 16;

async function drain(pages: AsyncIterable<unknown>): Promise<void> {
  for await (const _page of pages) { /* every page read */ }
}

/** Median times of the tool and of its AWS calls, run alternately so that both see the same load. */
async function timedPair(tool: () => Promise<unknown>, calls: () => Promise<unknown>): Promise<{ toolMs: number; awsMs: number }> {
  await tool();
  await calls();
  const toolTimes: number[] = [];
  const awsTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    await calls();
    awsTimes.push(performance.now() - t0);
    t0 = performance.now();
    await tool();
    toolTimes.push(performance.now() - t0);
  }
  return { toolMs: median(toolTimes), awsMs: median(awsTimes) };
}

export async function benchAgentTools(): Promise<void> {
  const moto = await startMoto();
  const standIn = await startStandIn({ motoUrl: moto.url, insightsDelayMs: 200 });
  const health = await startHealthServer();
  try {
    const scenario = await seedScenario(standIn.url);
    const env = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
    Object.assign(process.env, env);
    const session = new AwsSession({ profile: '', regions: [REGION], endpointUrl: standIn.url }, { env });
    // The workspace's settings as the sandbox writes them: health endpoints on the local health server, production log groups.
    const settings = workspaceSettings({ awsEndpoint: standIn.url, healthUrl: health.url });
    const setting = async (key: string) => settings[`opsLens.${key}`];
    const ctx: ToolContext = {
      cloudWatch: new SdkCloudWatch(session),
      logs: new SdkLogs(session),
      stepFunctions: new SdkStepFunctions(session),
      metrics: new SdkMetrics(session),
      regions: async () => [REGION],
      // The committed workspace's files, with the settings the sandbox writes for it.
      workspace: Object.assign(new FolderFiles(WORKSPACE_TEMPLATE), { setting }),
      health: workspaceHealth(setting),
      pollDelays: [100],
    };
    const alarm = scenario.alarms[REGION].find((a) => a.state === 'ALARM')!.name;
    const failed = scenario.executions.FAILED[0];
    const alarmArn = `arn:aws:cloudwatch:${REGION}:123456789012:alarm:${alarm}`;

    // The investigation: an alarm in ALARM with a related state machine (the most parts), and what it reads.
    const gatherDeps: GatherDeps = { cloudWatch: ctx.cloudWatch, metrics: ctx.metrics!, logs: ctx.logs, stepFunctions: ctx.stepFunctions, settings: () => [] };
    const investigations = await Promise.all(scenario.alarms[REGION].filter((a) => a.state === 'ALARM').map(async (a) => ({ name: a.name, parts: (await gatherInvestigation(gatherDeps, { region: REGION, name: a.name }, () => undefined)).parts })));
    const investigated = investigations.find((i) => i.parts.data('executions').length > 0) ?? investigations[0];
    const related = investigated.parts.data('alarm')[0];
    const investigatedGroups = investigated.parts.data('logs').map((l) => l.logGroup);

    const muteRules = async () => Promise.all((await ctx.cloudWatch.muteRuleSummaries(REGION)).map((r) => ctx.cloudWatch.muteRule(REGION, r.name)));

    /** Each read-only tool with the same AWS calls made directly, in the order they depend on each other. */
    const cases: { tool: string; input: ToolInput; calls: () => Promise<unknown> }[] = [
      // The alarms and, beside them, the scope's mute rules (listed, then each read whole).
      { tool: 'opsLens_listAlarms', input: {}, calls: () => Promise.all([drain(ctx.cloudWatch.alarmPages(REGION)), muteRules()]) },
      { tool: 'opsLens_describeAlarm', input: { name: alarm }, calls: async () => {
        // The alarm and the mute rules first (its region and ARN), then its history and tags together.
        await Promise.all([drain(ctx.cloudWatch.alarmPages(REGION, { names: [alarm] })), muteRules()]);
        await Promise.all([ctx.cloudWatch.alarmHistory(REGION, alarm, 10), ctx.cloudWatch.tags(REGION, alarmArn)]);
      } },
      { tool: 'opsLens_investigateAlarm', input: { name: investigated.name, region: REGION }, calls: async () => {
        // The alarm and its history, then its tags; then its metric, each related group's error events, and
        // each state machine's logging and failed and timed-out executions, together.
        const [found] = await Promise.all([ctx.metrics!.describeAlarms(REGION, [investigated.name]), ctx.cloudWatch.alarmHistory(REGION, investigated.name, 100)]);
        const alarm = found.metricAlarms[0];
        const { start, end } = related.window;
        await Promise.all([
          ctx.cloudWatch.tags(REGION, alarm.AlarmArn!),
          ctx.metrics!.getMetricData(REGION, [{ Id: 'm1', ReturnData: true, MetricStat: { Metric: { Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions }, Period: alarm.Period, Stat: alarm.Statistic } }], new Date(start), new Date(end)),
          ...investigatedGroups.map((group) => ctx.logs.filterEvents(REGION, { logGroupName: group, startTime: start, endTime: end, filterPattern: ERROR_FILTER_PATTERN, limit: EVENTS_PER_GROUP })),
          ...related.related.stateMachines.flatMap((m) => [ctx.stepFunctions.describeStateMachine(REGION, m.name), ...(['FAILED', 'TIMED_OUT'] as const).map((status) => ctx.stepFunctions.executions(REGION, m.name, { status, pageSize: 100 }))]),
        ]);
      } },
      { tool: 'opsLens_listExecutions', input: { status: 'FAILED' }, calls: async () => Promise.all((await collect(ctx.stepFunctions.stateMachinePages(REGION))).map((m) => ctx.stepFunctions.executions(REGION, m.stateMachineArn!, { status: 'FAILED', pageSize: 20 }))) },
      { tool: 'opsLens_describeExecution', input: { executionArn: failed }, calls: () => Promise.all([ctx.stepFunctions.describeExecution(REGION, failed), ctx.stepFunctions.history(REGION, failed), ctx.stepFunctions.stateMachineForExecution(REGION, failed)]) },
    ];
    for (const c of cases) {
      const tool = AGENT_TOOLS.find((t) => t.name === c.tool)!;
      const { toolMs, awsMs } = await timedPair(() => invokeAgentTool(tool, c.input, ctx), c.calls);
      // The budget is 1.5× the time of the same AWS calls made directly; like every timing, --check then
      // allows the shared machine's margin on top (bench/report.ts), as these are a few milliseconds each.
      report(`agent: ${c.tool} vs its AWS calls`, toolMs, 'ms', Math.round(awsMs * 15) / 10, `(the AWS calls alone: ${awsMs.toFixed(1)} ms)`);
    }
    const inputs: Record<string, ToolInput> = {
      opsLens_listAlarms: {}, opsLens_describeAlarm: { name: alarm }, opsLens_listSavedQueries: {}, opsLens_getMetricData: { alarmName: alarm, range: '24h' },
      opsLens_runInsightsQuery: { savedQuery: 'Error Rate by Endpoint', range: '24h', limit: 50 },
      opsLens_listExecutions: { limit: 50 }, opsLens_resolveStackFrames: { text: '  File "/var/task/app/handler.py", line 3, in handler\n'.repeat(200) }, opsLens_describeExecution: { executionArn: failed },
      opsLens_investigateAlarm: { name: investigated.name, region: REGION, before: '24h', after: '24h' },
      opsLens_checkHealth: {}, opsLens_productionErrors: { range: '24h', limit: 30 },
    };
    for (const tool of AGENT_TOOLS) {
      const answer = await invokeAgentTool(tool, inputs[tool.name] ?? {}, ctx);
      if (answer.failed) throw new Error(`${tool.name}: ${answer.text}`);
      report(`agent: ${tool.name} answer size`, Buffer.byteLength(answer.text) / 1024, 'KB', MAX_ANSWER_KB);
    }
    session.reset();
  } finally {
    await health.stop();
    await standIn.stop();
    await moto.stop();
  }
}

if (require.main === module) void benchAgentTools();
