import type { CloudWatchApi } from '../aws/services/cloudWatch';
import type { MuteRule } from '../core/alarms/muteRules';
import type { ScopeId } from '../core/scope';

/**
 * Reads each scope's mute rules with the alarms: ListAlarmMuteRules on every read, GetAlarmMuteRule only for a rule
 * that is new or changed since the last. A failure is kept, not thrown: alarms still show, without their mutes.
 */
export class MuteRuleReader {
  private readonly known = new Map<ScopeId, Map<string, { updated?: number; rule: MuteRule }>>();
  private readonly failures = new Map<ScopeId, Error>();

  constructor(private readonly cloudWatch: Pick<CloudWatchApi, 'muteRuleSummaries' | 'muteRule'>) {}

  async read(scope: ScopeId): Promise<MuteRule[]> {
    try {
      const summaries = await this.cloudWatch.muteRuleSummaries(scope);
      const before = this.known.get(scope) ?? new Map<string, { updated?: number; rule: MuteRule }>();
      const now = new Map<string, { updated?: number; rule: MuteRule }>();
      await Promise.all(summaries.map(async (s) => {
        const held = before.get(s.name);
        if (held && held.updated === s.updated && s.updated !== undefined) {
          now.set(s.name, held);
          return;
        }
        const rule = await this.cloudWatch.muteRule(scope, s.name);
        if (rule) now.set(s.name, { updated: s.updated, rule });
      }));
      this.known.set(scope, now);
      this.failures.delete(scope);
      return [...now.values()].map((r) => r.rule);
    } catch (err) {
      this.failures.set(scope, err instanceof Error ? err : new Error(String(err)));
      return [];
    }
  }

  rules(scope: ScopeId): readonly MuteRule[] {
    return [...(this.known.get(scope)?.values() ?? [])].map((r) => r.rule);
  }

  error(scope: ScopeId): Error | undefined {
    return this.failures.get(scope);
  }
}
