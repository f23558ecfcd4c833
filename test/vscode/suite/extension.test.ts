import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { afterCallsSettle, awsCalls } from '../../support/awsCalls';
import { EXTENSION_ID, opsLens, until } from './helpers';

const VIEWS = ['opsLens.alarms', 'opsLens.stepFunctions', 'opsLens.health', 'opsLens.logs'];

describe('Ops Lens extension', () => {
  it('is installed and activates with its services', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const api = await opsLens();
    assert.ok(ext.isActive);
    assert.equal(typeof api.session.profileName, 'string');
    assert.ok(api.refresh, 'services expose the refresh hub');
  });

  it('registers the session commands', async () => {
    await opsLens();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['opsLens.refresh', 'opsLens.selectProfile', 'opsLens.selectRegions']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  it('contributes the contract views in the Ops Lens container', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { viewsContainers: { activitybar: { id: string; title: string }[] }; views: Record<string, { id: string; name: string }[]> };
    };
    assert.deepEqual(manifest.contributes.viewsContainers.activitybar.map((c) => [c.id, c.title]), [['opsLens', 'Ops Lens']]);
    assert.deepEqual(
      manifest.contributes.views.opsLens.map((v) => [v.id, v.name]),
      [['opsLens.alarms', 'Alarms'], ['opsLens.stepFunctions', 'Step Functions'], ['opsLens.health', 'Health'], ['opsLens.logs', 'Logs']],
    );
  });

  it('shows each view when focused', async () => {
    const api = await opsLens();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    for (const id of VIEWS) await until(() => api.views.get(id)?.visible === false, `${id} is hidden with the side bar`);
    for (const id of VIEWS) {
      await vscode.commands.executeCommand(`${id}.focus`);
      await until(() => api.views.get(id)?.visible === true, `${id} is visible once focused`);
    }
  });

  it('refreshes every AWS view with a new call per region when asked to', async () => {
    const api = await opsLens();
    await vscode.commands.executeCommand('workbench.view.extension.opsLens');
    const endpoint = process.env.AWS_ENDPOINT_URL!;
    const { regions } = await api.session.regions();
    // Views that just became visible load on their own: only calls the command makes count.
    const since = await afterCallsSettle(endpoint);
    await vscode.commands.executeCommand('opsLens.refresh');
    const calls = await awsCalls(endpoint, since);
    for (const region of regions) {
      assert.ok(calls.some((c) => c.operation === 'DescribeAlarms' && c.region === region), `no DescribeAlarms in ${region} after refresh: ${calls.map((c) => c.operation).join(', ')}`);
      assert.ok(calls.some((c) => c.operation === 'ListStateMachines' && c.region === region), `no ListStateMachines in ${region} after refresh`);
      assert.ok(calls.some((c) => c.operation === 'DescribeLogGroups' && c.region === region), `no DescribeLogGroups in ${region} after refresh`);
    }
  });
});

describe('AWS session settings', () => {
  const config = () => vscode.workspace.getConfiguration('opsLens');
  let original: string[] | undefined;

  before(() => {
    original = config().inspect<string[]>('aws.regions')?.workspaceValue;
  });

  after(async () => {
    await config().update('aws.regions', original, vscode.ConfigurationTarget.Workspace);
  });

  it('starts from the settings and the environment the host was launched with', async () => {
    const api = await opsLens();
    assert.ok(process.env.AWS_ENDPOINT_URL, 'AWS_ENDPOINT_URL reaches the extension host');
    const regions = config().get<string[]>('aws.regions') ?? [];
    assert.deepEqual([...api.session.settings.regions], regions);
    assert.equal(api.session.settings.endpointUrl, config().get<string>('aws.endpointUrl') ?? '');
    const resolved = await api.session.regions();
    assert.deepEqual(resolved.regions, regions.length ? regions : [process.env.AWS_REGION]);
  });

  it('follows changes of opsLens.aws.regions', async () => {
    const api = await opsLens();
    await config().update('aws.regions', ['eu-west-1', 'us-west-2'], vscode.ConfigurationTarget.Workspace);
    await until(() => api.session.settings.regions.join(',') === 'eu-west-1,us-west-2', 'the session picks up the new regions');
    const resolved = await api.session.regions();
    assert.deepEqual(resolved.regions, ['eu-west-1', 'us-west-2']);
    assert.equal(resolved.from, 'settings');

    await config().update('aws.regions', [], vscode.ConfigurationTarget.Workspace);
    await until(() => api.session.settings.regions.length === 0, 'the session drops the regions again');
    assert.deepEqual((await api.session.regions()).regions, [process.env.AWS_REGION]);
  });

  it('resolves credentials for the sandbox', async () => {
    const api = await opsLens();
    await api.session.checkCredentials();
  });
});
