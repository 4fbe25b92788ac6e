import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.cache/**', '.rmq-run/**', 'bench/java/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['packages/*/src/**/*.ts', 'packages/*/test/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'no-console': 'error',
    },
  },
  // Published code: a default import of a node: module would land in the shipped .d.ts, which then needs
  // esModuleInterop in the user's project (TS1192). Import by name or as a namespace.
  {
    files: ['packages/*/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^node:/] > ImportDefaultSpecifier',
          message: "Import node: modules by name or as a namespace (import * as x from 'node:x'): a default import in a shipped .d.ts needs esModuleInterop.",
        },
      ],
    },
  },
  // Tests and examples may print figures (the examples are programs, not library code).
  { files: ['packages/*/test/**/*.ts', 'test/**/*.ts', 'packages/examples/src/**/*.ts'], rules: { 'no-console': 'off' } },
)
