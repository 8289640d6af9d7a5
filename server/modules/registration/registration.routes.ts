import type { FastifyInstance } from 'fastify';
import { registrationSchema } from '../../../domain/registration/registration.response.ts';
import { registrationSetupSchema } from '../../../domain/registration/registration.ts';
import type { AppContext } from '../../context.ts';
import { fileResponse, orgRoute } from '../../http/org-route.ts';
import { draftToPdf } from '../incidents/incidents.ts';
import { getRegistration, registrationSheet, saveRegistration } from './registration.service.ts';

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

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/registration/datasheet/pdf',
    permission: 'organisation.read',
    tags,
    summary: 'Data sheet with everything the registration asks for (PDF)',
    response: fileResponse('application/pdf'),
    handler: async ({ tx, actor, reply }) => {
      const registration = await getRegistration(tx, actor.organisationId);
      const pdf = await draftToPdf(
        registrationSheet(registration),
        'Aus praxisschild. Angaben vor der Registrierung im BSI-Portal prüfen; Änderungen sind binnen zwei Wochen nachzumelden.',
      );
      reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="praxisschild-registrierung-33-bsig.pdf"')
        .header('cache-control', 'private, no-store');
      return pdf;
    },
  });
}
