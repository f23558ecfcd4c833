import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { awsCalls, lastCallSeq } from '../support/awsCalls';
import { zoneName } from '../../src/core/time/zone';
import { environment, waitFor, workbench } from './harness';

const MACHINE = 'ImageGenerationStateMachine';
/** The seeded execution that ran out of quota: ValidateBatch → RouteBatch → QuotaExceeded (a Fail state). */
const FAILED = 'batch-b-42';

function graphPage(): FrameLocator {
  return workbench().page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');
}

async function readyGraph(): Promise<FrameLocator> {
  const page = graphPage();
  await waitFor(async () => page.locator('body').getAttribute('data-state', { timeout: 1000 }), (s) => s === 'ready', { timeoutMs: 30000, message: 'the graph was not drawn' });
  return page;
}

/** The accessible names of the states drawn, as a screen reader hears them. */
async function stateNames(page: FrameLocator): Promise<string[]> {
  return page.locator('button.graph-state').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
}

describe('Step Functions execution graph', () => {
  it('opens the failed execution\'s graph from the tree: the failed state failed, the path taken, the untaken branches not reached', async () => {
    const wb = workbench();
    await wb.openOpsLens();
    await wb.waitForTreeItem('Step Functions', MACHINE, 30000);
    await wb.expandTreeItem('Step Functions', MACHINE);
    await wb.waitForTreeItem('Step Functions', FAILED, 30000);
    const menu = await wb.treeItemContextMenu('Step Functions', FAILED);
    assert.ok(menu.includes('Show Execution Graph'), `context menu: ${menu.join(', ')}`);
    // The row's own menu opens its graph, with no question asked.
    await wb.pickContextMenuItem('Show Execution Graph');
    await wb.waitForEditor(`Graph: ${FAILED}`, 30000);
    const page = await readyGraph();
    const names = await stateNames(page);
    for (const expected of [
      'ValidateBatch — succeeded',
      'RouteBatch — succeeded',
      'QuotaExceeded — failed (ImageGenerationFailed)',
      'RejectBatch — not reached',
      'AwaitModeration — not reached',
      'GeneratePrompts — not reached',
      'BatchComplete — not reached',
    ]) assert.ok(names.includes(expected), `no state "${expected}" among ${names.join(' | ')}`);
    assert.equal(names.length, 11, 'every state of the definition is drawn');
    await page.getByRole('button', { name: 'QuotaExceeded — failed (ImageGenerationFailed)' }).waitFor({ state: 'visible', timeout: 5000 });
    // Times in the chosen zone (the e2e layer runs away from UTC), with its name.
    const zone = zoneName(Date.now(), 'local').replace('+', '\\+');
    assert.match(await page.locator('#subtitle').innerText(), new RegExp(`^Failed · ImageGenerationStateMachine · started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ${zone}`));
    // Refresh and the execution's details are the editor's title-bar actions; the page keeps its zoom controls, as codicons.
    const actions = await waitFor(() => wb.editorActions(), (list) => list.includes('Show Execution Details of the Graph'), { message: 'no title-bar actions for the graph' });
    assert.ok(actions.includes('Refresh Execution Graph'), actions.join(' | '));
    assert.equal(await page.locator('#refresh, #execution-details').count(), 0, 'no Refresh or details button in the page');
    assert.deepEqual(await page.locator('.graph-toolbar button.icon').evaluateAll((bs) => bs.map((b) => `${b.getAttribute('aria-label')}:${b.querySelector('.codicon') ? 'icon' : 'text'}`)),
      ['Zoom in (+):icon', 'Zoom out (−):icon', 'Fit the graph in the panel (0):icon']);
    await wb.screenshot('step-functions-graph-light');
  });

  it('Tab reaches a state and Enter shows its input, output, duration and error', async () => {
    const wb = workbench();
    const page = await readyGraph();
    await page.locator('#fit').focus();
    let focused = '';
    for (let i = 0; i < 30 && !focused.startsWith('QuotaExceeded'); i++) {
      await wb.page.keyboard.press('Tab');
      focused = await page.locator(':focus').getAttribute('aria-label', { timeout: 2000 }).catch(() => '') ?? '';
    }
    assert.equal(focused, 'QuotaExceeded — failed (ImageGenerationFailed)');
    await wb.page.keyboard.press('Enter');
    await waitFor(() => page.locator('#detail-title').innerText({ timeout: 2000 }).catch(() => ''), (t) => t === 'QuotaExceeded', { timeoutMs: 5000, message: 'Enter did not show the state' });
    assert.equal(await page.locator('#detail-status').innerText(), '✗ Failed');
    assert.match(await page.locator('#detail-error').innerText(), /ImageGenerationFailed[\s\S]*Gemini API quota exceeded/);
    assert.match(await page.locator('#detail-input').innerText(), /"batch_id": "b-42"/);
    assert.equal(await page.locator('button.graph-state[aria-pressed=true]').getAttribute('aria-label'), 'QuotaExceeded — failed (ImageGenerationFailed)');

    await page.getByRole('button', { name: 'ValidateBatch — succeeded' }).click();
    await waitFor(() => page.locator('#detail-title').innerText(), (t) => t === 'ValidateBatch', { timeoutMs: 5000, message: 'a click did not show the state' });
    const facts = await page.locator('.detail-facts').innerText();
    assert.match(facts, /Duration\s+\d/);
    assert.match(facts, /Retries\s+0/);
    assert.match(facts, new RegExp(`Entered\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ${zoneName(Date.now(), 'local').replace('+', '\\+')}`));
    assert.match(await page.locator('#detail-output').innerText(), /"request"/);

    await wb.setColorTheme('Dark Modern');
    await page.getByRole('button', { name: 'QuotaExceeded — failed (ImageGenerationFailed)' }).click();
    await wb.screenshot('step-functions-graph-dark');
    await wb.setColorTheme('Light Modern');
  });

  it('zooms in and out and fits the graph in the panel', async () => {
    const page = await readyGraph();
    const zoom = () => page.locator('.graph-zoom').innerText();
    const fitted = await zoom();
    await page.locator('#zoom-in').click();
    assert.notEqual(await zoom(), fitted);
    await page.locator('#actual-size').click();
    assert.equal(await zoom(), '100%');
    await page.locator('#zoom-out').click();
    assert.equal(await zoom(), '80%');
    await page.locator('#fit').click();
    assert.equal(await zoom(), fitted);
    // The title bar's Refresh reads the graph again; its other action opens the execution's details.
    const wb = workbench();
    const since = await lastCallSeq(environment().awsEndpoint);
    await wb.clickEditorAction('Refresh Execution Graph');
    await waitFor(async () => (await awsCalls(environment().awsEndpoint, since)).filter((c) => c.operation === 'GetExecutionHistory').length, (n) => n === 1, { timeoutMs: 15000, message: 'Refresh did not read the execution again' });
    await page.getByRole('button', { name: 'QuotaExceeded — failed (ImageGenerationFailed)' }).waitFor({ state: 'visible', timeout: 15000 });
    await wb.clickEditorAction('Show Execution Details of the Graph');
    await wb.waitForEditor(new RegExp(`^(?!Graph: ).*${FAILED}`), 20000);
    await wb.closeEditors();
  });

  it('shows a state machine\'s definition from the tree, each state named by its type', async () => {
    const wb = workbench();
    await wb.treeItemContextMenu('Step Functions', MACHINE);
    await wb.pickContextMenuItem('Show Execution Graph');
    await wb.waitForEditor(`Graph: ${MACHINE}`, 30000);
    const page = await readyGraph();
    const names = await stateNames(page);
    assert.ok(names.includes('RouteBatch — Choice state'), names.join(' | '));
    assert.ok(names.includes('RejectBatch — Fail state, BatchValidationError'), names.join(' | '));
    assert.ok(names.includes('AwaitModeration — Wait state, 3600 s'), names.join(' | '));
    assert.equal(await page.locator('#subtitle').innerText(), 'Standard state machine · definition only');
    // A definition has no execution: its title bar offers Refresh only.
    const actions = await waitFor(() => wb.editorActions(), (list) => list.includes('Refresh Execution Graph') && !list.includes('Show Execution Details of the Graph'), { message: 'the definition\'s title bar' });
    assert.ok(!actions.includes('Show Execution Details of the Graph'));
    await wb.screenshot('step-functions-graph-definition');
    await wb.closeEditors();
  });
});
