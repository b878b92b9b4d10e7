// ESLint (flat config) over Biome: the layer boundaries below need no-restricted-imports/globals per folder
// and typescript-eslint's type-aware rules (floating promises in handlers), which Biome does not offer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const browserApiGlobals = ['chrome', 'browser'].map((name) => ({
  name,
  message: 'Browser extension APIs are reached only through extension/platform/.',
}));
const domGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'indexedDB'].map((name) => ({
  name,
  message: 'src/ is pure TypeScript that runs in Node: no DOM or browser globals.',
}));
const polyfillOnlyInPlatform = {
  name: 'webextension-polyfill',
  message: 'Import browser APIs from extension/platform/ instead.',
  allowTypeImports: true,
};
// The polyfill is a module singleton that throws outside a browser: only the entry points load it and hand
// the browser to the platform factories, so everything else can run in Node with fakes.
const browserOnlyInEntryPoints = {
  group: ['**/platform/browser', '**/platform/browser.ts', './browser', './browser.ts'],
  message:
    'Only the entry points (background/index.ts, popup/main.tsx, options/main.tsx) import the browser; take ports instead.',
};
const noRawHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Server strings are rendered as text: no dangerouslySetInnerHTML.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.start/', '.sandbox-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.es2022 },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserApiGlobals, ...domGlobals],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            polyfillOnlyInPlatform,
            { name: 'preact', message: 'UI lives in extension/.' },
            { name: 'zustand', message: 'Stores live in extension/ui/.' },
          ],
          patterns: [
            { group: ['**/extension/**', '../extension/*'], message: 'src/ never imports from extension/.' },
            { group: ['node:*'], message: 'src/ runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['extension/**/*.{ts,tsx}'],
    ignores: ['extension/platform/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': ['error', ...browserApiGlobals],
      'no-restricted-imports': ['error', { paths: [polyfillOnlyInPlatform], patterns: [browserOnlyInEntryPoints] }],
      'no-restricted-syntax': ['error', noRawHtml],
    },
  },
  {
    files: [
      'extension/popup/**',
      'extension/options/**',
      'extension/sidepanel/**',
      'extension/capture/**',
      'extension/ui/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [polyfillOnlyInPlatform],
          patterns: [
            browserOnlyInEntryPoints,
            {
              group: ['**/background/**'],
              message: 'Pages never import background code: send a command (src/protocol/).',
            },
            { group: ['**/platform/background-platform*'], message: 'The background platform is for the worker only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['extension/background/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [polyfillOnlyInPlatform],
          patterns: [
            browserOnlyInEntryPoints,
            {
              group: ['**/popup/**', '**/options/**', '**/capture/*.tsx', '**/ui/**'],
              message: 'The background never imports page code.',
            },
            {
              group: ['**/platform/page-platform*', '**/platform/page-connector*'],
              message: 'The page platform is for pages only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['extension/platform/**'],
    ignores: ['extension/platform/browser.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
    rules: { 'no-restricted-imports': ['error', { patterns: [browserOnlyInEntryPoints] }] },
  },
  {
    // The entry points may import the browser; the rest of their folder's rules still hold.
    files: ['extension/background/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [polyfillOnlyInPlatform],
          patterns: [
            {
              group: ['**/popup/**', '**/options/**', '**/capture/*.tsx', '**/ui/**'],
              message: 'The background never imports page code.',
            },
            {
              group: ['**/platform/page-platform*', '**/platform/page-connector*'],
              message: 'The page platform is for pages only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'extension/popup/main.tsx',
      'extension/options/main.tsx',
      'extension/sidepanel/main.tsx',
      'extension/capture/main.tsx',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [polyfillOnlyInPlatform],
          patterns: [
            {
              group: ['**/background/**'],
              message: 'Pages never import background code: send a command (src/protocol/).',
            },
            { group: ['**/platform/background-platform*'], message: 'The background platform is for the worker only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/sandbox/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**', '**/extension/**'],
              message: 'The sandbox stands alone: it must not share code with the extension it checks.',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures without dependencies must destructure an empty object.
    files: ['tests/e2e/**', 'tests/firefox/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['tests/**', 'scripts/**', '*.config.ts', '*.config.js', 'vite.config.ts', 'playwright.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
