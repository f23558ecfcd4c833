// The execution graph of a 100-state definition (Choices, Catches, Retries, a Parallel and a Map),
// laid out and drawn in the page itself: the real page bundle in Chromium, the graph posted to it as
// the host posts it; measured from the message's arrival to the next frame.
import * as fs from 'node:fs';
import { buildGraph } from '../src/core/stepFunctions/graphModel';
import { executionPath } from '../src/core/stepFunctions/graphStatus';
import { graphView, type GraphViewModel } from '../src/core/stepFunctions/graphView';
import { CHROMIUM_PATH } from '../test/support/environment';
import { median, report, reportMissing } from './report';
import { withWebviewPage } from './webviewPage';

const DRAW_BUDGET_MS = 150;
const STATES = 100;

/** 100 states: a spine of Tasks with Retry and Catch, a Choice every tenth, a Parallel and a Map of 10 each. */
export function hundredStateDefinition(): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  const inner = (prefix: string, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, { Type: 'Pass', ...(i < n - 1 ? { Next: `${prefix}${i + 1}` } : { End: true }) }]));
  const spine = STATES - 2 - 2 - 20;
  for (let i = 0; i < spine; i++) {
    const next = i < spine - 1 ? `Step${i + 1}` : 'Fan';
    states[`Step${i}`] = i % 10 === 9
      ? { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: i, Next: next }, { Variable: '$.skip', BooleanEquals: true, Next: 'Handle' }], Default: next }
      : { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 3 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle' }], Next: next };
  }
  states.Fan = { Type: 'Parallel', Branches: [{ StartAt: 'A0', States: inner('A', 5) }, { StartAt: 'B0', States: inner('B', 5) }], Next: 'Each' };
  states.Each = { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'M0', States: inner('M', 10) }, Next: 'Done' };
  states.Handle = { Type: 'Fail', Error: 'Handled' };
  states.Done = { Type: 'Succeed' };
  return { StartAt: 'Step0', States: states };
}

/** The view the host would post: every spine state succeeded, the last one running. */
export function hundredStateView(): GraphViewModel {
  const definition = hundredStateDefinition();
  const names = Object.keys(definition.States as Record<string, unknown>).filter((n) => n.startsWith('Step'));
  let id = 0;
  const events = [{ id: ++id, type: 'ExecutionStarted' as const, timestamp: new Date(0) }];
  for (const name of names) {
    events.push({ id: ++id, type: 'TaskStateEntered' as never, timestamp: new Date(id * 1000), stateEnteredEventDetails: { name, input: '{"n":1}' } } as never);
    events.push({ id: ++id, type: 'TaskStateExited' as never, timestamp: new Date(id * 1000), stateExitedEventDetails: { name, output: '{"n":2}' } } as never);
  }
  return graphView(buildGraph(definition), executionPath(events));
}

/** Milliseconds from the graph message's arrival to the frame that shows it, `runs` times. */
export async function drawTimes(view: GraphViewModel, runs: number, screenshot?: string): Promise<number[]> {
  return withWebviewPage('graph', async (page, reload, errors) => {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      await reload();
      const message = { type: 'graph', header: { title: 'bench', subtitle: '100 states', hasExecution: true }, view };
      await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*');`);
      const drawn = await page.waitForFunction('window.__posted.find((m) => m.type === "drawn" || m.type === "error")', undefined, { timeout: 30000 });
      const result = (await drawn.jsonValue()) as { type: string; ms?: number; message?: string };
      if (errors.length || result.type === 'error') throw new Error(`the page failed: ${[...errors, result.message].filter(Boolean).join('; ')}`);
      out.push(result.ms ?? NaN);
    }
    if (screenshot) await page.screenshot({ path: screenshot });
    return out;
  });
}

export async function benchStepFunctionsGraph(): Promise<void> {
  const name = `execution graph: ${STATES} states laid out and drawn`;
  if (!fs.existsSync(CHROMIUM_PATH)) {
    reportMissing(name, `no Chromium at ${CHROMIUM_PATH}`);
    return;
  }
  const times = await drawTimes(hundredStateView(), 7);
  report(`${name} (median of 7)`, median(times), 'ms', DRAW_BUDGET_MS, 'in the page: message arrival to the next frame');
}

if (require.main === module) {
  benchStepFunctionsGraph().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
