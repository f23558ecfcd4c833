import * as vscode from 'vscode';
import { parseTimeRange, RANGE_FORMS, RANGES, rangeLabel } from '../core/time/ranges';
import { showPick } from '../platform/textSinks';

/** The window to search: one of the usual durations, or any duration or window typed in. */
export async function pickSearchRange(initial: string, title = 'Search the last…'): Promise<string | undefined> {
  const typeOwn = { label: 'Other…', description: 'any duration (30m, 2h, 14d) or window (start..end)' };
  const picked = await showPick([...RANGES.map((r) => ({ label: r, description: rangeLabel(r), picked: r === initial })), typeOwn], { title });
  if (!picked || picked !== typeOwn) return picked?.label;
  const typed = await vscode.window.showInputBox({ title: 'Search window', validateInput: (v) => (parseTimeRange(v) ? undefined : `Use ${RANGE_FORMS}.`) });
  return typed?.trim() || undefined;
}
