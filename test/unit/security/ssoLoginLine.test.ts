import * as assert from 'node:assert/strict';
import { ssoLoginCommand, typableLoginCommand } from '../../../src/aws/ssoCache';
import { fake, installVscodeFake } from './fakeVscode';

installVscodeFake();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { typeLoginCommand } = require('../../../src/session/ssoExpiry') as typeof import('../../../src/session/ssoExpiry');

describe('the SSO login line is typed only when no shell can read the profile name as commands', () => {
  beforeEach(() => {
    fake.typed.length = 0;
    fake.shown.length = 0;
    fake.clipboard = '';
    fake.answer = undefined;
  });

  it('names of letters, digits and _.@+=,/- are typed, not run', async () => {
    for (const name of ['prod-admin', 'team.ops@acme', 'a+b=c,d/e_f']) {
      assert.equal(typableLoginCommand(name), `aws sso login --profile ${name}`);
    }
    await typeLoginCommand('prod-admin');
    assert.deepEqual(fake.typed, [{ text: 'aws sso login --profile prod-admin', enter: false }]);
    assert.equal(fake.shown.length, 0);
  });

  it('a name that breaks out of POSIX quoting in PowerShell or cmd.exe is shown with a Copy button, never typed', async () => {
    // PowerShell ends 'x'\'' at the second quote; sendText turns a newline into Enter in any shell.
    for (const name of ["x'; calc; '", 'a\nid\nb', 'a b$(id)', 'x&calc', 'x%PATH%', 'x`whoami`', 'a"b', '']) {
      assert.equal(typableLoginCommand(name), undefined, JSON.stringify(name));
    }
    const name = "x'; calc; '";
    fake.answer = 'Copy Command';
    assert.equal(await typeLoginCommand(name), undefined);
    assert.deepEqual(fake.typed, [], 'nothing typed in a terminal');
    assert.equal(fake.shown.length, 1);
    const [shown] = fake.shown;
    assert.equal(shown.severity, 'warning');
    assert.deepEqual(shown.items, ['Copy Command']);
    assert.match(shown.message, /does not type the login command\. Run it yourself \(quoted for bash and zsh; check the quoting in PowerShell or cmd\.exe\): aws sso login --profile 'x'\\''; calc; '\\'''$/);
    assert.equal(fake.clipboard, ssoLoginCommand(name));
  });

  it('dismissing the message copies nothing', async () => {
    await typeLoginCommand('a\nid\nb');
    assert.equal(fake.clipboard, '');
    assert.deepEqual(fake.typed, []);
  });
});
