// `npm run lint`: ESLint's and typescript-eslint's recommended rules over the TypeScript and
// JavaScript files (not .astro), Preact's hook rules in the components, no warning allowed.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Module-level `let`: state that outlives a call and that every importer shares. */
const moduleLet = 'A module-level `let` is state shared by every caller; keep the library pure (pass state in, or use a const).';

export default defineConfig([
  // The same build outputs and caches .gitignore keeps out of the repository.
  globalIgnores(['dist/', '.astro/', '.cache/', 'public/pagefind/', 'test-results/']),
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  { files: ['src/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser } },
  { files: ['public/sw.js'], languageOptions: { globals: globals.serviceworker } },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/lib/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "Program > VariableDeclaration[kind='let']", message: moduleLet },
        { selector: "Program > ExportNamedDeclaration > VariableDeclaration[kind='let']", message: moduleLet },
      ],
    },
  },
]);
