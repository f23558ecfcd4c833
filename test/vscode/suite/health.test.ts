import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HEALTH_ENDPOINTS } from '../../../sandbox/scenario/health';
import type { OpsLensExports } from '../../../src/extension';
import type { EndpointStatus } from '../../../src/health/store';
import { opsLens, until } from './helpers';

const config = () => vscode.workspace.getConfiguration('opsLens');
type Entry = { name: string; url: string; [key: string]: unknown };

async function checkNow(arg?: unknown): Promise<EndpointStatus[]> {
  return (await vscode.commands.executeCommand<EndpointStatus[]>('opsLens.health.checkNow', arg)) ?? [];
}

describe('Health view', function () {
  this.timeout(60000);
  let original: unknown;

  before(async () => {
    await opsLens();
    original = config().inspect('health.endpoints')?.workspaceValue;
  });

  after(async () => {
    await config().update('health.endpoints', original, vscode.ConfigurationTarget.Workspace);
  });

  it('registers its commands and shows the view', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['opsLens.health.checkNow', 'opsLens.health.addEndpoint', 'opsLens.health.setSecret']) assert.ok(commands.includes(id), `${id} is not registered`);
    await vscode.commands.executeCommand('opsLens.health.focus');
  });

  it('checks the sandbox endpoints from workspace settings with the states their guides call for', async () => {
    const entries = (original ?? []) as Entry[];
    assert.ok(Array.isArray(entries) && entries.length > 0, 'the sandbox workspace configures health endpoints');
    const statuses = await checkNow();
    assert.deepEqual(statuses.map((s) => s.endpoint.name).sort(), entries.map((e) => e.name).sort());
    const expected = { healthy: 'healthy', warning: 'degraded', critical: 'down', timeout: 'down' } as const;
    for (const s of statuses) {
      const spec = HEALTH_ENDPOINTS.find((e) => e.name === s.endpoint.name);
      if (spec) assert.equal(s.state, expected[spec.expect.outcome], `${s.endpoint.name}: ${s.evaluation?.reasons.join('; ')}`);
      else assert.ok(s.evaluation, `${s.endpoint.name} has a result`);
    }
  });

  it('checks one endpoint by name, and answers an unknown name with a message instead of an error', async () => {
    await config().update('health.endpoints', [{ name: 'Unreachable', url: 'http://127.0.0.1:9/health', timeoutMs: 1000 }], vscode.ConfigurationTarget.Workspace);
    await until(async () => (await checkNow('Unreachable')).length === 1, 'the new endpoint is known');
    const [status] = await checkNow('Unreachable');
    assert.equal(status.state, 'down');
    assert.match(status.evaluation?.reasons[0] ?? '', /Connection refused by 127\.0\.0\.1:9/);
    assert.deepEqual(await checkNow('no such endpoint'), []);
  });

  it('adds an endpoint to workspace settings', async () => {
    await config().update('health.endpoints', [], vscode.ConfigurationTarget.Workspace);
    // The command asks before writing settings; the extension's API is the same change without the prompt.
    const { health } = (await opsLens()) as OpsLensExports;
    assert.equal(await health.addEndpoint({ name: 'Added', url: 'http://127.0.0.1:9/added' }), vscode.ConfigurationTarget.Workspace);
    assert.deepEqual(config().inspect('health.endpoints')?.workspaceValue, [{ name: 'Added', url: 'http://127.0.0.1:9/added' }]);
    assert.equal(await vscode.commands.executeCommand('opsLens.health.addEndpoint', { name: 'Bad', url: 'ftp://x/y' }), undefined);
  });

  it('a header secret that is not set stops the request until it is stored', async () => {
    await config().update('health.endpoints', [{ name: 'With secret', url: 'http://127.0.0.1:9/s', timeoutMs: 1000, headers: { Authorization: 'Bearer ${secret:OPS_LENS_TEST_TOKEN}' } }], vscode.ConfigurationTarget.Workspace);
    const { health } = (await opsLens()) as OpsLensExports;
    await health.setSecret('OPS_LENS_TEST_TOKEN', '');
    let [status] = await checkNow('With secret');
    assert.deepEqual(status.missingSecrets, ['OPS_LENS_TEST_TOKEN']);
    assert.equal(status.state, 'unknown');
    await health.setSecret('OPS_LENS_TEST_TOKEN', 'test-token-value');
    [status] = await checkNow('With secret');
    assert.deepEqual(status.missingSecrets, []);
    assert.equal(status.state, 'down', 'requested now (nothing listens on port 9)');
    assert.ok(!JSON.stringify(status).includes('test-token-value'));
    await health.setSecret('OPS_LENS_TEST_TOKEN', 'test-token-value', ['http://127.0.0.1:8']);
    [status] = await checkNow('With secret');
    assert.match(status.evaluation?.reasons[0] ?? '', /stored for http:\/\/127\.0\.0\.1:8, not for http:\/\/127\.0\.0\.1:9/, 'a secret goes only to the origin it was stored for');
    await health.setSecret('OPS_LENS_TEST_TOKEN', '');
  });

  it('invalid settings do not break the view', async () => {
    await config().update('health.endpoints', [{ name: 'no url' }, { name: 'ok', url: 'http://127.0.0.1:9/ok', timeoutMs: 500 }, { name: 'ok', url: 'http://127.0.0.1:9/dup' }], vscode.ConfigurationTarget.Workspace);
    await until(async () => (await checkNow()).length === 1, 'only the valid entry is checked');
  });
});
