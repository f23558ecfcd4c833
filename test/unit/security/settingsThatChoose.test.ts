import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { restrictedSettings, SETTING_POWERS } from '../../../src/core/settings/catalog';
import { MAX_REFRESH_BYTES, refreshDue } from '../../../src/core/productionErrors/schedule';
import { FolderFiles } from '../../../src/agent/tools/workspaceFiles';
import type { StartQueryInput } from '../../../src/aws/services/logs';
import type { Services } from '../../../src/services';
import { fake, installVscodeFake } from './fakeVscode';

installVscodeFake();
/* eslint-disable @typescript-eslint/no-require-imports */
const { readSetting, RESTRICTED_SETTINGS } = require('../../../src/platform/trust') as typeof import('../../../src/platform/trust');
const { readProductionErrorsSettings } = require('../../../src/productionErrors/settings') as typeof import('../../../src/productionErrors/settings');
const { ProductionErrorsModel } = require('../../../src/productionErrors/model') as typeof import('../../../src/productionErrors/model');
/* eslint-enable @typescript-eslint/no-require-imports */

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] };
};

function contributedSettings(): string[] {
  const sections = [manifest.contributes.configuration].flat();
  return sections.flatMap((s) => Object.keys(s.properties)).filter((id) => id.startsWith('opsLens.')).map((id) => id.slice('opsLens.'.length));
}

/** A Logs Insights stand-in scanning `bytesPerQuery`; `endless`: each query matches more events than it returns, so the next one asks again. */
function logsScanning(bytesPerQuery: number, endless = true) {
  const started: StartQueryInput[] = [];
  let clock = 1_800_000_000;
  const logs = {
    startQuery: async (_region: string, query: StartQueryInput) => {
      started.push(query);
      return `q-${started.length}`;
    },
    queryResults: async () => {
      const at = new Date((clock -= 10) * 1000).toISOString().replace('T', ' ').replace('Z', '');
      return {
        status: 'Complete',
        results: [[{ field: '@timestamp', value: at }, { field: '@message', value: 'Error: boom\n    at handler (/var/task/index.js:3:9)' }, { field: '@log', value: '123456789012:/aws/lambda/checkout' }]],
        statistics: { recordsMatched: endless ? 1_000_000 : 1, recordsScanned: 1_000_000, bytesScanned: bytesPerQuery },
      };
    },
    stopQuery: async () => true,
  };
  const log = { info: () => undefined, warn: () => undefined };
  const services = { logs, log, session: { regions: async () => ({ regions: ['us-east-1'] }), profileList: undefined } } as unknown as Services;
  return { started, services };
}

const spanDays = (q: StartQueryInput) => (q.endTime - q.startTime) / 86_400;

