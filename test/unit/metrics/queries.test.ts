import { strict as assert } from 'node:assert';
import { resolveShorthand, selectionQueries, toMetricDataQuery, widgetQueries, renameInExpression, expressionReferences } from '../../../src/core/metrics/queries';
import { parseDashboardBody } from '../../../src/core/metrics/dashboard';
import { seed } from '../seeds';
import { asScopeId } from '../../../src/core/scope';

/** The JSON blocks of seed 004 that define dashboard widgets ("Widget 1: …" to "Widget 3: …"), as written there. */
function seedWidgets(): { heading: string; json: Record<string, unknown> }[] {
  const text = seed('004');
  const out: { heading: string; json: Record<string, unknown> }[] = [];
  const re = /####\s+\*\*(Widget \d+: [^*]+)\*\*\s*\n```json\n([\s\S]*?)\n```/g;
  for (const m of text.matchAll(re)) out.push({ heading: m[1], json: JSON.parse(m[2]) as Record<string, unknown> });
  return out;
}

describe('metric widget queries', () => {
  describe("seed 004's three widgets, verbatim", () => {
    const widgets = seedWidgets();

    it('finds the three widget definitions', () => {
      assert.deepEqual(widgets.map((w) => w.heading), ['Widget 1: S3 Storage Metrics', 'Widget 2: CloudFront Performance', 'Widget 3: Error Rates']);
    });

    it('turns S3 Storage Usage into two daily averages in eu-north-1', () => {
      const p = widgets[0].json.properties as Record<string, unknown>;
      const { queries, problems } = widgetQueries(p.metrics, { region: asScopeId('us-east-1'), stat: p.stat as string, period: p.period as number });
      assert.deepEqual(problems, []);
      // The widget's own region wins over the dashboard's.
      const own = widgetQueries(p.metrics, { region: p.region as string, stat: p.stat as string, period: p.period as number }).queries;
      assert.deepEqual(own.map((q) => [q.id, q.region, q.metric?.namespace, q.metric?.metricName, q.metric?.dimensions, q.stat, q.period, q.label]), [
        ['m1', 'eu-north-1', 'AWS/S3', 'BucketSizeBytes', [{ name: 'BucketName', value: 'easy-to-image-production' }], 'Average', 86400, 'BucketSizeBytes'],
        ['m2', 'eu-north-1', 'AWS/S3', 'NumberOfObjects', [{ name: 'BucketName', value: 'easy-to-image-production' }], 'Average', 86400, 'NumberOfObjects'],
      ]);
      assert.equal(queries.length, 2);
      assert.deepEqual(toMetricDataQuery(own[0], 86400), {
        Id: 'm1',
        MetricStat: { Metric: { Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: [{ Name: 'BucketName', Value: 'easy-to-image-production' }] }, Period: 86400, Stat: 'Average' },
        Label: 'BucketSizeBytes',
        ReturnData: true,
      });
    });

    it('turns CDN Performance into three 5-minute sums of one distribution in us-east-1', () => {
      const p = widgets[1].json.properties as Record<string, unknown>;
      const { queries, problems } = widgetQueries(p.metrics, { region: p.region as string, stat: p.stat as string, period: p.period as number });
      assert.deepEqual(problems, []);
      assert.deepEqual(queries.map((q) => [q.id, q.metric?.metricName, q.stat, q.period, q.region]), [
        ['m1', 'Requests', 'Sum', 300, 'us-east-1'],
        ['m2', 'BytesDownloaded', 'Sum', 300, 'us-east-1'],
        ['m3', 'CacheHitRate', 'Sum', 300, 'us-east-1'],
      ]);
      assert.ok(queries.every((q) => q.metric?.dimensions[0].value === 'E3SJ7B3QL1F8WH'));
    });

    it('turns Error Monitoring into CloudFront and S3 error sums', () => {
      const p = widgets[2].json.properties as Record<string, unknown>;
      const { queries } = widgetQueries(p.metrics, { region: p.region as string, stat: p.stat as string, period: p.period as number });
      assert.deepEqual(queries.map((q) => `${q.metric?.namespace}/${q.metric?.metricName} ${q.metric?.dimensions.map((d) => `${d.name}=${d.value}`).join()}`), [
        'AWS/CloudFront/ErrorRate DistributionId=E3SJ7B3QL1F8WH',
        'AWS/S3/4xxErrors BucketName=easy-to-image-production',
        'AWS/S3/5xxErrors BucketName=easy-to-image-production',
      ]);
    });

    it('reads the three widgets as a dashboard body', () => {
      const body = { widgets: widgets.map((w) => w.json) };
      const parsed = parseDashboardBody(JSON.stringify(body));
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.widgets.map((w) => [w.type, w.type === 'metric' ? w.title : '', w.pos]), [
        ['metric', 'S3 Storage Usage', { x: 0, y: 0, width: 6, height: 6 }],
        ['metric', 'CDN Performance', { x: 6, y: 0, width: 6, height: 6 }],
        ['metric', 'Error Monitoring', { x: 12, y: 0, width: 6, height: 6 }],
      ]);
    });
  });

  describe('shorthand', () => {
    it('"..." repeats the previous row, aligning what is written after it with the end', () => {
      assert.deepEqual(resolveShorthand(['...', 'i-2'], ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1']).parts, ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-2']);
      assert.deepEqual(resolveShorthand(['AWS/EC2', 'NetworkIn', '...'], ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1']).parts, ['AWS/EC2', 'NetworkIn', 'InstanceId', 'i-1']);
      assert.deepEqual(resolveShorthand(['...'], ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1']).parts, ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1']);
    });

    it('"." repeats the value at the same position', () => {
      assert.deepEqual(resolveShorthand(['.', 'Errors', '.', '.'], ['AWS/Lambda', 'Invocations', 'FunctionName', 'create_goal-prod']).parts, ['AWS/Lambda', 'Errors', 'FunctionName', 'create_goal-prod']);
      assert.match(resolveShorthand(['.', 'X'], undefined).problem ?? '', /no value above/);
    });

    it('expands a widget written with both, options per row', () => {
      const metrics = [
        ['AWS/ECS', 'CPUUtilization', 'ServiceName', 'ai-video-backend-service', 'ClusterName', 'ai-video-cluster', { stat: 'Average', label: 'Average' }],
        ['...', { stat: 'Maximum', label: 'Maximum', color: '#d62728', yAxis: 'right' }],
        ['.', 'MemoryUtilization', '.', '.', '.', '.', { id: 'mem', period: 60 }],
        ['AWS/ECS', 'RunningTaskCount', 'ServiceName', 'ai-video-backend-service', 'ClusterName', 'ai-video-cluster', { visible: false, region: asScopeId('eu-north-1') }],
      ];
      const { queries, problems } = widgetQueries(metrics, { region: asScopeId('us-east-1'), period: 300 });
      assert.deepEqual(problems, []);
      assert.deepEqual(queries.map((q) => [q.id, q.metric?.metricName, q.stat, q.label, q.color, q.yAxis, q.period, q.visible, q.region]), [
        ['m1', 'CPUUtilization', 'Average', 'Average', undefined, 'left', 300, true, 'us-east-1'],
        ['m2', 'CPUUtilization', 'Maximum', 'Maximum', '#d62728', 'right', 300, true, 'us-east-1'],
        ['mem', 'MemoryUtilization', 'Average', 'MemoryUtilization', undefined, 'left', 60, true, 'us-east-1'],
        ['m4', 'RunningTaskCount', 'Average', 'RunningTaskCount', undefined, 'left', 300, false, 'eu-north-1'],
      ]);
      assert.deepEqual(queries[2].metric?.dimensions, [{ name: 'ServiceName', value: 'ai-video-backend-service' }, { name: 'ClusterName', value: 'ai-video-cluster' }]);
      assert.equal(toMetricDataQuery(queries[3], 300).ReturnData, false);
    });

    it('reads expression rows and keeps their ids', () => {
      const metrics = [
        ['AvatarSystem/Custom', 'UploadErrors', { id: 'errors', visible: false }],
        ['.', 'AvatarUploads', { id: 'uploads', visible: false }],
        [{ expression: '100 * errors / uploads', label: 'Error rate (%)', id: 'rate' }],
        [{ expression: 'SEARCH(\'{AWS/Lambda,FunctionName} MetricName="Errors"\', \'Sum\', 300)' }],
      ];
      const { queries, problems } = widgetQueries(metrics, { region: asScopeId('us-east-1'), stat: 'Sum' });
      assert.deepEqual(problems, []);
      assert.deepEqual(queries.map((q) => [q.id, q.expression ?? q.metric?.metricName, q.label, q.explicitLabel]), [
        ['errors', 'UploadErrors', 'UploadErrors', false],
        ['uploads', 'AvatarUploads', 'AvatarUploads', false],
        ['rate', '100 * errors / uploads', 'Error rate (%)', true],
        ['e4', 'SEARCH(\'{AWS/Lambda,FunctionName} MetricName="Errors"\', \'Sum\', 300)', 'e4', false],
      ]);
      assert.deepEqual(toMetricDataQuery(queries[2], 300), { Id: 'rate', Expression: '100 * errors / uploads', Period: 300, ReturnData: true, Label: 'Error rate (%)' });
      assert.equal(toMetricDataQuery(queries[3], 300).Label, undefined, 'a SEARCH labels its own series');
    });

    it('tells apart rows of one metric in default labels', () => {
      const { queries } = widgetQueries([
        ['AWS/Lambda', 'Duration', 'FunctionName', 'create_goal-prod', { stat: 'p50' }],
        ['...', { stat: 'p99' }],
        ['...', 'FunctionName', 'list_goals-prod', { stat: 'p99' }],
      ], { region: asScopeId('us-east-1') });
      assert.deepEqual(queries.map((q) => q.label), ['Duration create_goal-prod p50', 'Duration create_goal-prod p99', 'Duration list_goals-prod']);
    });

    it('reports rows it cannot read and keeps the rest', () => {
      const { queries, problems } = widgetQueries([
        ['...', 'x'],
        ['AWS/S3', 'BucketSizeBytes', 'BucketName'],
        'not a row',
        ['AWS/S3', 'NumberOfObjects', { id: 'Bad-Id' }],
      ], { region: asScopeId('us-east-1') });
      assert.equal(queries.length, 1);
      assert.equal(queries[0].id, 'm4');
      assert.equal(problems.length, 4);
      assert.match(problems.join('\n'), /first row/);
      assert.match(problems.join('\n'), /got 3 values/);
      assert.match(problems.join('\n'), /not a valid id/);
    });

    it('never gives an automatic id that a row already has', () => {
      const { queries } = widgetQueries([['A', 'x'], ['A', 'y', { id: 'm1' }]], { region: asScopeId('r') });
      assert.deepEqual(queries.map((q) => q.id), ['m2', 'm1']);
    });
  });

  it('charts picked metrics with one statistic for all when asked', () => {
    const picked = [
      { region: asScopeId('us-east-1'), namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: [{ name: 'ServiceName', value: 'a' }] },
      { region: asScopeId('us-east-1'), namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: [{ name: 'ServiceName', value: 'b' }], stat: 'Maximum' },
    ];
    assert.deepEqual(selectionQueries(picked).map((q) => [q.id, q.stat, q.label]), [['m1', 'Average', 'CPUUtilization a'], ['m2', 'Maximum', 'CPUUtilization b']]);
    assert.deepEqual(selectionQueries(picked, 'p99').map((q) => q.stat), ['p99', 'p99']);
  });

  it('renames query ids in expressions, leaving quoted text and functions alone', () => {
    const expr = 'SUM([m1, m2]) / SEARCH(\'{AWS/EC2} m1\', \'Average\') + m10';
    assert.deepEqual(expressionReferences(expr), ['m1', 'm2', 'm10']);
    assert.equal(renameInExpression(expr, (id) => (['m1', 'm2'].includes(id) ? `w0_${id}` : undefined)), 'SUM([w0_m1, w0_m2]) / SEARCH(\'{AWS/EC2} m1\', \'Average\') + m10');
  });
});
