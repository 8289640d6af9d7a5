import type { FastifyInstance } from 'fastify';
import { evidencePackQuerySchema } from '../../../domain/evidence-pack/evidence-pack.schema.ts';
import { berlinDate } from '../../../domain/kbv/applicability.ts';
import type { AppContext } from '../../context.ts';
import { asciiFileStem } from '../../documents/render.ts';
import { fileResponse, orgRoute } from '../../http/org-route.ts';
import { approvedDocumentFiles } from '../documents/documents.ts';
import { organisationName } from './evidence-pack.queries.ts';
import { evidencePackProducer, type PackDocuments } from './evidence-pack.service.ts';
import { PackGate } from './pack-gate.ts';
import { PackStream } from './pack-writer.ts';

/** The download name: ASCII, the organisation and the day in Berlin, e.g. "nachweispaket-praxis-dr-mueller-2026-12-07.zip". */
const packFileName = (organisation: string, now: Date) => `nachweispaket-${asciiFileStem(organisation) || 'praxis'}-${berlinDate(now)}.zip`;

/**
 * The evidence pack for an auditor (issue 12): one ZIP streamed as it is written. `documents` lists the current
 * documents for the `documents/` folder: the latest approved version of each document kind.
 */
export function evidencePackRoutes(app: FastifyInstance, ctx: AppContext, documents: PackDocuments = approvedDocumentFiles) {
  const gate = new PackGate();
  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/evidence-pack',
    permission: 'organisation.read',
    tags: ['evidence-pack'],
    summary:
      'Evidence pack as one ZIP, streamed: index.pdf (requirements with status, owner, due date; evidence and documents with SHA-256; audit head), evidence/<requirement id>/…, documents/…, hashes.sha256, audit-head.txt, audit-anchor.json',
    querystring: evidencePackQuerySchema,
    response: fileResponse('application/zip'),
    // Refused before any work when too many packs are waiting (429); the turn itself is awaited inside the stream.
    prepare: async () => gate.assertRoom(),
    handler: async ({ tx, actor, query, request, reply }) => {
      const fileName = packFileName(await organisationName(tx, actor.organisationId), new Date());
      reply.header('content-type', 'application/zip').header('cache-control', 'private, no-store');
      // A HEAD request would otherwise write the whole pack only to throw it away.
      if (request.method === 'HEAD') return Buffer.alloc(0);
      const pack = new PackStream(evidencePackProducer(ctx.db, gate, { actor, locale: query.locale, documents }), () =>
        // Set with the first bytes, so that an error before them is answered as JSON, not saved as a ZIP.
        reply.raw.setHeader('content-disposition', `attachment; filename="${fileName}"`),
      );
      // orgRoute sends what the handler returns after the transaction committed; reply.send streams a Readable. The
      // pack starts reading only then, each step in its own short transaction (decision 035).
      return pack as unknown as Buffer;
    },
  });
}
