// The extension-host and e2e layers fail on any error Ops Lens logged that no test expected; an expected
// error is excused only when its words match and it was logged while the test that expects it ran.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unexpectedHostErrors } from '../../support/hostLogs';

/** VS Code's log timestamp: local time to the millisecond. */
function stamp(at: number): string {
  const d = new Date(at);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

describe('Host errors a test expects', () => {
  const start = new Date(2026, 11, 7, 10, 0, 0, 0).getTime();
  const SSO = "CredentialsProviderError: Cannot refresh. To refresh this SSO session run 'aws sso login' with the corresponding profile.";
  let userData: string;

  beforeEach(() => {
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-host-errors-'));
  });
  afterEach(() => fs.rmSync(userData, { recursive: true, force: true }));

  function logged(entries: [number, string, string][]): void {
    const dir = path.join(userData, 'logs', '20261207T100000', 'exthost1', 'ops-lens.ops-lens');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'Ops Lens.log'), entries.map(([at, level, text]) => `${stamp(at)} [${level}] ${text}\n`).join(''));
  }

  const expected = [{ pattern: /To refresh this SSO session run 'aws sso login'/, from: start + 60_000, until: start + 120_000 }];

  it('excuses an expected error logged while its test ran', () => {
    logged([[start + 90_000, 'error', SSO]]);
    assert.deepEqual(unexpectedHostErrors(userData, expected), []);
  });

  it('fails the same error logged before or after its test', () => {
    logged([[start + 59_000, 'error', SSO], [start + 121_000, 'error', SSO]]);
    const found = unexpectedHostErrors(userData, expected);
    assert.deepEqual(found.map((e) => e.at), [start + 59_000, start + 121_000]);
  });

  it('fails an error during the test that the pattern does not name, such as one that merely mentions a token', () => {
    logged([[start + 90_000, 'error', 'SyntaxError: Unexpected token < in JSON at position 0'], [start + 91_000, 'warning', SSO]]);
    const found = unexpectedHostErrors(userData, expected);
    assert.equal(found.length, 1);
    assert.match(found[0].text, /Unexpected token </);
  });
});
