// The MCP server as the extension ships and starts it: the release build of dist/mcp/server.js beside the
// extension's AWS SDK bundle, run by plain node with the extension's command line.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mcpServerArgs, mcpServerEnv } from '../../src/core/agent/mcpServerArgs';
import { sandboxClients } from '../../sandbox/awsClients';
import { resetMoto } from '../../sandbox/moto';
import { seedAlarms, type SeededAlarm } from '../../sandbox/seeders/alarms';
import { awsEndpoint } from './setup';

const ROOT = path.join(__dirname, '..', '..');
const SERVER = 'dist/mcp/server.js';
const SDK_BUNDLE = 'dist/aws-sdk.js';

/** Builds `outfiles` with the release configuration of esbuild.js, into `dir` in place of dist/. */
async function releaseBuild(dir: string, outfiles: readonly string[]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { builds } = require(path.join(ROOT, 'esbuild.js')) as { builds: esbuild.BuildOptions[] };
  const wanted = builds.filter((b) => b.outfile && outfiles.includes(b.outfile));
  assert.equal(wanted.length, outfiles.length, `esbuild.js builds ${outfiles.join(', ')}`);
  await Promise.all(wanted.map((b) => esbuild.build({ ...b, absWorkingDir: ROOT, outfile: path.join(dir, path.relative('dist', b.outfile!)), minify: true, sourcemap: false })));
}

describe('MCP server as shipped, against the sandbox', function () {
  this.timeout(120000);
  let dist: string;
  let alarms: SeededAlarm[];
  const clients: Client[] = [];

  before(async () => {
    await resetMoto(awsEndpoint());
    alarms = await seedAlarms(sandboxClients(awsEndpoint()), new Date(), () => undefined);
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-dist-'));
    await releaseBuild(dist, [SERVER, SDK_BUNDLE]);
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    if (dist) fs.rmSync(dist, { recursive: true, force: true });
  });

  /** Starts `serverScript` as the extension does: its runtime, mcpServerArgs, mcpServerEnv. */
  async function connect(serverScript: string): Promise<Client> {
    const args = mcpServerArgs({ serverScript, profiles: [], regions: ['us-east-1'], endpointUrl: awsEndpoint(), runWithoutConfirmation: [] });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', ...mcpServerEnv({ configFilepath: '/nonexistent', filepath: '/nonexistent' }) },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'ops-lens-test', version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    return client;
  }

  async function listFiring(client: Client): Promise<{ text: string; isError: boolean }> {
    const result = await client.callTool({ name: 'opsLens_listAlarms', arguments: { state: 'ALARM' } });
    return { text: (result.content as { type: string; text: string }[]).map((c) => c.text).join('\n'), isError: result.isError === true };
  }

  it('lists the firing alarms through the AWS SDK bundle the extension ships', async () => {
    const client = await connect(path.join(dist, 'mcp', 'server.js'));
    const firing = alarms.filter((a) => a.region === 'us-east-1' && a.state === 'ALARM').map((a) => a.name);
    assert.ok(firing.length > 1, 'the scenario has firing alarms');
    const { text, isError } = await listFiring(client);
    assert.equal(isError, false, text);
    assert.match(text, new RegExp(`^${firing.length} alarm\\(s\\) in us-east-1 in state ALARM`));
    for (const name of firing) assert.ok(text.includes(`| ALARM | ${name} |`), `${name} is listed`);
  });

  it('carries no AWS SDK of its own: without the extension\'s bundle beside it, a tool call fails and says so', async () => {
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-server-alone-'));
    try {
      fs.mkdirSync(path.join(alone, 'mcp'));
      fs.copyFileSync(path.join(dist, 'mcp', 'server.js'), path.join(alone, 'mcp', 'server.js'));
      const { text, isError } = await listFiring(await connect(path.join(alone, 'mcp', 'server.js')));
      assert.equal(isError, true, text);
      assert.match(text, /Cannot find module '\.\.\/aws-sdk\.js'/);
    } finally {
      fs.rmSync(alone, { recursive: true, force: true });
    }
  });
});
