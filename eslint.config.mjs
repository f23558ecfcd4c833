import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// src/core is plain TypeScript that runs and is tested in node: it imports neither `vscode` nor anything
// outside src/core. A relative import leaves src/core when it climbs more folders than the file is deep.
const CORE_ONLY = 'src/core runs without VS Code and depends on nothing outside src/core: pass what it needs in as parameters.';
const coreBoundary = [1, 2, 3, 4, 5, 6].map((depth) => ({
  files: [`src/core/${'*/'.repeat(depth - 1)}*.ts`],
  rules: {
    'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: CORE_ONLY }], patterns: [{ group: [`${'../'.repeat(depth)}*`], message: CORE_ONLY }] }],
  },
}));
const notificationRules = [{
  selector: 'MemberExpression[property.name=/^show(Information|Warning|Error)Message$/]',
  message: 'Use notifyInfo/notifyWarning/notifyError from src/platform/notify.ts (and quoted() for outside text).',
}];
const settingsRules = [{
  // Settings are read through readSetting (src/platform/trust.ts), which honours Restricted Mode.
  selector: "CallExpression[callee.property.name='get'][callee.object.callee.property.name='getConfiguration']",
  message: 'Read settings with readSetting from src/platform/trust.ts: it ignores an untrusted workspace\'s values of settings that choose.',
}];
const sinks = 'src/platform/textSinks.ts';
const textSinkRules = [
  { selector: 'MemberExpression[property.name="withProgress"]', message: `Use withNotificationProgress/withWindowProgress/withViewProgress from ${sinks}.` },
  { selector: 'MemberExpression[property.name="showQuickPick"]', message: `Use showPick from ${sinks}.` },
  { selector: 'AssignmentExpression[left.property.name="items"]:not([right.callee.name="plainPickItems"])', message: `Set quick pick items through plainPickItems from ${sinks}.` },
  { selector: 'MemberExpression[property.name="createStatusBarItem"]', message: `Use createStatusBar from ${sinks}; its text is a label.` },
  { selector: 'NewExpression[callee.property.name=/^(CodeLens|MarkdownString)$/], NewExpression[callee.name=/^(CodeLens|MarkdownString)$/]', message: `Use codeLens/untrustedMarkdown from ${sinks}.` },
  { selector: 'AssignmentExpression[left.property.name=/^(isTrusted|supportThemeIcons|supportHtml)$/]', message: `Only ${sinks} decides what markdown may run or render.` },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.sandbox/**', '.venv/**', 'sandbox/workspace/**', 'test/e2e/screenshots/**', 'test/vscode/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Notifications go through src/platform/notify.ts, and every other text VS Code renders with links or
    // icons through src/platform/textSinks.ts, so outside text can form neither command links nor icons.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/notify.ts', 'src/platform/textSinks.ts'],
    rules: { 'no-restricted-syntax': ['error', ...notificationRules, ...settingsRules, ...textSinkRules] },
  },
  { files: ['src/platform/textSinks.ts'], rules: { 'no-restricted-syntax': ['error', ...notificationRules, ...settingsRules] } },
  ...coreBoundary,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