describe('settings that choose: one list, and Restricted Mode ignores the workspace\'s values of every one', () => {
  afterEach(() => {
    fake.trusted = true;
    fake.workspaceSettings.clear();
    fake.settings = new Map<string, unknown>([['refreshIntervalSeconds', 5]]);
  });

  it('package.json restricts exactly the settings declared to choose something', () => {
    const declared = restrictedSettings().map((key) => `opsLens.${key}`).sort();
    const listed = [...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort();
    assert.deepEqual(listed, declared);
    assert.equal(new Set(listed).size, listed.length, 'no setting is listed twice');
    assert.deepEqual([...RESTRICTED_SETTINGS].sort(), restrictedSettings().sort(), 'readSetting honours the same list');
    for (const key of ['productionErrors.range', 'productionErrors.refreshMinutes', 'insights.defaultRange', 'insights.defaultLogGroups', 'alarms.related', 'refreshIntervalSeconds']) {
      assert.ok(RESTRICTED_SETTINGS.includes(key), `${key} is restricted`);
    }
  });

  it('every opsLens setting package.json contributes is declared, and nothing else is', () => {
    const contributed = contributedSettings().sort();
    assert.ok(contributed.length > 10);
    assert.deepEqual(Object.keys(SETTING_POWERS).sort(), contributed, 'a new setting needs its line in src/core/settings/catalog.ts');
  });

  it('in Restricted Mode a setting not declared anywhere counts as restricted (only the user\'s value)', () => {
    fake.trusted = false;
    fake.settings.set('some.newSetting', 'user');
    fake.workspaceSettings.set('some.newSetting', 'workspace');
    assert.equal(readSetting('some.newSetting', 'default'), 'user');
    fake.workspaceSettings.set('alarms.notifyOnAlarm', false);
    assert.equal(readSetting('alarms.notifyOnAlarm', true), false, 'a setting that chooses nothing keeps the workspace value');
  });

  it('a cloned repository asking for 10-year scans every few seconds raises nothing in Restricted Mode', async () => {
    fake.trusted = false;
    fake.settings.set('productionErrors.logGroups', ['/aws/lambda/checkout']);
    fake.workspaceSettings.set('productionErrors.range', '520w');
    fake.workspaceSettings.set('productionErrors.refreshMinutes', 0.0001);
    fake.workspaceSettings.set('insights.defaultRange', '520w');
    const settings = readProductionErrorsSettings();
    assert.equal(settings.range, '24h');
    assert.equal(settings.refreshMinutes, 15);
    assert.equal(readSetting('insights.defaultRange', '1h'), '1h');
    const now = Date.now();
    assert.equal(refreshDue({ logGroups: 1, refreshMinutes: settings.refreshMinutes, focused: true, lastAt: now - 61_000, now }), false, 'not due a minute after the last refresh');

    const { started, services } = logsScanning(1024 ** 3, false);
    const model = new ProductionErrorsModel(services);
    await model.refresh();
    assert.equal(started.length, 1);
    for (const q of started) assert.ok(spanDays(q) <= 1.0001, `each query reads at most the user's 24h, not ${spanDays(q)} days`);
    model.dispose();
  });

  it('an automatic refresh runs at most every 5 minutes, whatever refreshMinutes says', () => {
    const now = Date.now();
    const due = (minutesAgo: number) => refreshDue({ logGroups: 1, refreshMinutes: 0.0001, focused: true, lastAt: now - minutesAgo * 60_000, now });
    assert.equal(due(1), false);
    assert.equal(due(4.9), false);
    assert.equal(due(5), true);
  });

  it('an automatic refresh never reads more than 7 days; the refresh command does, and stops at the byte budget', async () => {
    fake.settings.set('productionErrors.logGroups', ['/aws/lambda/checkout']);
    fake.settings.set('productionErrors.range', '30d');
    const { started, services } = logsScanning(30 * 1024 ** 3);
    const model = new ProductionErrorsModel(services);
    assert.equal(await model.refresh(), undefined);
    assert.equal(started.length, 0, 'nothing queried automatically');
    assert.match(model.lastError ?? '', /range \(30d\) is longer than 7 days, which automatic refreshes never read: run "Ops Lens: Refresh Production Errors"/);

    const snapshot = await model.refresh({ explicit: true });
    assert.ok(snapshot);
    assert.ok(Math.abs(spanDays(started[0]) - 30) < 0.01, 'the command reads the whole range');
    assert.equal(started.length, Math.ceil(MAX_REFRESH_BYTES / (30 * 1024 ** 3)), 'no query starts once 50 GB is scanned');
    assert.equal(snapshot.budgetReached, true);
    assert.equal(snapshot.complete, false);
    assert.match(snapshot.summary, /scanned 60\.0 GB .*; stopped once 50\.0 GB was scanned, the most one refresh reads \(narrow the range or the log groups\)/);

    fake.settings.set('productionErrors.range', '7d');
    started.length = 0;
    await model.refresh();
    assert.ok(started.length > 0, 'a 7-day range refreshes automatically');
    model.dispose();
  });

  it('alarms.related: an untrusted workspace does not pick what investigations read, in VS Code or over MCP', async () => {
    fake.trusted = false;
    fake.settings.set('alarms.related', [{ alarm: '*', logGroups: ['/user/own'] }]);
    fake.workspaceSettings.set('alarms.related', [{ alarm: '*', logGroups: ['/aws/lambda/prod-payments'], stateMachines: ['arn:aws:states:us-east-1:999999999999:stateMachine:other'] }]);
    assert.deepEqual(readSetting('alarms.related', []), [{ alarm: '*', logGroups: ['/user/own'] }]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-related-'));
    try {
      fs.mkdirSync(path.join(dir, '.vscode'));
      fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({
        'opsLens.alarms.related': [{ alarm: '*', logGroups: ['/aws/lambda/prod-payments'] }],
        'opsLens.productionErrors.range': '520w',
        'opsLens.productionErrors.problems': false,
      }));
      const untrusted = new FolderFiles(dir, { readSettings: false });
      assert.equal(await untrusted.setting('alarms.related'), undefined);
      assert.equal(await untrusted.setting('productionErrors.range'), undefined);
      assert.equal(await untrusted.setting('productionErrors.problems'), false, 'a setting that chooses nothing is still read');
      assert.deepEqual(await new FolderFiles(dir).setting('alarms.related'), [{ alarm: '*', logGroups: ['/aws/lambda/prod-payments'] }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

