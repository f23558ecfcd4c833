import { strict as assert } from 'node:assert';
import { resolveRunbook, parseTarget } from '../../../src/core/runbooks/resolve';
import { bestHeadingMatch, nameWords } from '../../../src/core/runbooks/nameMatching';
import { findHeading, markdownHeadings } from '../../../src/core/runbooks/headings';
import { compileGlob } from '../../../src/core/runbooks/glob';
import { seed } from '../seeds';

describe('runbook resolution', () => {
  const guide = { path: 'docs/MONITORING.md', text: seed('002') };
  const lifestyle = { path: 'docs/goals.md', text: seed('003') };
  const docs = [guide, lifestyle];

  const headingFor = (alarmName: string) => {
    const r = resolveRunbook({ alarmName, description: '', mappings: [], documents: docs });
    return r?.kind === 'file' ? `${r.path}#${r.anchor}` : r?.kind;
  };

  it('matches the alarm name to a heading of seed 002 by its words', () => {
    assert.equal(headingFor('dev-ecs-service-unhealthy'), 'docs/MONITORING.md#ECS Service Unhealthy');
    assert.equal(headingFor('dev-rds-cpu-critical'), 'docs/MONITORING.md#RDS CPU Critical');
    assert.equal(headingFor('prod-rds-storage-critical'), 'docs/MONITORING.md#RDS Storage Critical');
    assert.equal(headingFor('dev-redis-memory-warning'), 'docs/MONITORING.md#Redis Memory Warning');
    assert.equal(headingFor('staging_MonthlyCostWarning'), 'docs/MONITORING.md#Monthly Cost Warning');
    assert.equal(headingFor('ai-lifestyle-app-goals-prod-dynamodb-throttles'), 'docs/goals.md#3. DynamoDB Throttles');
  });

  it('gives the heading line so the file opens there', () => {
    const r = resolveRunbook({ alarmName: 'dev-ecs-service-unhealthy', description: '', mappings: [], documents: docs });
    assert.ok(r?.kind === 'file');
    assert.equal(guide.text.split('\n')[r.line!], '#### ECS Service Unhealthy');
  });

  it('finds nothing rather than a wrong page', () => {
    assert.equal(headingFor('payments-queue-depth'), undefined);
    assert.equal(bestHeadingMatch('dev-memory', docs), undefined, 'a one-word heading must be the whole name');
  });

  it('resolves in order: setting, description URL, tag, heading', () => {
    const base = { alarmName: 'dev-ecs-service-unhealthy', documents: docs, tags: { Runbook: 'https://wiki.example.com/tag' } };
    const withSetting = resolveRunbook({ ...base, description: 'see https://wiki.example.com/desc.', mappings: [{ alarm: 'DEV-ECS-*', target: 'docs/ecs.md#Service down' }] });
    assert.deepEqual(withSetting, { kind: 'file', path: 'docs/ecs.md', anchor: 'Service down', source: 'setting' });
    assert.deepEqual(resolveRunbook({ ...base, description: 'Runbook: https://wiki.example.com/desc.', mappings: [{ alarm: 'other-*', target: 'x.md' }] }), { kind: 'url', url: 'https://wiki.example.com/desc', source: 'description' });
    assert.deepEqual(resolveRunbook({ ...base, description: 'no link', mappings: [] }), { kind: 'url', url: 'https://wiki.example.com/tag', source: 'tag' });
    assert.equal(resolveRunbook({ ...base, tags: {}, description: 'http://insecure.example.com', mappings: [] })?.source, 'heading');
  });

  it('never opens other schemes or paths outside the workspace', () => {
    assert.equal(parseTarget('javascript:alert(1)', 'setting'), undefined);
    assert.equal(parseTarget('file:///etc/passwd', 'setting'), undefined);
    assert.equal(parseTarget('../outside.md', 'setting'), undefined);
    assert.deepEqual(parseTarget('./docs/run.md#Step 1', 'tag'), { kind: 'file', path: 'docs/run.md', anchor: 'Step 1', source: 'tag' });
  });

  it('matches globs on whole names, case-insensitively', () => {
    assert.ok(compileGlob('dev-*-critical').test('DEV-rds-cpu-critical'));
    assert.ok(!compileGlob('dev-*').test('prod-dev-x'));
    assert.ok(compileGlob('a.b?').test('a.bc'));
    assert.ok(!compileGlob('a.b').test('axb'));
  });

  it('splits names the way people write them', () => {
    assert.deepEqual(nameWords('StepFunction-Failures'), ['step', 'function', 'failure']);
    assert.deepEqual(nameWords('API-High-Errors'), ['api', 'high', 'error']);
    assert.deepEqual(nameWords('#### 2. High Latency (p99)'), ['high', 'latency', 'p99']);
  });

  it('finds headings by text or slug and skips code blocks', () => {
    const headings = markdownHeadings('# Top\n```bash\n# not a heading\n```\n## 🚨 **Critical Alerts** (Immediate)\n');
    assert.deepEqual(headings.map((h) => h.line), [0, 4]);
    assert.equal(findHeading(headings, 'critical-alerts-immediate')?.line, 4);
    assert.equal(findHeading(headings, 'Critical Alerts (Immediate)')?.line, 4);
    assert.equal(findHeading(headings, 'Nope'), undefined);
  });
});
