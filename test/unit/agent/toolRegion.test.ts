import { strict as assert } from 'node:assert';
import type { CloudWatchApi } from '../../../src/aws/services/cloudWatch';
import type { LogsApi } from '../../../src/aws/services/logs';
import type { StepFunctionsApi } from '../../../src/aws/services/stepFunctions';
import { invokeAgentTool, type AgentTool, type ToolContext } from '../../../src/agent/tools';
import { listAlarms } from '../../../src/agent/tools/alarms';
import { runInsightsQuery } from '../../../src/agent/tools/insights';
import { productionErrors } from '../../../src/agent/tools/productionErrors';
import { scopeId } from '../../../src/core/scope';

/** Seams that record every call; a refused region must leave them untouched. */
function recordingContext(): { ctx: ToolContext; calls: string[] } {
  const calls: string[] = [];
  const record = (name: string) => (...args: unknown[]) => {
    calls.push(`${name} ${String(args[0])}`);
    throw new Error('no call was expected');
  };
  const cloudWatch = { alarmPages: record('alarmPages'), alarmHistory: record('alarmHistory'), tags: record('tags') } as unknown as CloudWatchApi;
  const logs = { startQuery: record('startQuery'), getQueryResults: record('getQueryResults'), stopQuery: record('stopQuery') } as unknown as LogsApi;
  const ctx: ToolContext = {
    cloudWatch,
    logs,
    stepFunctions: {} as StepFunctionsApi,
    regions: async () => [scopeId('prod', 'us-east-1'), scopeId('staging', 'eu-west-1')],
    workspace: { markdown: async () => [], savedQueries: async () => [], setting: async () => undefined },
  };
  return { ctx, calls };
}

const MALFORMED: Record<string, string> = {
  'control characters': 'us-east-1\u0000\u001b[2J',
  'an unknown profile': 'dev · us-east-1',
  '500 characters': 'us-east-1'.padEnd(500, 'x'),
};

const TOOLS: [AgentTool, Record<string, unknown>][] = [
  [listAlarms, {}],
  [runInsightsQuery, { query: 'fields @message', logGroups: ['/aws/lambda/orders'], range: '1h' }],
  [productionErrors, { logGroups: ['/aws/lambda/orders'], range: '1h' }],
];

describe('a region given to a tool', () => {
  for (const [tool, input] of TOOLS) {
    for (const [what, region] of Object.entries(MALFORMED)) {
      it(`${tool.name} refuses one with ${what}, names the accepted forms and calls nothing`, async () => {
        const { ctx, calls } = recordingContext();
        const answer = await invokeAgentTool(tool, { ...input, region }, ctx);
        assert.match(answer.text, /^The region given is not one Ops Lens accepts: give a plain AWS region such as us-east-1, or "profile · region" with one of the selected profiles \(prod, staging\)\. Nothing was called\.$/);
        assert.ok(!answer.text.includes('\u0000') && !answer.text.includes('xxxx'), answer.text);
        assert.deepEqual(calls, []);
      });
    }
  }

  it('asks before a Logs Insights run with the same refusal, not a plan', async () => {
    const { ctx, calls } = recordingContext();
    const text = await runInsightsQuery.confirmationText!({ query: 'fields @message', logGroups: ['/a'], region: 'dev · us-east-1' }, ctx);
    assert.match(text, /^The region given is not one Ops Lens accepts/);
    assert.deepEqual(calls, []);
  });

  it('takes `profile · region` of a selected profile and calls there', async () => {
    const { ctx, calls } = recordingContext();
    await invokeAgentTool(listAlarms, { region: ' staging · us-west-2 ' }, ctx);
    assert.deepEqual(calls, ['alarmPages staging · us-west-2']);
  });
});
