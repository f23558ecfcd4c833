import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
