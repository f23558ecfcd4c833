// The zone this page writes times in: set by the host in the page's HTML (opsLens.timeZone) and changed by message.
import { parseTimeZone, type TimeZone } from '../../core/time/zone';

let current: TimeZone = parseTimeZone(document.body.dataset.timeZone);

export function pageZone(): TimeZone {
  return current;
}

export function setPageZone(zone: unknown): void {
  current = parseTimeZone(zone);
  document.body.dataset.timeZone = current;
}
