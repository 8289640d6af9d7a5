/** Latency figures of repeated HTTP requests against 127.0.0.1, bounded in count. */
export interface Figures {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export interface MeasureOptions {
  requests?: number;
  concurrency?: number;
  warmup?: number;
  /** Stop sending new requests after this many milliseconds, so that a slow route cannot stretch the whole bench. */
  maxMs?: number;
}

/**
 * Sends `requests` requests with `concurrency` in flight (after `warmup` unmeasured ones) and reports percentiles in
 * milliseconds. Any non-2xx answer aborts the run: a fast error is no result.
 */
export async function measure(
  url: string,
  init: RequestInit,
  { requests = 2000, concurrency = 4, warmup = 200, maxMs = Infinity }: MeasureOptions = {},
): Promise<Figures> {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(url, init);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    return performance.now() - started;
  };
  const warmupEnd = performance.now() + maxMs / 4;
  for (let i = 0; i < warmup && performance.now() < warmupEnd; i++) await once();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests && performance.now() - started < maxMs) {
        next++;
        latencies.push(await once());
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: (latencies.length / elapsed) * 1000,
  };
}

export function formatFigures(label: string, f: Figures): string {
  return `${label.padEnd(34)} p50 ${f.p50.toFixed(2).padStart(7)} ms  p95 ${f.p95.toFixed(2).padStart(7)} ms  p99 ${f.p99.toFixed(2).padStart(7)} ms  ${f.perSecond.toFixed(0).padStart(6)} req/s`;
}

/** Keeps `concurrency` requests to `url` in flight until `stop()` is called; for load next to a measurement. */
/** Each request is preceded by `before` (not timed): e.g. a write, so that what is measured is the answer counted afresh. */
export async function measureAfter(
  url: string,
  init: RequestInit,
  before: () => Promise<void>,
  { requests = 200, warmup = 10, maxMs = Infinity }: MeasureOptions = {},
): Promise<Figures> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < warmup + requests && performance.now() - started < maxMs; i++) {
    await before();
    const t0 = performance.now();
    const res = await fetch(url, init);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i >= warmup) latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  const total = latencies.reduce((a, b) => a + b, 0);
  return {
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: (latencies.length / total) * 1000,
  };
}

export function loop(url: string, init: RequestInit, concurrency: number, before?: () => Promise<void>): { stop: () => Promise<number> } {
  let running = true;
  let count = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    while (running) {
      if (before) await before();
      const res = await fetch(url, init);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      count++;
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return count;
    },
  };
}
