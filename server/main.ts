// Development entry (`npm run dev`): the same as `praxisschild start`.
import { startServer } from './runtime.ts';

await startServer();
