import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registrationSchema } from '../../../domain/registration/registration.response.ts';
import { registrationSetupSchema } from '../../../domain/registration/registration.ts';
import type { AppContext } from '../../context.ts';
import { documentFormats, documentHeaders, documentMediaTypes, renderDocument } from '../../documents/render.ts';
import { fileResponse, orgRoute } from '../../http/org-route.ts';
import { getRegistration, saveRegistration } from './registration.service.ts';
import { registrationSheet, registrationSheetFileStem } from './registration-sheet.ts';

export function registrationRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['registration'];

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/registration',
    permission: 'organisation.read',
    tags,
    summary: '§ 33 BSIG registration data, contacts, checklist and readiness',
    response: registrationSchema,
    handler: ({ tx, actor }) => getRegistration(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/registration',
    permission: 'registration.edit',
    tags,
    summary: 'Save the registration data, contacts and checklist',
    body: registrationSetupSchema,
    response: registrationSchema,
    handler: ({ tx, actor, body }) => saveRegistration(tx, actor, body),
  });

  const sheetQuery = z.object({ locale: z.enum(['de', 'en']).default('de') });
  for (const format of documentFormats) {
    orgRoute(app, ctx, {
      method: 'GET',
      url: `/api/v1/organisations/:organisationId/registration/datasheet/${format}`,
      permission: 'organisation.read',
      tags,
      summary: `Data sheet with everything the registration asks for (${format.toUpperCase()})`,
      querystring: sheetQuery,
      response: fileResponse(documentMediaTypes[format]),
      handler: async ({ tx, actor, query, reply }) => {
        const now = new Date();
        const registration = await getRegistration(tx, actor.organisationId, now);
        const body = await renderDocument(registrationSheet(registration, query.locale, now), format);
        reply.headers(documentHeaders(format, registrationSheetFileStem(query.locale)));
        return body;
      },
    });
  }
}
