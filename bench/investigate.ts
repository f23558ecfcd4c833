// An investigation over 3 related log groups and 1 state machine: the AWS calls it makes, counted where
// they arrive (the stand-in's call log), and the panel's first paint after its first data arrives,
// measured in the page itself (the real page bundle in Chromium, the gathered parts replayed into it).
import * as fs from 'node:fs';
import { AwsSession } from '../src/aws/session';
import { SdkCloudWatch } from '../src/aws/services/cloudWatch';
import { SdkLogs } from '../src/aws/services/logs';
import { SdkMetrics } from '../src/aws/services/metrics';
import { SdkStepFunctions } from '../src/aws/services/stepFunctions';
import { SdkCloudTrail } from '../src/aws/services/cloudTrail';
import type { PartUpdate } from '../src/core/investigate/model';
import { gatherInvestigation } from '../src/investigate/gather';
import { startMoto } from '../sandbox/moto';
import { startStandIn } from '../sandbox/standin/server';
import { CHROMIUM_PATH } from '../test/support/environment';
import { INVESTIGATED_ALARM, seedInvestigation } from '../test/support/investigateScenario';
import { median, report, reportMissing } from './report';
import { withWebviewPage } from './webviewPage';
import { asScopeId } from '../src/core/scope';

/**
 * The fewest calls that read everything once: DescribeAlarms, DescribeAlarmHistory, ListTagsForResource,
 * GetMetricData, DescribeStateMachine, ListExecutions for FAILED and for TIMED_OUT, FilterLogEvents per group.
 */
const MINIMUM_CALLS = 1 + 1 + 1 + 1 + 1 + 2 + 3;
const FIRST_PAINT_BUDGET_MS = 100;

async function gatheredParts(): Promise<{ calls: number; repeated: number; lookups: number; lookedUp: number; updates: PartUpdate[] }> {
  const moto = await startMoto();
  const standIn = await startStandIn({ motoUrl: moto.url });
  try {
    await seedInvestigation(standIn.url);
    const env = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
    Object.assign(process.env, env);
    const session = new AwsSession({ profile: '', regions: ['us-east-1'], endpointUrl: standIn.url }, { env });
    const deps = { cloudWatch: new SdkCloudWatch(session), metrics: new SdkMetrics(session), logs: new SdkLogs(session), stepFunctions: new SdkStepFunctions(session), cloudTrail: new SdkCloudTrail(session), settings: () => [] };
    const since = standIn.calls().at(-1)?.seq ?? 0;
    const updates: PartUpdate[] = [];
    await gatherInvestigation(deps, { region: asScopeId('us-east-1'), name: INVESTIGATED_ALARM }, (u) => updates.push(u));
    const made = standIn.calls().filter((c) => c.seq > since);
    const calls = made.filter((c) => c.operation !== 'LookupEvents').map((c) => `${c.operation} ${JSON.stringify(c.input)}`);
    const lookedUp = updates.flatMap((u) => (u.data?.kind === 'changes' ? [u.data.lookedUp.length] : []))[0] ?? 0;
    session.reset();
    return { calls: calls.length, repeated: calls.length - new Set(calls).size, lookups: made.length - calls.length, lookedUp, updates };
  } finally {
    await standIn.stop();
    await moto.stop();
  }
}

/** Milliseconds from the first part with data arriving in the page to the frame that shows it, `runs` times. */
async function firstPaints(updates: readonly PartUpdate[], runs: number): Promise<number[]> {
  return withWebviewPage('investigation', async (page, reload, errors) => {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      await reload();
      const messages = [
        { type: 'start', header: { region: 'us-east-1', name: 'bench', beforeMs: 1_800_000, afterMs: 900_000 } },
        ...updates.map((update) => ({ type: 'part', update })),
        { type: 'complete' },
      ];
      await page.evaluate(`for (const m of ${JSON.stringify(messages)}) window.postMessage(m, '*');`);
      const painted = await page.waitForFunction(`window.__posted.find((m) => m.type === 'painted')`, undefined, { timeout: 10000 });
      if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
      out.push(((await painted.jsonValue()) as { ms: number }).ms);
    }
    return out;
  });
}

export async function benchInvestigation(): Promise<void> {
  const { calls, repeated, lookups, lookedUp, updates } = await gatheredParts();
  report('investigation: AWS calls (3 groups, 1 machine)', calls, 'calls', MINIMUM_CALLS, 'counted at the endpoint, LookupEvents apart');
  report('investigation: LookupEvents pages per resource looked up', lookedUp ? lookups / lookedUp : lookups + 1, 'pages', 1, `${lookups} for ${lookedUp} resources; the part arrives after the first paint`);
  report('investigation: AWS calls made twice', repeated, 'calls', 0);
  if (!fs.existsSync(CHROMIUM_PATH)) {
    reportMissing('investigation: first paint after first data', `no Chromium at ${CHROMIUM_PATH}`);
    return;
  }
  const times = await firstPaints(updates, 7);
  report('investigation: first paint after first data (median of 7)', median(times), 'ms', FIRST_PAINT_BUDGET_MS, 'in the page: message arrival to the next frame');
}

if (require.main === module) {
  benchInvestigation().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
