import { strict as assert } from 'node:assert';
import { buildGraph, DefinitionError, GRAPH_LIMITS, parseDefinition, type GraphState, type StateGraph } from '../../../src/core/stepFunctions/graphModel';
import { choiceLabel } from '../../../src/core/stepFunctions/graphLabels';

const state = (g: StateGraph, name: string) => {
  const found = g.nodes.find((n): n is GraphState => n.kind === 'state' && n.name === name);
  assert.ok(found, `state ${name}`);
  return found;
};
const idName = (g: StateGraph) => new Map(g.nodes.map((n) => [n.id, n.kind === 'state' ? n.name : n.kind === 'join' ? `join:${g.nodes.find((o) => o.id === n.owner)?.name}` : n.kind]));
/** Edges as `from -kind-> to [label]`, by state names. */
const edges = (g: StateGraph) => {
  const names = idName(g);
  return g.edges.map((e) => `${names.get(e.from)} -${e.kind}-> ${names.get(e.to)}${e.label ? ` [${e.label}]` : ''}`);
};

const EVERY_TYPE = {
  Comment: 'every state type',
  StartAt: 'Validate',
  States: {
    Validate: { Type: 'Pass', Next: 'Route' },
    Route: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.count', NumericGreaterThan: 100, Next: 'TooMany' },
        { And: [{ Variable: '$.kind', StringEquals: 'image' }, { Not: { Variable: '$.draft', IsPresent: true } }], Next: 'Hold' },
      ],
      Default: 'Resize',
    },
    Hold: { Type: 'Wait', Seconds: 60, Next: 'Resize' },
    Resize: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Retry: [{ ErrorEquals: ['Lambda.ServiceException'], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Cleanup' }],
      Next: 'Done',
    },
    Cleanup: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:cleanup', Next: 'TooMany' },
    TooMany: { Type: 'Fail', Error: 'TooManyItems', Cause: 'more than 100' },
    Done: { Type: 'Succeed' },
  },
};

