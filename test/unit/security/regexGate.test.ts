import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REGEX_ALLOWLIST } from './regexAllowlist';
import { allowed, regexGate, regexSites, sourceFiles, type Finding } from './regexGate';

const ROOT = path.resolve(__dirname, '../../..');

function listing(findings: readonly Finding[]): string {
  return findings.map((f) => `  ${f.site.file}:${f.site.line}  /${f.site.pattern}/${f.site.flags}  ${f.verdict}${f.attack ? `  attack: ${f.attack.slice(0, 120)}` : ''}`).join('\n');
}

describe('regular expressions: every one in src is checked for catastrophic backtracking', function () {
  // The checker takes up to a few seconds on a pattern it has to fuzz; a few hundred patterns on two cores.
  this.timeout(20 * 60 * 1000);
  const sites = sourceFiles(ROOT, 'src').flatMap((file) => regexSites(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));

  it('finds the regexes of the source: literals and new RegExp(…), with their flags', () => {
    assert.ok(sites.length > 300, `only ${sites.length} found`);
    const details = sites.filter((s) => s.file === 'src/core/alarms/details.ts');
    assert.ok(details.some((s) => s.literal && s.flags === 'gm' && s.pattern.startsWith('^(')), 'the line-start escape of alarm text');
    assert.ok(sites.some((s) => !s.literal && s.file === 'src/core/logs/wildcard.ts'), 'a RegExp built from a filter pattern');
  });

  it('no regex the checker finds super-linear, and none built at run time, is missing from the allowlist', async () => {
    const { unlisted, undecided } = await regexGate(sites, REGEX_ALLOWLIST);
    if (undecided.length) console.log(`      (${undecided.length} patterns not decided within the checker's time limit:\n${listing(undecided)})`);
    assert.equal(unlisted.length, 0, `Make these linear, or add them to test/unit/security/regexAllowlist.ts with the reason they are safe and the cap on their input:\n${listing(unlisted)}`);
  });

  it('every allowlist entry names a regex still in the source, with a reason and an input cap', () => {
    for (const entry of REGEX_ALLOWLIST) {
      assert.ok(sites.some((s) => allowed(s, [entry])), `no longer in the source, remove it: ${entry.file} ${entry.pattern}`);
      assert.ok(entry.reason.length > 20 && entry.inputCap.length > 3, `say why it is safe: ${entry.file} ${entry.pattern}`);
    }
  });

  it('the gate reports a planted quadratic regex, an exponential one and an unlisted new RegExp(variable)', async () => {
    const planted = [
      // The line-start escape of alarm text and the completion check before they were made linear.
      "export const a = (s: string) => s.replace(/^(\\s*)([#+\\-=]|\\d+\\.)/gm, '$1\\\\$2') + /^\\s*\\|?\\s*\\w*$/.test(s);",
      'export const b = (s: string) => /(a|a)*b/.test(s);',
      'export const c = (p: string) => new RegExp(p);',
      'export const d = (s: string) => /^[a-z]+$/.test(s);',
    ].join('\n');
    // A generous limit: these must be decided even on a machine busy with other work.
    const { unlisted } = await regexGate(regexSites('src/planted.ts', planted), REGEX_ALLOWLIST, 60_000);
    assert.deepEqual(unlisted.map((f) => [f.site.pattern, f.verdict.replace(/:.*/, '')]), [
      ['^(\\s*)([#+\\-=]|\\d+\\.)', 'vulnerable'],
      ['^\\s*\\|?\\s*\\w*$', 'vulnerable'],
      ['(a|a)*b', 'vulnerable'],
      ['p', 'built at run time'],
    ]);
    const listed = await regexGate(regexSites('src/planted.ts', planted), [{ file: 'src/planted.ts', pattern: '(a|a)*b', reason: 'planted to prove the allowlist is honoured', inputCap: 'none' }], 60_000);
    assert.ok(!listed.unlisted.some((f) => f.site.pattern === '(a|a)*b'), 'an allowlisted pattern passes');
  });
});
