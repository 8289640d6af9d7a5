import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Agent, TestApp } from './test-app.ts';

/**
 * What each module contributes to the tenant-isolation suite (server/test/tenant-isolation.api.test.ts): records of
 * "the other organisation" for every path parameter its routes take, and a valid body for every route with one, so
 * that an attacker's request is refused by the access check and not by validation or a missing record.
 *
 * A module puts them into `server/modules/<area>/<area>.seed.ts` as `export const seeds: ModuleSeeds`; the suite
 * loads every such file and fails when a route's parameter has no seed or a route with a body has none.
 */
export interface SeedContext {
  test: TestApp;
  /** The administrator of the organisation whose records are attacked. */
  agent: Agent;
  organisationId: string;
  /** Seeds made so far (by modules loaded earlier), e.g. a location id for an incident. */
  ids: Readonly<Record<string, string>>;
}

export interface ModuleSeeds {
  /** Path parameter name → a function that creates the record in the organisation and returns its id. */
  params?: Record<string, (context: SeedContext) => Promise<string>>;
  /** `METHOD /path/:param` → a valid body; `undefined` for a route that takes none or a multipart upload. */
  bodies?: Record<string, unknown>;
}

const modulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'modules');

/** Every module's seeds, by file, in a stable order. */
export async function loadModuleSeeds(): Promise<{ file: string; seeds: ModuleSeeds }[]> {
  const files = readdirSync(modulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(modulesDir, dir.name))
        .filter((f) => f.endsWith('.seed.ts'))
        .map((f) => path.join(modulesDir, dir.name, f)),
    )
    .sort();
  const loaded: { file: string; seeds: ModuleSeeds }[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(file).href)) as { seeds?: ModuleSeeds };
    if (!module.seeds) throw new Error(`${file} must export "seeds"`);
    loaded.push({ file: path.relative(path.join(modulesDir, '..', '..'), file), seeds: module.seeds });
  }
  return loaded;
}

/** The path parameters of a route pattern: /a/:b/c/:d → ['b', 'd']. */
export function routeParams(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
}
