import { STATE_LABEL, conditionText, type Alarm } from '../core/alarms/model';
import type { AlarmsStore } from './store';
import type { AlarmNode } from './tree';
import { notifyError, notifyInfo } from '../platform/notify';
import { quoted } from '../core/text/notification';
import { showPick } from '../platform/textSinks';

/**
 * Commands take a tree node, `{ region, name }`, an alarm name or ARN — or nothing, and then ask.
 */
export async function alarmFromArgument(store: AlarmsStore, arg: unknown, ensureLoaded: () => Promise<unknown>, purpose: string): Promise<Alarm | undefined> {
  if (arg && typeof arg === 'object') {
    const node = arg as Partial<AlarmNode> & { alarm?: Alarm; region?: unknown; name?: unknown };
    if (node.alarm && typeof node.alarm === 'object') return node.alarm;
    if (typeof node.name === 'string') {
      if (!store.loaded) await ensureLoaded();
      return store.find(node.name, typeof node.region === 'string' ? node.region : undefined) ?? notFound(node.name);
    }
  }
  if (!store.loaded) await ensureLoaded();
  if (typeof arg === 'string' && arg.trim()) return store.find(arg.trim()) ?? notFound(arg.trim());
  const alarms = [...store.all()];
  if (alarms.length === 0) {
    void notifyInfo('No alarms are loaded. Check the Alarms view for errors, or select other regions.');
    return undefined;
  }
  const multiRegion = store.regions.length > 1;
  const picked = await showPick(
    alarms.map((alarm) => ({ label: alarm.name, description: `${STATE_LABEL[alarm.state]}${multiRegion ? ` · ${alarm.region}` : ''}`, detail: conditionText(alarm), alarm })),
    { title: purpose, placeHolder: 'Alarm name', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.alarm;
}

function notFound(name: string): undefined {
  void notifyError(`No alarm named "${quoted(name, 120)}" in the selected regions.`);
  return undefined;
}
