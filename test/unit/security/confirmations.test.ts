import * as assert from 'node:assert/strict';
import { fake, FakeEvent, installVscodeFake } from './fakeVscode';

installVscodeFake();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { exportResults } = require('../../../src/insights/export') as typeof import('../../../src/insights/export');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HealthSecrets, promptAndStoreSecret } = require('../../../src/health/secrets') as typeof import('../../../src/health/secrets');

/**
 * A `command:` link can call any command with arguments of its choosing: commands that write ask
 * first, in a modal that names what happens, whatever the arguments.
 */
describe('commands that change something ask first, whatever their arguments', () => {
  beforeEach(() => {
    fake.shown.length = 0;
    fake.written.length = 0;
    fake.answer = undefined;
  });

  it('exportResults with a target names the file and writes nothing unless confirmed', async () => {
    const data = { queryName: 'errors', rows: [[{ field: 'a', value: '1' }]] };
    const results = { get: () => data } as never;
    const arg = { uri: 'ops-lens-insights:/1/errors.log', format: 'csv', target: '/home/someone/.bashrc' };
    assert.equal(await exportResults(results, arg), undefined);
    assert.equal(fake.written.length, 0);
    const asked = fake.shown.find((m) => m.options.modal);
    assert.ok(asked, 'a modal was shown');
    assert.match(asked.message, /Write 1 result row to \/home\/someone\/\.bashrc\?/);
    fake.answer = 'Export';
    await exportResults(results, arg);
    assert.deepEqual(fake.written.map((w) => w.path), ['/home/someone/.bashrc']);
  });

  it('setSecret with a name and a value stores nothing unless confirmed, and says where it will go', async () => {
    const stored = new Map<string, string>();
    const storage = { get: async (k: string) => stored.get(k), store: async (k: string, v: string) => void stored.set(k, v), delete: async (k: string) => void stored.delete(k), onDidChange: new FakeEvent().event };
    const secrets = new HealthSecrets(storage as never);
    const originsOf = () => ['https://api.example.com'];
    assert.equal(await promptAndStoreSecret(secrets, ['API_TOKEN'], originsOf, 'API_TOKEN', 'attacker-chosen'), undefined);
    assert.equal(stored.size, 0);
    const asked = fake.shown.find((m) => m.options.modal)!;
    assert.match(asked.message, /Store a new value for the health secret API_TOKEN\?/);
    assert.match(asked.options.detail ?? '', /sent only to https:\/\/api\.example\.com/);
    fake.answer = 'Store';
    assert.deepEqual(await promptAndStoreSecret(secrets, ['API_TOKEN'], originsOf, 'API_TOKEN', 'chosen-by-me'), { name: 'API_TOKEN', deleted: false });
    assert.deepEqual(await secrets.get('API_TOKEN'), { value: 'chosen-by-me', origins: ['https://api.example.com'] });
    fake.answer = undefined;
    assert.equal(await promptAndStoreSecret(secrets, ['API_TOKEN'], originsOf, 'API_TOKEN', ''), undefined, 'deleting asks too');
    assert.equal((await secrets.get('API_TOKEN'))?.value, 'chosen-by-me', 'still stored');
    secrets.dispose();
  });
});
