import { sql } from 'drizzle-orm';
import { assetKinds } from './domain/assets/assets.schema.ts';
import { runFirstSetup, startTestApp } from './server/test/test-app.ts';
const t = await startTestApp('postgres');
const { agent, organisationId } = await runFirstSetup(t.app);
const kinds = sql.raw(`array[${assetKinds.map((k) => `'${k}'`).join(',')}]`);
await t.ctx.db.execute(sql`
  insert into assets (organisation_id, id, name, kind, location_id, inventory_number, manufacturer, model, support_ends_on, admin_mfa, encrypted_at_rest)
  select ${organisationId}::uuid, gen_random_uuid(), 'Gerät ' || lpad(n::text, 5, '0'), (${kinds})[1 + n % ${assetKinds.length}],
         null, 'INV-' || n, 'Hersteller ' || (n % 37), 'Modell ' || (n % 101), current_date + ((n % 2000) - 200), (n % 4 <> 0), (n % 5 <> 0)
    from generate_series(1, 10000) n`);
await t.ctx.db.execute(sql`analyze assets`);
async function time(label: string, url: string) {
  for (let i = 0; i < 30; i++) await agent.request('GET', url);
  const l: number[] = [];
  for (let i = 0; i < 200; i++) { const s = performance.now(); await agent.request('GET', url); l.push(performance.now() - s); }
  l.sort((a, b) => a - b);
  console.log(label.padEnd(30), 'p50', l[100]!.toFixed(2), 'p95', l[190]!.toFixed(2));
}
const o = `/api/v1/organisations/${organisationId}`;
await time('locations', `${o}/locations`);
await time('assets limit 50', `${o}/assets?limit=50`);
await time('assets limit 5', `${o}/assets?limit=5`);
await time('assets summary', `${o}/assets/summary`);
await time('audit limit 50', `${o}/audit?limit=50`);
await t.close();
