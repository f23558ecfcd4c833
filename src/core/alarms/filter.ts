import { STATE_LABEL, type Alarm, type AlarmState } from './model';

export interface AlarmFilter {
  readonly text: string;
  readonly states: readonly AlarmState[];
}

export const NO_FILTER: AlarmFilter = { text: '', states: [] };

export function isActive(filter: AlarmFilter): boolean {
  return filter.text.trim() !== '' || filter.states.length > 0;
}

/** Every word of the text must appear in the alarm's name, description, metric or namespace. */
export function matchesFilter(alarm: Alarm, filter: AlarmFilter): boolean {
  if (filter.states.length > 0 && !filter.states.includes(alarm.state)) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [alarm.name, alarm.description, alarm.metric?.name, alarm.metric?.namespace, alarm.region].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function describeFilter(filter: AlarmFilter): string {
  const parts: string[] = [];
  if (filter.text.trim()) parts.push(`“${filter.text.trim()}”`);
  if (filter.states.length) parts.push(filter.states.map((s) => STATE_LABEL[s]).join(', '));
  return parts.length ? `Filtered: ${parts.join(' · ')}` : '';
}
