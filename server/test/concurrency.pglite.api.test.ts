import { concurrencySuite } from './concurrency.suite.ts';
import { eachEngine } from './test-app.ts';

// The concurrency suite on PGlite (server/test/concurrency.suite.ts); its own file so that both engines run at once.
concurrencySuite((await eachEngine()).find((e) => e.engine === 'pglite')!);
