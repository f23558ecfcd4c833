import { strict as assert } from 'node:assert';
import { tabTitle } from '../../../src/core/text/tabTitle';

describe('document tab titles', () => {
  it('shorten log group paths to their last part and keep the search words readable', () => {
    assert.equal(tabTitle('Search /aws/lambda/databanana-GenerateFunction for "Gemini API"'), 'Search · databanana-GenerateFunction · "Gemini API"');
    assert.equal(tabTitle('Error Rate by Endpoint'), 'Error Rate by Endpoint');
    assert.equal(tabTitle('Live Tail arn:aws:logs:us-east-1:123456789012:log-group:/ecs/prod/api:*'), 'Live Tail · api');
  });

  it('never make another path segment, a line break or an endless title', () => {
    const title = tabTitle('a/../../etc\\passwd\n\u202eevil ' + 'x'.repeat(200));
    assert.doesNotMatch(title, /[/\\\n\u202e]/);
    assert.ok(title.length <= 60);
    assert.equal(tabTitle('   '), 'results');
  });
});
