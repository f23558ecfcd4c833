import type { FaultRule } from './proxy';

/** Named fault scripts for `npm run sandbox -- --faults <name>`; the control path changes them at run time. */
export const FAULT_SCENARIOS: Record<string, { readonly about: string; readonly rules: readonly FaultRule[] }> = {
  none: { about: 'everything passes through (script faults later through the control path)', rules: [] },
  throttling: { about: 'one AWS call in two is throttled, in every service and region', rules: [{ fault: 'throttle', every: 2 }] },
  'alarms-outage': { about: 'DescribeAlarms answers 503 ServiceUnavailable in eu-north-1; other regions and views work', rules: [{ fault: 'unavailable', service: 'cloudwatch', operation: 'DescribeAlarms', region: 'eu-north-1' }] },
  'server-errors': { about: 'one call in three fails with 500 InternalFailure', rules: [{ fault: 'internal', every: 3 }] },
  'expired-session': { about: 'every call is rejected with ExpiredTokenException', rules: [{ fault: 'expiredToken' }] },
  'access-denied': { about: 'Step Functions calls are denied (AccessDeniedException)', rules: [{ fault: 'accessDenied', service: 'states' }] },
  'insights-throttled': { about: 'the first four GetQueryResults calls are throttled, then one in two', rules: [{ fault: 'throttle', operation: 'GetQueryResults', times: 4 }, { fault: 'throttle', operation: 'GetQueryResults', every: 2 }] },
  slow: { about: 'every call takes 2 s longer', rules: [{ fault: 'latency', delayMs: 2000 }] },
  'flaky-network': { about: 'one connection in four is reset mid-request', rules: [{ fault: 'reset', every: 4 }] },
  'endpoint-down': { about: 'the endpoint refuses connections for 60 s, then comes back', rules: [{ fault: 'refuse', forMs: 60000 }] },
};

export function scenarioRules(name: string): readonly FaultRule[] {
  const scenario = FAULT_SCENARIOS[name];
  if (!scenario) throw new Error(`no fault scenario "${name}"; one of: ${Object.keys(FAULT_SCENARIOS).join(', ')}`);
  return scenario.rules;
}
