import type { AlarmLiterals } from './model';

/** What the live alarm holds, for the literals the code may state. */
export interface LiveCondition {
  readonly threshold?: number;
  readonly period?: number;
  readonly evaluationPeriods?: number;
  readonly comparison?: string;
}

const FIELDS: readonly { key: keyof AlarmLiterals; label: string }[] = [
  { key: 'threshold', label: 'threshold' },
  { key: 'period', label: 'period' },
  { key: 'evaluationPeriods', label: 'evaluation periods' },
  { key: 'comparison', label: 'comparison' },
];

/** Each literal the code states that the live alarm no longer has, as "live threshold 10, code 5". */
export function alarmDrift(code: AlarmLiterals | undefined, live: LiveCondition): string[] {
  if (!code) return [];
  const out: string[] = [];
  for (const { key, label } of FIELDS) {
    const stated = code[key];
    const actual = live[key];
    if (stated === undefined || actual === undefined || stated === actual) continue;
    out.push(`live ${label} ${String(actual)}, code ${String(stated)}`);
  }
  return out;
}
