import { ONE_ALARM_PROPERTIES } from './alarms';
import type * as Investigation from './investigation';
import type { AgentTool } from './types';

export const investigateAlarm: AgentTool = {
  name: 'opsLens_investigateAlarm',
  displayName: 'Investigate a CloudWatch alarm',
  modelDescription: 'Investigates one CloudWatch alarm by its exact name, as the Investigate Alarm panel does, and answers with a compact summary: the moment investigated (the latest change into ALARM unless "at" is given) and the window around it (default 30 minutes before, 15 after), the alarm\'s state changes, its metric in the window (summary and at most 15 points), error events of its related log groups (counts and the most frequent messages, read with FilterLogEvents), failed or timed-out executions of related state machines, child alarms of a composite, health endpoint changes where recorded, and where its runbook is. Related resources come from the alarm\'s dimensions, its opsLens:* tags and the opsLens.alarms.related setting. It runs no Logs Insights query (no cost beyond ordinary API calls). Use opsLens_listAlarms first to find the name.',
  inputSchema: {
    type: 'object',
    properties: {
      ...ONE_ALARM_PROPERTIES,
      at: { type: 'string', description: 'The moment to investigate, an ISO instant such as 2026-11-22T15:04Z (the nearest state change within a minute is used). Default: the latest change into ALARM.' },
      before: { type: 'string', description: 'How far before the moment to look, e.g. 30m, 2h (at most 24h). Default 30m.' },
      after: { type: 'string', description: 'How far after the moment to look, e.g. 15m, 1h (at most 24h; never past now). Default 15m.' },
    },
    required: ['name'],
    additionalProperties: false,
  },
  async run(input, ctx) {
    // Loaded on first use: the gathering is not part of what activation loads.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./investigation') as typeof Investigation).investigateAlarm(input, ctx);
  },
};
