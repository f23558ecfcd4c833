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
    // Notifications go through src/platform/notify.ts, which keeps outside text from forming command links.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/notify.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'MemberExpression[property.name=/^show(Information|Warning|Error)Message$/]',
        message: 'Use notifyInfo/notifyWarning/notifyError from src/platform/notify.ts (and quoted() for outside text).',
      }, {
        // Settings are read through readSetting (src/platform/trust.ts), which honours Restricted Mode.
        selector: "CallExpression[callee.property.name='get'][callee.object.callee.property.name='getConfiguration']",
        message: 'Read settings with readSetting from src/platform/trust.ts: it ignores an untrusted workspace\'s values of settings that choose.',
      }],
    },
  },
  ...coreBoundary,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
