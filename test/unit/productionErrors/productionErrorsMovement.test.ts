import { strict as assert } from 'node:assert';
import { fileMarks, indexErrors, lineMap, placeMarks } from '../../../src/core/productionErrors';
import { createFrameResolver } from '../../../src/core/sourceLinks';

const SAVED = [
  'export async function chargeCard(order) {', // 1
  '  const customer = await customers.get(order.customerId);', // 2
  '  if (!customer.card) {', // 3
  "    throw new ChargeError('no card on file');", // 4
  '  }', // 5
  '  return stripe.charge(customer.card, order.amount);', // 6
  '}', // 7
];

describe('production errors: marks follow edited lines', () => {
  it('stays where it is when nothing changed and the function is there', () => {
    assert.deepEqual(placeMarks([{ line: 4, functionName: 'chargeCard' }], SAVED), [{ line: 4, uncertain: false }]);
  });

  it('moves down with lines added above (unsaved changes)', () => {
    const current = ['// Charges the order.', '', ...SAVED];
    assert.deepEqual(placeMarks([{ line: 4, functionName: 'chargeCard' }, { line: 6 }], current, SAVED), [{ line: 6, uncertain: false }, { line: 8, uncertain: false }]);
  });

  it('says the line may have moved when the failing line itself was edited', () => {
    const current = [...SAVED];
    current[3] = "    throw new ChargeError('the customer has no card on file');";
    const [placed] = placeMarks([{ line: 4, functionName: 'chargeCard' }], current, SAVED);
    assert.equal(placed.uncertain, true);
    assert.equal(placed.line, 4, 'near where it was');
  });

  it('says the line may have moved when the function the frame names is not at or above the line (the code changed since it ran)', () => {
    assert.equal(placeMarks([{ line: 4, functionName: 'refundOrder' }], SAVED)[0].uncertain, true);
    assert.equal(placeMarks([{ line: 40 }], SAVED)[0].uncertain, true, 'a line the file does not have');
  });

  it('says the line may have moved when the function was renamed in the unsaved text', () => {
    const current = SAVED.map((l) => l.replace('chargeCard', 'chargeOrder'));
    const [placed] = placeMarks([{ line: 4, functionName: 'chargeCard' }], current, SAVED);
    assert.equal(placed.uncertain, true);
  });

  it('maps lines through deletions and insertions in the middle', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f'];
    const after = ['a', 'x', 'c', 'y', 'y', 'd', 'f'];
    assert.deepEqual([...lineMap(before, after)!], [0, -1, 2, 5, -1, 6]);
  });

  it('titles each mark with where it is now', () => {
    const resolve = createFrameResolver({ mappings: [], workspaceFolders: ['/w'], fileExists: (p) => p === '/w/src/pay.ts' });
    const message = "ChargeError: no card on file\n    at chargeCard (/var/task/src/pay.ts:4:11)";
    const index = indexErrors([{ timestamp: Date.UTC(2026, 10, 30, 10), message, logGroup: 'g' }], resolve);
    const marks = fileMarks(index.files.get('/w/src/pay.ts')!, ['', ...SAVED], SAVED, '24h', new Date(Date.UTC(2026, 10, 30, 10, 5)));
    assert.deepEqual(marks.map((m) => [m.line, m.title]), [[5, '⚠ 1 production error (24h) · ChargeError: no card on file · 5 min ago']]);
  });
});
