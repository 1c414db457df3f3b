// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Node built-ins, with and without the `node:` prefix. */
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'dgram', 'dns', 'util', 'stream', 'url', 'worker_threads']

const electronOnlyInAdapters = {
  paths: [{ name: 'electron', message: 'Only src/main/electron/**, src/main/index.ts and src/preload/** may import electron: keep services in plain Node.' }],
}

const rendererPatterns = [
  { group: NODE_BUILTINS, message: 'The renderer is sandboxed: no Node built-ins. Ask main through the contract.' },
  { group: ['**/main/**', '**/preload/**'], message: 'The renderer knows only src/shared (the contract).' },
]

const KEYCHAIN_WORKER = 'src/main/vault/keychain-worker.ts'
const keytarOnlyInWorker = {
  group: ['keytar'],
  message: `Only ${KEYCHAIN_WORKER} may load keytar: it crashes and hangs with a locked keychain, so it runs in its own process (vault/keychain-client.ts).`,
}
/** `require('x')` and `import('x')`, which no-restricted-imports does not see. */
const requireOf = (name, message) => [
  { selector: `CallExpression[callee.name='require'][arguments.0.value='${name}']`, message },
  { selector: `ImportExpression[source.value='${name}']`, message },
]

/**
 * Which folder of src/main may import which other (besides src/shared and
 * packages): the services' own boundaries. A folder imports only what is
 * below it, so the folders never form a cycle; the composition roots
 * (services.ts, index.ts, web/web-mode.ts) and the Electron adapters join them.
 * A new folder needs a row here (test/lint-boundaries.test.ts checks).
 */
export const MAY_IMPORT = {
  core: [],
  storage: ['core'],
  otp: ['core'],
  platform: ['core'],
  security: ['core'],
  clipboard: ['core'],
  // The user's own icon images: checked with the image-header reader of qr/, written as every file is (storage/).
  icons: ['core', 'qr', 'storage'],
  clock: ['core', 'otp', 'storage'],
  qr: ['core', 'otp'],
  settings: ['core', 'storage'],
  checklist: ['core', 'storage'],
  vault: ['core', 'otp', 'storage'],
  codes: ['clock', 'core', 'otp', 'vault'],
  transfer: ['core', 'otp', 'qr', 'storage', 'vault'],
  backup: ['core', 'otp', 'storage', 'transfer', 'vault'],
  // The app lock seals keychain items with the backup's AES-GCM and scrypt (transfer/) around the vault's SecretStore.
  lock: ['core', 'storage', 'transfer', 'vault'],
  // The tray gets accounts, keychain and clock state as data and functions, never a service.
  tray: ['core'],
  web: ['backup', 'checklist', 'clipboard', 'clock', 'codes', 'core', 'icons', 'lock', 'otp', 'platform', 'qr', 'security', 'settings', 'storage', 'transfer', 'tray', 'vault'],
  electron: ['backup', 'checklist', 'clipboard', 'clock', 'codes', 'core', 'icons', 'lock', 'otp', 'platform', 'qr', 'security', 'settings', 'storage', 'transfer', 'tray', 'vault'],
}

/** The `no-restricted-imports` patterns that hold one folder of src/main to its row of MAY_IMPORT. */
function folderPatterns(folder) {
  const allowed = MAY_IMPORT[folder]
  const forbidden = Object.keys(MAY_IMPORT).filter((other) => other !== folder && !allowed.includes(other))
  return [
    {
      group: forbidden.flatMap((other) => [`../${other}`, `../${other}/**`]),
      message: `src/main/${folder}/ may import only ${allowed.length > 0 ? allowed.map((f) => `${f}/`).join(', ') : 'nothing else in src/main'} (see MAY_IMPORT in eslint.config.mjs).`,
    },
    // web/web-mode.ts is web mode's composition root, as src/main/index.ts is the desktop app's.
    ...(folder === 'web' ? [] : [{ group: ['../services', '../index'], message: 'Only the composition roots import services.ts or index.ts.' }]),
  ]
}

/**
 * The process boundaries of DESIGN.md section 2, as lint rules:
 * - only the Electron adapters, the composition root and the preload import `electron`;
 * - the renderer and shared code import no Node built-in, `electron` or `keytar`;
 * - shared code imports nothing from main or renderer;
 * - in the renderer only the slices and the store call main (bridge/api);
 * - only the keychain worker (its own process) imports `keytar`: the app's main process never loads it;
 * - each folder of src/main imports only the folders MAY_IMPORT allows it.
 */
export const boundaries = [
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...electronOnlyInAdapters, patterns: [keytarOnlyInWorker] }],
      // require() and import() dodge no-restricted-imports.
      'no-restricted-syntax': ['error', ...requireOf('electron', electronOnlyInAdapters.paths[0].message), ...requireOf('keytar', keytarOnlyInWorker.message)],
    },
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [keytarOnlyInWorker] }],
      'no-restricted-syntax': ['error', ...requireOf('keytar', keytarOnlyInWorker.message)],
    },
  },
  ...Object.keys(MAY_IMPORT).map((folder) => ({
    files: [`src/main/${folder}/**/*.ts`],
    // A test may build its inputs with any part of main; what it tests keeps to the rules.
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        folder === 'electron' ? { patterns: [keytarOnlyInWorker, ...folderPatterns(folder)] } : { ...electronOnlyInAdapters, patterns: [keytarOnlyInWorker, ...folderPatterns(folder)] },
      ],
    },
  })),
  {
    files: [KEYCHAIN_WORKER],
    rules: {
      'no-restricted-imports': ['error', { ...electronOnlyInAdapters, patterns: folderPatterns('vault') }],
      'no-restricted-syntax': ['error', ...requireOf('electron', electronOnlyInAdapters.paths[0].message)],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron', 'keytar'], patterns: rendererPatterns }] },
  },
  {
    // Components and hooks get data through their slice's actions, which keep main's Result.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/**/*-slice.ts', 'src/renderer/src/store/**', 'src/renderer/src/bridge/**', 'src/renderer/src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'keytar'],
          patterns: [...rendererPatterns, { group: ['**/bridge/api'], message: 'Call main through a slice action (useStore), not api() directly.' }],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'keytar'],
          patterns: [
            { group: NODE_BUILTINS, message: 'src/shared runs in every process: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing from main, renderer or preload.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['keytar'],
          patterns: [
            { group: NODE_BUILTINS, message: 'The sandboxed preload can only use electron and the contract.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'The preload knows only src/shared (the contract).' },
          ],
        },
      ],
    },
  },
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tools/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // A test that needs a fixture, tool or service skips locally but FAILS under CI=true: go through needs().
    files: ['src/**/*.test.ts', 'test/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['test/helpers/needs.ts', 'e2e/helpers/needs.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].flatMap((object) =>
          ['skip', 'skipIf', 'runIf'].map((property) => ({
            object,
            property,
            message: 'Use needs(missing) (test/helpers/needs.ts, e2e/helpers/needs.ts): a missing fixture, tool or service must fail under CI=true, not skip.',
          })),
        ),
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Benchmarks run code inside the page (page.evaluate) as well as in Node.
    files: ['bench/**/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  ...boundaries,
)
