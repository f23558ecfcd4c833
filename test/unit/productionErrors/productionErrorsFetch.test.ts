import { strict as assert } from 'node:assert';
import { errorEventsQuery, fetchErrorEvents, indexErrors, isErrorEvent, QUERY_LIMIT, type RunWindow } from '../../../src/core/productionErrors';
import { executeQuery } from '../../../sandbox/standin/logs/insightsEngine';
import { createFrameResolver } from '../../../src/core/sourceLinks';

const ROOT = '/home/dev/shop';
const FILES = new Set([`${ROOT}/src/a.ts`, `${ROOT}/src/b.ts`]);
const resolve = createFrameResolver({ mappings: [{ from: '/var/task/', to: ROOT }], workspaceFolders: [ROOT], fileExists: (p) => FILES.has(p) });

interface Stored { timestamp: number; message: string; logGroupName: string }

/** A stand-in for Logs Insights over events in memory: the stand-in's Logs Insights engine runs the query, with its 10,000-row limit. */
function insightsOver(events: readonly Stored[], calls: [number, number][] = []): RunWindow {
  const query = errorEventsQuery();
  return async (startSec, endSec) => {
    calls.push([startSec, endSec]);
    const inWindow = events.filter((e) => e.timestamp >= startSec * 1000 && e.timestamp <= endSec * 1000 + 999);
    const out = executeQuery(query, inWindow, { accountId: '123456789012' });
    return { rows: out.rows.map((r) => Object.fromEntries(r.map((f) => [f.field, f.value]))), ...out.statistics };
  };
}

const START = Date.UTC(2026, 10, 30, 0, 0, 0);
const errorAt = (file: string, line: number) => `2026-11-30T00:00:00Z\treq\tERROR\tError: boom\n    at f (/var/task/src/${file}:${line}:1)`;

describe('production errors: reading more events than one query returns', () => {
  it('25,000 error events over a day: every one is read once, the counts per line are exact', async function () {
    // The in-memory service answers 25,000 events; a loaded machine needs more than mocha's default 2 s.
    this.timeout(15_000);
    const events: Stored[] = [];
    for (let i = 0; i < 25_000; i++) {
      const ts = START + Math.floor((i * 86_400_000) / 25_000);
      events.push({ timestamp: ts, message: i % 5 === 0 ? errorAt('b.ts', 7) : errorAt('a.ts', 3), logGroupName: '/aws/lambda/api' });
      if (i % 10 === 0) events.push({ timestamp: ts, message: 'INFO all good', logGroupName: '/aws/lambda/api' });
    }
    const calls: [number, number][] = [];
    const fetched = await fetchErrorEvents(insightsOver(events, calls), START / 1000, START / 1000 + 86_399);
    assert.ok(events.filter((e) => isErrorEvent(e.message)).length > QUERY_LIMIT * 2);
    assert.equal(fetched.events.length, 25_000);
    assert.equal(fetched.complete, true);
    assert.equal(calls.length, 3, 'about one query per 10,000 events');
    assert.ok(calls.every(([s]) => s === START / 1000), 'each query reaches back to the start');
    const index = indexErrors(fetched.events, resolve);
    assert.deepEqual(index.lines.map((l) => [l.file.slice(ROOT.length + 1), l.line, l.count]), [['src/a.ts', 3, 20_000], ['src/b.ts', 7, 5_000]]);
    assert.equal(new Set(fetched.events.map((e) => e.timestamp + e.message)).size, new Set(events.filter((e) => isErrorEvent(e.message)).map((e) => e.timestamp + e.message)).size);
  });

  it('events sharing the second where a page ends are read once, with the next query', async () => {
    const events: Stored[] = [];
    for (let i = 0; i < 12_000; i++) events.push({ timestamp: START + Math.floor(i / 3) * 1000 + (i % 3), message: errorAt('a.ts', 3), logGroupName: 'g' });
    const fetched = await fetchErrorEvents(insightsOver(events), START / 1000, START / 1000 + 4000);
    assert.equal(fetched.events.length, 12_000);
    assert.equal(fetched.complete, true);
  });

  it('says the counts are a lower bound when one second holds more events than a query returns', async () => {
    const events: Stored[] = Array.from({ length: QUERY_LIMIT + 5 }, (_, i) => ({ timestamp: START + 500, message: errorAt('a.ts', i % 2 ? 3 : 4), logGroupName: 'g' }));
    events.push({ timestamp: START - 10_000, message: errorAt('b.ts', 7), logGroupName: 'g' });
    const fetched = await fetchErrorEvents(insightsOver(events), START / 1000 - 60, START / 1000 + 60);
    assert.equal(fetched.complete, false);
    assert.equal(fetched.events.length, QUERY_LIMIT + 1, 'what the full second gave, and the event before it');
  });

  it('adds up what each query scanned', async () => {
    const events: Stored[] = [{ timestamp: START, message: errorAt('a.ts', 3), logGroupName: 'g' }, { timestamp: START + 1, message: 'INFO ok', logGroupName: 'g' }];
    const fetched = await fetchErrorEvents(insightsOver(events), START / 1000, START / 1000 + 10);
    assert.deepEqual([fetched.queries, fetched.recordsScanned, fetched.bytesScanned], [1, 2, events[0].message.length + 7]);
    assert.equal(fetched.events[0].logGroup, 'g');
    assert.equal(fetched.events[0].timestamp, START);
  });
});
