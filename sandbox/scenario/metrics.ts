import type { StandardUnit } from '@aws-sdk/client-cloudwatch';
import type { ScenarioRegion } from './constants';
import type { SeriesShape } from './series';

/** One metric (namespace + name + dimensions in a region) and how its data looks. */
export interface MetricSpec {
  region: ScenarioRegion;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  unit?: StandardUnit;
  shape: SeriesShape;
}

export function metricKey(m: Pick<MetricSpec, 'region' | 'namespace' | 'metricName' | 'dimensions'>): string {
  const dims = Object.entries(m.dimensions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${m.region}/${m.namespace}/${m.metricName}/${dims}`;
}
