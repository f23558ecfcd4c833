import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const IMAGES_DIR = path.join(ROOT, 'docs', 'screenshots');
const TAKER = fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'readme.test.ts'), 'utf8');

/** Each <picture> of the README: its dark source and its light image. */
function pictures(): { dark: string; light: string }[] {
  const out: { dark: string; light: string }[] = [];
  for (const block of README.split('<picture>').slice(1)) {
    const body = block.slice(0, block.indexOf('</picture>'));
    const dark = /<source media="\(prefers-color-scheme: dark\)" srcset="([^"]+)">/.exec(body)?.[1] ?? '';
    const light = /<img alt="[^"]+" src="([^"]+)"/.exec(body)?.[1] ?? '';
    out.push({ dark, light });
  }
  return out;
}

describe('README images', () => {
  it('shows every image as a light and a dark pair, with a description', () => {
    const list = pictures();
    assert.ok(list.length >= 10, `${list.length} pictures`);
    for (const { dark, light } of list) {
      assert.match(light, /^docs\/screenshots\/[a-z-]+-light\.png$/, `a light image with alt text: ${light}`);
      assert.equal(dark, light.replace(/-light\.png$/, '-dark.png'), `the dark source of ${light}`);
    }
    // No image outside a <picture>: a single-theme image would show in the other theme too.
    assert.deepEqual(README.match(/!\[[^\]]*\]\([^)]+\.(png|gif|jpe?g|svg)\)/g) ?? [], []);
  });

  it('links only images that exist, each taken by the e2e file of README images, and keeps none it does not show', () => {
    const shown = new Set(pictures().flatMap((p) => [p.light, p.dark]).map((f) => path.basename(f)));
    for (const file of shown) assert.ok(fs.existsSync(path.join(IMAGES_DIR, file)), `${file} exists`);
    const names = new Set([...shown].map((f) => f.replace(/-(light|dark)\.png$/, '')));
    for (const name of names) assert.ok(TAKER.includes(`'${name}'`), `test/e2e/readme.test.ts takes ${name}`);
    const stored = fs.readdirSync(IMAGES_DIR);
    assert.deepEqual(stored.filter((f) => !shown.has(f)), [], 'images in docs/screenshots the README does not show');
  });

  it('are not packaged into the extension', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.equal(ignore[0], '**', 'the package leaves out everything it does not list');
    assert.ok(!ignore.some((l) => l.startsWith('!docs')), 'docs/ is not listed');
  });
});
