import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeWorkspaceHistory } from './workspaceHistory';
import { FAKE_CREDENTIALS, LOG_GROUPS, PRIMARY_REGION, SCENARIO_REGIONS } from './scenario/constants';
import { HEALTH_ENDPOINTS } from './scenario/health';
import { SANDBOX_PROFILE, STAGING_CREDENTIALS, STAGING_PROFILE, STAGING_REGION } from './scenario/staging';

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

/**
 * The workspace's own AWS config: the seeded account as profile `sandbox` and a second account as
 * `staging`, each with its region and endpoint, for `opsLens.aws.profiles` side by side.
 */
export function sandboxAwsFiles(awsEndpoint: string): { config: string; credentials: string } {
  const config = [
    `[profile ${SANDBOX_PROFILE}]`, `region = ${PRIMARY_REGION}`, `endpoint_url = ${awsEndpoint}`, '',
    `[profile ${STAGING_PROFILE}]`, `region = ${STAGING_REGION}`, `endpoint_url = ${awsEndpoint}`, '',
  ].join('\n');
  const credentials = [
    `[${SANDBOX_PROFILE}]`, `aws_access_key_id = ${FAKE_CREDENTIALS.accessKeyId}`, `aws_secret_access_key = ${FAKE_CREDENTIALS.secretAccessKey}`, '',
    `[${STAGING_PROFILE}]`, `aws_access_key_id = ${STAGING_CREDENTIALS.accessKeyId}`, `aws_secret_access_key = ${STAGING_CREDENTIALS.secretAccessKey}`, '',
  ].join('\n');
  return { config, credentials };
}

/** Copies the workspace folder to `target` (overwriting what it holds) and writes its `.vscode/settings.json` and `.aws/` files. */
export function prepareWorkspace(target: string, options: { awsEndpoint: string; healthUrl: string; historyAt?: Date }): string {
  const dir = path.resolve(target);
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(WORKSPACE_TEMPLATE, dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  const aws = sandboxAwsFiles(options.awsEndpoint);
  fs.mkdirSync(path.join(dir, '.aws'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.aws', 'config'), aws.config);
  fs.writeFileSync(path.join(dir, '.aws', 'credentials'), aws.credentials);
  const settings = { ...workspaceSettings(options), 'opsLens.aws.configFile': path.join(dir, '.aws', 'config'), 'opsLens.aws.credentialsFile': path.join(dir, '.aws', 'credentials') };
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  if (options.historyAt) writeWorkspaceHistory(dir, options.historyAt);
  return dir;
}

/** Turns the prepared workspace to both sandbox accounts side by side (`npm run demo`, the accounts e2e test). */
export function useBothAccounts(workspaceDir: string): void {
  const file = path.join(workspaceDir, '.vscode', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  settings['opsLens.aws.profiles'] = [SANDBOX_PROFILE, STAGING_PROFILE];
  fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}
