// Every change Ops Lens makes in AWS goes through confirmWrite (src/platform/confirmWrite.ts): the typed
// account name in production, the refusal in read-only accounts, the audit line. A new write command, or
// a write called outside a permit, fails here.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');
/** Commands that only read (StartQuery, StopQuery and StartLiveTail cost money but change nothing). */
const READS = /^(Describe|List|Get|Filter|Lookup)\w+Command$|^(StartQuery|StopQuery|StartLiveTail)Command$/;
/** The writes, and the methods of the AWS service wrappers that send them. */
const WRITES: Record<string, string> = {
  PutQueryDefinitionCommand: 'putQueryDefinition',
  StartExecutionCommand: 'start',
  StopExecutionCommand: 'stop',
  RedriveExecutionCommand: 'redrive',
  PutAlarmMuteRuleCommand: 'putMuteRule',
  DeleteAlarmMuteRuleCommand: 'deleteMuteRule',
};

/**
 * Commands that run a person's own code, never a change Ops Lens decides on: Lambda's Invoke draws a dashboard's
 * custom widgets, only after the person allowed that dashboard's functions (a modal names them).
 */
const ALLOWED_RUNS: Record<string, string> = { InvokeCommand: 'invokeWidget' };

function sources(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return d.name.endsWith('.ts') ? [{ file: path.relative(SRC, full), text: fs.readFileSync(full, 'utf8') }] : [];
  });
}

describe('changes in AWS go through confirmWrite', () => {
  const all = sources(SRC);

  it('sends no AWS command that changes something besides the known writes', () => {
    const commands = new Set(all.flatMap(({ text }) => [...text.matchAll(/new sdk\.\w+\.(\w+Command)\b/g)].map((m) => m[1])));
    assert.ok(commands.has('DescribeAlarmsCommand'), 'the scan finds the SDK commands');
    const unknown = [...commands].filter((c) => !READS.test(c) && !(c in WRITES) && !(c in ALLOWED_RUNS));
    assert.deepEqual(unknown, [], 'a new write: call it inside confirmWrite\'s permit.run and list it in WRITES');
  });

  it('calls every write only inside a permit from confirmWrite', () => {
    const methods = [...new Set(Object.values(WRITES))].join('|');
    const call = new RegExp(`\\b(?:api|stepFunctions|logs|cloudWatch)\\.(?:${methods})\\(`, 'g');
    const sites = all.filter(({ file }) => !file.startsWith(`aws${path.sep}`)).flatMap(({ file, text }) =>
      text.split('\n').flatMap((line, i) => (line.match(call) ? [{ where: `${file}:${i + 1}`, guarded: /permit\.run\(\(\) => /.test(line) }] : [])));
    assert.ok(sites.length >= 4, `stop, redrive, start and save query definition are found: ${sites.map((s) => s.where).join(', ')}`);
    assert.deepEqual(sites.filter((s) => !s.guarded).map((s) => s.where), []);
  });

  it('invokes a custom widget function only where the dashboard\'s permission was checked first', () => {
    const sites = all.filter(({ file }) => !file.startsWith(`aws${path.sep}`)).flatMap(({ file, text }) => (/\.invokeWidget\(/.test(text) ? [{ file, text }] : []));
    assert.deepEqual(sites.map((s) => s.file), [path.join('metrics', 'customWidgets.ts')]);
    const text = sites[0].text;
    assert.ok(text.indexOf('!deps.isAllowed(dashboard)) return out;') >= 0 && text.indexOf('!deps.isAllowed(dashboard)) return out;') < text.indexOf('.invokeWidget('), 'the permission is checked before any invoke');
  });
});
