// A dashboard's custom widgets and PromQL charts as the loader draws them, with hand-written fakes of the seams.
import { strict as assert } from 'node:assert';
import type { InvokeResult, LambdaApi } from '../../../src/aws/services/lambda';
import { asScopeId, type ScopeId } from '../../../src/core/scope';
import { permissionKey, type DashboardFunctions } from '../../../src/metrics/customWidgets';
import { ChartLoader } from '../../../src/metrics/loader';
import type { ChartWidgetView, PanelState, PlaceholderWidgetView, TextWidgetView } from '../../../src/webview/protocol';
import * as F from '../../fixtures/dashboards/widgets2';
import { FakeMetrics } from './fakeMetrics';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const REGION = asScopeId('us-east-1');
const source = { kind: 'dashboard' as const, region: REGION, name: 'ops' };
const state: PanelState = { version: 1, source, range: '3h', autoRefresh: false };

class FakeLambda implements LambdaApi {
  readonly calls: { scope: ScopeId; name: string; event: unknown }[] = [];
  constructor(private readonly answer: InvokeResult) {}
  async invokeWidget(scope: ScopeId, name: string, event: unknown): Promise<InvokeResult> {
    this.calls.push({ scope, name, event });
    return this.answer;
  }
}

class PromQlMetrics extends FakeMetrics {
  readonly asked: Record<string, string>[] = [];
  async queryPromQl(_scope: ScopeId, params: Readonly<Record<string, string>>): Promise<unknown> {
    this.asked.push({ ...params });
    return params.query.startsWith('sum') ? F.PROMQL_MATRIX : F.PROMQL_ERROR;
  }
}

describe('dashboard custom widgets and PromQL charts', () => {
  const body = { widgets: [F.CUSTOM_WIDGET, F.PROMQL_CHART_WIDGET] };

  it('a custom widget is not invoked until its dashboard is allowed; then its HTML is drawn as text', async () => {
    const lambda = new FakeLambda({ payload: JSON.stringify(F.CUSTOM_HTML) });
    const allowed = new Set<string>();
    const loader = new ChartLoader({ metrics: new PromQlMetrics({ ops: { region: REGION, body } }), now: () => NOW, customWidgets: { lambda, isAllowed: (d: DashboardFunctions) => allowed.has(permissionKey(d)) } });
    const before = (await loader.load(state)).widgets[0] as PlaceholderWidgetView;
    assert.equal(before.kind, 'placeholder');
    assert.deepEqual(before.action, { kind: 'allowCustomWidgets', label: 'Invoke to draw…' });
    assert.match(before.message, /Lambda function incidents-widget/);
    assert.equal(lambda.calls.length, 0);

    allowed.add(permissionKey({ scope: REGION, name: 'ops', functions: ['arn:aws:lambda:us-east-1:111122223333:function:incidents-widget'] }));
    const after = (await loader.load(state)).widgets[0] as TextWidgetView;
    assert.equal(after.kind, 'text');
    assert.equal(after.title, 'Open incidents');
    assert.doesNotMatch(JSON.stringify(after.blocks), /script|alert|evil/);
    assert.equal(lambda.calls.length, 1);
    assert.equal(lambda.calls[0].name, 'arn:aws:lambda:us-east-1:111122223333:function:incidents-widget');
    assert.equal((lambda.calls[0].event as { team?: string }).team, 'payments');
  });

  it('a PromQL chart draws what its queries return; a failing query is a note', async () => {
    const metrics = new PromQlMetrics({ ops: { region: REGION, body } });
    const view = (await new ChartLoader({ metrics, now: () => NOW }).load(state)).widgets[1] as ChartWidgetView;
    assert.equal(view.kind, 'chart');
    assert.equal(view.queryLanguage, 'PromQL');
    assert.deepEqual(view.series.map((s) => s.label), ['active http.server.active_requests{service.name="checkout"}', 'active http.server.active_requests{service.name="cart"}']);
    assert.deepEqual(view.notes, ['Not drawn: {"http.server.duration"}: bad_data: invalid parameter "query": 1:1: parse error: unexpected "}"']);
    assert.deepEqual(metrics.asked.map((p) => p.step), ['60s', '60s']);
    assert.equal(metrics.asked[0].end, String(NOW / 1000));
  });

  it('without a PromQL API the chart widget is named with its queries', async () => {
    const view = (await new ChartLoader({ metrics: new FakeMetrics({ ops: { region: REGION, body } }), now: () => NOW }).load(state)).widgets[1] as PlaceholderWidgetView;
    assert.equal(view.kind, 'placeholder');
    assert.equal(view.title, 'active, {"http.server.duration"}');
    assert.match(view.message, /^A PromQL chart: sum by \(service\.name\)/);
  });
});
