import * as fs from 'node:fs';
import * as path from 'node:path';
import { SEEDS_DIR } from '../seeds';

export { SEEDS_DIR };

export interface SeedQuery {
  seed: string;
  title: string;
  text: string;
}

/** Every Logs Insights query in the seed guides, written out so the tests say what they cover. */
export const INLINE_SEED_QUERIES: readonly SeedQuery[] = [
  {
    seed: '000',
    title: 'Find execution errors',
    text: `fields @timestamp, @message
| filter @message like /ERROR/
| sort @timestamp desc
| limit 20`,
  },
  {
    seed: '000',
    title: 'Find Step Function executions',
    text: `fields @timestamp, @message
| filter @message like /Started Step Functions execution/
| sort @timestamp desc
| limit 20`,
  },
  {
    seed: '002',
    title: 'Error Rate by Endpoint',
    text: `fields @timestamp, @message
| filter @message like /ERROR/
| parse @message /(?<method>[A-Z]+)\\s+(?<endpoint>\\/[^\\s]*)/
| stats count() as error_count by endpoint
| sort error_count desc`,
  },
  {
    seed: '002',
    title: 'Slowest API Endpoints',
    text: `fields @timestamp, @message
| parse @message /duration=(?<duration>[0-9.]+)/
| parse @message /(?<method>[A-Z]+)\\s+(?<endpoint>\\/[^\\s]*)/
| stats avg(duration) as avg_duration, max(duration) as max_duration, count() as request_count by endpoint
| sort avg_duration desc`,
  },
  {
    seed: '002',
    title: 'Failed Generation Jobs',
    text: `fields @timestamp, @message
| filter @message like /generation.*failed/ or @message like /error.*generation/
| parse @message /job_id=(?<job_id>[a-zA-Z0-9-]+)/
| stats count() as failure_count by job_id
| sort @timestamp desc`,
  },
  {
    seed: '002',
    title: 'Database Connection Errors',
    text: `fields @timestamp, @message
| filter @message like /database/ and (@message like /error/ or @message like /timeout/ or @message like /connection/)
| stats count() as error_count by bin(5m)
| sort @timestamp desc`,
  },
  {
    seed: '003',
    title: 'Find Slow Requests',
    text: `fields @timestamp, duration
| filter duration > 200
| sort duration desc
| limit 20`,
  },
  {
    seed: '003',
    title: 'Error Pattern Analysis',
    text: `fields @timestamp, @message
| filter @message like /ERROR/
| stats count() by error_type`,
  },
  {
    seed: '003',
    title: 'User Activity Patterns',
    text: `fields @timestamp, user_id
| filter @message like /Activity logged/
| stats count() by user_id, bin(1h)`,
  },
  {
    seed: '004',
    title: 'Upload success rate',
    text: `fields @timestamp, success
| filter operation = "avatar_upload"
| stats count() by success
| sort @timestamp desc`,
  },
  {
    seed: '004',
    title: 'Average upload time by file size',
    text: `fields @timestamp, duration, fileSize
| filter operation = "avatar_upload"
| bin(fileSize, 1000000) as fileSizeBin
| stats avg(duration) by fileSizeBin`,
  },
  {
    seed: '004',
    title: 'Deduplication effectiveness',
    text: `fields @timestamp, isDuplicate
| filter operation = "avatar_upload"
| stats count() by isDuplicate
| sort @timestamp desc`,
  },
];

const COMMAND_START = /^\s*(fields|filter|stats|parse|sort|limit|display|dedup|pattern)\b/;
const COMMENT = /^\s*(#|--)/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/** Fenced blocks whose first non-comment line starts with an Insights command (the contract's CodeLens rule). */
export function insightsBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) {
      continue;
    }
    const fence = open[1] ?? '```';
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] ?? '').trim().startsWith(fence); i++) {
      body.push(lines[i] ?? '');
    }
    const first = body.find((l) => l.trim() !== '' && !COMMENT.test(l));
    if (first !== undefined && COMMAND_START.test(first)) {
      blocks.push(body.join('\n'));
    }
  }
  return blocks;
}

/** A block may hold several queries separated by blank lines (seed 004); comment lines are dropped. */
export function queriesInBlock(block: string): string[] {
  return block
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .filter((l) => !COMMENT.test(l))
        .join('\n')
        .trim(),
    )
    .filter((q) => q !== '');
}

export function seedQueriesFromFiles(): { seed: string; text: string }[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .flatMap((file) => {
      const seed = file.slice(0, 3);
      const markdown = fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8');
      return insightsBlocks(markdown).flatMap((block) => queriesInBlock(block).map((text) => ({ seed, text })));
    });
}

export function normalizeWhitespace(query: string): string {
  return query
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}
