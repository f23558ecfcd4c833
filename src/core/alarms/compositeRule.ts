/** The alarms a composite rule names: ALARM("a"), OK(b), INSUFFICIENT_DATA('arn:…:alarm:c'). */
export function childAlarmNames(rule: string): string[] {
  const names: string[] = [];
  const re = /\b(?:ALARM|OK|INSUFFICIENT_DATA)\s*\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^()\s"']+))\s*\)/g;
  for (const m of rule.matchAll(re)) {
    const raw = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
    const name = raw.startsWith('arn:') ? raw.slice(raw.indexOf(':alarm:') + ':alarm:'.length) : raw;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}
