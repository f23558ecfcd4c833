import { strict as assert } from 'node:assert';
import { alarmRefFromArn, layoutWidgets, parseDashboardBody, splitLogQuery, widgetTitle } from '../../../src/core/metrics/dashboard';

/** Seed 003's goals dashboard as its "Dashboard Sections" describe it, rows 1–5. */
const goalsDashboard = {
  start: '-PT3H',
  widgets: [
    { type: 'metric', width: 8, properties: { title: 'API Invocations', region: 'us-east-1', stat: 'Sum', period: 300, metrics: [['AWS/Lambda', 'Invocations', 'FunctionName', 'create_goal-prod'], ['...', 'list_goals-prod'], ['...', 'log_activity-prod']] } },
    { type: 'metric', width: 8, properties: { title: 'API Errors', region: 'us-east-1', stat: 'Sum', period: 300, metrics: [['AWS/Lambda', 'Errors', 'FunctionName', 'create_goal-prod'], ['...', 'list_goals-prod']] } },
    { type: 'metric', width: 8, properties: { title: 'Concurrent Executions', region: 'us-east-1', stat: 'Maximum', metrics: [['AWS/Lambda', 'ConcurrentExecutions']] } },
    { type: 'metric', width: 24, properties: { title: 'Latency', region: 'us-east-1', metrics: [['AWS/Lambda', 'Duration', 'FunctionName', 'create_goal-prod', { stat: 'p50' }], ['...', { stat: 'p95' }], ['...', { stat: 'p99' }]], annotations: { horizontal: [{ label: 'p99 target', value: 200 }] } } },
    { type: 'metric', width: 12, properties: { title: 'Consumed Capacity', region: 'us-east-1', stat: 'Sum', metrics: [['AWS/DynamoDB', 'ConsumedReadCapacityUnits', 'TableName', 'ai-lifestyle-app-goals-prod'], ['.', 'ConsumedWriteCapacityUnits', '.', '.']] } },
    { type: 'metric', width: 12, properties: { title: 'DynamoDB Errors', region: 'us-east-1', stat: 'Sum', stacked: true, metrics: [['AWS/DynamoDB', 'UserErrors'], ['.', 'SystemErrors', 'TableName', 'ai-lifestyle-app-goals-prod']] } },
    { type: 'metric', width: 12, properties: { title: 'Goal Pattern Distribution', view: 'pie', region: 'us-east-1', stat: 'Sum', setPeriodToTimeRange: true, metrics: [['AILifestyle/Goals', 'GoalsCreated', 'Pattern', 'recurring'], ['...', 'milestone'], ['...', 'target']] } },
    { type: 'metric', width: 12, properties: { title: 'Activity Logging Rate', view: 'timeSeries', region: 'us-east-1', stat: 'Sum', metrics: [['AILifestyle/Goals', 'ActivitiesLogged']] } },
    { type: 'log', width: 24, properties: { title: 'Recent Errors', region: 'us-east-1', view: 'table', query: "SOURCE '/aws/lambda/create_goal-prod' | SOURCE '/aws/lambda/list_goals-prod' | fields @timestamp, @message\n| filter @message like /ERROR/\n| sort @timestamp desc\n| limit 50" } },
  ],
};

