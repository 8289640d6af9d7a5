import { describe, expect, it } from 'vitest';
import type { EvidenceRow } from './evidence-pack.queries.ts';
import { READ_LIMITS, readSteps } from './evidence-pack.service.ts';

const file = (id: string, sizeBytes: number): EvidenceRow => ({
  id,
  requirementId: 'KBV-A1-01',
  locationName: null,
  fileName: `${id}.pdf`,
  mediaType: 'application/pdf',
  sizeBytes,
  sha256: '0'.repeat(64),
  uploadedAt: new Date(0),
});

const shape = (files: EvidenceRow[], limits = { batchBytes: 100, batchFiles: 3, sliceBytes: 50 }) =>
  readSteps(files, limits).map((step) => (step.kind === 'batch' ? step.files.map((f) => f.id).join('+') : `large:${step.file.id}`));

describe('how the pack reads evidence bytes (decision 035)', () => {
  it.each([
    ['nothing to read', [], []],
    ['small files share a batch', [file('a', 10), file('b', 10)], ['a+b']],
    ['a batch holds at most batchFiles files', [file('a', 1), file('b', 1), file('c', 1), file('d', 1)], ['a+b+c', 'd']],
    ['a batch holds at most batchBytes bytes', [file('a', 40), file('b', 40), file('c', 40)], ['a+b', 'c']],
    ['a file above sliceBytes is read alone in slices, in manifest order', [file('a', 10), file('b', 51), file('c', 10)], ['a', 'large:b', 'c']],
    ['a file of exactly sliceBytes is still read whole', [file('a', 50)], ['a']],
  ])('%s', (_label, files, expected) => {
    expect(shape(files)).toEqual(expected);
  });

  it('keeps a batch of the defaults to 2 MiB and 32 files, and slices files above 1 MiB', () => {
    expect(READ_LIMITS).toEqual({ batchBytes: 2 * 1024 * 1024, batchFiles: 32, sliceBytes: 1024 * 1024 });
    const steps = readSteps(
      Array.from({ length: 40 }, (_, i) => file(`f${i}`, 100_000)),
      READ_LIMITS,
    );
    expect(steps.map((s) => (s.kind === 'batch' ? s.files.length : 0))).toEqual([20, 20]);
  });
});