describe('Step Functions graph: definition → graph', () => {
  it('draws Task, Pass, Choice, Wait, Succeed and Fail states with their Next, Choice, Default, Catch and Retry edges', () => {
    const g = buildGraph(parseDefinition(JSON.stringify(EVERY_TYPE)));
    assert.deepEqual(g.nodes.filter((n) => n.kind === 'state').map((n) => `${n.name}:${(n as GraphState).type}`), [
      'Validate:Pass', 'Route:Choice', 'Hold:Wait', 'Resize:Task', 'Cleanup:Task', 'TooMany:Fail', 'Done:Succeed',
    ]);
    assert.deepEqual(edges(g).sort(), [
      'Cleanup -next-> TooMany',
      'Done -next-> end',
      'Hold -next-> Resize',
      'Resize -catch-> Cleanup [Catch: States.ALL]',
      'Resize -next-> Done',
      'Resize -retry-> Resize [Retry ×2: Lambda.ServiceException]',
      'Route -choice-> Hold [$.kind == "image" and not $.draft is present]',
      'Route -choice-> TooMany [$.count > 100]',
      'Route -default-> Resize [Default]',
      'TooMany -next-> end',
      'Validate -next-> Route',
      'start -next-> Validate',
    ]);
    assert.equal(state(g, 'Resize').detail, 'lambda:invoke');
    assert.equal(state(g, 'Cleanup').detail, 'lambda cleanup');
    assert.equal(state(g, 'Hold').detail, '60 s');
    assert.equal(state(g, 'TooMany').detail, 'TooManyItems');
    assert.equal(g.comment, 'every state type');
    assert.equal(g.truncated, undefined);
  });

  it('puts Parallel branches in clusters of their own, joined before the next state', () => {
    const g = buildGraph(parseDefinition(JSON.stringify({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Thumbnails', States: { Thumbnails: { Type: 'Pass', End: true } } },
            { StartAt: 'Labels', States: { Labels: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:rekognition:detectLabels', Next: 'Store' }, Store: { Type: 'Pass', End: true } } },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Report' }],
          Next: 'Finish',
        },
        Report: { Type: 'Fail' },
        Finish: { Type: 'Succeed' },
      },
    })));
    assert.deepEqual(g.clusters.map((c) => c.label), ['Branch 1', 'Branch 2']);
    assert.ok(g.clusters.every((c) => c.owner === state(g, 'Both').id));
    assert.equal(state(g, 'Thumbnails').cluster, g.clusters[0].id);
    assert.equal(state(g, 'Store').cluster, g.clusters[1].id);
    assert.equal(state(g, 'Both').detail, '2 branches');
    assert.deepEqual(edges(g).sort(), [
      'Both -next-> Labels',
      'Both -next-> Thumbnails',
      'Finish -next-> end',
      'Labels -next-> Store',
      'Report -next-> end',
      'Store -next-> join:Both',
      'Thumbnails -next-> join:Both',
      'join:Both -catch-> Report [Catch: States.ALL]',
      'join:Both -next-> Finish',
      'start -next-> Both',
    ]);
  });

  it('draws inline and distributed Maps (ItemProcessor and the older Iterator), nested in a Parallel, with child executions marked', () => {
    const g = buildGraph(parseDefinition(JSON.stringify({
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          End: true,
          Branches: [{
            StartAt: 'EachBatch',
            States: {
              EachBatch: {
                Type: 'Map',
                ItemProcessor: {
                  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
                  StartAt: 'EachImage',
                  States: {
                    EachImage: { Type: 'Map', Iterator: { StartAt: 'Thumb', States: { Thumb: { Type: 'Pass', End: true } } }, Next: 'Child' },
                    Child: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', End: true },
                  },
                },
                End: true,
              },
            },
          }],
        },
      },
    })));
    assert.equal(state(g, 'EachBatch').mapMode, 'DISTRIBUTED');
    assert.equal(state(g, 'EachBatch').detail, 'Distributed Map');
    assert.equal(state(g, 'EachImage').mapMode, 'INLINE');
    assert.equal(state(g, 'Child').startsExecution, true);
    assert.equal(state(g, 'Thumb').startsExecution, false);
    const byId = new Map(g.clusters.map((c) => [c.id, c]));
    const thumbCluster = byId.get(state(g, 'Thumb').cluster!)!;
    const imageCluster = byId.get(thumbCluster.parent!)!;
    const batchCluster = byId.get(imageCluster.parent!)!;
    assert.equal(thumbCluster.owner, state(g, 'EachImage').id);
    assert.equal(imageCluster.owner, state(g, 'EachBatch').id);
    assert.equal(batchCluster.owner, state(g, 'Fan').id);
    assert.equal(batchCluster.parent, undefined);
    assert.match(imageCluster.label, /child execution/);
    assert.ok(edges(g).includes('join:EachImage -next-> Child'));
    assert.ok(edges(g).includes('Thumb -next-> join:EachImage'));
  });

  it('reads JSONata definitions: conditions as labels, per-state query language, variables assigned', () => {
    const g = buildGraph(parseDefinition(JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'Price',
      States: {
        Price: { Type: 'Pass', Assign: { total: '{% $states.input.count * 2 %}', currency: 'EUR' }, Next: 'Big?' },
        'Big?': { Type: 'Choice', Choices: [{ Condition: '{% $total > 100 %}', Next: 'Old', Assign: { big: true } }], Default: 'Done' },
        Old: { Type: 'Pass', QueryLanguage: 'JSONPath', Next: 'Done' },
        Done: { Type: 'Succeed' },
      },
    })));
    assert.equal(g.queryLanguage, 'JSONata');
    assert.equal(state(g, 'Price').queryLanguage, 'JSONata');
    assert.equal(state(g, 'Old').queryLanguage, 'JSONPath');
    assert.deepEqual(state(g, 'Price').assigns, ['total', 'currency']);
    assert.ok(edges(g).includes('Big? -choice-> Old [$total > 100]'));
  });

  it('labels every kind of Choice rule in one short line', () => {
    assert.equal(choiceLabel({ Variable: '$.a', StringEqualsPath: '$.b' }, 80), '$.a == $.b');
    assert.equal(choiceLabel({ Variable: '$.n', NumericLessThanEquals: 3 }, 80), '$.n <= 3');
    assert.equal(choiceLabel({ Variable: '$.t', TimestampGreaterThan: '2026-01-01T00:00:00Z' }, 80), '$.t > "2026-01-01T00:00:00Z"');
    assert.equal(choiceLabel({ Variable: '$.s', StringMatches: 'log-*.txt' }, 80), '$.s matches "log-*.txt"');
    assert.equal(choiceLabel({ Variable: '$.x', IsNull: false }, 80), '$.x is not null');
    assert.equal(choiceLabel({ Or: [{ Variable: '$.a', BooleanEquals: true }, { Variable: '$.b', BooleanEquals: false }] }, 80), '$.a == true or $.b == false');
    assert.equal(choiceLabel({ Condition: '{% ($a) or ($b) %}' }, 80), '($a) or ($b)');
    assert.equal(choiceLabel({ Variable: '$.long', StringEquals: 'x'.repeat(200) }, 30).length, 30);
  });

  it('refuses what is not a definition', () => {
    assert.throws(() => parseDefinition('{'), DefinitionError);
    assert.throws(() => parseDefinition('[]'), DefinitionError);
    assert.throws(() => parseDefinition('{"StartAt":"A"}'), DefinitionError);
    assert.throws(() => parseDefinition(' '.repeat(GRAPH_LIMITS.definitionChars + 1)), /larger than/);
  });

  it('caps hostile definitions: nesting depth, state count, choice rules; and skips malformed states', () => {
    let nested: Record<string, unknown> = { StartAt: 'Leaf', States: { Leaf: { Type: 'Pass', End: true } } };
    for (let i = 0; i < 50; i++) nested = { StartAt: `P${i}`, States: { [`P${i}`]: { Type: 'Parallel', Branches: [nested], End: true } } };
    const deep = buildGraph(nested);
    assert.match(deep.truncated ?? '', /nested deeper than 8/);
    assert.ok(deep.clusters.length <= GRAPH_LIMITS.depth);

    const many: Record<string, unknown> = {};
    for (let i = 0; i < 5_000; i++) many[`S${i}`] = { Type: 'Pass', Next: `S${i + 1}` };
    const wide = buildGraph({ StartAt: 'S0', States: many });
    assert.equal(wide.nodes.filter((n) => n.kind === 'state').length, GRAPH_LIMITS.states);
    assert.match(wide.truncated ?? '', /first 1000 states/);

    const rules = Array.from({ length: 500 }, (_, i) => ({ Variable: '$.n', NumericEquals: i, Next: 'A' }));
    const choice = buildGraph({ StartAt: 'C', States: { C: { Type: 'Choice', Choices: rules }, A: { Type: 'Succeed' }, Bad: 'not a state', Worse: { Type: 42, Next: ['x'] } } });
    assert.equal(choice.edges.filter((e) => e.kind === 'choice').length, GRAPH_LIMITS.choicesPerState);
    assert.equal(state(choice, 'Worse').type, 'Unknown');
    assert.ok(!choice.nodes.some((n) => n.name === 'Bad'));
  });

  it('builds a 1000-state definition in linear time', function () {
    this.timeout(20_000);
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 1000; i++) many[`S${i}`] = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['X'] }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'S0' }], Next: `S${(i + 1) % 1000}` };
    const started = performance.now();
    const g = buildGraph({ StartAt: 'S0', States: many });
    // Linear is a few milliseconds; quadratic in states and edges would be seconds.
    assert.ok(performance.now() - started < 5_000, `${performance.now() - started} ms`);
    assert.equal(g.edges.length, 3001);
  });

  it('keeps control characters and long names out of labels', () => {
    const g = buildGraph({ StartAt: 'A\u202e\nB', States: { 'A\u202e\nB': { Type: 'Pass', End: true, Comment: 'x'.repeat(1000) }, ['N'.repeat(500)]: { Type: 'Succeed' } } });
    assert.equal(state(g, 'A B').comment?.length, 200);
    assert.ok(g.nodes.every((n) => n.name.length <= GRAPH_LIMITS.labelChars));
  });
});
