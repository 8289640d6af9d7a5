/** The PostgreSQL error behind a failed query (drizzle wraps it in `cause`), with its SQLSTATE and constraint. */
export function databaseErrorOf(error: unknown): { code: string; constraint?: string } | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e as { code: string; constraint?: string };
  }
  return null;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
