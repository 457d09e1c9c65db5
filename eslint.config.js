import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'models/', 'reports/', 'test-results/', 'web/dist/', 'dist/', '.ci-venv/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['web/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    // The widget shows bot and user text as text nodes only: nothing may be parsed as HTML.
    files: ['web/widget/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'createContextualFragment'].map((property) => ({
          property,
          message: 'Build DOM nodes and set textContent instead.',
        })),
        { object: 'document', property: 'write', message: 'Build DOM nodes and set textContent instead.' },
      ],
    },
  },
  {
    // Configuration is read in one place only.
    files: ['bot/**/*.ts', 'services/**/*.ts'],
    ignores: ['services/config.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through services/config.ts.' }],
    },
  },
);
