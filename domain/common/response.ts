import { z } from 'zod';

/**
 * What a response schema's value looks like after JSON: instants (z.date() in a response schema, serialised with
 * toISOString) arrive as strings. The client types its answers with Wire<z.output<typeof schema>>.
 */
export type Wire<T> = T extends Date ? string : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

/** The JSON answer of a route whose response schema is S. */
export type ResponseOf<S extends z.ZodType> = Wire<z.output<S>>;

/** The body of every 4xx answer: a code that doubles as translation key, and the fields it concerns. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), code: z.string(), message: z.string() })).optional(),
});

/** An answer that carries nothing but success (204 has no body; this is for 200/201 acknowledgements). */
export const okSchema = z.object({ ok: z.literal(true) });

/**
 * An instant in a response: a Date from the query layer (sent as its ISO string) or a timestamp the database
 * already rendered as text. Either way the client receives a string.
 */
export const instantSchema = z.union([z.date(), z.string()]);

/** A calendar date (YYYY-MM-DD) in a response. */
export const calendarDateSchema = z.string();
