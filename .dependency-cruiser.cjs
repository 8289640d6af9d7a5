// Import directions (decision 016). `npm run boundaries` checks them; `npm test` runs it after the type check.
//   client → domain, server → domain, domain → only pure packages; e2e/, bench/, scripts/ may import anything.
//   A server module is the folder server/modules/<area>/; code outside it imports only its entry file <area>.ts.
//   A client feature is the folder client/features/<area>/; other features import only its <area>.api.ts.

/** Tests may reach into a module to arrange its state. */
const TESTS = ['\\.test\\.tsx?$', '^server/test/'];

/** Packages the pure domain/ may use: they run in the browser and on the server and do no I/O. */
const DOMAIN_PACKAGES = ['zod', 'luxon', '@noble/hashes'];
const DOMAIN_TEST_PACKAGES = ['vitest', 'fast-check'];
const packagePaths = (names) => names.map((name) => `(^|/)node_modules/${name}/`);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other cannot be read, tested or loaded one at a time: move the shared part into a third file.',
      from: {},
      // A cycle made only of type imports is erased at build time (AppContext names the Mailer type, the mail module
      // takes the AppContext): it does not count.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve to a file or an installed package.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'client-not-to-server',
      severity: 'error',
      comment: 'The browser app talks to the server over HTTP only; shared shapes live in domain/.',
      from: { path: '^client/' },
      to: { path: '^(server|bench|scripts|e2e)/' },
    },
    {
      name: 'server-not-to-client',
      severity: 'error',
      comment: 'The server does not import browser code; shared shapes live in domain/. The locale files are shared: the server writes mails in them.',
      from: { path: '^server/' },
      to: { path: '^(client|bench|scripts|e2e)/', pathNot: '^client/locales/[^/]+\\.json$' },
    },
    {
      name: 'domain-not-to-app',
      severity: 'error',
      comment: 'domain/ holds schemas and pure rules shared by server and client: it imports nothing from them.',
      from: { path: '^domain/' },
      to: { path: '^(server|client|e2e|bench|scripts)/' },
    },
    {
      name: 'domain-not-to-node',
      severity: 'error',
      comment: 'domain/ runs in the browser too: no Node built-ins (fs, net, http, child_process, crypto, …).',
      from: { path: '^domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-only-pure-packages',
      severity: 'error',
      comment: `domain/ may use only ${DOMAIN_PACKAGES.join(', ')} (and ${DOMAIN_TEST_PACKAGES.join(', ')} in tests); a package with I/O (pg, drizzle, fastify, …) belongs in server/.`,
      from: { path: '^domain/', pathNot: TESTS },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: packagePaths(DOMAIN_PACKAGES) },
    },
    {
      name: 'domain-tests-only-pure-packages',
      severity: 'error',
      comment: `domain/ tests may use ${[...DOMAIN_PACKAGES, ...DOMAIN_TEST_PACKAGES].join(', ')} only.`,
      from: { path: '^domain/.*\\.test\\.ts$' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: packagePaths([...DOMAIN_PACKAGES, ...DOMAIN_TEST_PACKAGES]),
      },
    },
    {
      name: 'client-not-to-node',
      severity: 'error',
      comment: 'The browser app has no Node built-ins.',
      from: { path: '^client/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'module-entry-only',
      severity: 'error',
      comment: 'Another module imports only the entry file server/modules/<area>/<area>.ts, which exports what the module offers.',
      from: { path: '^server/modules/([^/]+)/', pathNot: TESTS },
      to: { path: '^server/modules/', pathNot: ['^server/modules/$1/', '^server/modules/([^/]+)/\\1\\.ts$'] },
    },
    {
      name: 'server-to-module-entry-only',
      severity: 'error',
      comment: 'Code outside server/modules/ (runtime.ts, cli/, db/, http/) imports a module only through its entry file <area>.ts.',
      from: { path: '^server/', pathNot: ['^server/modules/', '^server/app\\.ts$', ...TESTS] },
      to: { path: '^server/modules/', pathNot: ['^server/modules/([^/]+)/\\1\\.ts$'] },
    },
    {
      name: 'app-to-module-entry-or-routes',
      severity: 'error',
      comment:
        "app.ts registers each module's routes from its *.routes.ts files and uses the rest through <area>.ts; entry files leave the routes out, so modules that use each other never load each other's routes.",
      from: { path: '^server/app\\.ts$' },
      to: { path: '^server/modules/', pathNot: ['^server/modules/([^/]+)/\\1\\.ts$', '^server/modules/[^/]+/[^/]+\\.routes\\.ts$'] },
    },
    {
      name: 'feature-api-only',
      severity: 'error',
      comment:
        'A client feature imports from another feature only its data hooks and types in <area>.api.ts; shared components live in client/components/, client/app/ composes pages.',
      from: { path: '^client/features/([^/]+)/', pathNot: TESTS },
      to: { path: '^client/features/', pathNot: ['^client/features/$1/', '^client/features/([^/]+)/\\1\\.api\\.ts$'] },
    },
    {
      name: 'shared-client-code-to-feature-api-only',
      severity: 'error',
      comment: 'client/components/ and client/lib/ use a feature only through its <area>.api.ts.',
      from: { path: '^client/(components|lib)/', pathNot: TESTS },
      to: { path: '^client/features/', pathNot: '^client/features/([^/]+)/\\1\\.api\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^(dist|data|\\.tmp)/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
