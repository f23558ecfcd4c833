import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOG_GROUPS, SCENARIO_REGIONS } from './scenario/constants';
import { HEALTH_ENDPOINTS } from './scenario/health';

/** The committed workspace folder that the sandbox opens in the editor. */
export const WORKSPACE_TEMPLATE = path.join(__dirname, 'workspace');

/** Ops Lens settings for the sandbox: everything points at the local endpoint and health server. */
export function workspaceSettings(options: { awsEndpoint: string; healthUrl: string }): Record<string, unknown> {
  const base = options.healthUrl.replace(/\/+$/, '');
  return {
    'opsLens.aws.endpointUrl': options.awsEndpoint,
    'opsLens.aws.regions': [...SCENARIO_REGIONS],
    'opsLens.health.endpoints': HEALTH_ENDPOINTS.map((e) => ({
      name: e.name,
      url: `${base}${e.request ?? e.path}`,
      ...(e.timeoutMs ? { timeoutMs: e.timeoutMs } : {}),
      ...(e.intervalSeconds ? { intervalSeconds: e.intervalSeconds } : {}),
      ...(e.expectStatus ? { expectStatus: e.expectStatus } : {}),
      ...(e.assertions ? { assertions: e.assertions } : {}),
    })),
    'opsLens.runbooks': [
      { alarm: 'StepFunction-*', target: 'docs/MONITORING.md#Step Function Failures' },
      { alarm: 'avatar-*', target: 'https://wiki.example.com/runbooks/enterprise-avatar-system' },
    ],
    'opsLens.sourceMappings': [{ from: '/var/task/', to: '${workspaceFolder}/' }],
    'opsLens.insights.defaultLogGroups': [LOG_GROUPS.backend, LOG_GROUPS.generate],
    'opsLens.productionErrors.logGroups': [LOG_GROUPS.generate, LOG_GROUPS.processImages, LOG_GROUPS.backend, LOG_GROUPS.checkout, LOG_GROUPS.invoicing, LOG_GROUPS.payments],
  };
}

/** Copies the workspace folder to `target` (overwriting what it holds) and writes its `.vscode/settings.json`. */
export function prepareWorkspace(target: string, options: { awsEndpoint: string; healthUrl: string }): string {
  const dir = path.resolve(target);
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(WORKSPACE_TEMPLATE, dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), `${JSON.stringify(workspaceSettings(options), null, 2)}\n`);
  return dir;
}
