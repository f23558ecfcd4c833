import * as assert from 'node:assert/strict';
import { managementCall } from '../../../sandbox/standin/cloudTrail/request';

describe('the stand-in: which requests become management events', () => {
  it('names JSON-protocol calls by operation, with the resources their members name', () => {
    const put = managementCall({ service: 'monitoring', operation: 'PutMetricAlarm', input: { AlarmName: 'checkout-5xx' } });
    assert.deepEqual(put, { eventName: 'PutMetricAlarm', eventSource: 'monitoring.amazonaws.com', readOnly: false, resources: [{ ResourceType: 'AWS::CloudWatch::Alarm', ResourceName: 'checkout-5xx' }] });
    assert.equal(managementCall({ service: 'states', operation: 'DescribeStateMachine', input: { stateMachineArn: 'arn' } })?.readOnly, true);
  });

  it("names Lambda's REST calls as CloudTrail does, and leaves data events out", () => {
    assert.equal(managementCall({ service: 'lambda', operation: '', input: {}, method: 'PUT', path: '/2015-03-31/functions/checkout-api/code' })?.eventName, 'UpdateFunctionCode20150331v2');
    assert.deepEqual(managementCall({ service: 'lambda', operation: '', input: {}, method: 'POST', path: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Ax/aliases' })?.resources, [{ ResourceType: 'AWS::Lambda::Function', ResourceName: 'arn:aws:lambda:us-east-1:1:function:x' }]);
    assert.equal(managementCall({ service: 'lambda', operation: '', input: {}, method: 'POST', path: '/2015-03-31/functions/x/invocations' }), undefined);
    assert.equal(managementCall({ service: 'monitoring', operation: 'PutMetricData', input: {} }), undefined);
    assert.equal(managementCall({ service: 'logs', operation: 'PutLogEvents', input: {} }), undefined);
    assert.equal(managementCall({ service: 'apigateway', operation: '', input: {}, method: 'POST', path: '/restapis/a1b2/deployments' })?.eventName, 'CreateDeployment');
  });
});
