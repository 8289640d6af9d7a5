/**
 * Answers kept per organisation or feed with the version they were made from, like the kept dashboards of decision
 * 015: a request reads the version (the organisation's audit head, the day, what else the answer depends on) and makes
 * the answer again only when it moved, or when the kept one is older than `maxAgeMs` (which bounds how long a change
 * that writes no audit entry, such as a renamed account, can stay unseen). Requests arriving while an answer is made
 * share it; a failed one is not kept. Several processes each keep their own; the version lives in the database.
 * Bounded by the number of entries and, for large answers, by their size together.
 */
export class Kept<T> {
  private readonly entries = new Map<string, { key: string; value: Promise<T>; at: number; size: number }>();
  private size = 0;
  /** How often an answer was made (for the tests and the benchmark). */
  made = 0;

  constructor(private readonly options: { maxEntries: number; maxAgeMs: number; maxSize?: number; sizeOf?: (value: T) => number }) {}

  get(id: string, key: string, make: () => Promise<T>, now = Date.now()): Promise<T> {
    const kept = this.entries.get(id);
    if (kept && kept.key === key && now - kept.at < this.options.maxAgeMs) {
      this.entries.delete(id);
      this.entries.set(id, kept);
      return kept.value;
    }
    this.made++;
    const value = make();
    const entry = { key, value, at: now, size: 0 };
    this.drop(id);
    this.entries.set(id, entry);
    value.then(
      (made) => {
        if (this.entries.get(id) !== entry) return;
        entry.size = this.options.sizeOf?.(made) ?? 0;
        this.size += entry.size;
        this.trim();
      },
      () => {
        if (this.entries.get(id) === entry) this.drop(id);
      },
    );
    return value;
  }

  private drop(id: string) {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.size -= entry.size;
    this.entries.delete(id);
  }

  private trim() {
    const maxSize = this.options.maxSize ?? Number.POSITIVE_INFINITY;
    while (this.entries.size > this.options.maxEntries || (this.size > maxSize && this.entries.size > 1)) this.drop(this.entries.keys().next().value!);
  }
}
