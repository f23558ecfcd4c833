import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeSecret, encodeSecret, isLoopback, secretRefusal } from '../../../src/core/health/secrets';
import { createFrameResolver, type ResolveOptions } from '../../../src/core/sourceLinks';

describe('health secrets are bound to the origin they were stored for', () => {
  const stored = { value: 'tok', origins: ['https://api.example.com'] };

  it('go to their origin only', () => {
    assert.equal(secretRefusal('API', stored, 'https://api.example.com/health', 'workspace'), undefined);
    assert.match(secretRefusal('API', stored, 'https://api.example.com:8443/health', 'workspace') ?? '', /stored for https:\/\/api\.example\.com, not for https:\/\/api\.example\.com:8443/);
    assert.match(secretRefusal('API', stored, 'https://evil.example/health', 'user') ?? '', /not for https:\/\/evil\.example/);
  });

  it('never over plain http, except to this machine', () => {
    const local = { value: 'tok', origins: ['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:9'] };
    assert.match(secretRefusal('API', { value: 'tok', origins: ['http://api.example.com'] }, 'http://api.example.com/health', 'user') ?? '', /not sent over plain http to api\.example\.com/);
    assert.equal(secretRefusal('API', local, 'http://127.0.0.1:8080/health', 'workspace'), undefined);
    assert.equal(secretRefusal('API', local, 'http://localhost:3000/health', 'workspace'), undefined);
    assert.equal(secretRefusal('API', local, 'http://[::1]:9/health', 'workspace'), undefined);
    assert.ok(isLoopback('127.1.2.3') && isLoopback('api.localhost') && !isLoopback('127.0.0.1.evil.example'));
  });

  it('a secret stored before origins were kept goes only to endpoints of the user settings', () => {
    const legacy = decodeSecret('plain-old-value');
    assert.deepEqual(legacy, { value: 'plain-old-value' });
    assert.equal(secretRefusal('API', legacy, 'https://api.example.com/health', 'user'), undefined);
    assert.match(secretRefusal('API', legacy, 'https://api.example.com/health', 'workspace') ?? '', /only to endpoints in your user settings/);
    assert.deepEqual(decodeSecret(encodeSecret(stored)), stored);
  });
});

describe('source links: a file counts only when its real path is in the workspace', () => {
  let root: string;
  let workspace: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-links-'));
    workspace = path.join(root, 'repo');
    const home = path.join(root, 'home', '.aws');
    fs.mkdirSync(path.join(workspace, 'src', 'handlers'), { recursive: true });
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(path.join(home, 'credentials'), '[default]\naws_secret_access_key = do-not-show\n');
    fs.writeFileSync(path.join(workspace, 'src', 'handlers', 'generate.ts'), 'export {};\n');
    // What a cloned repository can hold: a link out of itself, and one inside it.
    fs.symlinkSync(home, path.join(workspace, 'src', 'cfg'));
    fs.symlinkSync(path.join(workspace, 'src', 'handlers'), path.join(workspace, 'src', 'h'));
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const options = (realPath?: ResolveOptions['realPath']): ResolveOptions => ({
    mappings: [{ from: '/var/task/', to: '${workspaceFolder}/' }],
    workspaceFolders: [workspace],
    fileExists: (p) => fs.existsSync(p) && fs.statSync(p).isFile(),
    findBySuffix: () => [path.join(workspace, 'src', 'cfg', 'credentials')],
    realPath,
  });
  const real = (p: string) => {
    try {
      return fs.realpathSync.native(p);
    } catch {
      return undefined;
    }
  };

  it('refuses a log line naming a file behind a symlink out of the workspace', () => {
    const frame = { path: '/var/task/src/cfg/credentials', kind: 'node' as const };
    assert.equal(createFrameResolver(options())(frame), path.join(workspace, 'src', 'cfg', 'credentials'), 'path strings alone let it through');
    assert.equal(createFrameResolver(options(real))(frame), undefined);
    assert.equal(createFrameResolver(options(real))({ path: '/opt/other/cfg/credentials', kind: 'node' }), undefined, 'not through findBySuffix either');
  });

  it('still follows a symlink that stays inside the workspace', () => {
    assert.equal(createFrameResolver(options(real))({ path: '/var/task/src/h/generate.ts', kind: 'node' }), path.join(workspace, 'src', 'h', 'generate.ts'));
  });
});
