import { fuzzSuite } from './fuzz.suite.ts';
import { eachEngine } from './test-app.ts';

// The fuzz suite on PostgreSQL (server/test/fuzz.suite.ts); its own file so that both engines run at once.
fuzzSuite((await eachEngine()).find((e) => e.engine === 'postgres')!);
