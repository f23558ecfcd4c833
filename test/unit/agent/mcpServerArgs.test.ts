import { strict as assert } from 'node:assert';
import { mcpServerArgs, mcpServerEnv } from '../../../src/core/agent/mcpServerArgs';

describe('MCP server command line', () => {
  it('passes every profile and region, the endpoint, the trusted folder and the tools allowed to run unasked', () => {
    assert.deepEqual(mcpServerArgs({
      serverScript: 'server.js',
      profiles: ['dev', 'prod'],
      regions: ['eu-west-1', 'us-east-1'],
      endpointUrl: 'http://localhost:5000',
      folder: { path: '/src/app', trusted: true },
      runWithoutConfirmation: ['--run-without-confirmation', 'opsLens_runInsightsQuery'],
    }), [
      'server.js', '--profile', 'dev', '--profile', 'prod', '--region', 'eu-west-1', '--region', 'us-east-1',
      '--endpoint-url', 'http://localhost:5000', '--workspace', '/src/app', '--run-without-confirmation', 'opsLens_runInsightsQuery',
    ]);
  });

  it('marks a folder that is not trusted and leaves out what is not set', () => {
    assert.deepEqual(mcpServerArgs({ serverScript: 'server.js', profiles: [], regions: ['eu-west-1'], folder: { path: '/clone', trusted: false }, runWithoutConfirmation: [] }),
      ['server.js', '--region', 'eu-west-1', '--untrusted-workspace', '/clone']);
    assert.deepEqual(mcpServerArgs({ serverScript: 'server.js', profiles: [], regions: [], runWithoutConfirmation: [] }), ['server.js']);
  });

  it('runs as plain node with the shared AWS files the extension reads', () => {
    assert.deepEqual(mcpServerEnv({ configFilepath: '/home/u/.aws/config', filepath: '/home/u/.aws/credentials' }),
      { ELECTRON_RUN_AS_NODE: '1', AWS_CONFIG_FILE: '/home/u/.aws/config', AWS_SHARED_CREDENTIALS_FILE: '/home/u/.aws/credentials' });
    assert.deepEqual(mcpServerEnv({}), { ELECTRON_RUN_AS_NODE: '1' });
  });
});
