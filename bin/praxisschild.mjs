#!/usr/bin/env node
// Entry point of `npx praxisschild` and `npm start`: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
