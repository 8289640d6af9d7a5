#!/usr/bin/env node
// Entry point of `npx praxisschild` and `npm start`. Runs the precompiled server (dist/server, built by
// scripts/ensure-client.mjs) when it is at least as new as the sources; otherwise the TypeScript sources through
// tsx, which costs about 1 s and 70 MB more (docs/decisions/014-footprint.md).
import { pathToFileURL } from 'node:url';
import { serverBundle, serverBundleIsFresh } from '../scripts/ensure-client.mjs';

if (serverBundleIsFresh()) {
  await import(pathToFileURL(serverBundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli/main.ts');
}
