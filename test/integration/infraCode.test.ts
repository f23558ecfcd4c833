import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AwsSession } from '../../src/aws/session';
import { SdkCloudFormation } from '../../src/aws/services/cloudFormation';
import { definitionsIn } from '../../src/core/infraCode/definitions';
import { DefinitionIndex } from '../../src/core/infraCode/definitionIndex';
import { matchResource } from '../../src/core/infraCode/matching';
import { asScopeId } from '../../src/core/scope';
import { awsEndpoint, testEnv } from './setup';

const US_EAST = asScopeId('us-east-1');
const WORKSPACE = path.join(__dirname, '../../sandbox/workspace');
const INFRA_FILES = ['infra/cdk/lib/monitoring-stack.ts', 'infra/cdk/cdk.out/DatabananaMonitoring.template.json', 'infra/sam/template.yaml', 'infra/terraform/main.tf'];

describe('CloudFormation stack resources through the real SDK client', () => {
  let session: AwsSession;
  let api: SdkCloudFormation;

  beforeEach(() => {
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    Object.assign(process.env, testEnv);
    api = new SdkCloudFormation(session);
  });

  afterEach(() => session.reset());

  it('finds the stack a live alarm belongs to by its physical id, with the stack’s other resources', async () => {
    const resources = await api.stackResourcesOf(US_EAST, 'API-High-Errors');
    const alarm = resources.find((r) => r.physicalId === 'API-High-Errors');
    assert.deepEqual(alarm, { stackName: 'DatabananaMonitoring', logicalId: 'ApiHighErrors4F3E2A1B', physicalId: 'API-High-Errors', type: 'AWS::CloudWatch::Alarm' });
    assert.equal(resources.length, 2);
  });

  it('answers a resource in no stack with no stack resources rather than an error', async () => {
    assert.deepEqual(await api.stackResourcesOf(US_EAST, 'dev-rds-cpu-critical'), []);
  });

  it('lists the deployed stacks and reads each one’s resources by name', async () => {
    assert.deepEqual((await api.stackNames(US_EAST)).sort(), ['DatabananaMonitoring', 'databanana-pipeline']);
    const pipeline = await api.stackResources(US_EAST, 'databanana-pipeline');
    assert.ok(pipeline.some((r) => r.logicalId === 'ImageGenerationStateMachine' && r.physicalId.endsWith(':stateMachine:ImageGenerationStateMachine')));
    assert.deepEqual(await api.stackNames(asScopeId('eu-north-1')), []);
  });

  it('leads from an alarm named by CloudFormation to the construct in the CDK app, through the stack and the synthesized template', async () => {
    const index = new DefinitionIndex();
    for (const file of INFRA_FILES) index.setFile(file, definitionsIn(file, readFileSync(path.join(WORKSPACE, file), 'utf8')));
    const stackResources = await api.stackResourcesOf(US_EAST, 'API-High-Errors');
    const matches = matchResource({ kind: 'alarm', name: 'API-High-Errors' }, index, stackResources);
    assert.equal(matches.length, 1);
    assert.equal(`${matches[0].definition.file}:${matches[0].definition.line}`, 'infra/cdk/lib/monitoring-stack.ts:30');
    assert.equal(matches[0].how, 'construct path');
    assert.match(matches[0].via ?? '', /stack DatabananaMonitoring, logical id ApiHighErrors4F3E2A1B, construct DatabananaMonitoring\/ApiHighErrors\/Resource/);
  });
});
