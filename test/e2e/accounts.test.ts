import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useBothAccounts } from '../../sandbox/workspace';
import { STAGING_ACCOUNT_ID, STAGING_ALARMS, STAGING_CREDENTIALS, STAGING_LOG_GROUP, STAGING_STATE_MACHINE } from '../../sandbox/scenario/staging';
import { awsCalls, lastCallSeq } from '../support/awsCalls';
import { environment, expectHostError, waitFor, workbench } from './harness';

describe('first-time setup', () => {
  it('opens the walkthrough from the Alarms view welcome text, and marks a step done when it is done', async () => {
    const wb = workbench();
    const settingsFile = path.join(environment().workspace, '.vscode', 'settings.json');
    const original = fs.readFileSync(settingsFile, 'utf8');
    try {
      await wb.openOpsLens();
      // A region without alarms: the view shows its welcome text instead of a tree.
      const settings = JSON.parse(original) as Record<string, unknown>;
      settings['opsLens.aws.regions'] = ['ap-southeast-2'];
      fs.writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
      await waitFor(() => wb.viewWelcome('Alarms'), (text) => text.includes('set Ops Lens up step by step'), { timeoutMs: 30000, message: 'no welcome text in the empty Alarms view' });
      await wb.clickWelcomeLink('Alarms', 'set Ops Lens up step by step');

      const walkthrough = wb.page.locator('.gettingStartedContainer');
      await walkthrough.getByText('Set up Ops Lens', { exact: true }).first().waitFor({ state: 'visible', timeout: 20000 });
      const step = walkthrough.locator('.getting-started-step').filter({ hasText: 'Try a saved query' }).first();
      await step.locator('.step-title').first().click();
      await step.getByText('Run Saved Query', { exact: true }).first().click();
      // The step's action runs the command; its picker may be dismissed: the step is done once tried.
      await wb.page.locator('.quick-input-widget').first().waitFor({ state: 'visible', timeout: 15000 });
      await wb.page.keyboard.press('Escape');
      await waitFor(() => step.getAttribute('aria-checked'), (checked) => checked === 'true', { timeoutMs: 15000, message: 'the saved-query step is not marked done' });
      await wb.screenshot('walkthrough-step-done');
    } finally {
      fs.writeFileSync(settingsFile, original);
      await wb.runCommand('View: Close All Editors').catch(() => undefined);
    }
  });
});

