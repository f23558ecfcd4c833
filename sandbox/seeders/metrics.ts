import { PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { inParallel, type SandboxClients } from '../awsClients';
import { ALARMS } from '../scenario/alarms';
import { DASHBOARD_METRICS } from '../scenario/dashboards';
import { metricKey, type MetricSpec } from '../scenario/metrics';
import { buildSeries } from '../scenario/series';

const MAX_DATUMS_PER_CALL = 1000;

/** Every metric the scenario has data for: the alarms' metrics, then the dashboards' own. */
export function scenarioMetrics(): MetricSpec[] {
  const byKey = new Map<string, MetricSpec>();
  for (const a of ALARMS) {
    const spec: MetricSpec = { region: a.region, namespace: a.namespace, metricName: a.metricName, dimensions: a.dimensions, unit: a.unit, shape: a.shape };
    byKey.set(metricKey(spec), spec);
  }
  for (const m of DASHBOARD_METRICS) if (!byKey.has(metricKey(m))) byKey.set(metricKey(m), m);
  return [...byKey.values()];
}

export interface MetricSeedResult {
  metrics: number;
  datapoints: number;
  calls: number;
}

export async function seedMetrics(clients: SandboxClients, now: Date): Promise<MetricSeedResult> {
  // PutMetricData takes one namespace per call: group by region + namespace, then cut into batches.
  const groups = new Map<string, { region: string; namespace: string; data: MetricDatum[] }>();
  const specs = scenarioMetrics();
  for (const m of specs) {
    const key = `${m.region} ${m.namespace}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { region: m.region, namespace: m.namespace, data: [] }));
    const dimensions = Object.entries(m.dimensions).map(([Name, Value]) => ({ Name, Value }));
    for (const p of buildSeries(metricKey(m), m.shape, now)) {
      group.data.push({
        MetricName: m.metricName,
        Dimensions: dimensions,
        Timestamp: p.timestamp,
        Unit: m.unit,
        ...(p.values ? { Values: p.values } : { Value: p.value }),
      });
    }
  }
  const calls: (() => Promise<unknown>)[] = [];
  let datapoints = 0;
  for (const g of groups.values()) {
    datapoints += g.data.length;
    for (let i = 0; i < g.data.length; i += MAX_DATUMS_PER_CALL) {
      const batch = g.data.slice(i, i + MAX_DATUMS_PER_CALL);
      calls.push(() => clients.cloudWatch(g.region).send(new PutMetricDataCommand({ Namespace: g.namespace, MetricData: batch })));
    }
  }
  await inParallel(6, calls);
  return { metrics: specs.length, datapoints, calls: calls.length };
}
