import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { documentDetailSchema, documentListSchema } from '../../../domain/documents/documents.response.ts';
import {
  documentApprovalSchema,
  documentKindSchema,
  documentLocaleQuerySchema,
  documentTextsSchema,
  documentVersionCreateSchema,
} from '../../../domain/documents/documents.schema.ts';
import type { AppContext } from '../../context.ts';
import { documentFormats, documentHeaders, documentMediaTypes, renderDocument } from '../../documents/render.ts';
import { fileResponse, orgParams, orgRoute } from '../../http/org-route.ts';
import * as service from './documents.service.ts';

const kindParams = orgParams.extend({ documentKind: documentKindSchema });
const versionParams = kindParams.extend({ versionNumber: z.coerce.number().int().min(1).max(1_000_000) });

/** Documents (issue 12): policy, plans, registers, reports — texts, drafts, versions, management's approval, downloads. */
export function documentRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['documents'];
  const base = '/api/v1/organisations/:organisationId/documents' as const;

  orgRoute(app, ctx, {
    method: 'GET',
    url: base,
    permission: 'organisation.read',
    tags,
    summary: 'Every document kind with its latest version, latest approval and review date',
    response: documentListSchema,
    handler: ({ tx, actor }) => service.listDocuments(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/:documentKind`,
    permission: 'organisation.read',
    tags,
    summary: 'One document: its texts (own and default), the gaps of the draft, its versions and approvals',
    params: kindParams,
    querystring: documentLocaleQuerySchema,
    response: documentDetailSchema,
    handler: ({ tx, actor, params, query }) => service.documentDetail(tx, actor, params.documentKind, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${base}/:documentKind`,
    permission: 'documents.edit',
    tags,
    summary: 'Save the wording of a prose document and its review period (revision checked: 409 when stale)',
    params: kindParams,
    body: documentTextsSchema,
    querystring: documentLocaleQuerySchema,
    response: documentDetailSchema,
    handler: async ({ tx, actor, params, body, query }) => {
      await service.saveTexts(tx, actor, params.documentKind, body);
      return service.documentDetail(tx, actor, params.documentKind, query.locale);
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/:documentKind/versions`,
    permission: 'documents.edit',
    tags,
    summary: 'Issue the next version: the document as it stands, frozen in German and English (400 while it has gaps)',
    params: kindParams,
    body: documentVersionCreateSchema,
    querystring: documentLocaleQuerySchema,
    response: documentDetailSchema,
    status: 201,
    handler: async ({ tx, actor, params, body, query }) => {
      await service.createVersion(tx, actor, params.documentKind, body.note);
      return service.documentDetail(tx, actor, params.documentKind, query.locale);
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/:documentKind/versions/:versionNumber/approval`,
    permission: 'documents.approve',
    tags,
    summary: "Management approves the latest version (a director's approval counts as the § 38 BSIG Billigung); sets the review",
    params: versionParams,
    body: documentApprovalSchema,
    querystring: documentLocaleQuerySchema,
    response: documentDetailSchema,
    handler: async ({ tx, actor, params, body, query }) => {
      const locale = query.locale;
      await service.approveVersion(tx, actor, params.documentKind, params.versionNumber, body.remark, locale);
      return service.documentDetail(tx, actor, params.documentKind, locale);
    },
  });

  for (const format of documentFormats) {
    orgRoute(app, ctx, {
      method: 'GET',
      url: `${base}/:documentKind/draft/${format}`,
      permission: 'organisation.read',
      tags,
      summary: `The live draft as ${format.toUpperCase()}, built from today's data, gaps visible`,
      params: kindParams,
      querystring: documentLocaleQuerySchema,
      response: fileResponse(documentMediaTypes[format]),
      handler: async ({ tx, actor, params, query, reply }) => {
        const model = await service.draftModel(tx, actor.organisationId, params.documentKind, query.locale);
        const body = await renderDocument(model, format);
        reply.headers(documentHeaders(format, `${model.title} ${model.versionLabel}`));
        return body;
      },
    });

    orgRoute(app, ctx, {
      method: 'GET',
      url: `${base}/:documentKind/versions/:versionNumber/${format}`,
      permission: 'organisation.read',
      tags,
      summary: `A stored version as ${format.toUpperCase()} with its approvals`,
      params: versionParams,
      querystring: documentLocaleQuerySchema,
      response: fileResponse(documentMediaTypes[format]),
      handler: async ({ tx, actor, params, query, reply }) => {
        const model = await service.versionModel(tx, actor.organisationId, params.documentKind, params.versionNumber, query.locale);
        const body = await renderDocument(model, format);
        reply.headers(documentHeaders(format, `${model.title} ${model.versionLabel}`));
        return body;
      },
    });
  }
}
