const { parseDocument } = require('yaml');
const mk = (n) => "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + Array.from({ length: n }, (_, a) => `  Fn${a}:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: !Sub 'fn-${a}-\${AWS::StackName}'\n      Role: !GetAtt [Role, Arn]\n`).join('');
for (const n of [10, 20, 40, 80, 160]) {
  const v = mk(n);
  let best = 1e9;
  for (let i = 0; i < 3; i++) { const t = performance.now(); parseDocument(v); best = Math.min(best, performance.now() - t); }
  console.log(n, v.length, best.toFixed(1));
}
const plain = (n) => "Resources:\n" + Array.from({ length: n }, (_, a) => `  Fn${a}:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: fn-${a}\n      Role: Role\n`).join('');
for (const n of [40, 160]) { const v = plain(n); let best = 1e9; for (let i = 0; i < 3; i++) { const t = performance.now(); parseDocument(v); best = Math.min(best, performance.now() - t); } console.log('plain', n, v.length, best.toFixed(1)); }
const t0 = performance.now(); JSON.stringify(require('yaml').parse(plain(160))); console.log('parse() plain 160', (performance.now()-t0).toFixed(1));
