import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { PackGate } from './pack-gate.ts';
import { PackAborted } from './pack-writer.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the gate in front of evidence packs', () => {
  it('runs one pack per organisation and at most `running` in all, the others in arrival order', async () => {
    const gate = new PackGate({ running: 2, waiting: 10 });
    const signal = new AbortController().signal;
    const started: string[] = [];
    const releases = new Map<string, () => void>();
    const take = (label: string, organisationId: string) =>
      gate.acquire(organisationId, signal).then((release) => {
        started.push(label);
        releases.set(label, release);
      });
    void take('a1', 'a');
    void take('a2', 'a');
    void take('b1', 'b');
    void take('c1', 'c');
    await tick();
    expect(started).toEqual(['a1', 'b1']);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    releases.get('a1')!();
    await tick();
    // a2 waited longer than c1 and organisation a is free again.
    expect(started).toEqual(['a1', 'b1', 'a2']);
    releases.get('b1')!();
    await tick();
    expect(started).toEqual(['a1', 'b1', 'a2', 'c1']);
    releases.get('a2')!();
    releases.get('a2')!();
    releases.get('c1')!();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('lets a waiter whose client went away leave the queue', async () => {
    const gate = new PackGate({ running: 1, waiting: 10 });
    const release = await gate.acquire('a', new AbortController().signal);
    const leaving = new AbortController();
    const waiting = gate.acquire('b', leaving.signal);
    expect(gate.load.waiting).toBe(1);
    leaving.abort();
    await expect(waiting).rejects.toBeInstanceOf(PackAborted);
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    release();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses with 429 once the queue is full', async () => {
    const gate = new PackGate({ running: 1, waiting: 1 });
    const signal = new AbortController().signal;
    gate.assertRoom();
    await gate.acquire('a', signal);
    void gate.acquire('a', signal);
    expect(() => gate.assertRoom()).toThrow(AppError);
    try {
      gate.assertRoom();
    } catch (error) {
      expect((error as AppError).status).toBe(429);
      expect((error as AppError).code).toBe('evidence_pack.busy');
    }
  });
});
