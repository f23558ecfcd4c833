import * as vscode from 'vscode';
import { markingBadge, markingLabel, type AccountMarking } from '../core/accounts/markings';
import { untrustedMarkdown } from '../platform/textSinks';

const ICONS: Record<AccountMarking['environment'], string> = { production: 'flame', readOnly: 'lock', staging: 'beaker', development: 'tools' };

/**
 * A tree root of a marked account: an icon in the account's colour (unless the root shows a failure), and
 * the description starting with the marking, so colour is never the only sign.
 */
export function markRoot(item: vscode.TreeItem, marking: AccountMarking | undefined, failing: boolean): vscode.TreeItem {
  if (!marking) return item;
  if (!failing) item.iconPath = new vscode.ThemeIcon(ICONS[marking.environment], new vscode.ThemeColor(marking.color));
  item.description = [markingBadge(marking), typeof item.description === 'string' ? item.description : undefined].filter(Boolean).join(' · ');
  const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
  // A stale root keeps its tooltip (why, and since when); the marking follows it.
  const tooltip = typeof item.tooltip === 'object' ? item.tooltip : untrustedMarkdown().appendText(item.tooltip ?? label);
  item.tooltip = tooltip.appendText(`\n\n${markingLabel(marking)}${marking.environment === 'production' ? ': changes ask for the account name to be typed' : marking.environment === 'readOnly' ? ': Ops Lens makes no changes here' : ''}`);
  return item;
}
