import { sql } from 'drizzle-orm';
import { cleanPublicUrl } from '../domain/auth/account-rules.ts';
import type { AppContext } from './context.ts';
import { type Db, queryRows, type Tx } from './db/connect.ts';

/** True when the operator fixed the address with the PUBLIC_URL environment variable (it then wins). */
export function publicUrlFromEnvironment(): boolean {
  return Boolean(process.env.PUBLIC_URL?.trim());
}

/**
 * The base of links in mails (invitations, password resets): PUBLIC_URL when set, otherwise the address stored by
 * the first-run setup, otherwise the default of the configuration (http://localhost:PORT). Read on every use, so
 * that several app processes agree without a cache. Works inside organisation transactions (the app role may read it).
 */
export async function publicUrl(ctx: AppContext, db: Db | Tx = ctx.db): Promise<string> {
  if (publicUrlFromEnvironment()) return ctx.config.publicUrl;
  const [row] = await queryRows<{ public_url: string | null }>(db, sql`select public_url from instance_settings where id`);
  return row?.public_url ?? ctx.config.publicUrl;
}

export async function storePublicUrl(tx: Tx, input: string): Promise<void> {
  const cleaned = cleanPublicUrl(input);
  if (!cleaned) return;
  await tx.execute(sql`insert into instance_settings (id, public_url, updated_at) values (true, ${cleaned}, now())
    on conflict (id) do update set public_url = excluded.public_url, updated_at = now()`);
}