describe('dashboard bodies', () => {
  it("lays out seed 003's goals dashboard row by row on the 24-column grid", () => {
    const parsed = parseDashboardBody(JSON.stringify(goalsDashboard));
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.range, '3h');
    assert.deepEqual(parsed.widgets.map((w) => [widgetTitle(w), w.pos.x, w.pos.y, w.pos.width, w.pos.height]), [
      ['API Invocations', 0, 0, 8, 6],
      ['API Errors', 8, 0, 8, 6],
      ['Concurrent Executions', 16, 0, 8, 6],
      ['Latency', 0, 6, 24, 6],
      ['Consumed Capacity', 0, 12, 12, 6],
      ['DynamoDB Errors', 12, 12, 12, 6],
      ['Goal Pattern Distribution', 0, 18, 12, 6],
      ['Activity Logging Rate', 12, 18, 12, 6],
      ['Recent Errors', 0, 24, 24, 6],
    ]);
    assert.equal(parsed.rows, 30);
    const pie = parsed.widgets[6];
    assert.ok(pie.type === 'metric' && pie.view === 'pie' && pie.periodIsRange);
    const latency = parsed.widgets[3];
    assert.ok(latency.type === 'metric');
    assert.deepEqual(latency.annotations, [{ value: 200, label: 'p99 target', color: undefined, yAxis: 'left' }]);
    const log = parsed.widgets[8];
    assert.ok(log.type === 'log');
    assert.deepEqual(log.logGroups, ['/aws/lambda/create_goal-prod', '/aws/lambda/list_goals-prod']);
    assert.match(log.query, /^fields @timestamp, @message\n\| filter/);
  });

  it('uses width 6 and height 6 when missing and flows widgets without x/y into free space', () => {
    assert.deepEqual(layoutWidgets([{}, {}, {}, {}, {}]), [
      { x: 0, y: 0, width: 6, height: 6 },
      { x: 6, y: 0, width: 6, height: 6 },
      { x: 12, y: 0, width: 6, height: 6 },
      { x: 18, y: 0, width: 6, height: 6 },
      { x: 0, y: 6, width: 6, height: 6 },
    ]);
    // Placed widgets keep their place; the others fill around them.
    assert.deepEqual(layoutWidgets([{ x: 0, y: 0, width: 24, height: 2 }, { width: 12 }, { x: 12, y: 2, width: 12, height: 6 }, {}]), [
      { x: 0, y: 0, width: 24, height: 2 },
      { x: 0, y: 2, width: 12, height: 6 },
      { x: 12, y: 2, width: 12, height: 6 },
      { x: 0, y: 8, width: 6, height: 6 },
    ]);
    // Out-of-grid sizes are clamped.
    assert.deepEqual(layoutWidgets([{ x: 20, y: 0, width: 30, height: 0 }]), [{ x: 0, y: 0, width: 24, height: 1 }]);
    assert.deepEqual(layoutWidgets([{ x: 22, y: 3, width: 6 }]), [{ x: 18, y: 3, width: 6, height: 6 }]);
  });

  it('reads alarm, text and unknown widgets, and never trusts the body', () => {
    const parsed = parseDashboardBody({
      widgets: [
        { type: 'text', x: 0, y: 0, width: 24, height: 2, properties: { markdown: '# Hi', background: 'transparent' } },
        { type: 'alarm', properties: { title: 'Critical alarms', alarms: ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:dev-ecs-service-unhealthy', 'arn:aws:cloudwatch:eu-north-1:123456789012:alarm:name:with:colons', 42] } },
        { type: 'explorer', properties: { title: 'EC2 explorer' } },
        { type: 'custom' },
        'garbage',
      ],
    });
    assert.deepEqual(parsed.widgets.map((w) => w.type), ['text', 'alarm', 'other', 'other', 'other']);
    const [text, alarm, explorer, custom] = parsed.widgets;
    assert.ok(text.type === 'text' && text.transparent && text.markdown === '# Hi');
    assert.ok(alarm.type === 'alarm');
    assert.deepEqual(alarm.alarms.map((a) => [a.region, a.name]), [['us-east-1', 'dev-ecs-service-unhealthy'], ['eu-north-1', 'name:with:colons']]);
    assert.ok(explorer.type === 'other' && explorer.widgetType === 'explorer');
    assert.equal(widgetTitle(custom), 'custom');
    assert.deepEqual(parsed.problems, ['widget 5 is not an object']);
    assert.match(parseDashboardBody('{ not json').problems[0], /not valid JSON/);
    assert.deepEqual(parseDashboardBody('[]').problems, ['The dashboard body is not a JSON object']);
  });

  it('keeps every CloudWatch metric view and notes one it does not know', () => {
    const views = ['timeSeries', 'singleValue', 'gauge', 'bar', 'pie', 'table', 'heatmap'];
    const parsed = parseDashboardBody({ widgets: views.map((view) => ({ type: 'metric', properties: { view, metrics: [['AWS/ECS', 'CPUUtilization']] } })) });
    const read = parsed.widgets.map((w) => (w.type === 'metric' ? [w.view, w.requestedView] : []));
    assert.deepEqual(read, [
      ['timeSeries', undefined], ['singleValue', undefined], ['gauge', undefined], ['bar', undefined], ['pie', undefined], ['table', undefined], ['timeSeries', 'heatmap'],
    ]);
  });

  it('names metric widgets without a title after their metrics', () => {
    const parsed = parseDashboardBody({ widgets: [{ type: 'metric', properties: { metrics: [['AWS/ECS', 'CPUUtilization'], ['.', 'MemoryUtilization'], ['...']] } }] });
    assert.equal(widgetTitle(parsed.widgets[0]), 'CPUUtilization, MemoryUtilization');
  });

  it('reads alarm ARNs and log queries', () => {
    assert.deepEqual(alarmRefFromArn('dev-rds-cpu-critical'), { arn: 'dev-rds-cpu-critical', name: 'dev-rds-cpu-critical' });
    assert.deepEqual(splitLogQuery('fields @message'), { logGroups: [], query: 'fields @message' });
    assert.deepEqual(splitLogQuery("SOURCE \"/ecs/dev/ai-video-backend\" | stats count()"), { logGroups: ['/ecs/dev/ai-video-backend'], query: 'stats count()' });
  });
});
