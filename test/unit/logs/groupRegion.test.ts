import { strict as assert } from 'node:assert';
import { groupRegion } from '../../../src/core/logs/groupRegion';

describe('a log group given by name alone', () => {
  const listed = [{ region: 'prod · us-east-1', name: '/aws/lambda/api' }, { region: 'staging · us-east-1', name: '/aws/lambda/orders-staging-api' }];
  const favorites = [{ region: 'staging · eu-west-1', name: '/ecs/web' }];

  it('is where the view lists it, then where it is a favourite', () => {
    assert.equal(groupRegion('/aws/lambda/orders-staging-api', listed, favorites, 'prod · us-east-1'), 'staging · us-east-1');
    assert.equal(groupRegion('/ecs/web', listed, favorites, 'prod · us-east-1'), 'staging · eu-west-1');
  });

  it('is in the first region when nothing lists it', () => {
    assert.equal(groupRegion('/not/listed', listed, favorites, 'prod · us-east-1'), 'prod · us-east-1');
  });
});
