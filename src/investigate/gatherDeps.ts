import { findRunbook } from '../alarms/runbook';
import { readRelatedSettings } from '../core/investigate/related';
import { readSetting } from '../platform/trust';
import type { Services } from '../services';
import { readCommits } from './commits';
import type { GatherDeps } from './gather';
import type { HealthChangeLog } from './healthChanges';

/** What gathering reads in the extension: the AWS services, the related-resources setting, health changes, runbooks. */
export function gatherDeps(services: Services, healthLog: HealthChangeLog): GatherDeps {
  const { cloudWatch, metrics, logs, stepFunctions, cloudTrail, log } = services;
  return {
    cloudWatch, metrics, logs, stepFunctions, cloudTrail,
    commits: readCommits,
    settings: () => readRelatedSettings(readSetting<unknown>('alarms.related', [])),
    healthChanges: (endpoints, start, end) => ({ changes: healthLog.between(endpoints, start, end), recordedSince: healthLog.since }),
    runbook: async (alarm, tags) => {
      const found = await findRunbook(alarm, cloudWatch, log, tags);
      if (!found) return undefined;
      return found.kind === 'url' ? { target: found.url, source: found.source } : { target: `${found.path}${found.anchor ? `#${found.anchor}` : ''}`, source: found.source };
    },
  };
}
