import * as vscode from 'vscode';
import { STATE_LABEL, STATE_ORDER, type AlarmState } from '../core/alarms/model';
import type { AlarmFilter } from '../core/alarms/filter';
import { plainPickItems } from '../platform/textSinks';

/** One QuickPick: type text to match, tick states to keep. Returns undefined when cancelled. */
export async function pickFilter(current: AlarmFilter, arg?: unknown): Promise<AlarmFilter | undefined> {
  if (arg && typeof arg === 'object' && ('text' in arg || 'states' in arg)) {
    const a = arg as { text?: unknown; states?: unknown };
    return { text: typeof a.text === 'string' ? a.text : '', states: Array.isArray(a.states) ? a.states.filter((s): s is AlarmState => STATE_ORDER.includes(s)) : [] };
  }
  if (typeof arg === 'string') return { text: arg, states: [] };
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { state: AlarmState }>();
  quickPick.title = 'Filter alarms';
  quickPick.placeholder = 'Type words to match in name, description or metric; tick states to keep; Enter to apply';
  quickPick.canSelectMany = true;
  quickPick.items = plainPickItems(STATE_ORDER.map((state) => ({ label: STATE_LABEL[state], description: state, state, alwaysShow: true })));
  quickPick.selectedItems = quickPick.items.filter((i) => current.states.includes(i.state));
  quickPick.value = current.text;
  const result = await new Promise<AlarmFilter | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve({ text: quickPick.value.trim(), states: quickPick.selectedItems.map((i) => i.state) }));
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  return result;
}
