import { strict as assert } from 'node:assert';
import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { batchQueries, dependencyGroups, fetchBatched, type MetricDataPage } from '../../../src/core/metrics/batching';

function metricQuery(id: string): MetricDataQuery {
  return { Id: id, MetricStat: { Metric: { Namespace: 'Bench', MetricName: id }, Period: 60, Stat: 'Average' }, ReturnData: true };
}

const T0 = Date.parse('2026-11-22T10:00:00Z');

describe('GetMetricData batching', () => {
  it('makes ⌈M/500⌉ calls of at most 500 queries', async () => {
    for (const m of [1, 499, 500, 501, 1200, 2500]) {
      const queries = Array.from({ length: m }, (_, i) => metricQuery(`m${i}`));
      const sizes: number[] = [];
      const out = await fetchBatched(queries, async (batch) => {
        sizes.push(batch.length);
        return { results: batch.map((q) => ({ Id: q.Id, Label: q.Id, Timestamps: [new Date(T0)], Values: [1], StatusCode: 'Complete' })) };
      });
      assert.equal(out.calls, Math.ceil(m / 500), `M=${m}`);
      assert.ok(sizes.every((s) => s <= 500));
      assert.equal(out.series.length, m);
      assert.deepEqual(out.series.slice(0, 3).map((s) => s.id), queries.slice(0, 3).map((q) => q.Id), 'series in query order');
    }
  });

  it('keeps an expression in the call of the queries it names', () => {
    const queries = [
      ...Array.from({ length: 499 }, (_, i) => metricQuery(`a${i}`)),
      metricQuery('errors'),
      metricQuery('requests'),
      { Id: 'rate', Expression: '100 * errors / requests', ReturnData: true },
      metricQuery('last'),
    ];
    const groups = dependencyGroups(queries);
    assert.deepEqual(groups.find((g) => g.some((q) => q.Id === 'rate'))!.map((q) => q.Id), ['errors', 'requests', 'rate']);
    const batches = batchQueries(queries, 500);
    assert.deepEqual(batches.map((b) => b.length), [499, 4]);
    assert.deepEqual(batches[1].map((q) => q.Id), ['errors', 'requests', 'rate', 'last']);
  });

  it('follows every NextToken page and merges the pages of each series', async () => {
    const pages: Record<string, MetricDataPage> = {
      start: {
        results: [
          { Id: 'cpu', Label: 'CPU', Timestamps: [new Date(T0 + 120000), new Date(T0 + 60000)], Values: [3, 2], StatusCode: 'PartialData' },
          { Id: 'mem', Label: 'Memory', Timestamps: [new Date(T0)], Values: [50], StatusCode: 'Complete' },
        ] satisfies MetricDataResult[],
        nextToken: 'p2',
      },
      p2: {
        results: [{ Id: 'cpu', Label: 'CPU', Timestamps: [new Date(T0)], Values: [1], StatusCode: 'PartialData' }],
        nextToken: 'p3',
        messages: [{ Code: 'MaxQueryTimeRangeExceed', Value: 'range trimmed' }],
      },
      p3: {
        results: [
          { Id: 'cpu', Label: 'CPU', Timestamps: [new Date(T0 + 180000)], Values: [4], StatusCode: 'Complete' },
          { Id: 'mem', Label: 'Memory', Timestamps: [new Date(T0 + 60000)], Values: [51], StatusCode: 'Complete' },
        ],
      },
    };
    const tokens: (string | undefined)[] = [];
    const out = await fetchBatched([metricQuery('cpu'), metricQuery('mem')], async (_batch, token) => {
      tokens.push(token);
      return pages[token ?? 'start'];
    });
    assert.deepEqual(tokens, [undefined, 'p2', 'p3']);
    assert.equal(out.calls, 3);
    const cpu = out.series.find((s) => s.id === 'cpu')!;
    assert.deepEqual(cpu.timestamps.map((t) => (t - T0) / 60000), [0, 1, 2, 3]);
    assert.deepEqual(cpu.values, [1, 2, 3, 4]);
    assert.equal(cpu.status, 'Complete', 'the last page completed it');
    assert.deepEqual(out.series.find((s) => s.id === 'mem')!.values, [50, 51]);
    assert.deepEqual(out.messages, ['MaxQueryTimeRangeExceed: range trimmed']);
  });

  it('keeps the several series of one SEARCH apart', async () => {
    const out = await fetchBatched([{ Id: 'e1', Expression: "SEARCH('{AWS/Lambda,FunctionName} Errors', 'Sum', 300)", ReturnData: true }], async () => ({
      results: [
        { Id: 'e1', Label: 'create_goal-prod', Timestamps: [new Date(T0)], Values: [1] },
        { Id: 'e1', Label: 'list_goals-prod', Timestamps: [new Date(T0)], Values: [2] },
      ],
    }));
    assert.deepEqual(out.series.map((s) => [s.id, s.label, s.values[0]]), [['e1', 'create_goal-prod', 1], ['e1', 'list_goals-prod', 2]]);
  });

  it('stops when a token repeats', async () => {
    let calls = 0;
    const out = await fetchBatched([metricQuery('x')], async () => {
      calls++;
      return { results: [], nextToken: 'same' };
    });
    assert.equal(calls, 2);
    assert.equal(out.calls, 2);
  });
});
