// Lint for the whole codebase (`npm run check`): typescript-eslint's recommended rules, the hooks rules for the
// Preact components, and the import rule that keeps zod out of the content-script bundle (the transitive check
// is test/unit/conventions/content-script.test.ts).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'demo-output/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a value left out on purpose (a field dropped by destructuring, an unused parameter).
      // A zero-width space keeps "**/" from closing a doc comment that documents globs.
      'no-irregular-whitespace': ['error', { skipComments: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['**/*.mjs', 'scripts/**', 'bench/**', 'demo-sis/**'], languageOptions: { globals: globals.node } },
  // Tests read untyped JSON (manifests, fixtures) and reach into library internals.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Playwright fixtures that need no other fixture take `{}`: its documented form.
  { files: ['test/e2e/**', 'bench/**'], rules: { 'no-empty-pattern': 'off' } },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  {
    files: ['entrypoints/sis.content/**', 'lib/page/**', 'components/marker.ts', 'components/teach/chip.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              allowTypeImports: true,
              message:
                'No zod in the content script (it runs on every SIS page): parse in the worker, or import only types.',
            },
          ],
        },
      ],
    },
  },
);
