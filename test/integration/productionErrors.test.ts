import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsSession } from '../../src/aws/session';
import { SdkLogs } from '../../src/aws/services/logs';
import { errorEventsQuery, fetchErrorEvents, indexErrors, isErrorEvent, type ErrorIndex } from '../../src/core/productionErrors';
import { createFrameResolver } from '../../src/core/sourceLinks';
import { insightsWindow } from '../../src/productionErrors/insightsWindow';
import { sandboxClients } from '../../sandbox/awsClients';
import { resetMoto } from '../../sandbox/moto';
import { buildLogGroups } from '../../sandbox/scenario/logs';
import { seedLogs } from '../../sandbox/seeders/logs';
import { WORKSPACE_TEMPLATE, workspaceSettings } from '../../sandbox/workspace';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

/** Resolves frames to the sandbox workspace with its own settings' mappings, as the editor does. */
function sandboxResolver() {
  const settings = workspaceSettings({ awsEndpoint: '', healthUrl: '' });
  const files = filesUnder(WORKSPACE_TEMPLATE);
  return createFrameResolver({
    mappings: settings['opsLens.sourceMappings'] as { from: string; to: string }[],
    workspaceFolders: [WORKSPACE_TEMPLATE],
    fileExists: (p) => files.includes(p),
    findBySuffix: (suffix) => files.filter((f) => f.endsWith(`/${suffix}`)),
  });
}

function perLine(index: ErrorIndex): string[] {
  return index.lines.map((l) => `${path.relative(WORKSPACE_TEMPLATE, l.file)}:${l.line} ${l.count} +${l.onPath} ${l.kinds.map((k) => `${k.count}×${k.title}`).join(' | ')}`);
}

describe('production errors over the seeded log groups, through Logs Insights', () => {
  const now = new Date();
  const groups = workspaceSettings({ awsEndpoint: '', healthUrl: '' })['opsLens.productionErrors.logGroups'] as string[];
  const seeded = buildLogGroups(now, []).filter((g) => groups.includes(g.name));
  let session: AwsSession;

  before(async function () {
    this.timeout(120_000);
    await resetMoto(awsEndpoint());
    await seedLogs(sandboxClients(awsEndpoint()), seeded);
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    Object.assign(process.env, testEnv);
  });

  after(() => session.reset());

  it('the real SDK against the stand-in gives the same counts per line as the index of the seeded events', async () => {
    const logs = new SdkLogs(session);
    const end = Math.floor(now.getTime() / 1000) + 60;
    const fetched = await fetchErrorEvents(insightsWindow(logs, asScopeId('us-east-1'), groups, errorEventsQuery(), [100]), end - 24 * 3600, end);
    assert.equal(fetched.complete, true);
    assert.equal(fetched.queries, 1);
    assert.ok(fetched.bytesScanned > 0, 'the statistics say what was scanned');

    const oracleEvents = seeded.flatMap((g) => g.streams.flatMap((s) => s.events.map((e) => ({ timestamp: e.timestamp, message: e.message, logGroup: g.name })))).filter((e) => isErrorEvent(e.message));
    assert.equal(fetched.events.length, oracleEvents.length);
    const fromInsights = perLine(indexErrors(fetched.events, sandboxResolver()));
    assert.deepEqual(fromInsights, perLine(indexErrors(oracleEvents, sandboxResolver())));

    // The known sandbox lines: the Node, Python, Java, Go and PHP services each fail at their own.
    const known = (where: string) => fromInsights.find((l) => l.startsWith(`${where} `));
    assert.match(known('src/handlers/generate.ts:42') ?? '', / 4 \+0 4×QuotaExceededError: Gemini API quota exceeded$/);
    assert.match(known('src/handlers/generate.ts:59') ?? '', / 0 \+6 /);
    assert.match(known('app/images.py:35') ?? '', / 2 \+0 2×ProvisionedThroughputExceededException/);
    assert.match(known('payments/src/main/java/com/acme/payments/ChargeService.java:28') ?? '', / 10 \+0 7×ChargeDeclinedException: card declined \| 3×ChargeDeclinedException: insufficient funds$/);
    assert.match(known('orders/internal/checkout/handler.go:31') ?? '', / 4 \+0 4×runtimeError: runtime error: invalid memory address/);
    assert.match(known('invoicing/app/Services/Invoicer.php:27') ?? '', / 6 \+0 /);
  });

  it('a user filter narrows what is counted, in the query itself', async () => {
    const logs = new SdkLogs(session);
    const end = Math.floor(now.getTime() / 1000) + 60;
    const fetched = await fetchErrorEvents(insightsWindow(logs, asScopeId('us-east-1'), groups, errorEventsQuery('@message not like /QuotaExceededError/'), [100]), end - 24 * 3600, end);
    const lines = perLine(indexErrors(fetched.events, sandboxResolver()));
    assert.equal(lines.some((l) => l.startsWith('src/handlers/generate.ts:42 ')), false);
    assert.ok(lines.some((l) => l.startsWith('src/handlers/generate.ts:44 ')));
  });

  it('counts every event when the range holds more errors than one query returns', async function () {
    this.timeout(120_000);
    const group = '/aws/lambda/busy-ChargeFunction';
    const start = Math.floor(now.getTime() / 1000) - 3600;
    const lines = [27, 31, 58];
    const events = Array.from({ length: 12_500 }, (_, i) => ({
      timestamp: (start + Math.floor(i / 4)) * 1000 + (i % 4) * 10,
      message: `2026-11-30T10:00:00.000Z\t${String(i).padStart(8, '0')}-0d7e-4a51-9b2e-3c1d2e4f5a6b\tERROR\tInvoke Error \t${JSON.stringify({ errorType: 'QuotaExceededError', errorMessage: 'Gemini API quota exceeded', stack: ['QuotaExceededError: Gemini API quota exceeded', `    at generateImages (/var/task/src/handlers/generate.ts:${lines[i % 3]}:11)`] })}`,
    }));
    await seedLogs(sandboxClients(awsEndpoint()), [{ name: group, streams: [{ name: 'busy/1', events }] }]);
    const fetched = await fetchErrorEvents(insightsWindow(new SdkLogs(session), asScopeId('us-east-1'), [group], errorEventsQuery(), [100]), start - 60, start + 3600);
    assert.equal(fetched.queries, 2, 'the second query reads what the first could not return');
    assert.equal(fetched.complete, true);
    assert.equal(fetched.events.length, 12_500);
    const counts = indexErrors(fetched.events, sandboxResolver()).lines.map((l) => [path.relative(WORKSPACE_TEMPLATE, l.file), l.line, l.count]);
    assert.deepEqual(counts, [['src/handlers/generate.ts', 27, 4167], ['src/handlers/generate.ts', 31, 4167], ['src/handlers/generate.ts', 58, 4166]]);
  });
});
