import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Web boundaries. no-restricted-imports settings replace each other rather than merge, so every
 * block repeats the ban on server code. Module folders are `modules/<domain>/` and
 * `modules/<domain>/{console,portal}/`; the depth of a relative import tells where it lands.
 */
const noServer = { group: ['**/server/**'], message: 'Front-end code never imports server code.' };
const portalNoConsole = {
  regex: '(^|/)console(/|-modules\\.js$)',
  message: 'The portal never imports console code (src/web/console, modules/*/console).',
};
const kitNoModules = {
  regex: '(^|/)(modules|console|portal)(/|\\.js$)',
  message: 'kit knows no module and neither shell; pass what it needs in from outside.',
};
const throughPublicFace = (up) => ({
  regex: `^${'\\.\\./'.repeat(up)}((?!\\.\\.)[^/]+/(?!(api|index)\\.js$)|\\.\\./(console|portal)/)`,
  message:
    'A module reaches another only through its api.ts or index.ts, and never imports a shell.',
});
const webBoundaries = [
  { files: ['src/web/kit/**'], patterns: [noServer, kitNoModules] },
  { files: ['src/web/portal/**'], patterns: [noServer, portalNoConsole] },
  { files: ['src/web/modules/*/*.{ts,tsx}'], patterns: [noServer, throughPublicFace(1)] },
  { files: ['src/web/modules/*/console/**'], patterns: [noServer, throughPublicFace(2)] },
  {
    files: ['src/web/modules/*/portal/**'],
    patterns: [noServer, throughPublicFace(2), portalNoConsole],
  },
].map(({ files, patterns }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));

// Server boundaries (DESIGN.md "Layout"): the platform knows no domain and not the composition
// root; a module reaches another only through its service (or, for foreign keys and read-only
// joins for display names, its tables), never its repository, rules or routes.
const platformKnowsNoDomain = {
  regex: '(^|/)modules/',
  message: 'The platform knows no domain: pass what it needs in, do not import a module.',
};
const platformBelowCompositionRoot = {
  regex: '^(\\.\\./)+(services|app|schema)\\.js$',
  message: 'The platform sits below the composition root (services.ts, app.ts, schema.ts).',
};
const moduleThroughService = {
  regex: '^\\.\\./(?!\\.\\.)([^/]+/(?![^/]+\\.(service|tables)\\.js$)|index\\.js$)',
  message:
    'A module reaches another only through its service (<domain>.service.ts) or, for joins and foreign keys, its tables.',
};
const serverBoundaries = [
  {
    files: ['src/server/platform/**'],
    patterns: [platformKnowsNoDomain, platformBelowCompositionRoot],
  },
  // The platform's integration tests may build the whole app; they still import no module.
  { files: ['src/server/platform/**/*.test.ts'], patterns: [platformKnowsNoDomain] },
  { files: ['src/server/modules/*/*.ts'], patterns: [moduleThroughService] },
].map(({ files, patterns }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));

export default tseslint.config(
  {
    ignores: ['node_modules', 'dist', 'data', 'db/migrations', 'test-results', 'playwright-report'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Command-line entry points and build scripts talk to the operator on stdout.
    files: ['src/server/cli.ts', 'scripts/**', 'bin/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Front-end code may import contracts but never server code.
    files: ['src/web/**', 'src/contracts/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/server/**'] }],
    },
  },
  ...webBoundaries,
  ...serverBoundaries,
);
