import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// What a person sees of the extension before running anything: views, palette, menus, settings, welcomes.
const root = path.join(__dirname, '../../..');
interface Command { command: string; title: string; category?: string; icon?: string }
interface MenuEntry { command: string; when?: string; group?: string }
interface Section { title?: string; order?: number; properties: Record<string, { order?: number; markdownDescription?: string; description?: string; markdownDeprecationMessage?: string }> }
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  icon?: string;
  categories: string[];
  repository?: { url?: string };
  galleryBanner?: { color?: string; theme?: string };
  contributes: {
    views: Record<string, { id: string; name: string; icon?: string }[]>;
    viewsWelcome: { view: string; when?: string; contents: string }[];
    commands: Command[];
    menus: Record<string, MenuEntry[]>;
    configuration: Section | Section[];
    configurationDefaults?: Record<string, Record<string, unknown>>;
    languages: { id: string }[];
    grammars: { language?: string; path: string }[];
  };
};
const c = manifest.contributes;
const commands = new Map(c.commands.map((x) => [x.command, x]));
const menuEntries = (id: string) => Object.entries(c.menus).flatMap(([menu, entries]) => entries.filter((e) => e.command === id).map((e) => ({ menu, ...e })));

/**
 * Commands that do nothing useful outside some state, and the clause that must gate every place they are
 * shown: the palette (else they are listed everywhere) and every menu.
 */
const NEEDS: Record<string, RegExp> = {
  'opsLens.insights.showChart': /opsLens\.insights\.chartable/,
  'opsLens.insights.rerun': /resourceScheme == ops-lens-insights/,
  'opsLens.insights.changeRange': /resourceScheme == ops-lens-insights/,
  'opsLens.insights.exportResults': /resourceScheme == ops-lens-insights/,
  'opsLens.alarms.clearFilter': /opsLens\.alarms\.filtered/,
  'opsLens.logs.clearFilter': /opsLens\.logs\.filtered/,
  'opsLens.logs.pauseTail': /resourceScheme == ops-lens-tail/,
  'opsLens.logs.resumeTail': /resourceScheme == ops-lens-tail/,
  'opsLens.logs.clearTail': /resourceScheme == ops-lens-tail/,
  'opsLens.logs.stopTail': /resourceScheme == ops-lens-tail/,
  'opsLens.logs.changeTailFilter': /resourceScheme == ops-lens-tail/,
  'opsLens.logs.toggleTailJson': /resourceScheme == ops-lens-tail/,
  // Per-view refreshes belong on their own view's title only.
  'opsLens.alarms.refresh': /view == opsLens\.alarms\b/,
  'opsLens.stepFunctions.refresh': /view == opsLens\.stepFunctions\b/,
  'opsLens.logs.refresh': /view == opsLens\.logs\b/,
  // The webview panels' title bars: each acts on the panel in front, and only there.
  'opsLens.chart.refresh': /activeWebviewPanelId == opsLens\.chart && opsLens\.chart\.fetched/,
  'opsLens.chart.exportCsv': /activeWebviewPanelId == opsLens\.chart\b/,
  'opsLens.investigation.refresh': /activeWebviewPanelId == opsLens\.investigation\b/,
  'opsLens.investigation.saveMarkdown': /activeWebviewPanelId == opsLens\.investigation\b/,
  'opsLens.stepFunctions.graph.refresh': /activeWebviewPanelId == opsLens\.stepFunctionsGraph\b/,
  'opsLens.stepFunctions.graph.showDetails': /activeWebviewPanelId == opsLens\.stepFunctionsGraph && opsLens\.stepFunctions\.graphHasExecution/,
  // The older single-profile picker: kept for keybindings, shown nowhere.
  'opsLens.selectProfile': /^false$/,
};

