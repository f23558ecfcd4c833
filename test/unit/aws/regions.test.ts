import { strict as assert } from 'node:assert';
import { effectiveProfile, inEveryRegion, resolveRegions } from '../../../src/aws/regions';
import { asScopeId } from '../../../src/core/scope';

const settings = (regions: string[] = [], profile = '') => ({ profile, regions, endpointUrl: '' });

describe('region precedence', () => {
  it('uses the regions from settings first, without duplicates', () => {
    const r = resolveRegions({ settings: settings(['eu-west-1', 'us-east-1', 'eu-west-1']), profileRegion: 'ap-south-1', env: { AWS_REGION: 'us-west-2' } });
    assert.deepEqual(r, { regions: ['eu-west-1', 'us-east-1'], from: 'settings' });
  });

  it('falls back to the profile region, then the environment', () => {
    assert.deepEqual(resolveRegions({ settings: settings(), profileRegion: 'ap-south-1', env: { AWS_REGION: 'us-west-2' } }), { regions: ['ap-south-1'], from: 'profile' });
    assert.deepEqual(resolveRegions({ settings: settings(), env: { AWS_REGION: 'us-west-2' } }), { regions: ['us-west-2'], from: 'environment' });
    assert.deepEqual(resolveRegions({ settings: settings(), env: { AWS_DEFAULT_REGION: 'eu-north-1' } }), { regions: ['eu-north-1'], from: 'environment' });
  });

  it('says when it had nothing to go on', () => {
    assert.equal(resolveRegions({ settings: settings(), env: {} }).from, 'fallback');
  });

  it('uses the profile setting, else AWS_PROFILE, else default', () => {
    assert.equal(effectiveProfile(settings([], 'prod'), { AWS_PROFILE: 'dev' }), 'prod');
    assert.equal(effectiveProfile(settings(), { AWS_PROFILE: 'dev' }), 'dev');
    assert.equal(effectiveProfile(settings(), {}), 'default');
  });
});

describe('a task in every region', () => {
  it('runs in all of them and says which failed, without stopping the others', async () => {
    const done: string[] = [];
    const failures = await inEveryRegion([asScopeId('prod · us-east-1'), asScopeId('staging · us-east-1'), asScopeId('dev · eu-west-1')], async (region) => {
      if (region.startsWith('staging')) throw new Error('ExpiredToken');
      done.push(region);
    });
    assert.deepEqual(done.sort(), ['dev · eu-west-1', 'prod · us-east-1']);
    assert.deepEqual(failures.map((f) => [f.region, (f.error as Error).message]), [['staging · us-east-1', 'ExpiredToken']]);
  });
});
