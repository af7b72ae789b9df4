// The boundaries of STYLE.md, checked rather than hoped for: imports point downward only
// (client → shared, server → shared; shared imports neither, nor node:*, nor the DOM), and no
// module imports itself through others (import-x/no-cycle). Not a style linter: formatting and
// taste are left to review.
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'
import vueParser from 'vue-eslint-parser'

const outside = (folder) => ({ group: [`**/${folder}/**`, `../${folder}/**`], message: `${folder}/ is not imported from here (STYLE.md: imports point downward only).` })

export default [
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'scratch/**', 'test-results/**'] },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    files: ['shared/**/*.ts', 'server/**/*.ts', 'server/**/*.mjs', 'client/**/*.ts', 'client/**/*.vue'],
    plugins: { 'import-x': importX },
    settings: {
      // Cycles are followed through TypeScript modules; components import composables and
      // shared code, never the other way round.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // Our imports name the compiled file (./room.js) of a TypeScript module (room.ts).
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.vue', '.js', '.mjs'], extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [outside('server'), outside('client'), { group: ['node:*'], message: 'shared/ runs in the browser too: no node:* modules.' }] }],
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'process', 'Buffer'].map((name) => ({ name, message: 'shared/ is pure: no DOM and no Node globals.' }))],
    },
  },
  {
    files: ['client/**/*.ts', 'client/**/*.vue'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outside('server')] }] },
  },
  {
    files: ['server/**/*.ts', 'server/**/*.mjs'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outside('client')] }] },
  },
]
