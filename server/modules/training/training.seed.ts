import { randomUUID } from 'node:crypto';
import { people } from '../../db/schema.ts';
import { withSystem } from '../../db/tenant.ts';
import { samplePdf, upload } from '../../test/files.ts';
import type { ModuleSeeds } from '../../test/seeds.ts';

const course = { title: 'Phishing erkennen (B)', topic: 'phishing', durationMinutes: 45, recurrenceMonths: 12 };

/** A course, a session and a person of the organisation, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    courseId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/training/courses`, course);
      if (res.statusCode !== 201) throw new Error(`training course seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
    sessionId: async ({ test, agent, organisationId, ids }) => {
      // An attendee with an address for the confirmation link, written directly (the :personId of the person routes is
      // seeded by the management module until the people module seeds its own).
      const attendee = randomUUID();
      await withSystem(test.ctx.db, (tx) =>
        tx.insert(people).values({ organisationId, id: attendee, name: 'Berta Beispiel', role: 'nurse', email: 'berta@praxis-b.example' }),
      );
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/training/sessions`, { courseId: ids.courseId, heldOn: '2026-03-02' });
      if (res.statusCode !== 201) throw new Error(`training session seed: ${res.statusCode} ${res.body}`);
      const id = (res.json() as { id: string }).id;
      const attendance = await agent.request('PUT', `/api/v1/organisations/${organisationId}/training/sessions/${id}/attendance`, {
        attendees: [{ personId: attendee, attended: true }],
      });
      if (attendance.statusCode !== 200) throw new Error(`training attendance seed: ${attendance.statusCode} ${attendance.body}`);
      const list = await upload(agent, test, `/api/v1/organisations/${organisationId}/training/sessions/${id}/attendance-list`, 'Liste.pdf', samplePdf);
      if (list.statusCode !== 201) throw new Error(`training attendance list seed: ${list.statusCode} ${list.body}`);
      return id;
    },
    confirmationToken: async ({ agent, organisationId, ids }) => {
      const session = await agent.request('GET', `/api/v1/organisations/${organisationId}/training/sessions/${ids.sessionId}`);
      const personIds = (session.json() as { attendance: { personId: string }[] }).attendance.map((a) => a.personId);
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/training/sessions/${ids.sessionId}/confirmations`, { personIds });
      const link = (res.json() as { links: { link: string }[] | null }).links?.[0]?.link;
      if (res.statusCode !== 200 || !link) throw new Error(`training confirmation seed: ${res.statusCode} ${res.body}`);
      return new URL(link).pathname.split('/').pop() ?? '';
    },
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/training/courses': { title: 'Eingeschleust', topic: 'other', durationMinutes: 10 },
    'PUT /api/v1/organisations/:organisationId/training/courses/:courseId': { ...course, title: 'Überschrieben', revision: 1 },
    // Any uuid reaches the access check; a course of the attacker would be refused at the field.
    'POST /api/v1/organisations/:organisationId/training/sessions': { courseId: '00000000-0000-4000-8000-000000000001', heldOn: '2026-03-02' },
    'PUT /api/v1/organisations/:organisationId/training/sessions/:sessionId': {
      courseId: '00000000-0000-4000-8000-000000000001',
      heldOn: '2026-03-03',
      revision: 1,
    },
    'PUT /api/v1/organisations/:organisationId/training/sessions/:sessionId/attendance': { attendees: [] },
    'POST /api/v1/organisations/:organisationId/training/sessions/:sessionId/confirmations': { personIds: ['00000000-0000-4000-8000-000000000001'] },
    // Multipart upload: without a body the access check still answers first.
    'POST /api/v1/organisations/:organisationId/training/sessions/:sessionId/attendance-list': undefined,
  },
};
