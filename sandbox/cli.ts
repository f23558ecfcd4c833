// `npm run sandbox`: the sandbox in the foreground until Ctrl-C / SIGTERM.
import * as fs from 'node:fs';
import { describeRule } from './faults/proxy';
import { FAULT_SCENARIOS, scenarioRules } from './faults/scenarios';
import { startSandbox, type Sandbox } from './start';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const state: { sandbox?: Sandbox; stopping: boolean } = { stopping: false };

async function main(): Promise<void> {
  const shutdown = async (signal: string) => {
    if (state.stopping) return;
    state.stopping = true;
    console.log(`\n${signal}: stopping the sandbox…`);
    if (!state.sandbox) return; // still starting: main() stops it as soon as it is up
    await state.sandbox.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  watchLauncher(() => void shutdown('launcher exited'));

  const faults = faultsArgument(process.argv.slice(2));
  const sandbox = await startSandbox({ log: (s) => console.log(`  ${s}`), faults, liveLogs: true, alarmKinds: !process.argv.includes('--no-alarm-kinds') });
  state.sandbox = sandbox;
  if (state.stopping) {
    await sandbox.stop();
    process.exit(0);
  }
  const { summary } = sandbox;
  console.log('');
  console.log(`AWS endpoint: ${sandbox.awsEndpoint}`);
  console.log(`Health server: ${sandbox.healthUrl}`);
  console.log(`Workspace: ${sandbox.workspace}`);
  if (sandbox.faultControl) {
    console.log(`Fault proxy: ${faults?.length ? faults.map(describeRule).join('; ') : 'no faults yet'}`);
    console.log(`  script:  curl -X POST ${sandbox.faultControl} -d '[{"fault":"throttle","service":"cloudwatch","operation":"DescribeAlarms","every":2}]'`);
    console.log(`  clear:   curl -X DELETE ${sandbox.faultControl}`);
    console.log(`  calls:   curl ${sandbox.faultControl}`);
  }
  console.log('');
  for (const region of summary.regions) {
    const s = summary.alarmStates[region];
    console.log(`  ${region}: ${s.ALARM} ALARM, ${s.INSUFFICIENT_DATA} INSUFFICIENT_DATA, ${s.OK} OK`);
  }
  const ex = summary.executions;
  console.log(`  ${summary.stateMachineArn.split(':').pop()}: ${ex.SUCCEEDED.length} succeeded, ${ex.FAILED.length} failed, ${ex.RUNNING.length} running, ${ex.ABORTED.length} aborted`);
  console.log(`  dashboards: ${summary.dashboards.join(', ')}`);
  console.log(`  ${summary.counts.logGroups} log groups, ${summary.counts.logEvents} log events, ${summary.counts.metricDatapoints} metric data points`);
  console.log('');
  console.log('To use it from a shell:');
  for (const [k, v] of Object.entries(sandbox.env)) console.log(`  export ${k}=${v}`);
  console.log('');
  console.log('Press Ctrl-C to stop.');
  // The servers' handles keep the process alive until a signal arrives.
}

/** `--faults <scenario>`: the rules of that scenario (see sandbox/faults/scenarios.ts). */
function faultsArgument(args: readonly string[]) {
  const index = args.findIndex((a) => a === '--faults' || a.startsWith('--faults='));
  if (index < 0) return undefined;
  const name = args[index].includes('=') ? args[index].slice('--faults='.length) : args[index + 1];
  if (!name || !(name in FAULT_SCENARIOS)) {
    console.error(`--faults takes a scenario:\n${Object.entries(FAULT_SCENARIOS).map(([n, s]) => `  ${n.padEnd(20)}${s.about}`).join('\n')}`);
    process.exit(2);
  }
  return scenarioRules(name);
}

/**
 * `npm run` starts us through `sh -c`, which does not pass SIGTERM on: when our parent or its parent
 * (tsx, sh, npm) goes away, stop as if signalled so no moto_server is left behind.
 */
function watchLauncher(onGone: () => void): void {
  const ancestors = [process.ppid, parentOf(process.ppid)].filter((pid): pid is number => pid !== undefined && pid > 1);
  const timer = setInterval(() => {
    if (ancestors.some((pid) => !alive(pid))) {
      clearInterval(timer);
      onGone();
    }
  }, 1000);
  timer.unref();
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

main().catch((err: unknown) => {
  if (state.stopping) process.exit(0); // interrupted while starting; startSandbox has stopped what it started
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
