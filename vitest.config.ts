import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['domain/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['server/**/*.api.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are heavy on two cores: a few files at a time.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A poll waits for what the page shows after a click; the default second is too short when two journeys
          // and their servers share two cores (a table of 100 requirements re-rendered after a filter took longer).
          expect: { poll: { timeout: 10_000 } },
          // Two journeys at a time, each with its own server, data folder and browser: most of a journey is waiting
          // for pages and polls, so two on two cores take about four fifths of the time of one after the other (786 s
          // instead of 960 s for the whole project on this machine).
          maxWorkers: 2,
        },
      },
    ],
  },
});
