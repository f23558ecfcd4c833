import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DeleteLogGroupCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ZAP_JSON_ORDERS } from '../fixtures/stackFrames/moreRuntimes';
import { chartBodies, chartPage, openDashboard, readyChartPage } from './charts';
import { environment, waitFor, workbench } from './harness';

async function cursorLine(): Promise<number> {
  const items = await waitFor(() => workbench().statusBarItems(), (list) => list.some((i) => /Ln \d+, Col \d+/.test(i.text)), { message: 'no cursor position in the status bar' });
  return Number(/Ln (\d+)/.exec(items.find((i) => /Ln \d+/.test(i.text))!.text)![1]);
}

/** Runs a query file written into the sandbox workspace, puts the cursor inside `frame` and follows its link. */
async function followFrame(name: string, logGroup: string, filter: string, frame: string, expectedFile: string, expectedLine: number, screenshot: string): Promise<void> {
  const wb = workbench();
  const slug = name.toLowerCase().replace(/\W+/g, '-');
  const file = path.join(environment().workspace, 'queries', `${slug}.insights`);
  fs.writeFileSync(file, `# name: ${name}\n# logGroups: ${logGroup}\n# range: 3h\nfields @timestamp, @message\n| filter @message like /${filter}/\n| limit 3\n`);
  try {
    await wb.openFile(`queries/${slug}.insights`);
    await wb.runCommand('Ops Lens: Run Logs Insights Query in Editor');
    await wb.waitForEditor(name, 30000);
    assert.equal(await wb.activeEditorLanguage(), 'Ops Lens Query Results');
    const text = await wb.activeEditorText();
    const lines = text.split('\n');
    const index = lines.findIndex((l) => l.includes(frame));
    assert.ok(index >= 0, `the results show ${frame}`);
    const column = lines[index].indexOf(frame) + 1;
    await wb.runCommand('Go to Line/Column...');
    await wb.typeInQuickInput(`:${index + 1}:${column + 5}`);
    await wb.acceptQuickInput();
    await wb.screenshot(screenshot);
    await wb.runCommand('Open Link');
    await wb.waitForEditor(expectedFile, 15000);
    assert.equal(await waitFor(cursorLine, (l) => l === expectedLine, { message: `not at line ${expectedLine} of ${expectedFile}` }), expectedLine);
  } finally {
    await wb.closeEditors();
    fs.rmSync(file, { force: true });
  }
}

describe('formats of other projects', () => {
  afterEach(async () => {
    await workbench().dismissNotifications();
  });

  it('redraws the Lambda functions dashboard for the function picked in its toolbar, and keeps the pick over a reload', async () => {
    const wb = workbench();
    await wb.closeEditors();
    const page = await openDashboard('ops-lens-lambda-functions');
    const picker = page.locator('select[data-variable=functionName]');
    assert.equal(await picker.inputValue(), 'databanana-GenerateFunction', 'the dashboard\'s default value');
    assert.deepEqual(await picker.locator('option').allTextContents(), ['create_goal-prod', 'databanana-GenerateFunction', 'databanana-ProcessImagesFunction']);
    const errors = page.locator('section[data-widget-title="Errors"] .single-value-number');
    const before = await errors.textContent();
    await waitFor(() => chartBodies(page), (list) => list.length >= 4 && list.every((c) => c.points > 0), { message: 'a chart of the dashboard has no points' });
    const alarm = page.locator('section[data-widget-title="ai-lifestyle-app-goals-prod-high-error-rate"] .widget-body.chart');
    assert.equal(await alarm.getAttribute('data-threshold'), '10', 'the widget graphing an alarm draws its threshold');
    assert.match((await page.locator('section[data-widget-type=custom]').textContent()) ?? '', /Lambda function ops-cost-widget/);
    await wb.screenshot('dashboard-variable');

    await picker.selectOption('create_goal-prod');
    await waitFor(async () => (await chartPage().locator('select[data-variable=functionName]').inputValue()), (v) => v === 'create_goal-prod', { message: 'the picker did not keep the value' });
    const redrawn = await readyChartPage();
    const after = await waitFor(() => redrawn.locator('section[data-widget-title="Errors"] .single-value-number').textContent(), (t) => t !== before, { message: 'the Errors widget was not redrawn for another function' });
    assert.notEqual(after, before);
    await wb.screenshot('dashboard-variable-picked');

    await wb.runCommand('Developer: Reload Webviews');
    const reloaded = await readyChartPage();
    assert.equal(await reloaded.locator('select[data-variable=functionName]').inputValue(), 'create_goal-prod', 'the pick survives a reload of the panel');
    assert.equal(await reloaded.locator('section[data-widget-title="Errors"] .single-value-number').textContent(), after);
  });

  it('links a PHP trace in Logs Insights results to the workspace file and line', async () => {
    await followFrame('Invoicing errors', '/ecs/dev/invoicing-api', 'production.ERROR', '/var/www/invoicing/app/Http/Controllers/InvoiceController.php(23)', 'InvoiceController.php', 23, 'formats-php-frame');
  });

  it('links a Go Lambda panic document in Logs Insights results to the workspace file and line', async () => {
    await followFrame('Checkout panics', '/aws/lambda/orders-CheckoutFunction', 'errorMessage', 'github.com/acme/orders/internal/checkout/handler.go', 'handler.go', 31, 'formats-go-panic-frame');
  });

  it('links a frame of a zap JSON stacktrace (escaped newlines and tabs inside the log line) to the workspace file and line', async () => {
    const group = '/e2e/orders-zap';
    const logs = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: environment().awsEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    try {
      await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'orders-api' }));
      await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 'orders-api', logEvents: [{ timestamp: Date.now() - 60_000, message: ZAP_JSON_ORDERS }] }));
      await followFrame('Zap stack traces', group, 'stacktrace', '/home/dev/orders/internal/checkout/handler.go:31', 'handler.go', 31, 'formats-zap-frame');
    } finally {
      await logs.send(new DeleteLogGroupCommand({ logGroupName: group }));
    }
  });
});
