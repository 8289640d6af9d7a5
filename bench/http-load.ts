// Started by bench/phishing.ts as its own process (the clients of a burst are not the server): keeps `concurrency`
// keep-alive requests in flight against 127.0.0.1 for `durationMs` (after `warmupMs` unmeasured), going round the
// given paths, and prints requests per second, latency percentiles and the answers' status codes as JSON. Reads its
// job as JSON from stdin.

import http from 'node:http';

interface Job {
  port: number;
  paths: string[];
  concurrency: number;
  durationMs: number;
  warmupMs: number;
}

const input: Buffer[] = [];
for await (const chunk of process.stdin) input.push(chunk as Buffer);
const job = JSON.parse(Buffer.concat(input).toString('utf8')) as Job;

const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
const get = (path: string) =>
  new Promise<number>((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: job.port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    request.on('error', reject);
  });

let next = 0;
const statuses: Record<string, number> = {};
const latencies: number[] = [];
const started = performance.now();
const measureFrom = started + job.warmupMs;
const end = measureFrom + job.durationMs;
await Promise.all(
  Array.from({ length: job.concurrency }, async () => {
    for (let now = performance.now(); now < end; now = performance.now()) {
      const path = job.paths[next++ % job.paths.length]!;
      const status = await get(path);
      if (now >= measureFrom) {
        latencies.push(performance.now() - now);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  }),
);
const seconds = (performance.now() - measureFrom) / 1000;
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] ?? 0;
agent.destroy();
process.stdout.write(
  JSON.stringify({ requests: latencies.length, perSecond: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), statuses, sent: next }),
);
