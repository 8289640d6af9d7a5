import { AppError } from '../../http/errors.ts';
import { PackAborted } from './pack-writer.ts';

export interface PackGateLimits {
  /** Packs written at the same time in this process. */
  running: number;
  /** Requests waiting for their turn; one more is refused with 429. */
  waiting: number;
}

/**
 * Two packs at a time, one per organisation, twenty waiting (decision 035). A pack holds at most one batch of
 * evidence and one buffered megabyte, so two cost a few megabytes; each reads the database in short transactions,
 * so two leave room for everyone else. Ten downloads of one organisation at once are written one after the other.
 */
export const PACK_LIMITS: PackGateLimits = { running: 2, waiting: 20 };

interface Waiter {
  organisationId: string;
  start: () => void;
}

/**
 * Serialises evidence packs: at most `running` at a time and never two of one organisation, the rest wait in arrival
 * order. A place is given back by the function `acquire` resolves with; a waiter whose client went away leaves the
 * queue at once.
 */
export class PackGate {
  readonly #limits: PackGateLimits;
  readonly #running = new Set<string>();
  readonly #waiting: Waiter[] = [];

  constructor(limits: PackGateLimits = PACK_LIMITS) {
    this.#limits = limits;
  }

  /** Refuses at once (429) when the queue is full: asked before the request does any work. */
  assertRoom(): void {
    if (this.#waiting.length >= this.#limits.waiting) throw new AppError('evidence_pack.busy', 429);
  }

  /** Waits for a place; resolves with the function that gives it back (call it exactly once, in a finally). */
  acquire(organisationId: string, signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(new PackAborted());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        organisationId,
        start: () => {
          signal.removeEventListener('abort', onAbort);
          this.#running.add(organisationId);
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            this.#running.delete(organisationId);
            this.#next();
          });
        },
      };
      const onAbort = () => {
        const index = this.#waiting.indexOf(waiter);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(new PackAborted());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
      this.#next();
    });
  }

  /** Packs being written and requests waiting, for tests and the log. */
  get load(): { running: number; waiting: number } {
    return { running: this.#running.size, waiting: this.#waiting.length };
  }

  /** Starts the first waiters whose organisation has no pack running, while places are free. */
  #next(): void {
    for (let i = 0; i < this.#waiting.length && this.#running.size < this.#limits.running; ) {
      const waiter = this.#waiting[i]!;
      if (this.#running.has(waiter.organisationId)) {
        i++;
        continue;
      }
      this.#waiting.splice(i, 1);
      waiter.start();
    }
  }
}