describe('AWS accounts side by side', () => {
  let settingsFile: string;
  let original: string;
  let configFile: string;
  let originalConfig: string;

  before(() => {
    settingsFile = path.join(environment().workspace, '.vscode', 'settings.json');
    original = fs.readFileSync(settingsFile, 'utf8');
    configFile = path.join(environment().workspace, '.aws', 'config');
    originalConfig = fs.readFileSync(configFile, 'utf8');
  });

  after(async () => {
    // Back to the single profile the other tests expect.
    fs.writeFileSync(configFile, originalConfig);
    fs.writeFileSync(settingsFile, original);
    await workbench().waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000).catch(() => undefined);
  });

  it('with two profiles, each account under its own roots (profile · account id · region) in Alarms and Step Functions, and the status bar per account', async () => {
    const wb = workbench();
    await wb.openOpsLens();
    useBothAccounts(environment().workspace);
    const staging = `staging · ${STAGING_ACCOUNT_ID} · us-east-1`;
    await wb.waitForTreeItem('Alarms', staging, 30000);
    const rows = await wb.waitForTreeItem('Alarms', /^sandbox · \d{12} · eu-north-1$/, 30000);
    const roots = rows.filter((r) => r.depth === 1 && / · /.test(r.label)).map((r) => r.label);
    const sandboxAccount = /^sandbox · (\d{12}) · /.exec(roots[0] ?? '')?.[1];
    assert.ok(sandboxAccount && sandboxAccount !== STAGING_ACCOUNT_ID, `roots: ${roots.join(' | ')}`);
    // The regions setting applies to every profile: each profile's roots, in profile order, with its account.
    assert.deepEqual(roots, [`sandbox · ${sandboxAccount} · us-east-1`, `sandbox · ${sandboxAccount} · eu-north-1`, staging, `staging · ${STAGING_ACCOUNT_ID} · eu-north-1`]);
    const firingStaging = STAGING_ALARMS.filter((a) => a.state === 'ALARM').length;
    await wb.waitForTreeItem('Alarms', STAGING_ALARMS.find((a) => a.state === 'ALARM')!.name, 30000);
    const bell = await waitFor(
      async () => (await wb.statusBarItems()).find((i) => i.id.endsWith('opsLens.alarmsFiring')),
      (item) => !!item && /staging/.test(item.text),
      { timeoutMs: 20000, message: 'no per-account alarm summary in the status bar' },
    );
    assert.match(bell!.text, new RegExp(`sandbox \\d+ in alarm · staging ${firingStaging} in alarm`));
    await wb.screenshot('accounts-alarms-two-profiles');

    const machines = await wb.waitForTreeItem('Step Functions', STAGING_STATE_MACHINE, 30000);
    const machineRoots = machines.filter((r) => r.depth === 1).map((r) => r.label);
    assert.ok(machineRoots.includes(staging) && machineRoots.includes(`sandbox · ${sandboxAccount} · us-east-1`), `roots: ${machineRoots.join(' | ')}`);
    const stagingAt = machines.findIndex((r) => r.label === staging);
    assert.ok(machines.findIndex((r) => r.label === STAGING_STATE_MACHINE) > stagingAt, 'the staging machine sits under the staging root');
    await wb.screenshot('accounts-step-functions-two-profiles');
    // Both accounts' alarms in view, as the README shows them.
    await wb.collapseView('Step Functions');
    await wb.collapseView('Health');
    try {
      await wb.waitForTreeItem('Alarms', STAGING_ALARMS.find((a) => a.state === 'ALARM')!.name, 10000);
      await wb.screenshot('accounts-side-by-side');
    } finally {
      await wb.expandView('Step Functions');
      await wb.expandView('Health');
    }
  });

  it('asks in which account a saved query runs, and runs it there', async () => {
    const wb = workbench();
    // Still both profiles from the test before: a query naming no region of its own may mean either account.
    const file = path.join(environment().workspace, 'queries', 'orders-errors.insights');
    fs.writeFileSync(file, `# name: Orders errors\n# logGroups: ${STAGING_LOG_GROUP}\n# range: 24h\nfields @timestamp, @message\n| filter @message like /ERROR/\n| limit 20\n`);
    try {
      await wb.closeEditors();
      const since = await lastCallSeq(environment().awsEndpoint);
      await wb.runCommand('Ops Lens: Run Saved Logs Insights Query…');
      await wb.typeInQuickInput('Orders errors');
      await waitFor(() => wb.quickPickItems(), (list) => list.some((i) => i.label === 'Orders errors'), { timeoutMs: 20000, message: 'query not offered' });
      await wb.pickQuickItem('Orders errors');
      const accounts = await waitFor(() => wb.quickPickItems(), (list) => list.some((i) => i.label === 'staging · us-east-1'), { timeoutMs: 20000, message: 'no account picker' });
      assert.deepEqual(accounts.map((i) => i.label), ['sandbox · us-east-1', 'sandbox · eu-north-1', 'staging · us-east-1', 'staging · eu-north-1']);
      await wb.pickQuickItem('staging · us-east-1');
      await wb.waitForEditor(/Orders errors/, 30000);
      const text = await wb.activeEditorText();
      assert.match(text, /Profile:\s+staging/);
      assert.match(text, /Region:\s+us-east-1/);
      assert.match(text, /OrderNotFound: order st-0001 not found/);
      const started = (await awsCalls(environment().awsEndpoint, since)).filter((c) => c.operation === 'StartQuery' && /Orders|ERROR/.test((c.input as { queryString: string }).queryString) && JSON.stringify(c.input).includes(STAGING_LOG_GROUP));
      assert.deepEqual(started.map((c) => c.accessKeyId), [STAGING_CREDENTIALS.accessKeyId], 'sent once, signed as staging');
      await wb.screenshot('accounts-query-in-staging');
    } finally {
      fs.rmSync(file, { force: true });
      await wb.closeEditors();
    }
  });

  it('warns of an expired SSO session with the login command, and the profile failing hides no other', async () => {
    const wb = workbench();
    // An IAM Identity Center profile as `aws configure sso` writes it, and its token as the SDK caches it
    // (https://docs.aws.amazon.com/cli/latest/userguide/sso-configure-profile-token.html), expired an hour ago.
    const profile = 'payments-oncall';
    await wb.openOpsLens();
    fs.appendFileSync(configFile, [
      '', `[profile ${profile}]`, 'sso_session = payments-sso', 'sso_account_id = 444455556666', 'sso_role_name = ReadOnlyAccess', 'region = us-east-1', '',
      '[sso-session payments-sso]', 'sso_start_url = https://payments-example.awsapps.com/start', 'sso_region = us-east-1', 'sso_registration_scopes = sso:account:access', '',
    ].join('\n'));
    const cacheDir = path.join(environment().home, '.aws', 'sso', 'cache');
    fs.mkdirSync(cacheDir, { recursive: true });
    const token = { startUrl: 'https://payments-example.awsapps.com/start', region: 'us-east-1', accessToken: 'expired-token', expiresAt: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z') };
    fs.writeFileSync(path.join(cacheDir, `${createHash('sha1').update('payments-sso').digest('hex')}.json`), JSON.stringify(token));
    // The SDK refuses the expired token for that profile's calls: its roots say so. Should a refusal reach
    // the host's log as an error, it is in the SDK's words or Ops Lens's notice, during this test.
    expectHostError(/To refresh this SSO session run '?aws sso login|SSO session of profile \W?payments-oncall\W? has expired/);

    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    settings['opsLens.aws.profiles'] = ['sandbox', profile];
    fs.writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);

    const warning = await waitFor(
      async () => (await wb.statusBarItems()).find((i) => i.id.endsWith('opsLens.session')),
      (item) => !!item && item.text.includes(`${profile} expired`),
      { timeoutMs: 30000, message: 'no SSO expiry warning on the session\'s status bar item' },
    );
    assert.match(warning!.text, /SSO: payments-oncall expired/);
    const button = `Run aws sso login --profile ${profile}`;
    // Toasts without a click fade into the notification center after a while: read what was shown.
    const expiredNotice = /SSO session of profile \W?payments-oncall\W? has expired/;
    await waitFor(() => wb.recordedNotifications(), (all) => all.some((n) => expiredNotice.test(n.message)), { timeoutMs: 20000, message: 'no notification of the expired SSO session' });

    // The other profile's alarms are still there.
    const rows = await wb.waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000);
    assert.ok(rows.some((r) => /^sandbox · /.test(r.label)), `roots: ${rows.filter((r) => r.depth === 1).map((r) => r.label).join(' | ')}`);
    assert.ok(rows.some((r) => r.label.startsWith(`${profile} · `)), 'the expired profile keeps its own root, with its failure');
    // Never a false all-clear: the expired profile is "not read", with why, in the roots, the status bar and the badge; never 0.
    const expiredRoots = await waitFor(() => wb.treeItems('Alarms'), (items) => items.filter((r) => r.label.startsWith(`${profile} · `)).every((r) => r.description === 'not read — SSO session expired'), { timeoutMs: 30000, message: 'the expired profile\'s roots do not say "not read"' });
    assert.equal(expiredRoots.filter((r) => r.label.startsWith(`${profile} · `)).length, 2);
    const firing = await waitFor(
      async () => (await wb.statusBarItems()).find((i) => i.id.endsWith('opsLens.alarmsFiring')),
      (item) => !!item && item.text.includes(`${profile} not read`),
      { timeoutMs: 30000, message: 'the status bar does not say the expired profile was not read' },
    );
    assert.doesNotMatch(firing!.text, new RegExp(`${profile} 0`));
    assert.match(await wb.page.locator('.part.statusbar .statusbar-item[id$="opsLens.alarmsFiring"]').first().getAttribute('class') ?? '', /\berror-kind\b/);
    assert.match(await wb.activityLabel('Ops Lens'), /alarms? in ALARM · 2 regions not read \(SSO session expired\)/);
    await wb.screenshot('accounts-sso-expired');

    // One notification for the expiry, whether the token cache or a failed call noticed it first.
    const about = (await wb.recordedNotifications()).filter((n) => n.message.includes(profile));
    assert.equal(about.length, 1, `notifications about ${profile}: ${about.map((n) => n.message).join(' | ')}`);
    if (!(await wb.notifications()).some((n) => expiredNotice.test(n.message))) await wb.runCommand('Notifications: Show Notifications');
    await wb.clickNotificationButton(/SSO session of profile/, button);
    // A terminal with the command typed and not run: the person presses Enter.
    await wb.page.locator('.terminal-wrapper').first().waitFor({ state: 'visible', timeout: 20000 });
    const typed = await waitFor(async () => {
      await wb.runCommand('Terminal: Select All');
      await wb.page.evaluate(() => navigator.clipboard.writeText(''));
      await wb.runCommand('Terminal: Copy Selection');
      return wb.page.evaluate(() => navigator.clipboard.readText());
    }, (text) => text.includes(`aws sso login --profile ${profile}`), { timeoutMs: 20000, message: 'the login command is not typed in the terminal' });
    assert.doesNotMatch(typed, /aws: command not found|Error loading SSO|Successfully logged/, 'typed, never run');
    await wb.screenshot('accounts-sso-login-typed');
    await wb.runCommand('Terminal: Kill All Terminals').catch(() => undefined);
  });
});
