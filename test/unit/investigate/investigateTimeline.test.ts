import { strict as assert } from 'node:assert';
import { insightsBlocks } from '../../../src/core/insights/markdownBlocks';
import { parseQueryFileMetadata } from '../../../src/core/insights/metadata';
import { PartsSnapshot, type PartData } from '../../../src/core/investigate/model';
import { notesMarkdown } from '../../../src/core/investigate/notes';
import { assembleTimeline } from '../../../src/core/investigate/timeline';
import { windowAround } from '../../../src/core/investigate/window';
import { asScopeId } from '../../../src/core/scope';

const T = Date.parse('2026-11-22T15:00:00Z');
const MIN = 60_000;

function snapshot(): PartsSnapshot {
  const parts = new PartsSnapshot();
  const window = windowAround(T, T + 60 * MIN);
  const add = (id: string, data: PartData) => parts.apply({ id, kind: data.kind, label: id, status: 'done', at: T, data });
  add('alarm', {
    kind: 'alarm', name: 'orders|errors', region: asScopeId('us-east-1'), alarmKind: 'metric', state: 'ALARM', condition: 'Errors ≥ 1', description: '',
    moment: { at: T, why: 'the latest change into ALARM' }, window,
    transitions: [{ time: T - 120 * MIN, from: 'ALARM', to: 'OK' }, { time: T, from: 'OK', to: 'ALARM' }],
    related: { logGroups: [{ name: '/aws/lambda/checkout', from: 'dimension', detail: 'FunctionName' }], stateMachines: [], healthEndpoints: [] },
  });
  add('logs:/aws/lambda/checkout', {
    kind: 'logs', logGroup: '/aws/lambda/checkout', total: 3, truncated: false,
    perMinute: [{ minute: T - 3 * MIN, count: 1 }, { minute: T - 2 * MIN, count: 2 }],
    top: [{ example: 'Error: boom | [link](command:x)', count: 3, first: T - 3 * MIN, last: T - 2 * MIN }],
  });
  add('executions:m', { kind: 'executions', stateMachineArn: 'm', stateMachine: 'OrderFlow', truncated: false, executions: [{ name: 'run-1', arn: 'a', status: 'FAILED', start: T - 4 * MIN, stop: T - MIN }] });
  add('health', { kind: 'health', endpoints: ['Orders API'], changes: [{ endpoint: 'Orders API', at: T + MIN, from: 'healthy', to: 'down', detail: 'HTTP 503' }] });
  parts.apply({ id: 'runbook', kind: 'runbook', label: 'Runbook', status: 'failed', at: T, error: 'AccessDenied' });
  return parts;
}

describe('investigation: timeline and notes', () => {
  it('puts what happened inside the window in order', () => {
    const entries = assembleTimeline(snapshot());
    assert.deepEqual(entries.map((e) => e.kind), ['errors', 'errors', 'execution', 'alarm', 'health']);
    assert.match(entries[2].what, /run-1 FAILED/);
    // The change two hours earlier is outside the window.
    assert.ok(!entries.some((e) => e.at === T - 120 * MIN));
  });

  it('writes notes whose query block runs as it is, and escapes text from AWS', () => {
    const md = notesMarkdown(snapshot(), T + 60 * MIN);
    assert.match(md, /^# Incident notes: orders\\\|errors/);
    assert.ok(!/(^|[^\\])\]\(command:/m.test(md), 'a message cannot become a link');
    assert.match(md, /\| Time \(UTC\) \| What \|/);
    assert.match(md, /run-1 \| FAILED/);
    assert.match(md, /## Not read\n\n- Runbook: AccessDenied/);
    const blocks = insightsBlocks(md);
    assert.equal(blocks.length, 1);
    const meta = parseQueryFileMetadata(blocks[0].text);
    assert.deepEqual(meta.logGroups, ['/aws/lambda/checkout']);
    assert.equal(meta.range, '2026-11-22T14:30:00Z..2026-11-22T15:15:00Z');
    assert.match(meta.body, /^fields @timestamp/);
  });
});
