import { strict as assert } from 'node:assert';
import { AwsSession } from '../../src/aws/session';
import { SdkStepFunctions } from '../../src/aws/services/stepFunctions';
import { asScopeId } from '../../src/core/scope';
import { loadGraph } from '../../src/stepFunctions/graphLoader';
import { sandboxClients } from '../../sandbox/awsClients';
import { resetMoto } from '../../sandbox/moto';
import { seedThumbnailBatch } from '../../sandbox/seeders/thumbnailBatch';
import { awsEndpoint, testEnv } from './setup';

const REGION = asScopeId('us-east-1');

describe('Step Functions execution graph against the sandbox', function () {
  this.timeout(60000);
  let session: AwsSession;
  let api: SdkStepFunctions;
  let executionArn: string;

  before(async () => {
    await resetMoto(awsEndpoint());
    ({ executionArn } = await seedThumbnailBatch(sandboxClients(awsEndpoint())));
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    Object.assign(process.env, testEnv);
    api = new SdkStepFunctions(session);
  });

  after(() => session.reset());

  it('draws a failed execution with a Parallel, a child execution and a distributed Map whose item failed', async () => {
    const loaded = await loadGraph(api, REGION, { kind: 'execution', arn: executionArn });
    const label = (name: string) => loaded.view.nodes.find((n) => n.name === name)?.label;
    assert.equal(label('ReserveStorage'), 'ReserveStorage — succeeded');
    assert.equal(label('Prepare'), 'Prepare — succeeded');
    assert.equal(label('AnnounceBatch'), 'AnnounceBatch — succeeded');
    assert.match(label('ResizeImages') ?? '', /^ResizeImages — failed \(States\.ExceedToleratedFailureThreshold\)$/);
    assert.equal(label('Resize'), 'Resize — runs in the Map run\'s child executions');
    assert.equal(label('Publish'), 'Publish — not reached');
    assert.match(loaded.subtitle, /^Failed · /);
    const announce = loaded.view.nodes.find((n) => n.name === 'AnnounceBatch')!;
    assert.match(announce.facts?.input ?? '', /"batch_id":\s*"b-42"/, 'each state\'s input is read with the history');
    const [child] = announce.facts?.childExecutionArns ?? [];
    const [mapRun] = loaded.view.nodes.find((n) => n.name === 'ResizeImages')?.facts?.mapRunArns ?? [];
    assert.ok(child && loaded.links.has(child), 'the child execution is linked');
    assert.ok(mapRun && loaded.links.has(mapRun), 'the Map run is linked');

    const childGraph = await loadGraph(api, REGION, { kind: 'execution', arn: child });
    assert.ok(childGraph.view.nodes.some((n) => n.kind === 'state' && n.status === 'succeeded'));

    const items = await api.executions(REGION, '', { mapRunArn: mapRun, pageSize: 100 });
    const failedItem = items.executions.find((e) => e.status === 'FAILED');
    assert.ok(failedItem?.executionArn, `a failed item among ${items.executions.map((e) => e.status).join(', ')}`);
    const itemGraph = await loadGraph(api, REGION, { kind: 'execution', arn: failedItem.executionArn });
    const itemLabel = (name: string) => itemGraph.view.nodes.find((n) => n.kind === 'state' && n.name === name)?.label;
    assert.equal(itemLabel('CheckImage'), 'CheckImage — succeeded');
    assert.equal(itemLabel('SkipImage'), 'SkipImage — not reached');
    // The item's Lambda task throws on the corrupt image (sandbox/standin/lambda/functions.ts).
    assert.match(itemLabel('Resize') ?? '', /^Resize — failed \(.+\)$/);
  });

  it('draws a state machine\'s definition without an execution', async () => {
    const machineArn = (await api.describeExecution(REGION, executionArn)).stateMachineArn!;
    const loaded = await loadGraph(api, REGION, { kind: 'machine', arn: machineArn });
    assert.equal(loaded.view.withExecution, false);
    assert.equal(loaded.view.nodes.find((n) => n.name === 'ResizeImages')?.label, 'ResizeImages — Map state, Distributed Map');
    assert.equal(loaded.subtitle, 'Standard state machine · definition only');
  });
});
