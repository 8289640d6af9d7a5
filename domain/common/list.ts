import { z } from 'zod';
import { safeText } from './input.ts';

/**
 * One query shape for every list (decision 021): which sort key and direction, how many rows, an optional search text,
 * list-specific filters and a keyset cursor for the next page. The server evaluates all of it in SQL
 * (server/db/list.ts); the client table sends it (client/components/data-table.tsx).
 */
export const listIssueCodes = {
  cursorInvalid: 'list.cursor_invalid',
  cursorMismatch: 'list.cursor_mismatch',
} as const;

export const LIST_MAX_LIMIT = 500;
export const LIST_DEFAULT_LIMIT = 100;
/** Longest search text: enough for a name or a phrase, short enough for a quick ILIKE. */
export const LIST_SEARCH_MAX = 200;
const CURSOR_MAX = 1000;

export const sortOrders = ['asc', 'desc'] as const;
export type SortOrder = (typeof sortOrders)[number];

/**
 * Where the previous page ended: the sort key and direction it was made for and the last row's values of the sort
 * key and of the unique tie-breaker, as text (the server checks them against the key's type before they reach SQL).
 */
export interface ListCursor {
  sort: string;
  order: SortOrder;
  after: [string, string];
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The opaque text a client passes back as `cursor`. */
export function encodeListCursor(cursor: ListCursor): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify([cursor.sort, cursor.order, cursor.after[0], cursor.after[1]])));
}

/** The cursor inside the text, or null when it is not one this server made. */
export function decodeListCursor(text: string): ListCursor | null {
  const bytes = fromBase64Url(text);
  if (!bytes) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 4 || !value.every((v) => typeof v === 'string')) return null;
  const [sort, order, key, unique] = value as string[];
  if (order !== 'asc' && order !== 'desc') return null;
  // Values reach SQL as parameters; control characters (U+0000 above all) cannot be stored or compared there.
  if (!safeText().safeParse(`${sort}${key}${unique}`).success) return null;
  return { sort: sort!, order, after: [key!, unique!] };
}

export interface ListQueryOptions<K extends string, F extends z.ZodRawShape> {
  /** The keys a client may sort by; each maps to an SQL expression on the server. */
  sort: readonly [K, ...K[]];
  defaultSort: NoInfer<K>;
  defaultOrder: SortOrder;
  /** List-specific filters (location, kind, status …), each a zod schema of an optional query parameter. */
  filters?: F;
  /** Whether the list has a free-text search `q`. */
  search?: boolean;
  defaultLimit?: number;
  maxLimit?: number;
}

/**
 * The query-string schema of one list. Errors name the field: `sort` outside the allowed keys, `limit` outside
 * 1…max, `q` with control characters or too long, `cursor` malformed or made for another sort.
 */
export function listQuerySchema<K extends string, F extends z.ZodRawShape = Record<never, never>>(options: ListQueryOptions<K, F>) {
  const maxLimit = options.maxLimit ?? LIST_MAX_LIMIT;
  const base = z.object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxLimit)
      .default(Math.min(options.defaultLimit ?? LIST_DEFAULT_LIMIT, maxLimit)),
    sort: z.enum(options.sort as unknown as [K, ...K[]]).default(options.defaultSort as never),
    order: z.enum(sortOrders).default(options.defaultOrder),
    q: options.search
      ? safeText()
          .trim()
          .max(LIST_SEARCH_MAX)
          .optional()
          .transform((value) => (value ? value : undefined))
      : z.undefined().optional(),
    cursor: z
      .string()
      .max(CURSOR_MAX)
      .optional()
      .transform((text, context) => {
        if (text === undefined || text === '') return undefined;
        const cursor = decodeListCursor(text);
        if (!cursor) {
          context.addIssue({ code: 'custom', message: listIssueCodes.cursorInvalid });
          return z.NEVER;
        }
        return cursor;
      }),
  });
  return base.extend((options.filters ?? {}) as F).superRefine((query, context) => {
    const { cursor, sort, order } = query as { cursor?: ListCursor; sort: string; order: SortOrder };
    // A cursor belongs to one sort: its values mean nothing under another key or direction.
    if (cursor && (cursor.sort !== sort || cursor.order !== order)) {
      context.addIssue({ code: 'custom', path: ['cursor'], message: listIssueCodes.cursorMismatch });
    }
  });
}

/** The query every list handler receives, whatever its filters. */
export interface ListQuery<K extends string = string> {
  limit: number;
  sort: K;
  order: SortOrder;
  q?: string | undefined;
  cursor?: ListCursor | undefined;
}

/** The answer of every list: one page of items, the number of rows matching the filters, and the next page's cursor. */
export function listPageSchema<I extends z.ZodType>(item: I) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    /** Null on the last page. */
    nextCursor: z.string().nullable(),
  });
}

export interface ListPage<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}
