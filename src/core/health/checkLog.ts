import type { Evaluation } from './evaluate';
import { FAILURE_LABEL } from './format';
import { STATE_LABEL, type HealthState } from './model';
import type { SettingsProblem } from './settings';

export interface CheckLogLine {
  readonly level: 'info' | 'warn' | 'trace';
  readonly text: string;
}

export interface CheckedEndpoint {
  readonly endpoint: { readonly name: string };
  readonly state: HealthState;
  readonly evaluation?: Evaluation;
  readonly missingSecrets: readonly string[];
}

/**
 * The output-channel line for one check, given the endpoint's state before it: a change of state is info,
 * the same state again is trace, an endpoint skipped for a missing secret is a warning once.
 */
export function checkLogLine(status: CheckedEndpoint, previous: HealthState | undefined): CheckLogLine | undefined {
  const { endpoint, evaluation } = status;
  if (!evaluation) {
    if (status.missingSecrets.length && previous !== 'unknown') return { level: 'warn', text: `health: ${endpoint.name} not requested: secret ${status.missingSecrets.join(', ')} not set` };
    return undefined;
  }
  const what = evaluation.httpStatus ?? FAILURE_LABEL[evaluation.failure ?? 'network'];
  const text = `health: ${endpoint.name} ${STATE_LABEL[status.state].toLowerCase()} (${what}, ${evaluation.latencyMs} ms)${evaluation.reasons.length ? `: ${evaluation.reasons.join('; ')}` : ''}`;
  return { level: previous !== status.state ? 'info' : 'trace', text };
}

/** The output-channel line for a problem in the endpoints setting. */
export function settingsProblemLine(problem: SettingsProblem): string {
  return `health settings (${problem.source}${problem.index !== undefined ? `, entry ${problem.index + 1}` : ''}): ${problem.messages.join('; ')}`;
}
