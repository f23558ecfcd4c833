import * as path from 'node:path';
import { FAULT_CONTROL_PATH, startFaultProxy, type FaultRule } from './faults/proxy';
import { startHealthServer, type HealthEndpointInfo } from './health/server';
import { REPO_ROOT, startMoto, type RunningServer } from './moto';
import { startStandIn } from './standin/server';
import { PRIMARY_REGION } from './scenario/constants';
import { seedScenario, type ScenarioSummary } from './seed';
import { startLogTrickle } from './scenario/logs/trickle';
import { prepareWorkspace } from './workspace';

export interface Sandbox {
  awsEndpoint: string;
  healthUrl: string;
  workspace: string;
  summary: ScenarioSummary;
  healthEndpoints: HealthEndpointInfo[];
  /** The fault proxy's control URL (`POST` rules, `DELETE` to clear) when it stands in front of the endpoint. */
  faultControl?: string;
  /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT_URL for processes that should use the sandbox. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export const DEFAULT_WORKSPACE_DIR = path.join(REPO_ROOT, '.sandbox', 'workspace');

/**
 * The one place that decides which AWS endpoint the sandbox hands out (settings, env, seeding, checks):
 * the stand-in, which answers what moto lacks and forwards everything else to moto.
 */
async function startAwsEndpoint(log: (s: string) => void): Promise<RunningServer> {
  const moto = await startMoto({ log });
  try {
    const standIn = await startStandIn({ motoUrl: moto.url });
    log(`stand-in ${standIn.url} in front of moto ${moto.url}`);
    return { url: standIn.url, port: standIn.port, stop: async () => {
      await standIn.stop();
      await moto.stop();
    } };
  } catch (err) {
    await moto.stop();
    throw err;
  }
}

/**
 * Starts moto, seeds the scenario, starts the health server and prepares the workspace folder. With
 * `faults` (rules, or `[]` to start with none), the AWS endpoint handed out is a fault proxy in front
 * of the seeded one. With `liveLogs`, a trickle of events is written into one log group while it runs.
 */
export async function startSandbox(options: { log?: (s: string) => void; workspaceDir?: string; faults?: readonly FaultRule[]; liveLogs?: boolean; alarmKinds?: boolean } = {}): Promise<Sandbox> {
  const log = options.log ?? (() => undefined);
  const running: RunningServer[] = [];
  const stopAll = async () => {
    const servers = running.splice(0).reverse();
    for (const s of servers) await s.stop().catch((err: unknown) => log(`stop failed: ${String(err)}`));
  };
  const t0 = Date.now();
  try {
    const [aws, health] = await Promise.all([
      startAwsEndpoint(log).then((s) => (running.push(s), s)),
      startHealthServer().then((s) => (running.push(s), s)),
    ]);
    log(`AWS endpoint up in ${Date.now() - t0} ms`);
    const summary = await seedScenario(aws.url, { log, alarmKinds: options.alarmKinds });
    log(`scenario seeded in ${summary.durationMs} ms`);
    if (options.liveLogs) running.push({ url: aws.url, port: aws.port, ...(await startLogTrickle(aws.url, log)) });
    const proxy = options.faults && await startFaultProxy({ upstream: aws.url, rules: options.faults, log }).then((p) => (running.push(p), p));
    const awsEndpoint = proxy ? proxy.url : aws.url;
    if (proxy) log(`fault proxy ${proxy.url} in front of ${aws.url}`);
    const workspace = prepareWorkspace(options.workspaceDir ?? DEFAULT_WORKSPACE_DIR, { awsEndpoint, healthUrl: health.url, historyAt: new Date(summary.now) });
    log(`sandbox ready in ${Date.now() - t0} ms`);
    let stopped: Promise<void> | undefined;
    return {
      awsEndpoint,
      faultControl: proxy ? `${proxy.url}${FAULT_CONTROL_PATH}` : undefined,
      healthUrl: health.url,
      workspace,
      summary,
      healthEndpoints: health.endpoints,
      env: {
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        AWS_REGION: PRIMARY_REGION,
        AWS_ENDPOINT_URL: awsEndpoint,
      },
      stop: () => (stopped ??= stopAll()),
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