/** Icons several commands share, and the word each of their titles must carry: one meaning per icon. */
const SHARED_ICONS: Record<string, RegExp> = {
  '$(refresh)': /\b(Refresh|Again)\b/,
  '$(filter)': /\bFilter\b/,
  '$(filter-filled)': /^Clear .*Filter$/,
  '$(ellipsis)': /^Load More\b/,
  '$(debug-stop)': /^Stop\b/,
  '$(graph-line)': /\bChart\b/,
  '$(run)': /\bLogs Insights Query\b/,
  '$(telescope)': /^Investigate\b/,
  '$(book)': /\bRunbook\b/,
  '$(bell-slash)': /^Mute\b/,
  '$(go-to-file)': /\bDefinition in Infrastructure Code$/,
  '$(debug-restart)': /^Redrive\b/,
  '$(export)': /^Export\b/,
  '$(eye)': /\bExecution Details\b/,
};

describe('the manifest, as a person meets it', () => {
  it('gives each view an icon of its own, and the icon exists', () => {
    const views = Object.values(c.views).flat();
    const icons = views.map((v) => v.icon);
    assert.ok(icons.every((i) => typeof i === 'string'), 'every view has an icon');
    assert.equal(new Set(icons).size, icons.length, `views share an icon: ${icons.join(', ')}`);
    for (const icon of icons) assert.ok(fs.existsSync(path.join(root, icon!)), `${icon} exists`);
  });

  it('titles every command differently, and gives an icon one meaning', () => {
    const titles = c.commands.map((x) => `${x.category ?? ''}: ${x.title}`);
    assert.deepEqual(titles.filter((t, i) => titles.indexOf(t) !== i), [], 'two commands read the same in the palette');
    const byIcon = new Map<string, Command[]>();
    for (const x of c.commands) if (x.icon) byIcon.set(x.icon, [...(byIcon.get(x.icon) ?? []), x]);
    for (const [icon, users] of byIcon) {
      if (users.length < 2) continue;
      const meaning = SHARED_ICONS[icon];
      assert.ok(meaning, `${icon} is used by ${users.map((u) => u.command).join(', ')} without one meaning`);
      for (const u of users) assert.match(u.title, meaning, `${u.command} (${u.title}) uses ${icon} for something else`);
    }
  });

  it('puts each webview panel\'s actions in its editor title bar, each with an icon and a title', () => {
    const titleBar = c.menus['editor/title'];
    for (const viewType of ['opsLens.chart', 'opsLens.investigation', 'opsLens.stepFunctionsGraph']) {
      const actions = titleBar.filter((e) => new RegExp(`activeWebviewPanelId == ${viewType.replace('.', '\\.')}\\b`).test(e.when ?? ''));
      assert.ok(actions.length >= 2, `${viewType} has ${actions.length} title-bar actions`);
      for (const a of actions) {
        const command = commands.get(a.command);
        assert.ok(command?.title && command.icon, `${a.command} has a title and an icon`);
        assert.match(a.group ?? '', /^navigation@\d+$/, `${a.command} shows as an icon`);
      }
    }
  });

  it('words the three Logs Insights run commands alike', () => {
    const runs = ['opsLens.insights.runSavedQuery', 'opsLens.insights.runQuery', 'opsLens.logs.runQuery'].map((id) => commands.get(id)?.title ?? '');
    for (const title of runs) assert.match(title, /^Run (Saved )?Logs Insights Query\b/, title);
  });

  it('shows no command where it would do nothing', () => {
    for (const [id, need] of Object.entries(NEEDS)) {
      assert.ok(commands.has(id), `${id} is contributed`);
      const palette = c.menus.commandPalette.filter((e) => e.command === id);
      assert.ok(palette.length > 0, `${id} is listed in the palette everywhere; gate it with ${need}`);
      for (const entry of menuEntries(id)) {
        if (entry.when === 'false' && entry.menu === 'commandPalette') continue; // hidden from the palette
        assert.match(entry.when ?? '', need, `${id} in ${entry.menu} (${entry.when ?? 'always'})`);
      }
    }
    // A refresh on a view's title acts on that view: never the all-views refresh.
    assert.deepEqual(menuEntries('opsLens.refresh').filter((e) => e.menu === 'view/title'), []);
  });

  it('welcomes with "Loading…" until the first read, one credentials welcome and at most one button each', () => {
    const full = c.viewsWelcome.filter((w) => /credentials == missing/.test(w.when ?? '') && /aws configure/.test(w.contents));
    assert.deepEqual(full.map((w) => w.view), ['opsLens.alarms'], 'one full credentials welcome');
    for (const view of ['alarms', 'stepFunctions', 'logs']) {
      const empty = c.viewsWelcome.filter((w) => w.view === `opsLens.${view}` && /^No /.test(w.contents) && !/credentials/.test(w.contents));
      assert.ok(empty.length > 0 && empty.every((w) => (w.when ?? '').includes(`opsLens.${view}.loaded`)), `${view}: "no items" only once loaded`);
      assert.ok(c.viewsWelcome.some((w) => w.view === `opsLens.${view}` && /^Loading /.test(w.contents) && (w.when ?? '').includes(`!opsLens.${view}.loaded`)), `${view}: a loading welcome`);
    }
    for (const w of c.viewsWelcome) {
      const buttons = w.contents.split('\n').filter((line) => /^\[[^\]]+\]\([^)]+\)$/.test(line.trim()));
      assert.ok(buttons.length <= 1, `${w.view} (${w.when}) has ${buttons.length} buttons`);
      for (const [, target] of w.contents.matchAll(/\]\(command:([\w.]+)/g)) {
        assert.ok(commands.has(target) || /^workbench\./.test(target), `${w.view} links to ${target}, which is not a command`);
      }
      assert.doesNotMatch(w.contents, /command:opsLens\.selectProfile\)/, 'welcomes open Select AWS Profiles…');
    }
  });

  it('sorts the settings into titled sections, each setting with its own place', () => {
    assert.ok(Array.isArray(c.configuration), 'configuration is a list of sections');
    const sections = c.configuration as Section[];
    const orders = sections.map((s) => s.order);
    assert.ok(sections.every((s) => typeof s.title === 'string' && s.title.length > 0 && typeof s.order === 'number'), 'each section has a title and an order');
    assert.equal(new Set(orders).size, orders.length, 'sections have different orders');
    for (const s of sections) {
      const within = Object.entries(s.properties).map(([key, p]) => {
        assert.equal(typeof p.order, 'number', `${key} has an order`);
        return p.order;
      });
      assert.equal(new Set(within).size, within.length, `${s.title}: settings have different orders`);
    }
  });

  it('speaks US English in what it shows', () => {
    const shown = JSON.stringify([c.commands, c.viewsWelcome, c.configuration, c.views]);
    assert.doesNotMatch(shown, /\b(?:favour|honour|colour|behaviour|summaris|organis|recognis|cancell)/i);
  });

  it('opens results and Live Tail in their own languages, wrapped and without line numbers', () => {
    for (const id of ['opslens-results', 'opslens-tail']) {
      assert.ok(c.languages.some((l) => l.id === id), `${id} is a language`);
      const grammar = c.grammars.find((g) => g.language === id);
      assert.ok(grammar && fs.existsSync(path.join(root, grammar.path)), `${id} has a grammar`);
      assert.equal(c.configurationDefaults?.[`[${id}]`]?.['editor.wordWrap'], 'on');
      assert.equal(c.configurationDefaults?.[`[${id}]`]?.['editor.lineNumbers'], 'off');
    }
  });

  it('is ready for the Marketplace and Open VSX', () => {
    assert.ok(manifest.icon && fs.existsSync(path.join(root, manifest.icon)), 'an icon');
    const png = fs.readFileSync(path.join(root, manifest.icon!));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the icon is 128 × 128 px');
    assert.ok(manifest.repository?.url, 'a repository');
    assert.ok(manifest.galleryBanner?.color && manifest.galleryBanner.theme, 'a gallery banner');
    for (const category of ['Visualization', 'AI', 'Chat']) assert.ok(manifest.categories.includes(category), category);
    assert.ok(fs.existsSync(path.join(root, 'CHANGELOG.md')), 'a changelog');
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!dist\/mcp\/server\.js$/m, 'the MCP server ships');
    assert.doesNotMatch(ignore, /^!dist\/webview\/\*\*$/m, 'source maps stay out');
  });
});
